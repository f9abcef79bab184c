#include "tests/core/warehouse/conformance/conformance_test.h"

QTEST_GUILESS_MAIN(deskbase::test::ConformanceTest)
