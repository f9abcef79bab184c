// The trend line: an exact fit on points on a line, none without two distinct x.
#include "core/chart/least_squares.h"

#include <QtTest>

using namespace deskbase::chart;

class LeastSquaresTest : public QObject {
    Q_OBJECT
private slots:
    void fitsALine() {
        auto fit = leastSquares({0, 1, 2, 3}, {1, 3, 5, 7});
        QVERIFY(fit.has_value());
        QCOMPARE(fit->slope, 2.0);
        QCOMPARE(fit->intercept, 1.0);
        QCOMPARE(fit->at(10), 21.0);
        // (0,5) (1,2) (2,3) (3,0): by hand, sxy = -7 and sxx = 5 about the means, so the slope is -1.4.
        auto noisy = leastSquares({0, 1, 2, 3}, {5, 2, 3, 0});
        QCOMPARE(noisy->slope, -1.4);
        QVERIFY(!leastSquares({1, 1}, {2, 3}).has_value());
        QVERIFY(!leastSquares({1}, {2}).has_value());
    }
};

QTEST_GUILESS_MAIN(LeastSquaresTest)
#include "least_squares_test.moc"
