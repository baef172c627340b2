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

TEST_CASE("ZONE001 soa-missing") {
  check_all_marks("ZONE001");
  SUBCASE("fires at line 1 when the apex has no records at all") {
    auto f = lint_zone_text("www 3600 IN A 192.0.2.1\n", only("ZONE001"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 1);
    CHECK(f[0].owner == "example.");
  }
  SUBCASE("quiet with an SOA") { CHECK(lint_zone_text(kHead, only("ZONE001")).empty()); }
  SUBCASE("empty zone file") { CHECK(lines_of(lint_zone_text("", only("ZONE001")), "ZONE001") == std::vector<int>{1}); }
}
