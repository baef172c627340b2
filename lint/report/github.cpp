// GitHub Actions workflow commands, one annotation per finding, then the full text report (GitHub shows
// at most 10 errors and 10 warnings per step as annotations; the log keeps everything).
#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/suppress.hpp"

namespace danelint::report {
namespace {

/// actions/toolkit escapeData: '%', CR and LF.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

/// actions/toolkit escapeProperty: escapeData plus ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "notice";
}

}  // namespace

void write_github(std::ostream& out, const Report& report) {
  for (const Finding& f : report.findings) {
    out << "::" << command(f.severity) << ' ';
    std::string props;
    if (!f.loc.file.empty()) {
      props += cat("file=", escape_property(stable_path(f.loc.file)));
      if (f.loc.line > 0) {
        props += cat(",line=", f.loc.line);
        if (f.loc.end_line > f.loc.line) props += cat(",endLine=", f.loc.end_line);
      }
      props += ',';
    }
    props += cat("title=", escape_property(cat("danelint (", f.rule->info.id, ' ', f.rule->info.name, ')')));
    out << props << "::" << escape_data(f.message) << '\n';
  }
  write_text(out, report, false);
}

}  // namespace danelint::report
