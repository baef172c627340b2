#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC006 nsec3-salt") {
  const auto o = only("NSEC006");
  SUBCASE("an empty salt is quiet") { CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC006").empty()); }
  SUBCASE("a one-octet salt warns at the NSEC3PARAM") {
    auto f = of_rule(lint_zone_text(edit(kNsec3, "NSEC3PARAM 1 0 0 -", "NSEC3PARAM 1 0 0 AB"), o), "NSEC006");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 3);
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].message.find("1-octet salt AB") != std::string::npos);
  }
}
