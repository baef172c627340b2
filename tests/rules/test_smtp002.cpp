#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SMTP002 smtp-nonstandard-combo") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "SMTP002", Options{});
  }
  SUBCASE("an info, and quiet for the recommended combinations and for PKIX (left to smtp-pkix-usage)") {
    auto f = lint_zone_text("_25._tcp.mx IN TLSA 2 0 2 abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab\n", only("SMTP002"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Info);
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 1 0 2 abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab\n", only("SMTP002")).empty());
  }
}
