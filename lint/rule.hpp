// The rule interface. A rule is data (RuleInfo, for docs and config) plus one pure check function.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "lint/finding.hpp"

namespace danelint {

class LintContext;
class FindingSink;

enum class Status : unsigned char { Preview, Stable, Deprecated, Removed };
std::string_view status_name(Status s);

enum class OptionKind : unsigned char { Duration, Integer, Bool, String };

/// A tunable of one rule, set in `[lint.options.<rule name>]`.
struct RuleOption {
  std::string_view name{};           ///< kebab-case key, e.g. "min-remaining"
  OptionKind kind{OptionKind::Integer};
  std::string_view default_value{};  ///< as written in config, e.g. "3d"
  std::string_view help{};
};

struct RuleInfo {
  std::string_view id{};    ///< family + 3 digits, e.g. "SIG001"; stable forever
  std::string_view name{};  ///< kebab-case problem name from rules-catalogue.md
  Severity severity{Severity::Error};
  /// Some catalogue entries are E/W: the check picks per finding; `severity` is the higher default.
  bool split_severity{false};
  Status status{Status::Stable};
  std::string_view since{};
  std::string_view summary{};
  std::string_view rationale{};
  std::string_view fix{};
  std::string_view exceptions{};  ///< when it is fine to ignore the rule
  std::string_view bad_example{};
  std::string_view good_example{};
  std::string_view references{};
  std::span<const RuleOption> options{};
  /// Input rules cannot be disabled or downgraded below error.
  bool always_on{false};
  /// Examples are zone text unless the rule needs certificates or history; then tests skip them.
  bool zone_examples{true};
};

struct Rule {
  RuleInfo info{};
  /// Null for rules whose findings come from the loaders (input-unreadable, zone-syntax).
  void (*check)(const LintContext&, FindingSink&){nullptr};
  /// The analysis shared with other rules that the check builds on first use while the others wait (the
  /// NSEC rules' denial analysis, the SMTP rules' MX hosts), if any: the engine starts one rule of each
  /// such group early and queues the rest last.
  std::string_view shared_analysis{};
};

/// The catalogue, sorted by id (rules/catalogue.cpp).
std::span<const Rule* const> all_rules();
const Rule* find_rule(std::string_view id_or_name);  ///< exact id or name, case-insensitive id

}  // namespace danelint
