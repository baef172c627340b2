// Shared by the DNSSEC rule tests: a small zone signed by ldns-signzone (testdata/dnssec/), edited
// in memory to inject one fault per test, and linted with optional parent DS data.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

namespace danelint::test {

inline std::string signed_fixture(const std::string& name = "ed25519.zone") {
  return read_source_file("testdata/dnssec/" + name);
}

/// 1-based number of the first line containing all of `parts`; 0 when none.
inline int line_with(const std::string& text, std::initializer_list<std::string_view> parts) {
  int n = 0;
  for (const std::string& l : split(text, '\n')) {
    ++n;
    bool all = true;
    for (std::string_view p : parts) all = all && l.find(p) != std::string::npos;
    if (all) return n;
  }
  return 0;
}

/// Replaces line `n` (1-based) with `with` (no newline), or deletes it when `with` is empty and `erase`.
inline std::string edit_line(const std::string& text, int n, const std::string& with, bool erase = false) {
  std::string out;
  int i = 0;
  for (const std::string& l : split(text, '\n')) {
    ++i;
    if (i == n) {
      if (!erase) out += with + "\n";
      continue;
    }
    out += l + "\n";
  }
  return out;
}

/// Replaces the first occurrence of `from` in line `n`.
inline std::string edit_in_line(const std::string& text, int n, std::string_view from, std::string_view to) {
  auto lines = split(text, '\n');
  std::string& l = lines.at(static_cast<size_t>(n - 1));
  auto pos = l.find(from);
  REQUIRE(pos != std::string::npos);
  l.replace(pos, from.size(), to);
  std::string out;
  for (const std::string& s : lines) out += s + "\n";
  return out;
}

/// Lints zone text with optional DS-file text (as --ds would load it) at 2026-06-01; `verifications`,
/// when given, receives the number of signature-against-key checks the analysis made.
inline std::vector<Finding> lint_signed(const std::string& zone, const Options& o, const std::string& ds = "",
                                        int jobs = 1, size_t* verifications = nullptr) {
  LoadOptions lo;
  lo.origin = o.origin;
  Workspace ws;
  ws.zones.push_back(load_zone_text(zone, "test.zone", lo));
  if (!ds.empty()) ws.ds_files.push_back(load_zone_text(ds, "ds.txt", lo));
  EngineOptions eng;
  eng.now = *parse_time("2026-06-01T00:00:00Z");
  eng.jobs = jobs;
  eng.rules.select = o.select;
  auto findings = run_lint(ws, eng).findings;
  if (verifications) *verifications = dnssec::analysis(ws).verifications;
  return findings;
}

}  // namespace danelint::test
