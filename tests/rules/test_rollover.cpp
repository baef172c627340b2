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

const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";
const int64_t kNow = *parse_time("2025-01-10T00:00:00Z");

EVP_PKEY* new_key() { return EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); }

std::string rec311(EVP_PKEY* k, uint32_t ttl = 3600, int usage = 3) {
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

TEST_CASE("ROLL006 acme-reuse-key-off") {
  Keys k;
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / cat("danelint-roll006-", getpid());
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  std::string off = write("off.conf", "version = 2.1.0\n[renewalparams]\nauthenticator = webroot\n");
  std::string on = write("on.conf", "[renewalparams]\nreuse_key = True\n");
  std::string explicit_off = write("false.conf", "[renewalparams]\nreuse_key = False\n");
  auto run = [&](const std::string& conf, const std::string& zone, bool next) {
    Scenario s;
    s.zone(zone);
    Service& svc = s.service(k.a);
    svc.spec.certbot_renewal = conf;
    if (next) svc.spec.next_keys.push_back("next.pub");
    load_renewals(s.ws);
    return of_rule(s.run("ROLL006"), "ROLL006");
  };
  std::string ee = std::string(kSoa) + rec311(k.a);
  auto f = run(off, ee, false);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.file == off);
  CHECK(f[0].message.find("lacks reuse_key = True") != std::string::npos);
  auto g = run(explicit_off, ee, false);
  REQUIRE(g.size() == 1);
  CHECK(g[0].loc.line == 2);
  CHECK(run(on, ee, false).empty());
  CHECK(run(off, ee, true).empty());                           // a staged next key
  CHECK(run(off, ee + rec311(k.b, 3600, 2), false).empty());   // a DANE-TA record
  // An unreadable renewal config is an input error.
  Scenario s;
  s.zone(ee);
  s.service(k.a).spec.certbot_renewal = (dir / "missing.conf").string();
  load_renewals(s.ws);
  CHECK(run_lint(s.ws, s.eng).input_error);
  fs::remove_all(dir);
}

TEST_CASE("state file: round trip, deterministic, first-seen kept, removed records dropped") {
  Keys k;
  LoadOptions lo;
  lo.origin = "example.";
  auto z1 = load_zone_text(std::string(kSoa) + rec311(k.a) + rec311(k.b), "z", lo);
  auto z2 = load_zone_text(std::string(kSoa) + rec311(k.b), "z", lo);
  auto s1 = next_state({}, {z1.get()}, 1000);
  CHECK(s1.size() == 2);
  auto s2 = next_state(s1, {z2.get()}, 5000);
  REQUIRE(s2.size() == 1);
  CHECK(s2.begin()->second == 1000);
  std::string text = format_state(s1);
  CHECK(text == format_state(next_state({}, {z1.get()}, 1000)));
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / cat("danelint-state-", getpid(), ".json");
  std::ofstream(p) << text;
  std::map<std::string, int64_t, std::less<>> back;
  bool existed = false;
  CHECK(read_state(p.string(), back, existed).empty());
  CHECK(existed);
  CHECK(back == s1);
  std::ofstream(p) << "{\"version\": 1, \"records\": [ {\"owner\": 3} ]}";
  CHECK(read_state(p.string(), back, existed).find("not a danelint state file") != std::string::npos);
  std::ofstream(p) << "{\"version\": 1, \"records\": [";
  CHECK(!read_state(p.string(), back, existed).empty());
  fs::remove(p);
  CHECK(read_state(p.string(), back, existed).empty());
  CHECK(!existed);
}
