#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC010 nsec3-missing") {
  const auto o = only("NSEC010");
  SUBCASE("a complete chain is quiet") { CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC010").empty()); }
  SUBCASE("a name without NSEC3 is reported at its first record; the chain around it is not") {
    auto z = drop_line(kNsec3, "9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3");
    auto all = lint_zone_text(z, only("NSEC"));
    CHECK(lines_of(all, "NSEC010") == V{4});
    CHECK(lines_of(all, "NSEC003").empty());
  }
  SUBCASE("an empty non-terminal without NSEC3 points at the first record below it") {
    auto z = drop_line(kNsec3, "n3mivjm8dklobh7r7f4rd46cg6f4stom.example. 3600 IN NSEC3");
    auto f = of_rule(lint_zone_text(z, o), "NSEC010");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 7);
    CHECK(f[0].message.find("empty non-terminal ent.example.") != std::string::npos);
  }
  SUBCASE("a delegation with DS needs its NSEC3 even under opt-out") {
    auto z = drop_line(nsec3_optout(), "d1mq62m4mjgk65mgmkd443ev3mkv9vnb.example. 3600 IN NSEC3");
    z = edit(z, "3600 IN NSEC3 1 0 0 - d1mq62m4mjgk65mgmkd443ev3mkv9vnb A", "3600 IN NSEC3 1 1 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom A");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC010") == V{5});
  }
}
