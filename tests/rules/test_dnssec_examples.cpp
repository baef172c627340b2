// The catalogue examples of the DNSSEC rules: bad fires, good stays quiet at 2025-01-01 (as the
// catalogue test does for every rule with zone examples).
#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DNSSEC rule examples") {
  for (const char* id : {"SIG001", "SIG002", "SIG003", "SIG004", "SIG005", "SIG006", "SIG007", "SIG008", "KEY001",
                         "KEY002", "KEY003", "DS003", "DS004", "DS005"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CAPTURE(id);
    CHECK(r->info.zone_examples);
    CHECK(!lines_of(lint_zone_text(r->info.bad_example, only(id)), id).empty());
    CHECK(lines_of(lint_zone_text(r->info.good_example, only(id)), id).empty());
  }
}
