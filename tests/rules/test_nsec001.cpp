#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC001 nsec-chain-broken") {
  const auto o = only("NSEC001");
  SUBCASE("a correct chain is quiet") { CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC001").empty()); }
  SUBCASE("a next owner that skips a name with its own NSEC is reported at the NSEC") {
    auto z = edit(kNsec, "ns.example. 3600 IN NSEC sub.example.", "ns.example. 3600 IN NSEC www.example.");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC001") == V{5});
  }
  SUBCASE("the last NSEC must close the loop at the apex") {
    auto z = edit(kNsec, "www.example. 3600 IN NSEC example.", "www.example. 3600 IN NSEC zzz.example.");
    auto f = of_rule(lint_zone_text(z, o), "NSEC001");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 10);
    CHECK(f[0].message.find("not a name of the zone") != std::string::npos);
  }
  SUBCASE("a next owner pointing back to an earlier name") {
    auto z = edit(kNsec, "sub.example. 3600 IN NSEC www.example.", "sub.example. 3600 IN NSEC ns.example.");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC001") == V{7});
  }
  SUBCASE("skipping only names without NSEC is left to nsec-missing") {
    auto z = drop_line(kNsec, "sub.example. 3600 IN NSEC");
    z = edit(z, "ns.example. 3600 IN NSEC sub.example.", "ns.example. 3600 IN NSEC www.example.");
    auto all = lint_zone_text(z, only("NSEC"));
    CHECK(lines_of(all, "NSEC001").empty());
    CHECK(lines_of(all, "NSEC007") == V{6});
  }
  SUBCASE("glue and out-of-zone names are not part of the chain; names compare case-insensitively") {
    auto z = edit(kNsec, "ns.example. 3600 IN NSEC sub.example.", "ns.example. 3600 IN NSEC SUB.Example.");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC001").empty());
  }
}
