// What a rule reports: a fact about one place in one input file.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danelint {

struct Rule;

enum class Severity : unsigned char { Info = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);  // "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view s);  // also accepts "note" for info

/// A place in an input file. Lines are 1-based; 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int end_line = 0;
  int column = 0;
};

struct Finding {
  const Rule* rule = nullptr;  ///< points into the catalogue; never null once reported
  Severity severity = Severity::Error;  ///< effective severity, after config overrides
  std::string message;  ///< facts of this instance; lower-case start, no trailing period
  SourceLoc loc;
  std::string owner;  ///< owner name of the record concerned (absolute), or the service
  std::string type;   ///< RR type mnemonic of the record concerned, if any
  std::vector<std::pair<SourceLoc, std::string>> related;  ///< e.g. the DNSKEY a DS should match
  std::optional<std::string> suggestion;  ///< e.g. the TLSA record that `gen` would write
};

/// Deterministic order: file, line, rule id, message, owner.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace danelint
