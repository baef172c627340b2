// Tests of TLSA026.
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

TEST_CASE("TLSA026 tlsa-cname-dangling") {
  std::string z = std::string(kSoa) +
                  "_25._tcp.a.example. 3600 IN CNAME _25._tcp.b.example.\n"        // 3: target has no TLSA
                  "_25._tcp.c.example. 3600 IN CNAME _25._tcp.mx.other.\n"         // 4: leaves the zones
                  "_25._tcp.d.example. 3600 IN CNAME _25._tcp.e.example.\n"        // 5: fine
                  "_25._tcp.f.example. 3600 IN CNAME _25._tcp.g.example.\n"        // 6: loop
                  "_25._tcp.g.example. 3600 IN CNAME _25._tcp.f.example.\n"        // 7: loop
                  "www.example. 3600 IN CNAME elsewhere.other.\n"                  // not a TLSA owner
                  "b.example. 3600 IN A 192.0.2.1\n" +
                  tlsa("_25._tcp.e.example.", 1);
  auto f = lint_zone_text(z, only("TLSA026"));
  CHECK(lines_of(f, "TLSA026") == std::vector<int>{3, 4, 6, 7});
}

