// Tests of TLSA011.
#include <doctest/doctest.h>

#include "lint/config.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

[[maybe_unused]] const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";

[[maybe_unused]] std::string tlsa(const std::string& owner, int fill, int mt = 1, uint32_t ttl = 3600) {
  std::string hex;
  for (int i = 0; i < (mt == 2 ? 64 : 32); ++i) hex += cat(std::hex, fill / 16, fill % 16);
  return cat(owner, ' ', ttl, " IN TLSA 3 1 ", mt, ' ', hex, '\n');
}

}  // namespace

TEST_CASE("TLSA011 tlsa-rrset-size: boundary at 1232 octets") {
  // Each 3 1 2 record adds 2 + 10 + 67 octets; fixed part: 12 + 21 (owner) + 4 + 11 = 48.
  // 14 records: 48 + 14*79 = 1154 (quiet); 15: 1233 (fires).
  auto zone = [](int n) {
    std::string z = kSoa;
    for (int i = 0; i < n; ++i) z += tlsa("_25._tcp.mx.example.", i + 1, 2);
    return z;
  };
  CHECK(lines_of(lint_zone_text(zone(14), only("TLSA011")), "TLSA011").empty());
  auto f = of_rule(lint_zone_text(zone(15), only("TLSA011")), "TLSA011");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].message.find("1233-octet") != std::string::npos);
  // RRSIGs covering the TLSA RRset count too: 14 records + one RRSIG push it over.
  std::string signed_zone = zone(14) +
                            "_25._tcp.mx.example. 3600 IN RRSIG TLSA 13 4 3600 20300101000000 20240101000000 1 "
                            "example. " + std::string(88, 'A') + "\n";
  CHECK(lines_of(lint_zone_text(signed_zone, only("TLSA011")), "TLSA011") == std::vector<int>{3});
}

