#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC007 nsec-missing") {
  const auto o = only("NSEC007");
  SUBCASE("every authoritative name with its NSEC is quiet") { CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC007").empty()); }
  SUBCASE("a name without NSEC is reported at its first record") {
    auto z = drop_line(kNsec, "www.example. 3600 IN NSEC");
    auto f = of_rule(lint_zone_text(z, o), "NSEC007");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 9);
    CHECK(f[0].owner == "www.example.");
  }
  SUBCASE("a delegation needs its NSEC too") {
    CHECK(lines_of(lint_zone_text(drop_line(kNsec, "sub.example. 3600 IN NSEC"), o), "NSEC007") == V{6});
  }
  SUBCASE("glue needs none") { CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC007").empty()); }
  SUBCASE("an unsigned zone without any NSEC is quiet") {
    CHECK(lint_zone_text("example. 3600 IN SOA ns.example. host.example. 1 2 3 4 5\nwww.example. 3600 IN A 192.0.2.1\n",
                         only("NSEC")).empty());
  }
}
