// Durations in the status bar: milliseconds under a second (an import of a small file used to say
// "in 0.0 s"), one decimal in seconds below a minute, minutes and seconds beyond.
#include "app/gui/status_text.h"

#include <QtTest>

#include "widgets/common/display_locale.h"

using namespace deskbase::gui;

class StatusTextTest : public QObject {
    Q_OBJECT
private slots:
    void durations_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("under 1 ms");
        QTest::newRow("sub-millisecond") << 0.0004 << QStringLiteral("under 1 ms");
        QTest::newRow("rounds to 1 ms") << 0.0006 << QStringLiteral("1 ms");
        QTest::newRow("42 ms") << 0.042 << QStringLiteral("42 ms");
        QTest::newRow("999 ms") << 0.999 << QStringLiteral("999 ms");
        QTest::newRow("one second") << 1.0 << QStringLiteral("1.0 s");
        QTest::newRow("rounds up to a second") << 0.9996 << QStringLiteral("1.0 s");
        QTest::newRow("seconds") << 12.34 << QStringLiteral("12.3 s");
        QTest::newRow("a minute") << 60.0 << QStringLiteral("1 min 00 s");
        QTest::newRow("minutes") << 125.4 << QStringLiteral("2 min 05 s");
        QTest::newRow("negative is zero") << -3.0 << QStringLiteral("under 1 ms");
    }
    void durations() {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(durationText(seconds), text);
    }

    void counts() {
        QCOMPARE(countText(1, QStringLiteral("card"), QStringLiteral("cards")), QStringLiteral("1 card"));
        QCOMPARE(countText(0, QStringLiteral("card"), QStringLiteral("cards")), QStringLiteral("0 cards"));
        QCOMPARE(countText(12345, QStringLiteral("row"), QStringLiteral("rows")),
                 QStringLiteral("12,345 rows"));
    }

    void importLine() {
        QCOMPARE(importedText(QStringLiteral("w<x>"), 1234, 0, QString(), 0.25),
                 QStringLiteral("Loaded 1,234 rows into <b>w&lt;x&gt;</b> in 250 ms; none rejected"));
        QCOMPARE(importedText(QStringLiteral("w"), 3, 1, QStringLiteral("w__rejects"), 2.0),
                 QStringLiteral("Loaded 3 rows into <b>w</b> in 2.0 s; 1 rejected — "
                                "<a href=\"table:w__rejects\">show rejected rows</a>"));
        QCOMPARE(importedText(QStringLiteral("o"), 2, 0, QString(), 0.5,
                              {QStringLiteral("order_id"), QStringLiteral("customer_id")}),
                 QStringLiteral(
                     "Loaded 2 rows into <b>o</b> in 500 ms; none rejected; indexed order_id, customer_id"));
        // The checks that ran inside it; the link to its checks page when one did not pass.
        QCOMPARE(importedText(QStringLiteral("w"), 3, 0, QString(), 2.0, {}, QStringLiteral("2 pass"), false),
                 QStringLiteral("Loaded 3 rows into <b>w</b> in 2.0 s; none rejected; checks: 2 pass"));
        QCOMPARE(
            importedText(QStringLiteral("w"), 3, 0, QString(), 2.0, {}, QStringLiteral("1 pass, 1 warn"), true),
            QStringLiteral("Loaded 3 rows into <b>w</b> in 2.0 s; none rejected; checks: 1 pass, 1 warn — "
                           "<a href=\"checks:w\">show checks</a>"));
        QCOMPARE(importedText(QStringLiteral("o"), 2, 0, QString(), 0.5, {QStringLiteral("order_id")},
                              QStringLiteral("1 pass"), false),
                 QStringLiteral("Loaded 2 rows into <b>o</b> in 500 ms; none rejected; indexed order_id; checks: 1 pass"));
    }
};

QTEST_MAIN(StatusTextTest)
#include "status_text_test.moc"
