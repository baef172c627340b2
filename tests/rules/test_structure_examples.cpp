// The bad/good examples of the zone-structure rules, linted the way the catalogue documents them.
#include <doctest/doctest.h>

#include "lint/rule.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("zone-structure rule examples: bad fires, good stays quiet") {
  for (const char* id : {"ZONE001", "ZONE002", "ZONE003", "ZONE004", "ZONE005", "ZONE006", "ZONE007", "ZONE008",
                         "ZONE009", "DS006", "DS007", "DS008", "DS009", "DS010", "DS011", "KEY004", "KEY005",
                         "SIG009", "SIG010"}) {
    const Rule* r = find_rule(id);
    REQUIRE_MESSAGE(r, id);
    INFO(id);
    CHECK(!of_rule(lint_zone_text(r->info.bad_example, only(id)), id).empty());
    CHECK(of_rule(lint_zone_text(r->info.good_example, only(id)), id).empty());
  }
}
