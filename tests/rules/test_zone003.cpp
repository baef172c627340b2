#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/structure_marks.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
[[maybe_unused]] const char* kHead =
    "$ORIGIN example.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ NS ns1\nns1 A 192.0.2.1\n";
[[maybe_unused]] std::string z(const std::string& rest) { return kHead + rest; }
}  // namespace

TEST_CASE("ZONE003 ns-apex-missing") {
  check_all_marks("ZONE003");
  SUBCASE("fires at the apex first record") {
    auto f = lint_zone_text("$ORIGIN example.\nwww 60 A 192.0.2.1\n@ 60 SOA ns1 h 1 1 1 1 1\n", only("ZONE003"));
    CHECK(lines_of(f, "ZONE003") == std::vector<int>{3});
  }
  SUBCASE("quiet when nothing is at the apex (soa-missing speaks)") {
    CHECK(lint_zone_text("www 60 IN A 192.0.2.1\n", only("ZONE003")).empty());
  }
  SUBCASE("quiet with apex NS") { CHECK(lint_zone_text(kHead, only("ZONE003")).empty()); }
}
