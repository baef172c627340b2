// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include <doctest/doctest.h>
#include <openssl/evp.h>

#include <filesystem>
#include <fstream>

#include "gen/tlsa.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

[[maybe_unused]] const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";
[[maybe_unused]] const int64_t kNow = *parse_time("2025-01-10T00:00:00Z");

[[maybe_unused]] EVP_PKEY* new_key() { return EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); }

[[maybe_unused]] std::string rec311(EVP_PKEY* k, uint32_t ttl = 3600, int usage = 3) {
  auto d = gen::association_data(k, gen::kSpki, gen::kSha256);
  return cat("_25._tcp.mx.example. ", ttl, " IN TLSA ", usage, " 1 1 ", to_hex(*d), "\n");
}

struct Scenario {
  Workspace ws;
  EngineOptions eng;
  Scenario() {
    eng.now = kNow;
    eng.rules.select = {"ROLL"};
  }
  void zone(const std::string& text, ZoneSigning mode = ZoneSigning::Unknown) {
    LoadOptions lo;
    lo.origin = "example.";
    ws.zones.push_back(load_zone_text(text, "new.zone", lo));
    ws.zone_signing.push_back(mode);
  }
  void previous(const std::string& text) {
    LoadOptions lo;
    lo.origin = "example.";
    ws.history.have_previous = true;
    ws.history.previous.resize(ws.zones.size());
    ws.history.previous[0] = load_zone_text(text, "old.zone", lo);
  }
  Service& service(EVP_PKEY* served) {
    Service s;
    s.spec.host = "mx.example.";
    s.spec.origin_file = "danelint.toml";
    s.spec.line = 1;
    gen::Material m;
    EVP_PKEY_up_ref(served);
    m.private_key.reset(served);
    s.keys.push_back(LoadedMaterial{"served.key", std::move(m)});
    s.spec.keys.push_back("served.key");
    ws.services.push_back(std::move(s));
    return ws.services.back();
  }
  std::vector<Finding> run(const std::string& rule) {
    eng.rules.select = {rule};
    return run_lint(ws, eng).findings;
  }
};

struct Keys {
  EVP_PKEY* a = new_key();
  EVP_PKEY* b = new_key();
  ~Keys() {
    EVP_PKEY_free(a);
    EVP_PKEY_free(b);
  }
};

}  // namespace

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

