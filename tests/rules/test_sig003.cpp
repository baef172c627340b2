#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
std::string sig(std::string_view expiration, int orig_ttl = 3600) {
  return cat("example. 3600 IN RRSIG SOA 13 1 ", orig_ttl, ' ', expiration, " 20200101000000 1 example. AAAA\n");
}
}  // namespace

TEST_CASE("SIG003 rrsig-expiring-soon") {
  SUBCASE("less than the default 3 days left warns") {
    auto found = lint_zone_text(sig("20250103000000"), only("SIG003"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message.find("in 2d") != std::string::npos);
  }
  SUBCASE("boundaries at exactly min-remaining") {
    const std::string z = sig("20250104000000");  // 3 days after the test clock
    CHECK(lint_zone_text(z, only("SIG003").at("2025-01-01T00:00:00Z")).empty());
    CHECK(lint_zone_text(z, only("SIG003").at("2025-01-01T00:00:01Z")).size() == 1);
    CHECK(lint_zone_text(z, only("SIG003").at("2024-12-31T23:59:59Z")).empty());
  }
  SUBCASE("an expired signature is left to rrsig-expired") {
    CHECK(lint_zone_text(sig("20241231000000"), only("SIG003")).empty());
  }
  SUBCASE("2 x the RRset TTL wins when larger than min-remaining") {
    // TTL 4 days: 8 days needed; 5 days left.
    CHECK(lint_zone_text(sig("20250106000000", 4 * 86400), only("SIG003")).size() == 1);
    CHECK(lint_zone_text(sig("20250106000000", 3600), only("SIG003")).empty());
  }
  SUBCASE("min-remaining is configurable") {
    Options o = only("SIG003");
    OptionValue v;
    v.kind = OptionKind::Duration;
    v.number = 7 * 86400;
    o.options["SIG003"]["min-remaining"] = v;
    CHECK(lint_zone_text(sig("20250106000000"), o).size() == 1);
  }
}
