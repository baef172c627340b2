// Tests of ROLL001.
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

TEST_CASE("ROLL001 rollover-no-next") {
  std::string base = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1);
  CHECK(lines_of(lint_zone_text(base, only("ROLL001")), "ROLL001") == std::vector<int>{3});
  // The same key in two digests is still one key.
  CHECK(lines_of(lint_zone_text(base + tlsa("_25._tcp.mx.example.", 2, 2), only("ROLL001")), "ROLL001").size() == 1);
  // A next key, or a trust anchor, silences it.
  CHECK(lines_of(lint_zone_text(base + tlsa("_25._tcp.mx.example.", 2), only("ROLL001")), "ROLL001").empty());
  std::string ta = "_25._tcp.mx.example. 3600 IN TLSA 2 1 1 " + std::string(64, 'c') + "\n";
  CHECK(lines_of(lint_zone_text(base + ta, only("ROLL001")), "ROLL001").empty());
}

