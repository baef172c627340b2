#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA010 tlsa-duplicate") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA010", Options{});
  }
  SUBCASE("the second copy is reported, pointing at the first; hex case does not matter") {
    std::string upper = "abababababababababababababababababababababababababababababababab";
    for (char& c : upper) c = static_cast<char>(toupper(c));
    auto f = lint_zone_text(cat("_25._tcp.mx IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n_25._tcp.mx IN TLSA 3 1 1 ", upper, "\n"), only("TLSA010"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 2);
    REQUIRE(f[0].related.size() == 1);
    CHECK(f[0].related[0].first.line == 1);
    CHECK(f[0].severity == Severity::Info);
  }
  SUBCASE("same data under other parameters is not a duplicate") {
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n_25._tcp.mx IN TLSA 2 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA010")).empty());
  }
}
