#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC012 nsec3param-invalid") {
  const auto o = only("NSEC012");
  auto with = [](const char* param) { return edit(kNsec3, "NSEC3PARAM 1 0 0 -", param); };
  SUBCASE("flags 0, SHA-1 and the chain's parameters are quiet") { CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC012").empty()); }
  SUBCASE("flags not 0") { CHECK(lines_of(lint_zone_text(with("NSEC3PARAM 1 1 0 -"), o), "NSEC012") == V{3}); }
  SUBCASE("an unknown hash algorithm") { CHECK(lines_of(lint_zone_text(with("NSEC3PARAM 2 0 0 -"), o), "NSEC012") == V{3}); }
  SUBCASE("parameters that no chain uses") {
    auto f = of_rule(lint_zone_text(with("NSEC3PARAM 1 0 0 AABB"), o), "NSEC012");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("matches no NSEC3 chain") != std::string::npos);
  }
  SUBCASE("an NSEC3PARAM in a zone with no NSEC3 at all (nor NSEC)") {
    // The denial analysis skips zones without denial records: an NSEC3PARAM alone must still count as one.
    const std::string z =
        "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
        "example. 3600 IN NS ns.other.net.\n"
        "example. 0 IN NSEC3PARAM 1 0 0 -\n";
    auto f = of_rule(lint_zone_text(z, o), "NSEC012");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 3);
    CHECK(f[0].message.find("matches no NSEC3 chain") != std::string::npos);
  }
  SUBCASE("NSEC3PARAM below the apex") {
    auto z = kNsec3 + "www.example. 0 IN NSEC3PARAM 1 0 0 -\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC012") == V{15});
  }
}
