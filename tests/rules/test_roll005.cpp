// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

TEST_CASE("ROLL005 rollover-one-change") {
  Keys k;
  auto d311 = [&](EVP_PKEY* key, int usage) { return rec311(key, 3600, usage); };
  SUBCASE("EE to TA and a new key in one step: fires") {
    Scenario s;
    s.zone(std::string(kSoa) + d311(k.b, 2));
    s.previous(std::string(kSoa) + d311(k.a, 3));
    auto f = of_rule(s.run("ROLL005"), "ROLL005");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("(3 1 1)") != std::string::npos);
    CHECK(f[0].message.find("(2 1 1)") != std::string::npos);
  }
  SUBCASE("key change only (same parameters): not this rule") {
    Scenario s;
    s.zone(std::string(kSoa) + d311(k.b, 3));
    s.previous(std::string(kSoa) + d311(k.a, 3));
    CHECK(of_rule(s.run("ROLL005"), "ROLL005").empty());
  }
  SUBCASE("new parameters next to the old record: quiet") {
    Scenario s;
    s.zone(std::string(kSoa) + d311(k.a, 3) + d311(k.b, 2));
    s.previous(std::string(kSoa) + d311(k.a, 3));
    CHECK(of_rule(s.run("ROLL005"), "ROLL005").empty());
  }
  SUBCASE("parameters changed for the key still served: only a parameter change") {
    Scenario s;
    s.zone(std::string(kSoa) + d311(k.a, 1));  // 1 1 1 for the same key
    s.previous(std::string(kSoa) + d311(k.a, 3));
    s.service(k.a);
    CHECK(of_rule(s.run("ROLL005"), "ROLL005").empty());
  }
}

