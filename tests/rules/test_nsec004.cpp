#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC004 nsec3-bitmap-mismatch") {
  const auto o = only("NSEC004");
  SUBCASE("bitmaps matching the data are quiet (secure delegation NS DS, insecure NS, ENT empty)") {
    CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC004").empty());
  }
  SUBCASE("a type missing") {
    auto z = kNsec3 + "www.example. 3600 IN TXT \"x\"\n";
    auto f = of_rule(lint_zone_text(z, o), "NSEC004");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 10);
    CHECK(f[0].message.find("(www.example.)") != std::string::npos);
  }
  SUBCASE("an empty non-terminal with types") {
    auto z = edit(kNsec3, "n3mivjm8dklobh7r7f4rd46cg6f4stom.example. 3600 IN NSEC3 1 0 0 - t95e7unrpnc3airc8q4n4s6tf1idh3gj",
                  "n3mivjm8dklobh7r7f4rd46cg6f4stom.example. 3600 IN NSEC3 1 0 0 - t95e7unrpnc3airc8q4n4s6tf1idh3gj A");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC004") == V{12});
  }
  SUBCASE("an insecure delegation lists only NS") {
    auto z = edit(kNsec3, "3msev9usmd4br9s97v51r2tdvmr9iqo1 NS", "3msev9usmd4br9s97v51r2tdvmr9iqo1 A NS");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC004") == V{14});
  }
}
