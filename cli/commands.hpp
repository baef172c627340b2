// Each subcommand registers itself on the app and sets `exit_code` when it runs.
#pragma once
#include <CLI/CLI.hpp>

namespace danelint::cli {

void setup_lint(CLI::App& app, int& exit_code);
void setup_gen(CLI::App& app, int& exit_code);
void setup_rules(CLI::App& app, int& exit_code);
void setup_explain(CLI::App& app, int& exit_code);
void setup_rollover(CLI::App& app, int& exit_code);

/// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;        ///< nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  ///< findings at or above --fail-on
inline constexpr int kExitUsage = 2;     ///< usage, config or input error

}  // namespace danelint::cli
