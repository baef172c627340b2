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

[[maybe_unused]] const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";

[[maybe_unused]] std::string tlsa(const std::string& owner, int fill, int mt = 1, uint32_t ttl = 3600) {
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
