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
};

struct Counts {
  size_t errors = 0, warnings = 0, infos = 0;
};
Counts count(const std::vector<Finding>& findings);

void write_text(std::ostream& out, const Report& report, bool color);
void write_json(std::ostream& out, const Report& report);

}  // namespace danelint::report
