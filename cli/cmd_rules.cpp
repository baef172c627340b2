#include <iostream>

#include "cli/commands.hpp"
#include "lint/catalogue_docs.hpp"

namespace danelint::cli {

void setup_rules(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("rules", "List the rule catalogue");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("-f,--format", *format, "Output format")
      ->check(CLI::IsMember({"text", "markdown", "json"}, CLI::ignore_case));
  cmd->callback([format, &exit_code] {
    if (*format == "markdown") write_rules_markdown(std::cout);
    else if (*format == "json") write_rules_json(std::cout);
    else write_rules_text(std::cout);
    exit_code = kExitOk;
  });
}

void setup_explain(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("explain", "Explain one rule, by code or name");
  auto id = std::make_shared<std::string>();
  cmd->add_option("rule", *id, "Rule code (e.g. SIG001) or name (e.g. rrsig-expired)")->required();
  cmd->callback([id, &exit_code] {
    const Rule* rule = find_rule(*id);
    if (!rule) {
      std::cerr << "danelint: error: unknown rule '" << *id << "' (see `danelint rules`)\n";
      exit_code = kExitUsage;
      return;
    }
    write_explain(std::cout, *rule);
    exit_code = kExitOk;
  });
}

}  // namespace danelint::cli
