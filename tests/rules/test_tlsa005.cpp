#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA005 tlsa-full-discouraged") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA005", Options{});
  }
  SUBCASE("full data is a warning; digests are quiet") {
    auto f = lint_zone_text("_25._tcp.mx IN TLSA 2 0 0 abababababababababababababababababababababababababababababababab\n", only("TLSA005"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 2 0 1 abababababababababababababababababababababababababababababababab\n", only("TLSA005")).empty());
  }
}
