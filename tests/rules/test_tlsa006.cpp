#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA006 tlsa-empty-input-digest") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA006", Options{});
  }
  SUBCASE("a digest one bit away from the empty-input digest is quiet") {
    CHECK(lint_zone_text("_25._tcp.mx IN TLSA 3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b854\n",
                         only("TLSA006")).empty());
    auto f = lint_zone_text("_25._tcp.mx IN TLSA 3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n",
                            only("TLSA006"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("empty input") != std::string::npos);
  }
}
