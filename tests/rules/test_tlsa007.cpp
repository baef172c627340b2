#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA007 tlsa-owner-format") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA007", Options{});
  }
  SUBCASE("port boundaries 1 and 65535 are valid") {
    CHECK(lint_zone_text("_1._tcp.h IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n_65535._sctp.h IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA007")).empty());
  }
  SUBCASE("the message says what is wrong") {
    auto f = lint_zone_text("_25._icmp.mx IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n", only("TLSA007"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("_icmp") != std::string::npos);
  }
}
