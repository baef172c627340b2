// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Deterministic: no timestamps, no
// absolute paths for files inside the repository.
#include <cctype>
#include <map>

#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/suppress.hpp"

namespace danelint::report {
namespace {

std::string q(std::string_view s) { return cat('"', json_escape(s), '"'); }

std::string_view level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

std::string_view problem_severity(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "recommendation";
}

/// RFC 3986 percent-encoding of a path: unreserved characters and '/' stay, everything else is %XX.
std::string percent_encode(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

/// GitHub caps description texts at 1024 characters.
std::string cap(std::string_view s, size_t n = 1024) {
  if (s.size() <= n) return std::string(s);
  std::string out(s.substr(0, n - 3));
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // UTF-8 boundary
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out + "...";
}

std::string family(std::string_view id) {
  std::string f;
  for (char c : id)
    if (std::isalpha(static_cast<unsigned char>(c))) f += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return f;
}

std::string artifact_location(const std::string& file) {
  std::string path = stable_path(file);
  if (!path.empty() && path[0] == '/')
    return cat("{\"uri\":", q(cat("file://", percent_encode(path))), '}');
  return cat("{\"uri\":", q(percent_encode(path)), ",\"uriBaseId\":\"%SRCROOT%\"}");
}

std::string physical_location(const SourceLoc& loc) {
  std::string out = cat("{\"artifactLocation\":", artifact_location(loc.file));
  if (loc.line > 0) {
    int end = loc.end_line >= loc.line ? loc.end_line : loc.line;
    out += cat(",\"region\":{\"startLine\":", loc.line, ",\"endLine\":", end, '}');
  }
  return out + '}';
}

void write_rule(std::ostream& out, const RuleInfo& i) {
  std::string help_text = cat(i.fix, "\n\nBad:\n    ", i.bad_example, "\nGood:\n    ", i.good_example, "\n\nReferences: ",
                              i.references);
  std::string help_md = cat(i.fix, "\n\n**Bad:**\n\n```\n", i.bad_example, "\n```\n\n**Good:**\n\n```\n", i.good_example,
                            "\n```\n\n**When to ignore:** ", i.exceptions.empty() ? "rarely; see the rationale." : i.exceptions,
                            "\n\n**References:** ", i.references, "\n\nMore: `danelint explain ", i.id, '`');
  out << "{\"id\":" << q(i.id) << ",\"name\":" << q(i.name) << ",\"shortDescription\":{\"text\":" << q(cap(i.summary))
      << "},\"fullDescription\":{\"text\":" << q(cap(i.rationale)) << "},\"help\":{\"text\":" << q(help_text)
      << ",\"markdown\":" << q(help_md) << "},\"defaultConfiguration\":{\"level\":" << q(level(i.severity))
      << "},\"properties\":{\"tags\":[" << q(family(i.id)) << ",\"dns\"],\"precision\":\"very-high\",\"problem.severity\":"
      << q(problem_severity(i.severity)) << "}}";
}

}  // namespace

void write_sarif(std::ostream& out, const Report& report) {
  // The catalogue entries of the rules that have results, in catalogue order: every ruleId resolves,
  // and the document does not grow (or change) with rules that were not involved.
  std::vector<const Rule*> rules;
  std::map<const Rule*, size_t> index;
  for (const Rule* r : all_rules())
    for (const Finding& f : report.findings)
      if (f.rule == r) {
        index[r] = rules.size();
        rules.push_back(r);
        break;
      }

  out << "{\n\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\n\"version\":\"2.1.0\",\n\"runs\":[{\n"
      << "\"tool\":{\"driver\":{\"name\":\"danelint\",\"version\":" << q(DANELINT_VERSION)
      << ",\"semanticVersion\":" << q(DANELINT_VERSION) << ",\"rules\":[";
  for (size_t k = 0; k < rules.size(); ++k) {
    out << (k ? ",\n" : "\n");
    write_rule(out, rules[k]->info);
  }
  out << "\n]}},\n\"automationDetails\":{\"id\":\"danelint/\"},\n\"columnKind\":\"unicodeCodePoints\",\n\"results\":[";
  std::vector<std::string> prints = unique_fingerprints(report.findings);
  for (size_t n = 0; n < report.findings.size(); ++n) {
    const Finding& f = report.findings[n];
    out << (n ? ",\n" : "\n");
    out << "{\"ruleId\":" << q(f.rule->info.id) << ",\"ruleIndex\":" << index[f.rule] << ",\"level\":" << q(level(f.severity))
        << ",\"message\":{\"text\":" << q(f.message) << '}';
    if (!f.loc.file.empty()) out << ",\"locations\":[{\"physicalLocation\":" << physical_location(f.loc) << "}]";
    bool have_related = false;
    for (size_t r = 0; r < f.related.size(); ++r) {
      const auto& [loc, msg] = f.related[r];
      if (loc.file.empty()) continue;
      out << (have_related ? "," : ",\"relatedLocations\":[") << "{\"id\":" << r << ",\"physicalLocation\":"
          << physical_location(loc) << ",\"message\":{\"text\":" << q(msg) << "}}";
      have_related = true;
    }
    if (have_related) out << ']';
    out << ",\"partialFingerprints\":{\"danelint/v1\":" << q(prints[n]) << '}';
    std::string props;
    if (!f.owner.empty()) props += cat("\"owner\":", q(f.owner));
    if (!f.type.empty()) props += cat(props.empty() ? "" : ",", "\"type\":", q(f.type));
    if (f.suggestion) props += cat(props.empty() ? "" : ",", "\"suggestion\":", q(*f.suggestion));
    if (!props.empty()) out << ",\"properties\":{" << props << '}';
    out << '}';
  }
  out << (report.findings.empty() ? "" : "\n") << "]\n}]\n}\n";
}

}  // namespace danelint::report
