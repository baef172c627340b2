#include "lint/finding.hpp"

#include <tuple>

#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (equals_icase(s, "error")) return Severity::Error;
  if (equals_icase(s, "warning")) return Severity::Warning;
  if (equals_icase(s, "info") || equals_icase(s, "note")) return Severity::Info;
  return std::nullopt;
}

std::string_view status_name(Status s) {
  switch (s) {
    case Status::Preview: return "preview";
    case Status::Stable: return "stable";
    case Status::Deprecated: return "deprecated";
    case Status::Removed: return "removed";
  }
  return "stable";
}

bool finding_less(const Finding& a, const Finding& b) {
  std::string_view ida = a.rule ? a.rule->info.id : "", idb = b.rule ? b.rule->info.id : "";
  return std::tie(a.loc.file, a.loc.line, ida, a.message, a.owner) <
         std::tie(b.loc.file, b.loc.line, idb, b.message, b.owner);
}

}  // namespace danelint
