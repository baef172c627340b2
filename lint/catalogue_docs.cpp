#include "lint/catalogue_docs.hpp"

#include "lint/strings.hpp"

namespace danelint {

static std::string sev_label(const RuleInfo& i) {
  if (i.split_severity) return i.severity == Severity::Error ? "error/warning" : "warning/info";
  return std::string(severity_name(i.severity));
}

void write_rules_text(std::ostream& out) {
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    std::string id(i.id), name(i.name), sev = sev_label(i);
    id.resize(std::max<size_t>(id.size(), 9), ' ');
    name.resize(std::max<size_t>(name.size(), 28), ' ');
    sev.resize(std::max<size_t>(sev.size(), 14), ' ');
    out << id << name << sev << i.summary << '\n';
  }
}

/// Markdown table cells cannot hold a bare '|'.
static std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void write_rules_markdown(std::ostream& out) {
  out << "| code | name | severity | summary |\n|---|---|---|---|\n";
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    out << "| " << i.id << " | `" << i.name << "` | " << sev_label(i) << " | " << md_cell(i.summary) << " |\n";
  }
}

void write_rules_json(std::ostream& out) {
  out << "[";
  bool first = true;
  auto q = [](std::string_view s) { return cat('"', json_escape(s), '"'); };
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    out << (first ? "\n" : ",\n");
    first = false;
    out << "{\"code\":" << q(i.id) << ",\"name\":" << q(i.name) << ",\"severity\":" << q(sev_label(i))
        << ",\"status\":" << q(status_name(i.status)) << ",\"since\":" << q(i.since) << ",\"summary\":" << q(i.summary)
        << ",\"rationale\":" << q(i.rationale) << ",\"fix\":" << q(i.fix) << ",\"exceptions\":" << q(i.exceptions)
        << ",\"bad_example\":" << q(i.bad_example) << ",\"good_example\":" << q(i.good_example)
        << ",\"references\":" << q(i.references) << ",\"options\":[";
    for (size_t k = 0; k < i.options.size(); ++k) {
      const RuleOption& o = i.options[k];
      out << (k ? "," : "") << "{\"name\":" << q(o.name) << ",\"default\":" << q(o.default_value)
          << ",\"help\":" << q(o.help) << '}';
    }
    out << "]}";
  }
  out << "\n]\n";
}

void write_explain(std::ostream& out, const Rule& rule) {
  const RuleInfo& i = rule.info;
  out << "# " << i.id << ' ' << i.name << " (" << sev_label(i) << ")\n\n" << i.summary << "\n\n";
  out << "## Why this is bad\n" << i.rationale << "\n\n";
  out << "## Example\nBad:\n    " << i.bad_example << "\nGood:\n    " << i.good_example << "\n\n";
  out << "## How to fix\n" << i.fix << "\n\n";
  out << "## When to ignore\n" << (i.exceptions.empty() ? std::string_view("Rarely; see the rationale.") : i.exceptions)
      << "\n\n";
  out << "## References\n" << i.references << "\n";
  if (!i.options.empty()) {
    out << "\n## Options\n";
    for (const RuleOption& o : i.options)
      out << "- `" << o.name << "` (default `" << o.default_value << "`): " << o.help << '\n';
  }
  out << "\nStatus: " << status_name(i.status) << ", since " << i.since << '\n';
}

}  // namespace danelint
