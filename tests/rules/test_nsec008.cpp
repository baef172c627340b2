#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC008 nsec-multiple") {
  const auto o = only("NSEC008");
  SUBCASE("one NSEC per owner is quiet") { CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC008").empty()); }
  SUBCASE("a second NSEC at an owner is reported at the second") {
    auto z = kNsec + "www.example. 3600 IN NSEC zzz.example. A NSEC\n";
    auto all = lint_zone_text(z, only("NSEC"));
    CHECK(lines_of(all, "NSEC008") == V{11});
    CHECK(lines_of(all, "NSEC001").empty());  // one of the two links is right
  }
}
