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

