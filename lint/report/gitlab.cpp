// GitLab Code Quality report (a CodeClimate subset): a JSON array, UTF-8 without BOM, one issue per
// finding with a fingerprint unique in the report and stable when lines move.
#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/suppress.hpp"

namespace danelint::report {
namespace {

std::string q(std::string_view s) { return cat('"', json_escape(s), '"'); }

std::string_view gitlab_severity(Severity s) {
  return s == Severity::Error ? "major" : s == Severity::Warning ? "minor" : "info";
}

}  // namespace

void write_gitlab(std::ostream& out, const Report& report) {
  std::vector<std::string> prints = unique_fingerprints(report.findings);
  out << '[';
  for (size_t n = 0; n < report.findings.size(); ++n) {
    const Finding& f = report.findings[n];
    int begin = f.loc.line > 0 ? f.loc.line : 1;
    int end = f.loc.end_line >= begin ? f.loc.end_line : begin;
    out << (n ? ",\n" : "\n") << "{\"type\":\"issue\",\"check_name\":" << q(f.rule->info.id)
        << ",\"description\":" << q(cat(f.message, " [", f.rule->info.id, ' ', f.rule->info.name, ']'))
        << ",\"categories\":[\"Bug Risk\"],\"severity\":" << q(gitlab_severity(f.severity))
        << ",\"fingerprint\":" << q(prints[n]) << ",\"location\":{\"path\":" << q(stable_path(f.loc.file))
        << ",\"lines\":{\"begin\":" << begin << ",\"end\":" << end << "}}}";
  }
  out << (report.findings.empty() ? "" : "\n") << "]\n";
}

}  // namespace danelint::report
