// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

TEST_CASE("ROLL003 rollover-not-prepublished against the previous zone") {
  Keys k;
  SUBCASE("new key added in the same step as the switch: fires") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.b));  // the server now serves b
    s.previous(std::string(kSoa) + rec311(k.a));
    s.service(k.b);
    auto f = of_rule(s.run("ROLL003"), "ROLL003");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 3);
    CHECK(f[0].message.find("matches no record of the published TLSA RRset") != std::string::npos);
    REQUIRE(f[0].suggestion);
    CHECK(*f[0].suggestion == "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 " + to_hex(*gen::association_data(k.b, 1, 1)));
  }
  SUBCASE("prepublished next to the old key: quiet without publication times") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.b));
    s.previous(std::string(kSoa) + rec311(k.a) + rec311(k.b));
    s.service(k.b);
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").empty());
  }
  SUBCASE("prepublished, but --published-since too recent: boundary at 2 x TTL") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.b));
    s.previous(std::string(kSoa) + rec311(k.a) + rec311(k.b));
    s.service(k.b);
    s.ws.history.published_since = kNow - 7200 + 1;  // 1 s short of 2 x 3600
    auto f = of_rule(s.run("ROLL003"), "ROLL003");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("safe from 2025-01-10T00:00:01Z") != std::string::npos);
    s.ws.history.published_since = kNow - 7200;
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").empty());
  }
  SUBCASE("first DANE deployment (no TLSA before): not a rollover") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.b));
    s.previous(std::string(kSoa));
    s.service(k.b);
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").empty());
  }
  SUBCASE("no history at all: the rule says nothing") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.b));
    s.service(k.b);
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").empty());
  }
  SUBCASE("state file: first seen an hour ago, TTL 3600 needs two") {
    Scenario s;
    s.zone(std::string(kSoa) + rec311(k.a) + rec311(k.b));
    s.service(k.b);
    s.ws.history.state_loaded = true;
    auto key_of = [&](EVP_PKEY* key) {
      auto d = gen::association_data(key, 1, 1);
      return cat("_25._tcp.mx.example. 3 1 1 ", to_hex(*d));
    };
    s.ws.history.first_seen[key_of(k.a)] = kNow - 30 * 86400;
    s.ws.history.first_seen[key_of(k.b)] = kNow - 3600;
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").size() == 1);
    s.ws.history.first_seen[key_of(k.b)] = kNow - 2 * 3600;
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").empty());
    s.ws.history.first_seen.erase(key_of(k.b));  // not in the state: first seen now
    CHECK(of_rule(s.run("ROLL003"), "ROLL003").size() == 1);
  }
}

