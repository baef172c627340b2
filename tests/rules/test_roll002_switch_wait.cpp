// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

TEST_CASE("ROLL002 rollover-ttl: switch_wait against 2 x TTL") {
  Keys k;
  Scenario s;
  s.zone(std::string(kSoa) + rec311(k.a, 7200));
  Service& svc = s.service(k.a);
  svc.spec.switch_wait = 4 * 3600 - 1;
  svc.spec.switch_wait_line = 4;
  auto f = of_rule(s.run("ROLL002"), "ROLL002");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.file == "danelint.toml");
  CHECK(f[0].loc.line == 4);
  s.ws.services[0].spec.switch_wait = 4 * 3600;
  CHECK(of_rule(s.run("ROLL002"), "ROLL002").empty());
}

