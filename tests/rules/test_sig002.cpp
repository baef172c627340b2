#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
std::string sig(std::string_view inception, std::string_view expiration = "20350101000000") {
  return cat("example. 3600 IN RRSIG SOA 13 1 3600 ", expiration, ' ', inception, " 1 example. AAAA\n");
}
}  // namespace

TEST_CASE("SIG002 rrsig-not-yet-valid") {
  SUBCASE("inception in the future is reported") {
    auto found = lint_zone_text(sig("20250102000000"), only("SIG002"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == 1);
    CHECK(found[0].message.find("2025-01-02T00:00:00Z") != std::string::npos);
  }
  SUBCASE("inception in the past is quiet") { CHECK(lint_zone_text(sig("20241201000000"), only("SIG002")).empty()); }
  SUBCASE("boundaries: valid from now >= inception") {
    const std::string z = sig("20250101000000");
    CHECK(lint_zone_text(z, only("SIG002").at("2024-12-31T23:59:59Z")).size() == 1);
    CHECK(lint_zone_text(z, only("SIG002").at("2025-01-01T00:00:00Z")).empty());
    CHECK(lint_zone_text(z, only("SIG002").at("2025-01-01T00:00:01Z")).empty());
  }
  SUBCASE("across 2038") {
    const std::string z = sig("20380201000000", "20400101000000");
    CHECK(lint_zone_text(z, only("SIG002").at("2038-01-19T03:14:08Z")).size() == 1);
    CHECK(lint_zone_text(z, only("SIG002").at("2038-02-01T00:00:00Z")).empty());
  }
}
