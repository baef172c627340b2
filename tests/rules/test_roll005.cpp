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

