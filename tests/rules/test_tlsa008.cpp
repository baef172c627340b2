#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA008 tlsa-owner-service-name") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA008", Options{});
  }
  SUBCASE("_smtp suggests _25; a service name with an unknown protocol is left to tlsa-owner-format") {
    auto f = lint_zone_text("_smtp._tcp.mx IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA008"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("(_25)") != std::string::npos);
    CHECK(lint_zone_text("_smtp._foo.mx IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA008")).empty());
  }
}
