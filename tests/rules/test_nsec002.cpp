#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC002 nsec-bitmap-mismatch") {
  const auto o = only("NSEC002");
  SUBCASE("bitmaps matching the data are quiet (delegation lists NS and NSEC, not its glue)") {
    CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC002").empty());
  }
  SUBCASE("a type missing from the bitmap") {
    auto z = kNsec + "www.example. 3600 IN AAAA 2001:db8::2\n";
    auto f = of_rule(lint_zone_text(z, o), "NSEC002");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 10);
    CHECK(f[0].message.find("missing AAAA") != std::string::npos);
  }
  SUBCASE("an extra type in the bitmap") {
    auto z = edit(kNsec, "www.example. 3600 IN NSEC example. A NSEC", "www.example. 3600 IN NSEC example. A MX NSEC");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC002") == V{10});
  }
  SUBCASE("glue listed at a delegation") {
    auto z = edit(kNsec, "sub.example. 3600 IN NSEC www.example. NS NSEC", "sub.example. 3600 IN NSEC www.example. A NS NSEC");
    z += "sub.example. 3600 IN A 192.0.2.9\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC002") == V{7});
  }
  SUBCASE("DS at a delegation must be listed") {
    auto z = kNsec + "sub.example. 3600 IN DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC002") == V{7});
  }
  SUBCASE("a signed name whose bitmap omits RRSIG") {
    auto z = kNsec + "www.example. 3600 IN RRSIG A 13 2 3600 20300101000000 20240101000000 1 example. AAAA\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC002") == V{10});
  }
  SUBCASE("RRSIG listed where signatures were stripped from data is left to rrset-unsigned") {
    auto z = edit(kNsec, "www.example. 3600 IN NSEC example. A NSEC", "www.example. 3600 IN NSEC example. A RRSIG NSEC");
    z += "ns.example. 3600 IN RRSIG A 13 2 3600 20300101000000 20240101000000 1 example. AAAA\n";
    z = edit(z, "ns.example. 3600 IN NSEC sub.example. A NSEC", "ns.example. 3600 IN NSEC sub.example. A RRSIG NSEC");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC002").empty());
  }
}
