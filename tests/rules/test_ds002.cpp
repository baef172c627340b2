#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DS002 ds-stale") {
  const Options opts = only("DS002");
  const std::string zone = signed_fixture();
  const std::string good = read_source_file("testdata/dnssec/dsset-example.");
  const std::string stale = "example. 3600 IN DS 4711 13 2 " + std::string(64, 'b') + "\n";
  SUBCASE("only the matching DS") { CHECK(lint_signed(zone, opts, good).empty()); }
  SUBCASE("an extra DS left from a rollover: warning at its line") {
    auto found = lint_signed(zone, opts, good + stale);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == 2);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message.find("DS 4711") != std::string::npos);
  }
  SUBCASE("nothing matches: ds-all-mismatch, not stale") { CHECK(lint_signed(zone, opts, stale).empty()); }
}
