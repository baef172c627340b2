// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

TEST_CASE("ROLL004 rollover-retire-early") {
  Keys k;
  Scenario s;
  s.zone(std::string(kSoa) + rec311(k.b));  // only the next key is left
  s.previous(std::string(kSoa) + rec311(k.a) + rec311(k.b));
  s.service(k.a);  // but the server still presents a
  auto f = of_rule(s.run("ROLL004"), "ROLL004");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.file == "old.zone");
  CHECK(f[0].loc.line == 3);
  // After the server switched to b, removing a is the normal last step.
  Scenario t;
  t.zone(std::string(kSoa) + rec311(k.b));
  t.previous(std::string(kSoa) + rec311(k.a) + rec311(k.b));
  t.service(k.b);
  CHECK(of_rule(t.run("ROLL004"), "ROLL004").empty());
}

