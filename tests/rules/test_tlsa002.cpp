#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA002 tlsa-param-private-use") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA002", Options{});
  }
  SUBCASE("private use is a warning") {
    auto f = lint_zone_text("_25._tcp.mx IN TLSA 255 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA002"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].message.find("PrivCert") != std::string::npos);
  }
}
