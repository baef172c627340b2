#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DS004 ds-digest-unsupported") {
  const Options opts = only("DS004");
  const std::string zone = signed_fixture();
  SUBCASE("types 1, 2 and 4") {
    std::string ds = "example. 3600 IN DS 8725 15 1 " + std::string(40, 'c') + "\nexample. 3600 IN DS 8725 15 4 " +
                     std::string(96, 'c') + "\n";
    CHECK(lint_signed(zone, opts, ds + read_source_file("testdata/dnssec/dsset-example.")).empty());
  }
  SUBCASE("GOST and an unassigned type") {
    std::string ds = "example. 3600 IN DS 8725 15 3 " + std::string(64, 'c') + "\nexample. 3600 IN DS 8725 15 9 cc\n";
    auto found = lint_signed(zone, opts, ds);
    CHECK(lines_of(found, "DS004") == std::vector<int>{1, 2});
    CHECK(found[0].severity == Severity::Warning);
  }
}
