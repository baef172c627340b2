// Test helpers: lint zone text in memory with a fixed clock and a chosen set of rules.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "lint/engine.hpp"
#include "lint/timeutil.hpp"
#include "lint/strings.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::test {

struct Options {
  std::vector<std::string> select{"ALL"};
  int64_t now = *parse_time("2025-01-01T00:00:00Z");
  std::string origin = "example.";
  std::map<std::string, OptionValues, std::less<>> options;
  int jobs = 1;
  ZoneSigning signing = ZoneSigning::Unknown;  ///< the zone's [[zone]] signing mode

  Options& only(std::string spec) {
    select = {std::move(spec)};
    return *this;
  }
  Options& at(std::string_view t) {
    now = *parse_time(t);
    return *this;
  }
};

inline Options only(std::string spec) { return Options{}.only(std::move(spec)); }

/// Lints one in-memory zone and returns the findings of the selected rules (loader findings included).
inline std::vector<Finding> lint_zone_text(std::string_view text, const Options& o = {}) {
  LoadOptions lo;
  lo.origin = o.origin;
  Workspace ws;
  ws.zones.push_back(load_zone_text(text, "test.zone", lo));
  ws.zone_signing.push_back(o.signing);
  EngineOptions eng;
  eng.now = o.now;
  eng.jobs = o.jobs;
  eng.rules.select = o.select;
  eng.rules.options = o.options;
  return run_lint(ws, eng).findings;
}

/// Findings of one rule only (by code or name).
inline std::vector<Finding> of_rule(const std::vector<Finding>& all, std::string_view rule) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.rule->info.id == rule || f.rule->info.name == rule) out.push_back(f);
  return out;
}

/// Lines of a rule's findings.
inline std::vector<int> lines_of(const std::vector<Finding>& all, std::string_view rule) {
  std::vector<int> out;
  for (const Finding& f : of_rule(all, rule)) out.push_back(f.loc.line);
  return out;
}

/// Reads a file of the source tree (testdata, README).
std::string read_source_file(const std::string& relative);
/// Reads any file by absolute path.
std::string read_source_file_abs(const std::string& path);

/// Lints a testdata zone with `; expect: ID[,ID]` marks and checks the exact multiset of (id, line)
/// for the rule under test: nothing missing, nothing extra.
void check_expect_marks(const std::string& relative_path, std::string_view rule_id, const Options& o);

}  // namespace danelint::test

namespace danelint::test {

/// A temporary directory removed at scope exit.
struct TempDir {
  std::string path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path + "/" + name; }
  void write(const std::string& name, std::string_view content) const;
};

struct RunResult {
  int exit_code = -1;
  std::string out;  ///< stdout and stderr together unless the command redirects
};
/// Runs a shell command (bash -c) and captures its output.
RunResult run(const std::string& command);
/// True when a command exists on PATH.
bool have_command(const std::string& name);

}  // namespace danelint::test
