#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA009 daneee-selector-cert") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA009", Options{});
  }
  SUBCASE("3 0 0 also pins the certificate; DANE-TA 2 0 1 does not warn") {
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 3 0 0 abababababababababababababababababababababababababababababababab\n", only("TLSA009")).size() == 1);
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 2 0 1 abababababababababababababababababababababababababababababababab\n", only("TLSA009")).empty());
  }
}
