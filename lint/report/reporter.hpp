// Output formats. Reporters see findings and summaries only: no ldns, no OpenSSL.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "lint/finding.hpp"

namespace danelint::report {

/// One linted zone, for the summary ("origin taken from the SOA", "zone is unsigned").
struct ZoneSummary {
  std::string file;
  std::string origin;
  std::string origin_source;
  bool is_signed = false;
  size_t records = 0;
};

struct Report {
  const std::vector<Finding>& findings;
  std::vector<ZoneSummary> zones;
  std::vector<std::string> notes;  ///< run-level facts, e.g. "example.com.: zone is unsigned"
  bool quiet = false;  ///< text: findings only, no notes and no summary line
};

struct Counts {
  size_t errors = 0, warnings = 0, infos = 0;
};
Counts count(const std::vector<Finding>& findings);

void write_text(std::ostream& out, const Report& report, bool color);
void write_json(std::ostream& out, const Report& report);
/// SARIF 2.1.0: one run, the catalogue entries of the reported rules as tool.driver.rules, repo-relative URIs, line regions and a
/// line-independent partialFingerprints["danelint/v1"].
void write_sarif(std::ostream& out, const Report& report);
/// GitHub Actions workflow commands (::error/::warning/::notice) followed by the text report.
void write_github(std::ostream& out, const Report& report);
/// GitLab Code Quality: a JSON array of issues with unique fingerprints.
void write_gitlab(std::ostream& out, const Report& report);
/// JUnit XML: a testsuite per file, a failing testcase per finding (unique names), a passing one per clean file.
void write_junit(std::ostream& out, const Report& report);

}  // namespace danelint::report
