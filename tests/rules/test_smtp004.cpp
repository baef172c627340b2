// Tests of SMTP004.
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

TEST_CASE("SMTP004 smtp-tlsa-not-at-mx") {
  std::string z = std::string(kSoa) +
                  "example. 3600 IN MX 10 mx.example.\n"
                  "mx.example. 3600 IN A 192.0.2.1\n" +
                  tlsa("_25._tcp.example.", 1) +     // 5: at the mail domain
                  tlsa("_25._tcp.mx.example.", 2) +  // at the MX host: fine
                  "self.example. 3600 IN MX 10 self.example.\n"
                  "self.example. 3600 IN A 192.0.2.2\n" +
                  tlsa("_25._tcp.self.example.", 3) +  // its own MX host: fine
                  tlsa("_25._tcp.nomx.example.", 4);   // no MX at all: not this rule
  CHECK(lines_of(lint_zone_text(z, only("SMTP004")), "SMTP004") == std::vector<int>{5});
}

