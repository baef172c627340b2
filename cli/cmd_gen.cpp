#include <iostream>

#include "cli/commands.hpp"

namespace danelint::cli {

// Placeholder until `danelint gen` lands (issue 3): refuses clearly instead of emitting anything.
void setup_gen(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("gen", "Generate TLSA records from certificates and keys");
  cmd->allow_extras();
  cmd->callback([&exit_code] {
    std::cerr << "danelint: error: gen is not available in this build yet\n";
    exit_code = kExitUsage;
  });
}

}  // namespace danelint::cli
