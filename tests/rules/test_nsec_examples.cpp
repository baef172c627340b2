// The catalogue examples of NSEC001-NSEC012: bad fires, good stays quiet (origin example., 2025-01-01).
#include <doctest/doctest.h>

#include "lint/rule.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("NSEC001-NSEC012 catalogue examples") {
  int seen = 0;
  for (const Rule* r : all_rules()) {
    if (!r->info.id.starts_with("NSEC")) continue;
    ++seen;
    CAPTURE(r->info.id);
    const std::string id(r->info.id);
    CHECK_FALSE(of_rule(lint_zone_text(r->info.bad_example, only(id)), id).empty());
    CHECK(of_rule(lint_zone_text(r->info.good_example, only(id)), id).empty());
    // The good examples are clean for the whole family, not only for their own rule.
    CHECK(lint_zone_text(r->info.good_example, only("NSEC")).empty());
  }
  CHECK(seen == 12);
}
