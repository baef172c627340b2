// Tests of SMTP005.
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

TEST_CASE("SMTP005 smtp-mx-without-tlsa") {
  std::string z = std::string(kSoa) +
                  "example. 3600 IN MX 10 mx1.example.\n"     // 3
                  "example. 3600 IN MX 20 mx2.example.\n"     // 4: no TLSA
                  "example. 3600 IN MX 30 mx.other.\n"        // 5: outside the zones: not judged
                  "mx1.example. 3600 IN A 192.0.2.1\n"
                  "mx2.example. 3600 IN A 192.0.2.2\n" +
                  tlsa("_25._tcp.mx1.example.", 1) +
                  "sub.example. 3600 IN MX 10 mx2.example.\n";  // no host with TLSA: quiet
  CHECK(lines_of(lint_zone_text(z, only("SMTP005")), "SMTP005") == std::vector<int>{4});
  // Adding TLSA for mx2 silences it.
  CHECK(lines_of(lint_zone_text(z + tlsa("_25._tcp.mx2.example.", 2), only("SMTP005")), "SMTP005").empty());
}

