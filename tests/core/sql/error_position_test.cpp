// Positions in error messages: how a warehouse says where a statement stopped, and how a layer
// that rewrote the SQL moves the position back onto its caller's text.
#include "core/sql/error_position.h"

#include <QtTest>

using namespace deskbase;

class ErrorPositionTest : public QObject {
    Q_OBJECT
private slots:
    void readsAndWritesThePosition_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("index");  // -1: none
        QTest::newRow("none") << QStringLiteral("database is locked") << -1;
        QTest::newRow("first character") << QStringLiteral("near \"X\": syntax error (at character 1)") << 0;
        QTest::newRow("later") << QStringLiteral("syntax error at or near \"FORM\" (at character 42)") << 41;
        QTest::newRow("zero is no position") << QStringLiteral("x (at character 0)") << -1;
        QTest::newRow("only at the end") << QStringLiteral("x (at character 3) y") << -1;
    }
    void readsAndWritesThePosition() {
        QFETCH(QString, message);
        QFETCH(int, index);
        const auto at = errorPosition(message.toStdString());
        QCOMPARE(at ? int(*at) : -1, index);
    }

    void replacesRatherThanAppends() {
        const std::string once = withErrorPosition("near \"X\": syntax error", 9);
        QCOMPARE(once, std::string("near \"X\": syntax error (at character 10)"));
        QCOMPARE(withErrorPosition(once, 2), std::string("near \"X\": syntax error (at character 3)"));
        QCOMPARE(withoutErrorPosition(once), std::string("near \"X\": syntax error"));
    }

    void shiftsBackOrDrops_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("delta");
        QTest::addColumn<int>("shifted");  // -1: dropped
        QTest::newRow("inside") << 20 << 16 << 4;
        QTest::newRow("at the start") << 16 << 16 << 0;
        QTest::newRow("in the prefix") << 3 << 16 << -1;
    }
    void shiftsBackOrDrops() {
        QFETCH(int, index);
        QFETCH(int, delta);
        QFETCH(int, shifted);
        const std::string moved =
            shiftErrorPosition(withErrorPosition("e", std::size_t(index)), std::size_t(delta));
        const auto at = errorPosition(moved);
        QCOMPARE(at ? int(*at) : -1, shifted);
        QVERIFY(moved.rfind("e", 0) == 0);
    }

    void countsCharactersNotBytes() {
        const std::string text = "a\xC3\xA9z\xF0\x9F\x98\x80!";  // a é z 😀 !
        QCOMPARE(characterIndexOfByte(text, 0), std::size_t(0));
        QCOMPARE(characterIndexOfByte(text, 3), std::size_t(2));  // z: after a and é (2 bytes)
        QCOMPARE(characterIndexOfByte(text, 8), std::size_t(4));  // !: after the 4-byte emoji
        QCOMPARE(byteOffsetOfCharacter(text, 2), std::size_t(3));
        QCOMPARE(byteOffsetOfCharacter(text, 4), std::size_t(8));
        QCOMPARE(byteOffsetOfCharacter(text, 99), text.size());
    }
};

QTEST_GUILESS_MAIN(ErrorPositionTest)
#include "error_position_test.moc"
