// saveModelFile / modelNameProblem: which names a model may have; the file written is the text
// given and loads back as that model.
#include "core/models/model_project.h"

#include <QtTest>
#include <fstream>
#include <sstream>

#include "tests/support/temp_workspace.h"

using namespace deskbase;

class ModelProjectTest : public QObject {
    Q_OBJECT
private slots:
    void names_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("problem");  // part of the reason; "" when fine
        QTest::newRow("plain") << "stg_orders"
                               << "";
        QTest::newRow("capitals and digits") << "Mart2"
                                             << "";
        QTest::newRow("leading underscore") << "_tmp"
                                            << "";
        QTest::newRow("empty") << ""
                               << "needs a name";
        QTest::newRow("digit first") << "2024_sales"
                                     << "starts with a digit";
        QTest::newRow("dash") << "daily-sales"
                              << "only letters, digits and _";
        QTest::newRow("path") << "../evil"
                              << "only letters, digits and _";
        QTest::newRow("space") << "my model"
                               << "only letters, digits and _";
    }
    void names() {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString got = QString::fromStdString(modelNameProblem(name.toStdString()));
        if (problem.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(problem), qPrintable(got));
    }

    void savesAndLoadsBack() {
        test::TempWorkspace ws;
        const std::string text = "{{ config(materialized='table') }}\nselect 1 as id\n";
        QVERIFY(saveModelFile(ws.path(), "mart", text).isOk());
        std::ifstream in(ws.file("models/mart.sql"), std::ios::binary);
        std::stringstream read;
        read << in.rdbuf();
        QCOMPARE(read.str(), text);
        auto project = loadModelProject(ws.path(), Dialect::sqlite());
        QVERIFY2(project.isOk(), project.status().message().c_str());
        QVERIFY(project->find("mart"));
        QCOMPARE(project->find("mart")->materialized(), Materialization::Table);
        // Work in progress is saved too; the project load then names the file.
        QVERIFY(saveModelFile(ws.path(), "mart", "select {{ nope }}").isOk());
        auto broken = loadModelProject(ws.path(), Dialect::sqlite());
        QVERIFY(!broken.isOk());
        QVERIFY2(broken.message().find("models/mart.sql") != std::string::npos,
                 broken.status().message().c_str());
        const Status bad = saveModelFile(ws.path(), "../x", "select 1");
        QVERIFY(!bad.isOk());
        QVERIFY(!QFile::exists(QString::fromStdString(ws.file("x.sql"))));
    }
};

QTEST_GUILESS_MAIN(ModelProjectTest)
#include "model_project_test.moc"
