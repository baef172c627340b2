#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC011 nsec3-optout-wrong") {
  const auto o = only("NSEC011");
  SUBCASE("an insecure delegation with its own NSEC3 is quiet") { CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC011").empty()); }
  SUBCASE("an insecure delegation left out under opt-out is quiet") {
    CHECK(lint_zone_text(nsec3_optout(), only("NSEC")).empty());
  }
  SUBCASE("left out without the opt-out flag on the covering NSEC3") {
    auto z = edit(nsec3_optout(), "NSEC3 1 1 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1", "NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1");
    auto all = lint_zone_text(z, only("NSEC"));
    auto f = of_rule(all, "NSEC011");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 8);
    CHECK(f[0].owner == "sub.example.");
    CHECK(lines_of(all, "NSEC010").empty());
  }
}
