// The source editor's form: a source given to it comes back field by field, also the fields it
// does not show; each widget changes the field it names; the schedule is checked as it is typed
// (the next run, or the parser's one line); the first matching file is found in a real folder.
#include "widgets/sources/source_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>
#include <QtTest>

#include "core/sources/source_file.h"
#include "tests/support/temp_workspace.h"
#include "widgets/sources/schedule_edit.h"
#include "widgets/theme/theme.h"

using namespace deskbase;
using namespace deskbase::widgets;

Q_DECLARE_METATYPE(std::string)

class SourceFormTest : public QObject {
    Q_OBJECT
private slots:
    void givesBackWhatItWasGiven_data();
    void givesBackWhatItWasGiven();
    void widgetsChangeTheirFields();
    void scheduleIsCheckedLive();
    void firstMatchingFile();
    void hintLinesAreReadableInTheDarkTheme();
    void anExistingTableOffersItsColumnsAsKey();
    void aFolderTypedOrPickedIsWatched();
};

void SourceFormTest::givesBackWhatItWasGiven_data() {
    QTest::addColumn<std::string>("text");
    QTest::newRow("every field") << std::string(
        R"({"name": "orders_inbox", "description": "the shop", "path": "inbox/*.csv", "table": "orders",
            "mode": "append", "unique_key": ["order_id", "line"], "types": {"order_id": "integer"},
            "delimiter": ";", "header": false, "encoding": "windows-1252", "on_failure": "refuse",
            "watch": true, "schedule": "weekly fri 07:05", "after": ["customers"], "stable_seconds": 0.5,
            "move_processed": true, "move_failed": "bad"})");
    QTest::newRow("replace, cron, warn") << std::string(
        R"({"name": "daily", "path": "in/", "table": "daily", "mode": "replace", "on_failure": "warn",
            "schedule": "30 6 * * 1-5", "move_processed": "done", "stable_seconds": 0})");
    QTest::newRow("watch only") << std::string(
        R"({"name": "w", "path": "drop/", "table": "w", "watch": true})");
    QTest::newRow("on demand") << std::string(R"({"name": "o", "path": "a.csv", "table": "t"})");
    QTest::newRow("every 15 minutes")
        << std::string(R"({"name": "e", "path": "a.csv", "table": "t", "schedule": "every 15 minutes"})");
    QTest::newRow("hourly and watch")
        << std::string(R"({"name": "h", "path": "in/", "table": "t", "schedule": "hourly", "watch": true})");
    QTest::newRow("daily") << std::string(
        R"({"name": "d", "path": "in/", "table": "t", "schedule": "daily 06:30"})");
}

void SourceFormTest::givesBackWhatItWasGiven() {
    QFETCH(std::string, text);
    test::TempWorkspace ws;
    auto given = sourceSpecFromText(text, "sources/given.json");
    QVERIFY2(given, given.status().message().c_str());
    SourceForm form(QString::fromStdString(ws.path()));
    form.setSpec(*given);
    auto back = form.spec();
    QVERIFY2(back, back.status().message().c_str());
    // Field by field, through the file shape (every field of the spec is in it).
    QCOMPARE(sourceSpecToJson(*back).dump(), sourceSpecToJson(*given).dump());
    QCOMPARE(back->stableSeconds, given->stableSeconds);
}

void SourceFormTest::widgetsChangeTheirFields() {
    test::TempWorkspace ws;
    SourceForm form(QString::fromStdString(ws.path()));
    QSignalSpy changed(&form, &SourceForm::changed);
    form.nameEdit()->setText(QStringLiteral("inbox"));
    form.pathEdit()->setText(QStringLiteral("drop/"));
    form.tableEdit()->setText(QStringLiteral("orders"));
    form.keyCombo()->setCurrentText(QStringLiteral("order_id"));
    ScheduleEdit* sch = form.scheduleEdit();
    sch->presetCombo()->setCurrentIndex(sch->presetCombo()->findData(int(SchedulePreset::Kind::Daily)));
    sch->timeEdit()->setTime(QTime(7, 45));
    sch->alsoWatchBox()->setChecked(true);
    form.stableSpin()->setValue(5);
    form.onFailureCombo()->setCurrentIndex(2);  // refuse
    form.moveFailedBox()->setChecked(true);
    QVERIFY(changed.count() > 0);
    auto s = form.spec();
    QVERIFY2(s, s.status().message().c_str());
    QCOMPARE(sourceSpecToJson(*s).dump(),
             std::string(
                 R"({"name":"inbox","path":"drop/","table":"orders","mode":"append",)"
                 R"("unique_key":["order_id"],"on_failure":"refuse","watch":true,"schedule":"daily 07:45",)"
                 R"("stable_seconds":5.0,"move_failed":true})"));
    // Replace has no unique key: the box is off and the key is not written.
    form.modeCombo()->setCurrentIndex(form.modeCombo()->findData(int(ImportMode::Replace)));
    QVERIFY(!form.keyCombo()->isEnabled());
    QVERIFY(form.spec()->uniqueKey.empty());
    // No name: one line naming what is missing.
    form.nameEdit()->clear();
    QCOMPARE(form.spec().message(), std::string("sources/(no name).json: a source needs a name"));
}

void SourceFormTest::scheduleIsCheckedLive() {
    ScheduleEdit edit;
    edit.presetCombo()->setCurrentIndex(edit.presetCombo()->findData(int(SchedulePreset::Kind::Cron)));
    edit.cronEdit()->setText(QStringLiteral("0 25 * * *"));
    QCOMPARE(edit.problem(), QStringLiteral("cron field 2 (hour): 25 is out of range 0-23"));
    QCOMPARE(edit.feedback(), edit.problem());
    edit.cronEdit()->setText(QStringLiteral("0 6 * * *"));
    QVERIFY(edit.problem().isEmpty());
    // The next 06:00 local time, worked out here with QDateTime.
    QDateTime next(QDate::currentDate(), QTime(6, 0));
    if (next <= QDateTime::currentDateTime()) next = next.addDays(1);
    QCOMPARE(
        edit.feedback(),
        QStringLiteral("Next run: %1").arg(QLocale().toString(next, QStringLiteral("ddd yyyy-MM-dd HH:mm"))));
    edit.presetCombo()->setCurrentIndex(edit.presetCombo()->findData(int(SchedulePreset::Kind::Watch)));
    QVERIFY(edit.watch());
    QCOMPARE(edit.scheduleText(), std::string());
}

void SourceFormTest::firstMatchingFile() {
    test::TempWorkspace ws;
    SourceForm form(QString::fromStdString(ws.path()));
    form.pathEdit()->setText(QStringLiteral("inbox/"));
    QVERIFY(form.firstMatchingFile().isEmpty());
    QVERIFY(!form.previewButton()->isEnabled());
    const std::string a = ws.write("inbox/a.csv", "id\n1\n");
    form.pathEdit()->setText(QStringLiteral("inbox/*.csv"));
    QCOMPARE(form.firstMatchingFile(), QString::fromStdString(a));
    QCOMPARE(form.matchText(), QStringLiteral("First file: inbox/a.csv"));
    QVERIFY(form.previewButton()->isEnabled());
    QSignalSpy asked(&form, &SourceForm::previewRequested);
    form.previewButton()->click();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QString::fromStdString(a));
}

namespace {
// The largest lightness difference to the label's own background (its top-left pixel): text is
// readable when some of its pixels stand far from what it is drawn on.
int contrastOf(QLabel* label) {
    const QImage image = label->grab().toImage();
    const int background = image.pixelColor(0, 0).lightness();
    int best = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            best = std::max(best, std::abs(image.pixelColor(x, y).lightness() - background));
    return best;
}
}  // namespace

// Seen under Xvfb: in the dark theme "No file there yet: ..." and "Runs when a file appears ..."
// were dark grey on the dark window (palette(mid), a lightness difference of about 25).
void SourceFormTest::hintLinesAreReadableInTheDarkTheme() {
    test::TempWorkspace ws;
    applyTheme(*qApp, ThemeMode::Dark);
    SourceForm form(QString::fromStdString(ws.path()));
    form.resize(700, 400);
    form.show();
    form.pathEdit()->setText(QStringLiteral("inbox/"));
    ScheduleEdit* sch = form.scheduleEdit();
    sch->presetCombo()->setCurrentIndex(sch->presetCombo()->findData(int(SchedulePreset::Kind::Watch)));
    QCoreApplication::processEvents();
    auto* match = form.findChild<QLabel*>(QStringLiteral("sourceMatch"));
    auto* feedback = form.findChild<QLabel*>(QStringLiteral("scheduleFeedback"));
    QVERIFY(match && feedback);
    QCOMPARE(match->text(), QStringLiteral("No file there yet: the first one that arrives loads."));
    QVERIFY(feedback->text().startsWith(QStringLiteral("Runs when a file appears")));
    QVERIFY2(contrastOf(match) > 80, qPrintable(QString::number(contrastOf(match))));
    QVERIFY2(contrastOf(feedback) > 80, qPrintable(QString::number(contrastOf(feedback))));
    applyTheme(*qApp, ThemeMode::Light);
    QCoreApplication::processEvents();
    QVERIFY2(contrastOf(match) > 80, qPrintable(QString::number(contrastOf(match))));
}

// Seen under Xvfb (session 6): the unique-key list was empty for a table that exists, because it
// was filled from a preview only and a watched folder has no file yet.
void SourceFormTest::anExistingTableOffersItsColumnsAsKey() {
    test::TempWorkspace ws;
    SourceForm form(QString::fromStdString(ws.path()));
    form.setExistingTables({{QStringLiteral("orders"), {QStringLiteral("order_id"), QStringLiteral("total")}}});
    QCOMPARE(form.keyCombo()->count(), 1);  // (none): no table named yet
    form.tableEdit()->setText(QStringLiteral("orders"));
    QCOMPARE(form.keyCombo()->count(), 3);
    QCOMPARE(form.keyCombo()->itemText(1), QStringLiteral("order_id"));
    form.tableEdit()->setText(QStringLiteral("orders_new"));  // a table to be made: nothing known
    QCOMPARE(form.keyCombo()->count(), 1);
    // A preview's columns are the file's own: a table name typed afterwards does not replace them.
    form.tableEdit()->setText(QStringLiteral("orders"));
    ImportOptions o;
    form.applyImport(o, {QStringLiteral("id"), QStringLiteral("day")});
    form.tableEdit()->setText(QStringLiteral("orders2"));
    QCOMPARE(form.keyCombo()->count(), 3);
    QCOMPARE(form.keyCombo()->itemText(1), QStringLiteral("id"));
    // A source given with a key keeps it when its table's columns come in.
    auto given = sourceSpecFromText(R"({"name": "o", "path": "in/", "table": "orders", "unique_key": ["total"]})",
                                    "sources/o.json");
    QVERIFY2(given, given.status().message().c_str());
    form.setSpec(*given);
    QCOMPARE(form.keyCombo()->currentText(), QStringLiteral("total"));
    QCOMPARE(form.keyCombo()->count(), 3);
    QCOMPARE(form.spec()->uniqueKey, std::vector<std::string>{"total"});
}

// Seen under Xvfb (session 6): a folder source defaulted to "On demand".
void SourceFormTest::aFolderTypedOrPickedIsWatched() {
    test::TempWorkspace ws;
    ws.write("drop/keep.txt", "x");
    SourceForm form(QString::fromStdString(ws.path()));
    form.nameEdit()->setText(QStringLiteral("drop"));
    form.tableEdit()->setText(QStringLiteral("t"));
    form.pathEdit()->setText(QStringLiteral("a.csv"));
    emit form.pathEdit()->editingFinished();
    QVERIFY(!form.scheduleEdit()->watch());  // a file: on demand stays
    form.pathEdit()->setText(QStringLiteral("drop"));  // a folder that exists, typed without a slash
    emit form.pathEdit()->editingFinished();
    QVERIFY(form.scheduleEdit()->watch());
    QCOMPARE(form.spec()->watch, true);
    // A schedule chosen stays what it is.
    ScheduleEdit* sch = form.scheduleEdit();
    sch->presetCombo()->setCurrentIndex(sch->presetCombo()->findData(int(SchedulePreset::Kind::Hourly)));
    form.pathEdit()->setText(QStringLiteral("inbox/"));
    emit form.pathEdit()->editingFinished();
    QCOMPARE(form.spec()->schedule->text(), std::string("hourly"));
    QVERIFY(!form.scheduleEdit()->watch());
    // An existing source's folder, opened again on demand, is not switched by leaving the field.
    auto given = sourceSpecFromText(R"({"name": "o", "path": "drop/", "table": "t"})", "sources/o.json");
    QVERIFY2(given, given.status().message().c_str());
    form.setSpec(*given);
    emit form.pathEdit()->editingFinished();
    QVERIFY(!form.scheduleEdit()->watch());
}

QTEST_MAIN(SourceFormTest)
#include "source_form_test.moc"
