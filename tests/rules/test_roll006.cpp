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

