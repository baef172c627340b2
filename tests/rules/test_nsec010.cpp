#include <doctest/doctest.h>

#include <map>

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
  SUBCASE("an empty non-terminal points at the earliest record below it, however deep") {
    // Canonical order c.ent, a.x.ent, b.x.ent; the walk up from a.x.ent stops at ent (already at line 5),
    // the one from b.x.ent (line 4) must still reach ent.
    const std::string z =
        "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
        "example. 3600 IN NS ns.other.net.\n"
        "example. 0 IN NSEC3PARAM 1 0 0 -\n"
        "b.x.ent.example. 3600 IN A 192.0.2.4\n"
        "c.ent.example. 3600 IN A 192.0.2.5\n"
        "a.x.ent.example. 3600 IN A 192.0.2.6\n"
        "3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 NS SOA NSEC3PARAM\n";
    std::map<std::string, int> ent_lines;
    for (const Finding& f : of_rule(lint_zone_text(z, o), "NSEC010"))
      if (auto p = f.message.find("empty non-terminal "); p != std::string::npos)
        ent_lines[f.message.substr(p + 19, f.message.find(' ', p + 19) - p - 19)] = f.loc.line;
    CHECK(ent_lines == std::map<std::string, int>{{"ent.example.", 4}, {"x.ent.example.", 4}});
  }
  SUBCASE("a delegation with DS needs its NSEC3 even under opt-out") {
    auto z = drop_line(nsec3_optout(), "d1mq62m4mjgk65mgmkd443ev3mkv9vnb.example. 3600 IN NSEC3");
    z = edit(z, "3600 IN NSEC3 1 0 0 - d1mq62m4mjgk65mgmkd443ev3mkv9vnb A", "3600 IN NSEC3 1 1 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom A");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC010") == V{5});
  }
}
