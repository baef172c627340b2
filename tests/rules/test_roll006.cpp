// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

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

