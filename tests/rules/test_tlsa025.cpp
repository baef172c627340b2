// Tests of TLSA025.
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

TEST_CASE("TLSA025 tlsa-cname-intermediate: only middle hops") {
  std::string z = std::string(kSoa) +
                  "mx.example. 3600 IN CNAME mid.example.\n"
                  "mid.example. 3600 IN CNAME host.example.\n"
                  "host.example. 3600 IN A 192.0.2.1\n" +
                  tlsa("_25._tcp.mid.example.", 1) +   // line 6: middle hop
                  tlsa("_25._tcp.host.example.", 2) +  // final target: fine
                  tlsa("_25._tcp.mx.example.", 3);     // start of the chain: fine (looked up as fallback)
  auto f = lint_zone_text(z, only("TLSA025"));
  CHECK(lines_of(f, "TLSA025") == std::vector<int>{6});
  CHECK(of_rule(f, "TLSA025")[0].message.find("host.example.") != std::string::npos);
}

