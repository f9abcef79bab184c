// Question JSON round-trip and workspace loading (broken files are reported, the rest loads).
#include <QtTest>
#include <filesystem>

#include "core/question/question.h"
#include "core/question/question_request.h"
#include "core/workspace/workspace.h"
#include "tests/support/temp_workspace.h"

using namespace deskbase;

namespace {

Question sampleQuestion() {
    Question q;
    q.name = "Delays by origin";
    q.description = "Average delay per origin airport";
    q.connection = "";
    q.sql =
        "SELECT origin, avg(delay) AS avg_delay\nFROM flights\nWHERE 1=1 [[AND origin IN ({{airports}})]]\n"
        "GROUP BY origin ORDER BY 2 DESC LIMIT {{top}}";
    Parameter airports;
    airports.name = "airports";
    airports.label = "Airports";
    airports.multiValue = true;
    airports.defaultValue = nlohmann::json::array({"JFK", "SEA"});
    Parameter top;
    top.name = "top";
    top.type = Parameter::Type::Number;
    top.required = true;
    top.defaultValue = 10;
    q.parameters = {airports, top};
    q.visualization = {{"type", "bar"},
                       {"options", {{"x", "origin"}, {"y", {"avg_delay"}}, {"stacked", false}}}};
    CachePolicy fixed;
    fixed.kind = CachePolicy::Kind::Fixed;
    fixed.ttlSeconds = 120;
    q.cache = fixed;
    return q;
}

}  // namespace

