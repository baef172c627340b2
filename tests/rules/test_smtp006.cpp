// Tests of SMTP006.
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

TEST_CASE("SMTP006 smtp-mx-is-cname and SMTP007 smtp-mx-no-address") {
  std::string z = std::string(kSoa) +
                  "example. 3600 IN MX 10 mail.example.\n"  // 3: CNAME target
                  "example. 3600 IN MX 20 bare.example.\n"  // 4: TLSA but no address
                  "example. 3600 IN MX 30 ok.example.\n"    // 5: fine
                  "example. 3600 IN MX 40 sub.child.example.\n"  // 6: below a cut: unknown, quiet
                  "mail.example. 3600 IN CNAME ok.example.\n"
                  "ok.example. 3600 IN AAAA 2001:db8::1\n"
                  "child.example. 3600 IN NS ns.other.\n" +
                  tlsa("_25._tcp.bare.example.", 1) + tlsa("_25._tcp.ok.example.", 2);
  auto f = lint_zone_text(z, only("SMTP006"));
  CHECK(lines_of(f, "SMTP006") == std::vector<int>{3});
  auto g = lint_zone_text(z, only("SMTP007"));
  CHECK(lines_of(g, "SMTP007") == std::vector<int>{4});
}

