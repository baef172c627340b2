#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
std::string sig(std::string_view expiration, std::string_view inception = "20200101000000") {
  return cat("example. 3600 IN RRSIG SOA 13 1 3600 ", expiration, ' ', inception, " 1 example. AAAA\n");
}
}  // namespace

TEST_CASE("SIG001 rrsig-expired") {
  SUBCASE("an expired signature is reported on its own line, naming the covered type") {
    auto found = lint_zone_text(cat("example. 3600 IN SOA ns.example. h.example. 1 2 3 4 5\n", sig("20241231000000")),
                                only("SIG001"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == 2);
    CHECK(found[0].owner == "example.");
    CHECK(found[0].message.find("example. SOA") != std::string::npos);
    CHECK(found[0].message.find("2024-12-31T00:00:00Z") != std::string::npos);
  }
  SUBCASE("valid until 2030 is quiet") { CHECK(lint_zone_text(sig("20300101000000"), only("SIG001")).empty()); }
  SUBCASE("boundaries: valid while now <= expiration (RFC 4035 §5.3.1)") {
    const std::string z = sig("20250101000000");
    CHECK(lint_zone_text(z, only("SIG001").at("2024-12-31T23:59:59Z")).empty());
    CHECK(lint_zone_text(z, only("SIG001").at("2025-01-01T00:00:00Z")).empty());
    CHECK(lint_zone_text(z, only("SIG001").at("2025-01-01T00:00:01Z")).size() == 1);
  }
  SUBCASE("serial arithmetic across 2038 (2^31 seconds)") {
    const std::string z = sig("20400101000000", "20370101000000");
    CHECK(lint_zone_text(z, only("SIG001").at("2038-06-01T00:00:00Z")).empty());
    CHECK(lint_zone_text(z, only("SIG001").at("2040-01-01T00:00:01Z")).size() == 1);
  }
  SUBCASE("serial arithmetic across the 32-bit wrap (2106)") {
    const std::string z = sig("21070101000000", "21060101000000");
    CHECK(lint_zone_text(z, only("SIG001").at("2106-06-01T00:00:00Z")).empty());
    CHECK(lint_zone_text(z, only("SIG001").at("2107-01-01T00:00:01Z")).size() == 1);
  }
  SUBCASE("epoch-seconds timestamps are read the same way") {
    // 1735689600 = 2025-01-01T00:00:00Z
    CHECK(lint_zone_text(sig("1735689600"), only("SIG001").at("1735689601")).size() == 1);
    CHECK(lint_zone_text(sig("1735689600"), only("SIG001").at("1735689600")).empty());
  }
}
