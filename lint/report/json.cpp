#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint::report {

static std::string q(std::string_view s) { return cat('"', json_escape(s), '"'); }

void write_json(std::ostream& out, const Report& report) {
  out << "{\"version\":1,\"findings\":[";
  bool first = true;
  for (const Finding& f : report.findings) {
    out << (first ? "\n" : ",\n");
    first = false;
    out << "{\"code\":" << q(f.rule->info.id) << ",\"name\":" << q(f.rule->info.name)
        << ",\"severity\":" << q(severity_name(f.severity)) << ",\"file\":" << q(f.loc.file)
        << ",\"line\":" << f.loc.line << ",\"end_line\":" << (f.loc.end_line ? f.loc.end_line : f.loc.line)
        << ",\"owner\":" << q(f.owner) << ",\"type\":" << q(f.type) << ",\"message\":" << q(f.message);
    if (!f.related.empty()) {
      out << ",\"related\":[";
      for (size_t i = 0; i < f.related.size(); ++i) {
        const auto& [loc, msg] = f.related[i];
        out << (i ? "," : "") << "{\"file\":" << q(loc.file) << ",\"line\":" << loc.line << ",\"message\":" << q(msg)
            << '}';
      }
      out << ']';
    }
    if (f.suggestion) out << ",\"suggestion\":" << q(*f.suggestion);
    out << '}';
  }
  Counts c = count(report.findings);
  out << (first ? "" : "\n") << "],\"summary\":{\"errors\":" << c.errors << ",\"warnings\":" << c.warnings
      << ",\"infos\":" << c.infos << ",\"total\":" << report.findings.size() << ",\"zones\":[";
  for (size_t i = 0; i < report.zones.size(); ++i) {
    const ZoneSummary& z = report.zones[i];
    out << (i ? "," : "") << "{\"file\":" << q(z.file) << ",\"origin\":" << q(z.origin)
        << ",\"origin_source\":" << q(z.origin_source) << ",\"signed\":" << (z.is_signed ? "true" : "false")
        << ",\"records\":" << z.records << '}';
  }
  out << "],\"notes\":[";
  for (size_t i = 0; i < report.notes.size(); ++i) out << (i ? "," : "") << q(report.notes[i]);
  out << "]}}\n";
}

}  // namespace danelint::report
