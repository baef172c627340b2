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
  // hostile input: deep nesting and a huge unterminated string end in an error, not a crash
  std::ofstream(p) << std::string(100000, '[');
  CHECK(read_state(p.string(), back, existed).find("nesting too deep") != std::string::npos);
  std::ofstream(p) << "{\"version\": 1, \"records\": [\"" << std::string(1 << 20, 'x');
  CHECK(read_state(p.string(), back, existed).find("unterminated string") != std::string::npos);
  fs::remove(p);
  CHECK(read_state(p.string(), back, existed).empty());
  CHECK(!existed);
}
