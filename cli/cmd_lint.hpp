#pragma once
#include <optional>
#include <string>
#include <vector>

namespace danelint::cli {

struct LintOptions {
  std::vector<std::string> files;
  std::string config;
  bool no_config = false;
  bool no_verify = false;  ///< skip the rules that verify signatures or match DS (the crypto analysis)
  std::string format = "text";
  std::vector<std::string> select, ignore;
  std::string now;
  std::string fail_on;
  std::string origin;
  int jobs = 0;  ///< 0: number of cores
  std::string color = "auto";
  std::vector<std::string> services;  ///< --service HOST[:PORT]=CHAINFILE
  std::vector<std::string> spki_denylists;  ///< --spki-denylist FILE (cert-stock-sample)
  std::vector<std::string> ds_files;  ///< --ds FILE: parent DS records, or DNSKEYs to compute DS from
  // history for the rollover rules (issue 5)
  std::string previous, previous_rev, published_since, state;
  std::string output;          ///< -o FILE: write the report there (atomically) instead of stdout
  bool quiet = false;          ///< findings only: no notes, no summary line
  bool exit_zero = false;      ///< exit 0 even with findings (2 still means an error)
  std::string baseline;        ///< --baseline FILE: report only findings not in it
  std::string write_baseline;  ///< --write-baseline FILE: record the current findings
};

/// Runs `danelint lint`; returns the exit code.
int run_lint_command(const LintOptions& opts);

}  // namespace danelint::cli
