#include "app/cli/verbs.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/cli/commands.h"

namespace deskbase::cli {

namespace {
template <int (*F)(const std::vector<std::string>&)>
int withoutApp(int, char**, const std::vector<std::string>& args) {
    return F(args);
}
}  // namespace

const std::vector<Verb>& verbs() {
    static const std::vector<Verb> list{
        {&importSpec, &withoutApp<runImport>},
        {&querySpec, &withoutApp<runQuery>},
        {&renderSpec, &runRender},
        {&tablesSpec, &withoutApp<runTables>},
        {&checkSpec, &withoutApp<runCheck>},
        {&buildSpec, &withoutApp<runBuild>},
        {&lineageSpec, &withoutApp<runLineage>},
        {&reportSpec, &runReport},
        {&runSpec, &runRun},
        {&watchSpec, &runWatch},
    };
    return list;
}

std::optional<int> runVerb(int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    const std::string name = argv[1];
    for (const auto& verb : verbs()) {
        if (verb.spec().verb != name) continue;
        const std::vector<std::string> rest(argv + 2, argv + argc);
        return finishOutput(name, verb.run(argc, argv, rest));
    }
    return std::nullopt;
}

int finishOutput(const std::string& verb, int code) {
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    const int err = errno;
    // A failed verb has said why already (query reports its own failed writes): one line only.
    if ((flushed && !std::ferror(stdout)) || code != 0) return code;
    const std::string who = verb.empty() ? "deskbase" : "deskbase " + verb;
    std::fprintf(stderr, "%s: cannot write the output: %s\n", who.c_str(),
                 err ? std::strerror(err) : "write error");
    return 1;
}

}  // namespace deskbase::cli
