// Zone placement rules: TLSA011, TLSA025-027, SMTP004-007; and the zone examples of every rule of
// issue 5's rollover/placement share (bad fires, good stays quiet).
#include <doctest/doctest.h>

#include "lint/config.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";

std::string tlsa(const std::string& owner, int fill, int mt = 1, uint32_t ttl = 3600) {
  std::string hex;
  for (int i = 0; i < (mt == 2 ? 64 : 32); ++i) hex += cat(std::hex, fill / 16, fill % 16);
  return cat(owner, ' ', ttl, " IN TLSA 3 1 ", mt, ' ', hex, '\n');
}

}  // namespace

TEST_CASE("zone examples of the placement and rollover rules") {
  for (const char* id : {"TLSA011", "TLSA025", "TLSA026", "SMTP004", "SMTP005", "SMTP006", "SMTP007", "ROLL001",
                         "ROLL002"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CAPTURE(id);
    CHECK(r->info.zone_examples);
    CHECK(!of_rule(lint_zone_text(r->info.bad_example, only(id)), id).empty());
    CHECK(of_rule(lint_zone_text(r->info.good_example, only(id)), id).empty());
  }
  for (const char* id : {"TLSA027", "ROLL003", "ROLL004", "ROLL005", "ROLL006"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CHECK(!r->info.zone_examples);
  }
}

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

TEST_CASE("TLSA027 dane-zone-unsigned follows the [[zone]] signing mode") {
  std::string text = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1);
  auto run = [&](ZoneSigning mode) {
    LoadOptions lo;
    lo.origin = "example.";
    Workspace ws;
    ws.zones.push_back(load_zone_text(text, "test.zone", lo));
    ws.zone_signing.push_back(mode);
    EngineOptions eng;
    eng.now = *parse_time("2025-01-01T00:00:00Z");
    eng.rules.select = {"TLSA027"};
    return lines_of(run_lint(ws, eng).findings, "TLSA027");
  };
  CHECK(run(ZoneSigning::Offline) == std::vector<int>{3});
  CHECK(run(ZoneSigning::Online).empty());
  CHECK(run(ZoneSigning::Unknown).empty());
}

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

TEST_CASE("ROLL002 rollover-ttl: boundary at one day, option max-ttl") {
  std::string at = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1, 1, 86400);
  std::string over = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1, 1, 86401);
  CHECK(lines_of(lint_zone_text(at, only("ROLL002")), "ROLL002").empty());
  CHECK(lines_of(lint_zone_text(over, only("ROLL002")), "ROLL002") == std::vector<int>{3});
  Options o = only("ROLL002");
  o.options["ROLL002"]["max-ttl"] = *parse_option_value(find_rule("ROLL002")->info.options[0], "2d");
  CHECK(lines_of(lint_zone_text(over, o), "ROLL002").empty());
}

TEST_CASE("config: [[service]] switch_wait and certbot_renewal") {
  Config c = parse_config_text("[[service]]\nhost = \"mx.example.com\"\nswitch_wait = \"48h\"\n"
                               "certbot_renewal = \"renewal/mx.conf\"\n",
                               "/etc/danelint/danelint.toml");
  REQUIRE(c.services.size() == 1);
  CHECK(c.services[0].switch_wait == 48 * 3600);
  CHECK(c.services[0].switch_wait_line == 3);
  CHECK(c.services[0].certbot_renewal == "/etc/danelint/renewal/mx.conf");
  CHECK_THROWS_AS(parse_config_text("[[service]]\nhost = \"mx\"\nswitch_wait = \"soon\"\n", "x.toml"), ConfigError);
  CHECK_THROWS_AS(parse_config_text("[[service]]\nhost = \"mx\"\nswitch_wait = 5\n", "x.toml"), ConfigError);
}
