#include "tests/conformance/conformance_test.h"

QTEST_GUILESS_MAIN(deskbase::test::ConformanceTest)
