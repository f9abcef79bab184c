#pragma once
// Runs a command as a child process and measures its wall time and peak memory (wait4 rusage).
// Shared by the benchmarks that compare Deskbase with a reference tool in the same run.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

extern char** environ;

namespace deskbase::bench {

struct RunFigures {
    double seconds = 0;
    long peakKb = 0;
    int exitCode = -1;
};

// stdoutPath: where the child's standard output goes ("" keeps it).
inline RunFigures runTimed(const std::vector<std::string>& argv, const std::string& stdoutPath = "/dev/null") {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!stdoutPath.empty()) posix_spawn_file_actions_addopen(&actions, 1, stdoutPath.c_str(), 01101 /*O_WRONLY|O_CREAT|O_TRUNC*/, 0644);
    RunFigures f;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        std::fprintf(stderr, "cannot start %s\n", args[0]);
        posix_spawn_file_actions_destroy(&actions);
        return f;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    f.peakKb = usage.ru_maxrss;
    f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return f;
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace deskbase::bench
