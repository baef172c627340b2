#include <doctest/doctest.h>

#include <filesystem>

#include "lint/config.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
std::string error_of(std::string_view text) {
  try {
    parse_config_text(text, "danelint.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("config: [lint] keys") {
  Config c = parse_config_text(
      "[lint]\nselect = [\"SIG\", \"tlsa-duplicate\"]\nignore = [\"SIG003\"]\nfail-on = \"warning\"\n"
      "[lint.severity]\nrrsig-expiring-soon = \"error\"\nTLSA = \"off\"\n"
      "[lint.options.rrsig-expiring-soon]\nmin-remaining = \"7d\"\n",
      "danelint.toml");
  REQUIRE(c.select);
  CHECK(*c.select == std::vector<std::string>{"SIG", "tlsa-duplicate"});
  CHECK(c.ignore == std::vector<std::string>{"SIG003"});
  CHECK(c.fail_on == Severity::Warning);
  REQUIRE(c.severity.size() == 2);
  CHECK(c.options["SIG003"]["min-remaining"].number == 7 * 86400);
  Config iso = parse_config_text("[lint.options.SIG003]\nmin-remaining = \"P2D\"\n", "danelint.toml");
  CHECK(iso.options["SIG003"]["min-remaining"].number == 2 * 86400);
}

TEST_CASE("config: errors carry file:line:col") {
  CHECK(error_of("[lint]\nselct = [\"SIG\"]\n").starts_with("danelint.toml:2:1: error: unknown key 'selct'"));
  CHECK(error_of("[lint]\nselect = [\"NOPE999\"]\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[lint]\nfail-on = \"loud\"\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[lint]\nselect = \"SIG\"\n").find("array of strings") != std::string::npos);
  CHECK(error_of("[lint.severity]\nrrsig-expired = \"fatal\"\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[lint.options.rrsig-expiring-soon]\nmin-remaining = \"soon\"\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[lint.options.rrsig-expiring-soon]\nmax = 3\n").find("has no option 'max'") != std::string::npos);
  CHECK(error_of("[lint.options.no-such-rule]\nx = 1\n").find("unknown rule") != std::string::npos);
  CHECK(error_of("[lint]\n[lint]\n").starts_with("danelint.toml:2:"));  // duplicate table (toml++)
  CHECK(error_of("[[zone]]\nfile = 3\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[[zone]]\nsigning = \"later\"\nfile = \"a\"\n").starts_with("danelint.toml:2:"));
  CHECK(error_of("[[zone]]\nds = \"x\"\n").find("needs a 'file'") != std::string::npos);
  CHECK(error_of("[[service]]\nhost = \"mx.example\"\nport = 70000\n").starts_with("danelint.toml:3:"));
  // Found by fuzz_config_text (fuzz/regressions/config_text/float-port-7e200): a float port was converted
  // to an integer, which overflows; it is an error like any other non-integer.
  for (const char* port : {"7e200", "25.0", "-1e300"})
    CHECK(error_of(cat("[[service]]\nhost = \"mx.example\"\nport = ", port, "\n"))
              .find("'port' must be an integer from 1 to 65535") != std::string::npos);
  CHECK(error_of("colour = \"red\"\n").starts_with("danelint.toml:1:1: error: unknown key 'colour'"));
  CHECK(error_of("[lint\n").starts_with("danelint.toml:1:"));
}

TEST_CASE("config: paths are relative to the config file") {
  Config c = parse_config_text("[[zone]]\nfile = \"zones/a.zone\"\nds = \"zones/a.ds\"\n", "deploy/danelint.toml");
  REQUIRE(c.zones.size() == 1);
  CHECK(c.zones[0].file == "deploy/zones/a.zone");
  CHECK(c.zones[0].ds == "deploy/zones/a.ds");
  CHECK(c.zones[0].signing == "offline");
}

TEST_CASE("config: discovery walks up to the repository root") {
  TempDir d;
  std::filesystem::create_directories(d.file("repo/.git"));
  std::filesystem::create_directories(d.file("repo/zones/sub"));
  d.write("danelint.toml", "");  // above the repository: must not be found
  auto none = discover_config(d.file("repo/zones/sub"));
  CHECK_FALSE(none);
  d.write("repo/danelint.toml", "");
  auto found = discover_config(d.file("repo/zones/sub"));
  REQUIRE(found);
  CHECK(found->ends_with("repo/danelint.toml"));
  d.write("repo/zones/.danelint.toml", "");
  found = discover_config(d.file("repo/zones/sub"));
  REQUIRE(found);
  CHECK(found->ends_with("zones/.danelint.toml"));
}

TEST_CASE("engine: select, ignore and severity by code, name and family") {
  auto names = [](const RuleSettings& s) {
    std::vector<std::string_view> out;
    for (const Rule* r : selected_rules(s))
      if (!r->info.always_on) out.push_back(r->info.id);
    return out;
  };
  RuleSettings s;
  s.select = {"SIG00"};
  s.ignore = {"rrsig-expiring-soon", "SIG004", "SIG005", "SIG006", "SIG007", "SIG008", "SIG009"};
  CHECK(names(s) == std::vector<std::string_view>{"SIG001", "SIG002"});
  s.select = {"SIG003"};
  s.ignore = {"SIG"};  // the exact code is more specific than the family
  CHECK(names(s) == std::vector<std::string_view>{"SIG003"});
  auto f = lint_zone_text("example. 3600 IN RRSIG SOA 13 1 3600 20250102000000 20200101000000 1 example. AAAA\n",
                          only("SIG003"));
  REQUIRE(f.size() == 1);
  Workspace ws;
  ws.zones.push_back(load_zone_text("example. 3600 IN RRSIG SOA 13 1 3600 20250102000000 20200101000000 1 example. AAAA\n",
                                    "t.zone", {.origin = "example."}));
  EngineOptions eng;
  eng.now = *parse_time("2025-01-01T00:00:00Z");
  eng.rules.select = {"SIG003"};
  eng.rules.severity = {{"SIG", "info"}, {"rrsig-expiring-soon", "error"}};
  auto r = run_lint(ws, eng).findings;
  REQUIRE(r.size() == 1);
  CHECK(r[0].severity == Severity::Error);
  eng.rules.severity = {{"SIG003", "off"}};
  CHECK(run_lint(ws, eng).findings.empty());
}
