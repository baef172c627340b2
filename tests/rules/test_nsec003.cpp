#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC003 nsec3-chain-broken") {
  const auto o = only("NSEC003");
  SUBCASE("a complete chain is quiet") { CHECK(lint_zone_text(kNsec3, only("NSEC")).empty()); }
  SUBCASE("a next hashed owner that skips a hash") {
    auto z = edit(kNsec3, "NSEC3 1 0 0 - d1mq62m4mjgk65mgmkd443ev3mkv9vnb A", "NSEC3 1 0 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom A");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC003") == V{10});
  }
  SUBCASE("an NSEC3 that stands for no name") {
    auto z = kNsec3 + "gc2ng78k2odg34rgf26mikpo6omv4i3p.example. 3600 IN NSEC3 1 0 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom A\n";
    z = edit(z, "NSEC3 1 0 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom NS DS", "NSEC3 1 0 0 - gc2ng78k2odg34rgf26mikpo6omv4i3p NS DS");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC003") == V{15});
  }
  SUBCASE("an NSEC3 owner that is not a hash") {
    auto z = kNsec3 + "www.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC003") == V{15});
  }
  SUBCASE("an NSEC3 with parameters of no complete chain") {
    auto z = edit(kNsec3, "9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 -",
                  "9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 5 -");
    auto all = lint_zone_text(z, only("NSEC"));
    CHECK(lines_of(all, "NSEC003") == V{10});
    CHECK(lines_of(all, "NSEC010") == V{4});  // www has no NSEC3 in the chain in use
  }
}
