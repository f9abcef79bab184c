#include "core/workspace/workspace_edits.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

#include "core/dashboard/dashboard.h"
#include "core/infer/naming.h"
#include "core/io/atomic_file.h"

namespace deskbase {

namespace fs = std::filesystem;

namespace {

// Writes and deletes several files; rollback() puts every one back as it was before.
class FileBatch {
public:
    explicit FileBatch(const Workspace& ws) : ws_(ws) {}

    Status write(const std::string& rel, const std::string& bytes) {
        remember(rel);
        return writeFileAtomically(ws_.path(rel), bytes);
    }
    Status remove(const std::string& rel) {
        remember(rel);
        std::error_code ec;
        if (!fs::remove(ws_.path(rel), ec) || ec)
            return Status::fail("cannot delete " + ws_.path(rel) + (ec ? ": " + ec.message() : ""));
        return Status::ok();
    }
    void rollback() {
        for (auto it = before_.rbegin(); it != before_.rend(); ++it) {
            std::error_code ec;
            if (it->second)
                writeFileAtomically(ws_.path(it->first), *it->second);
            else
                fs::remove(ws_.path(it->first), ec);
        }
        before_.clear();
    }

private:
    void remember(const std::string& rel) {
        for (const auto& [r, bytes] : before_)
            if (r == rel) return;
        auto text = readTextFile(ws_.path(rel));
        before_.emplace_back(rel, text ? std::optional<std::string>(*text) : std::nullopt);
    }

