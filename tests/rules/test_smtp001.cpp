#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SMTP001 smtp-pkix-usage") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "SMTP001", Options{});
  }
  SUBCASE("PKIX off port 25 or over UDP is not an SMTP owner") {
    CHECK(lint_zone_text("_587._tcp.mx IN TLSA 1 1 1 abababababababababababababababababababababababababababababababab\n_25._udp.mx IN TLSA 0 1 1 abababababababababababababababababababababababababababababababab\n", only("SMTP001")).empty());
  }
}
