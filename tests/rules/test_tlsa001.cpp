#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA001 tlsa-param-unassigned") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA001", Options{});
  }
  SUBCASE("the message names the unassigned field") {
    auto f = lint_zone_text("_25._tcp.mx IN TLSA 3 7 1 abababababababababababababababababababababababababababababababab\n", only("TLSA001"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("selector 7") != std::string::npos);
    CHECK(f[0].severity == Severity::Error);
  }
  SUBCASE("boundaries: usage 3, selector 1, matching 2 are assigned; 4, 2, 3 are not") {
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 3 1 2 abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab\n", only("TLSA001")).empty());
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 254 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA001")).size() == 1);
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 3 1 255 abababababababababababababababababababababababababababababababab\n", only("TLSA001")).empty());
  }
}
