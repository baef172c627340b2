#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint::report {

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    if (f.severity == Severity::Error) ++c.errors;
    else if (f.severity == Severity::Warning) ++c.warnings;
    else ++c.infos;
  }
  return c;
}

static std::string plural(size_t n, std::string_view word) {
  return cat(n, ' ', word, n == 1 ? "" : "s");
}

void write_text(std::ostream& out, const Report& report, bool color) {
  auto paint = [&](std::string_view code, std::string_view s) {
    return color ? cat("\033[", code, 'm', s, "\033[0m") : std::string(s);
  };
  for (const Finding& f : report.findings) {
    std::string where = f.loc.file;
    if (f.loc.line > 0) where = cat(where, ':', f.loc.line);
    std::string_view sev = severity_name(f.severity);
    std::string_view sev_color = f.severity == Severity::Error ? "1;31" : f.severity == Severity::Warning ? "1;33" : "1;36";
    out << paint("1", where) << ": " << paint(sev_color, sev) << ": " << f.message << " ["
        << f.rule->info.id << ' ' << f.rule->info.name << "]\n";
    for (const auto& [loc, msg] : f.related) {
      out << "  " << loc.file;
      if (loc.line > 0) out << ':' << loc.line;
      out << ": note: " << msg << '\n';
    }
    if (f.suggestion) out << "  suggestion: " << *f.suggestion << '\n';
  }
  if (report.quiet) return;
  for (const std::string& note : report.notes) out << "note: " << note << '\n';
  Counts c = count(report.findings);
  if (report.findings.empty()) {
    out << "no findings in " << plural(report.zones.size(), "zone") << '\n';
  } else {
    out << plural(c.errors, "error") << ", " << plural(c.warnings, "warning") << ", " << c.infos << " info\n";
  }
}

}  // namespace danelint::report
