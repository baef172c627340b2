#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA003 tlsa-digest-length") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA003", Options{});
  }
  SUBCASE("boundaries around 32 and 64 octets") {
    auto rec = [](int mtype, int octets) {
      return cat("_25._tcp.mx IN TLSA 3 1 ", mtype, ' ', std::string(static_cast<size_t>(octets) * 2, 'a'), "\n");
    };
    CHECK(lint_zone_text(rec(1, 31), only("TLSA003")).size() == 1);
    CHECK(lint_zone_text(rec(1, 32), only("TLSA003")).empty());
    CHECK(lint_zone_text(rec(1, 33), only("TLSA003")).size() == 1);
    CHECK(lint_zone_text(rec(2, 63), only("TLSA003")).size() == 1);
    CHECK(lint_zone_text(rec(2, 64), only("TLSA003")).empty());
    CHECK(lint_zone_text(rec(2, 65), only("TLSA003")).size() == 1);
    CHECK(lint_zone_text(rec(0, 5), only("TLSA003")).empty());
    auto f = lint_zone_text(rec(1, 31), only("TLSA003"));
    CHECK(f[0].message.find("31 octets, not 32") != std::string::npos);
  }
}
