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


TEST_CASE("TLSA026 with thousands of CNAMEs to one TLSA RRset in a zone with keys but no signatures") {
  constexpr int kHosts = 3000;
  std::string z = std::string(kSoa) + "example. 3600 IN DNSKEY 257 3 13 " + std::string(86, 'A') + "==\n" +
                  tlsa("_25._tcp.tlsa.example.", 1);
  for (int i = 0; i < kHosts; ++i)
    z += cat("_25._tcp.mx", i, ".example. 3600 IN CNAME _25._tcp.tlsa.example.\nmx", i, ".example. 3600 IN A 192.0.2.1\n");
  Options o = only("TLSA026");
  o.signing = ZoneSigning::Online;
  CHECK(lint_zone_text(z, o).empty());
  // Signed offline but no RRSIG anywhere: every alias ends in a zone that will not be signed.
  o.signing = ZoneSigning::Offline;
  auto f = of_rule(lint_zone_text(z, o), "TLSA026");
  REQUIRE(f.size() == kHosts);
  CHECK(f[0].loc.line == 5);
  CHECK(f.back().loc.line == 5 + 2 * (kHosts - 1));
  CHECK(f.back().message == cat("TLSA owner _25._tcp.mx", kHosts - 1, ".example. is a CNAME to _25._tcp.tlsa.example.; "
                                "the chain ends at _25._tcp.tlsa.example. in example., which will not be signed"));
}