    const Workspace& ws_;
    std::vector<std::pair<std::string, std::optional<std::string>>> before_;
};

std::string relative(const Workspace& ws, const std::string& file) {
    const fs::path p(file);
    if (!p.is_absolute()) return p.lexically_normal().generic_string();
    return p.lexically_normal().lexically_relative(ws.dir()).generic_string();
}

bool exists(const Workspace& ws, const std::string& rel) {
    std::error_code ec;
    return fs::exists(ws.path(rel), ec);
}

const WorkspaceQuestion* questionAt(const Workspace& ws, const std::string& file) {
    const std::string rel = relative(ws, file);
    for (const auto& q : ws.questions())
        if (q.file == rel) return &q;
    return nullptr;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string fileFor(const std::string& folder, const std::string& name) {
    return folder + "/" + toIdentifier(name) + ".json";
}

// A free "<name> (copy)" / "(copy N)" whose file does not exist yet.
std::pair<std::string, std::string> copyNameAndFile(const Workspace& ws, const std::string& folder,
                                                    const std::string& name) {
    for (int n = 1;; ++n) {
        const std::string copy = name + (n == 1 ? " (copy)" : " (copy " + std::to_string(n) + ")");
        const std::string file = fileFor(folder, copy);
        if (!exists(ws, file)) return {copy, file};
    }
}

struct DashboardFile {
    std::string rel;
    dashboard::Dashboard dashboard;
};

std::vector<DashboardFile> loadDashboards(const Workspace& ws) {
    std::vector<DashboardFile> out;
    for (const auto& path : ws.dashboardFiles())
        if (auto d = dashboard::loadDashboard(path)) out.push_back({relative(ws, path), std::move(*d)});
    return out;  // a dashboard that does not parse is listed in the workspace's problems already
}

// Applies `edit` to every dashboard; writes the ones it changed into `batch`.
template <class Edit>
Status editDashboards(const Workspace& ws, FileBatch& batch, Edit edit) {
    for (auto& [rel, d] : loadDashboards(ws)) {
        if (!edit(d)) continue;
        if (auto s = batch.write(rel, dashboard::serializeDashboard(d)); !s) return s;
    }
    return Status::ok();
}

Status commitOrRollBack(FileBatch& batch, Workspace& ws, Status s) {
    if (!s) batch.rollback();
    ws.reload();
    return s;
}

}  // namespace

std::vector<QuestionUse> dashboardsUsingQuestion(const Workspace& ws, const std::string& questionFile) {
    std::vector<QuestionUse> out;
    const WorkspaceQuestion* wq = questionAt(ws, questionFile);
    if (!wq) return out;
    for (const auto& [rel, d] : loadDashboards(ws)) {
        QuestionUse use{rel, d.name, 0, 0};
        for (const auto& c : d.cards)
            if (!c.question.empty() && ws.findQuestion(c.question) == wq) ++use.cards;
        for (const auto& f : d.filters)
            if (!f.optionsQuestion.empty() && ws.findQuestion(f.optionsQuestion) == wq) ++use.filters;
        if (use.cards || use.filters) out.push_back(std::move(use));
    }
    return out;
}

Result<std::string> renameQuestion(Workspace& ws, const std::string& questionFile,
                                   const std::string& newName) {
    const WorkspaceQuestion* wq = questionAt(ws, questionFile);
    if (!wq) return Error{"no question " + relative(ws, questionFile) + " in " + ws.dir()};
    const std::string name = trimmed(newName);
    if (name.empty()) return Error{"a question needs a name"};
    const std::string oldFile = wq->file;
    const std::string newFile = fileFor("questions", name);
    if (newFile != oldFile && exists(ws, newFile))
        return Error{newFile + " exists already: choose another name"};
    Question q = wq->question;
    q.name = name;
    const std::string ref = fs::path(newFile).filename().string();
    FileBatch batch(ws);
    Status s = batch.write(newFile, questionToText(q));
    if (s)
        s = editDashboards(ws, batch, [&](dashboard::Dashboard& d) {
            bool changed = false;
            for (auto& c : d.cards)
                if (!c.question.empty() && ws.findQuestion(c.question) == wq && c.question != ref) {
                    c.question = ref;
                    changed = true;
                }
            for (auto& f : d.filters)
                if (!f.optionsQuestion.empty() && ws.findQuestion(f.optionsQuestion) == wq &&
                    f.optionsQuestion != ref) {
                    f.optionsQuestion = ref;
                    changed = true;
                }
            return changed;
        });
    if (s && newFile != oldFile) s = batch.remove(oldFile);
    if (auto done = commitOrRollBack(batch, ws, s); !done) return Error{done.message()};
    return newFile;
}

Result<std::string> duplicateQuestion(Workspace& ws, const std::string& questionFile) {
    const WorkspaceQuestion* wq = questionAt(ws, questionFile);
    if (!wq) return Error{"no question " + relative(ws, questionFile) + " in " + ws.dir()};
    Question q = wq->question;
    auto [name, file] = copyNameAndFile(ws, "questions", q.name);
    q.name = name;
    if (auto s = ws.saveQuestion(fs::path(file).filename().string(), q); !s) return Error{s.message()};
    ws.reload();
    return file;
}

Status deleteQuestion(Workspace& ws, const std::string& questionFile) {
    const WorkspaceQuestion* wq = questionAt(ws, questionFile);
    if (!wq) return Status::fail("no question " + relative(ws, questionFile) + " in " + ws.dir());
    const std::string file = wq->file;
    FileBatch batch(ws);
    Status s = editDashboards(ws, batch, [&](dashboard::Dashboard& d) {
        std::vector<std::string> removed;
        for (const auto& c : d.cards)
            if (!c.question.empty() && ws.findQuestion(c.question) == wq) removed.push_back(c.id);
        auto gone = [&](const std::string& id) {
            return std::find(removed.begin(), removed.end(), id) != removed.end();
        };
        bool changed = !removed.empty();
        std::erase_if(d.cards, [&](const dashboard::Card& c) { return gone(c.id); });
        for (auto& f : d.filters) {
            changed |=
                std::erase_if(f.targets, [&](const dashboard::FilterTarget& t) { return gone(t.card); }) > 0;
            if (!f.optionsQuestion.empty() && ws.findQuestion(f.optionsQuestion) == wq) {
                f.optionsQuestion.clear();
                changed = true;
            }
        }
        return changed;
    });
    if (s) s = batch.remove(file);
    return commitOrRollBack(batch, ws, s);
}

Result<std::string> renameDashboard(Workspace& ws, const std::string& dashboardFile,
                                    const std::string& newName) {
    const std::string oldFile = relative(ws, dashboardFile);
    auto d = dashboard::loadDashboard(ws.path(oldFile));
    if (!d) return Error{d.message()};
    const std::string name = trimmed(newName);
    if (name.empty()) return Error{"a dashboard needs a name"};
    const std::string newFile = fileFor("dashboards", name);
    if (newFile != oldFile && exists(ws, newFile))
        return Error{newFile + " exists already: choose another name"};
    d->name = name;
    FileBatch batch(ws);
    Status s = batch.write(newFile, dashboard::serializeDashboard(*d));
    if (s && newFile != oldFile) s = batch.remove(oldFile);
    if (auto done = commitOrRollBack(batch, ws, s); !done) return Error{done.message()};
    return newFile;
}

Result<std::string> duplicateDashboard(Workspace& ws, const std::string& dashboardFile) {
    auto d = dashboard::loadDashboard(ws.path(relative(ws, dashboardFile)));
    if (!d) return Error{d.message()};
    auto [name, file] = copyNameAndFile(ws, "dashboards", d->name);
    d->name = name;
    if (auto s = dashboard::saveDashboard(*d, ws.path(file)); !s) return Error{s.message()};
    ws.reload();
    return file;
}

Status deleteDashboard(Workspace& ws, const std::string& dashboardFile) {
    FileBatch batch(ws);
    const Status s = batch.remove(relative(ws, dashboardFile));
    ws.reload();
    return s;
}

std::vector<std::string> questionsMentioning(const Workspace& ws, const std::string& word) {
    auto lower = [](std::string s) {
        for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    auto identChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    const std::string w = lower(word);
    std::vector<std::string> out;
    if (w.empty()) return out;
    for (const auto& q : ws.questions()) {
        const std::string sql = lower(q.question.sql);
        for (std::size_t at = sql.find(w); at != std::string::npos; at = sql.find(w, at + 1)) {
            const bool startOk = at == 0 || !identChar(sql[at - 1]);
            const bool endOk = at + w.size() >= sql.size() || !identChar(sql[at + w.size()]);
            if (startOk && endOk) {
                out.push_back(q.question.name);
                break;
            }
        }
    }
    return out;
}

}  // namespace deskbase
