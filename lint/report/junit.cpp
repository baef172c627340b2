// JUnit XML for CI test-report widgets (GitLab, Jenkins): one <testsuite> per file, one failing
// <testcase> per finding and one passing <testcase> per clean file. Test names are unique, because
// GitLab keeps only the first of several equal names.
#include <map>
#include <set>

#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/suppress.hpp"

namespace danelint::report {
namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += '?';  // not representable in XML 1.0
        else out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

void write_junit(std::ostream& out, const Report& report) {
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const ZoneSummary& z : report.zones) by_file[stable_path(z.file)];
  for (const Finding& f : report.findings) by_file[stable_path(f.loc.file)].push_back(&f);
  size_t tests = 0, failures = report.findings.size();
  for (const auto& [file, list] : by_file) tests += list.empty() ? 1 : list.size();

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"danelint\" tests=\"" << tests
      << "\" failures=\"" << failures << "\" errors=\"0\">\n";
  for (const auto& [file, list] : by_file) {
    std::string xf = xml_escape(file);
    out << "  <testsuite name=\"" << xf << "\" tests=\"" << (list.empty() ? 1 : list.size()) << "\" failures=\""
        << list.size() << "\" errors=\"0\" skipped=\"0\">\n";
    if (list.empty()) {
      out << "    <testcase classname=\"" << xf << "\" name=\"danelint\" file=\"" << xf << "\"/>\n";
    }
    std::set<std::string> names;
    for (const Finding* f : list) {
      std::string name = cat(f->rule->info.id, ' ', f->rule->info.name);
      if (!f->owner.empty()) name += cat(' ', f->owner);
      if (!f->type.empty()) name += cat(' ', f->type);
      if (f->loc.line > 0) name += cat(" (line ", f->loc.line, ')');
      std::string unique = name;
      for (int k = 2; !names.insert(unique).second; ++k) unique = cat(name, " #", k);
      std::string where = f->loc.line > 0 ? cat(file, ':', f->loc.line) : file;
      out << "    <testcase classname=\"" << xf << "\" name=\"" << xml_escape(unique) << "\" file=\"" << xf << '"';
      if (f->loc.line > 0) out << " line=\"" << f->loc.line << '"';
      out << ">\n      <failure message=\"" << xml_escape(f->message) << "\" type=\"" << severity_name(f->severity)
          << "\">" << xml_escape(cat(where, ": ", severity_name(f->severity), ": ", f->message, " [", f->rule->info.id, ' ',
                                     f->rule->info.name, ']'));
      for (const auto& [loc, msg] : f->related)
        out << "&#10;" << xml_escape(cat("  ", loc.file, loc.line > 0 ? cat(':', loc.line) : "", ": note: ", msg));
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace danelint::report