class QuestionWorkspaceTest : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsByteIdentical() {
        test::TempWorkspace ws;
        const std::string first = ws.file("q1.json");
        QVERIFY(saveQuestion(sampleQuestion(), first));
        auto loaded = loadQuestion(first);
        QVERIFY2(loaded, loaded.isOk() ? "" : loaded.message().c_str());
        QCOMPARE(QString::fromStdString(loaded->sql), QString::fromStdString(sampleQuestion().sql));
        QCOMPARE(int(loaded->parameters.size()), 2);
        QVERIFY(loaded->parameters[0].multiValue);
        QVERIFY(loaded->parameters[1].required);
        QCOMPARE(loaded->parameters[1].type, Parameter::Type::Number);
        QVERIFY(loaded->cache.has_value());
        QCOMPARE(loaded->cache->ttlSeconds, std::int64_t(120));
        const std::string second = ws.file("q2.json");
        QVERIFY(saveQuestion(*loaded, second));
        auto a = readTextFile(first), b = readTextFile(second);
        QVERIFY(a && b);
        QCOMPARE(QString::fromStdString(*b), QString::fromStdString(*a));
        // Stable key order, 2-space indent, trailing newline.
        QVERIFY(a->rfind("{\n  \"name\": \"Delays by origin\",\n  \"description\"", 0) == 0);
        QVERIFY(a->back() == '\n');
        QVERIFY(a->find("\"name\"") < a->find("\"sql\""));
        QVERIFY(a->find("\"sql\"") < a->find("\"parameters\""));
        QVERIFY(a->find("\"parameters\"") < a->find("\"visualization\""));
    }

    void parseErrorNamesLine() {
        auto q = questionFromText("{\n  \"name\": \"x\",\n  \"sql\": \"SELECT 1\"\n  \"oops\": 1\n}\n",
                                  "bad.json");
        QVERIFY(!q);
        QVERIFY2(QString::fromStdString(q.message()).startsWith(QStringLiteral("bad.json: line 4: ")),
                 q.message().c_str());
    }

    void unknownParameterTypeIsAnError() {
        auto q =
            questionFromText(R"({"name":"x","sql":"SELECT 1","parameters":[{"name":"p","type":"color"}]})");
        QVERIFY(!q);
        QVERIFY(QString::fromStdString(q.message()).contains(QStringLiteral("color")));
    }

    void workspaceWithBrokenFileStillLoads() {
        test::TempWorkspace ws;
        auto created = Workspace::create(ws.path());
        QVERIFY2(created, created.isOk() ? "" : created.message().c_str());
        QVERIFY(created->saveQuestion("good", sampleQuestion()));
        ws.write("questions/broken.json",
                 "{\n  \"name\": \"broken\",\n  \"sql\": \"SELECT 1\",\n  oops\n}\n");
        ws.write("questions/zzz.json", "{\"name\": \"Last\", \"sql\": \"SELECT 2\"}");
        ws.write("dashboards/main.json", "{}");
        ws.write("questions/notes.txt", "ignored");

        auto w = Workspace::open(ws.path());
        QVERIFY(w);
        QCOMPARE(int(w->questions().size()), 2);
        QCOMPARE(QString::fromStdString(w->questions()[0].file), QStringLiteral("questions/good.json"));
        QCOMPARE(QString::fromStdString(w->questions()[1].question.name), QStringLiteral("Last"));
        QCOMPARE(int(w->problems().size()), 1);
        const auto& p = w->problems()[0];
        QCOMPARE(QString::fromStdString(p.file), QStringLiteral("questions/broken.json"));
        QCOMPARE(p.line, 4);
        QVERIFY2(
            QString::fromStdString(p.message).startsWith(QStringLiteral("questions/broken.json: line 4: ")),
            p.message.c_str());
        QCOMPARE(int(w->dashboardFiles().size()), 1);
        QVERIFY(w->findQuestion("good"));
        QVERIFY(w->findQuestion("Last"));
        QVERIFY(!w->findQuestion("missing"));
        // Any spelling of the file's path finds it: absolute, with ./ and .., through a symlink.
        const WorkspaceQuestion* good = w->findQuestion("good");
        QCOMPARE(w->findQuestion(ws.file("questions/good.json")), good);
        QCOMPARE(w->findQuestion(ws.file("questions/../questions/./good.json")), good);
        QCOMPARE(w->findQuestion("./questions/good.json"), good);
        const std::string link = ws.file("link-to-ws");
        QVERIFY(QFile::link(QString::fromStdString(ws.path()), QString::fromStdString(link)));
        QCOMPARE(w->findQuestion(link + "/questions/good.json"), good);
        QVERIFY(!w->findQuestion(ws.file("dashboards/good.json")));  // another folder's file
        QVERIFY(w->removeQuestion("zzz"));
        QVERIFY(!w->findQuestion("Last"));
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("questions/zzz.json"))));
        QVERIFY(!w->removeQuestion("zzz"));
    }

    void requestFromQuestion() {
        test::TempWorkspace ws;
        auto w = Workspace::create(ws.path());
        QVERIFY(w);
        w->connections().push_back({"pg", "postgresql://ann@127.0.0.1:5432/sales"});
        w->settings().cachePolicy.kind = CachePolicy::Kind::Never;
        Question q = sampleQuestion();
        auto r = makeQuestionRequest(q, {{"airports", {"BOS"}}}, &*w, {}, "card-7");
        QVERIFY2(r, r.isOk() ? "" : r.message().c_str());
        QCOMPARE(QString::fromStdString(r->target), QString::fromStdString(ws.file("warehouse.db")));
        QVERIFY(r->sql.find("IN (?1)") != std::string::npos);
        QVERIFY(r->sql.find("LIMIT ?2") != std::string::npos);
        QCOMPARE(int(r->params.size()), 2);
        QCOMPARE(r->cachePolicy.kind, CachePolicy::Kind::Fixed);  // the question's own policy wins
        QCOMPARE(QString::fromStdString(r->slotKey), QStringLiteral("card-7"));
        q.cache.reset();
        q.connection = "pg";
        r = makeQuestionRequest(q, {}, &*w);
        QVERIFY(r);
        QVERIFY2(r->sql.find("IN ($1, $2)") != std::string::npos, r->sql.c_str());  // defaults JFK, SEA
        QCOMPARE(r->cachePolicy.kind, CachePolicy::Kind::Never);
        q.connection = "missing";
        QVERIFY(!makeQuestionRequest(q, {}, &*w));
    }

    void defaultTexts() {
        Parameter p;
        QVERIFY(defaultValueTexts(p).empty());
        p.defaultValue = 10;
        QCOMPARE(defaultValueTexts(p), std::vector<std::string>{"10"});
        p.defaultValue = nlohmann::json::array({"a", true, 2.5});
        QCOMPARE(defaultValueTexts(p), (std::vector<std::string>{"a", "true", "2.5"}));
    }

    void brokenSettingsFileIsReported() {
        test::TempWorkspace ws;
        ws.write("deskbase.json", "{\n\"theme\": \"dark\",,\n}");
        auto w = Workspace::open(ws.path());
        QVERIFY(w);
        QCOMPARE(int(w->problems().size()), 1);
        QCOMPARE(w->problems()[0].line, 2);
        QCOMPARE(QString::fromStdString(w->defaultTarget()), QString::fromStdString(ws.file("warehouse.db")));
    }

    void settingsRoundTripWithoutPasswords() {
        test::TempWorkspace ws;
        auto w = Workspace::create(ws.path());
        QVERIFY(w);
        w->connections().push_back({"local", "data/other.db"});
        w->connections().push_back({"pg", "postgresql://ann:s3cret@127.0.0.1:5432/sales"});
        w->connections().push_back({"pgkw", "host=db password=hunter2 dbname=x"});
        w->settings().defaultConnection = "local";
        w->settings().theme = "dark";
        w->settings().cachePolicy.kind = CachePolicy::Kind::Never;
        QVERIFY(w->saveSettings());
        auto text = readTextFile(ws.file("deskbase.json"));
        QVERIFY(text);
        QVERIFY2(text->find("s3cret") == std::string::npos, text->c_str());
        QVERIFY2(text->find("hunter2") == std::string::npos, text->c_str());
        auto again = Workspace::open(ws.path());
        QVERIFY(again);
        QVERIFY(again->problems().empty());
        QCOMPARE(QString::fromStdString(again->settings().theme), QStringLiteral("dark"));
        QCOMPARE(again->settings().cachePolicy.kind, CachePolicy::Kind::Never);
        QCOMPARE(QString::fromStdString(again->defaultTarget()),
                 QString::fromStdString(ws.file("data/other.db")));
        QCOMPARE(QString::fromStdString(again->targetFor("pg").value()),
                 QStringLiteral("postgresql://ann@127.0.0.1:5432/sales"));
        QCOMPARE(QString::fromStdString(again->targetFor("pgkw").value()),
                 QStringLiteral("dbname=x host=db"));
        QVERIFY(!again->targetFor("nope"));
    }
};

QTEST_GUILESS_MAIN(QuestionWorkspaceTest)
#include "question_workspace_test.moc"
