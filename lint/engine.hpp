// Runs the selected rules over a Workspace and returns findings in a deterministic order.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/context.hpp"
#include "lint/suppress.hpp"

namespace danelint {

/// Which rules run and how loud they are, after defaults, config and flags are merged.
struct RuleSettings {
  std::vector<std::string> select{"ALL"};  ///< ids, names, family prefixes or "ALL"
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, std::string>> severity;  ///< spec -> error|warning|info|off
  std::map<std::string, OptionValues, std::less<>> options;  ///< by rule id
};

/// Rules matched by one spec; empty when the spec names nothing. `specificity` grows with precision.
std::vector<const Rule*> match_rule_spec(std::string_view spec, int* specificity = nullptr);

/// Resolves select/ignore: the most specific matching spec wins; ties go to ignore. Input rules stay on.
std::vector<const Rule*> selected_rules(const RuleSettings& settings);

struct EngineOptions {
  int64_t now = 0;
  int jobs = 1;
  RuleSettings rules;
  SuppressOptions suppress;  ///< per-file ignores (inline directives come from the zones)
};

struct LintResult {
  std::vector<Finding> findings;  ///< sorted by finding_less
  bool input_error = false;       ///< some input could not be read
  std::vector<std::string> notes; ///< run-level facts: unsigned zones, DS data used, per-rule summaries
};

LintResult run_lint(const Workspace& ws, const EngineOptions& opts);

}  // namespace danelint
