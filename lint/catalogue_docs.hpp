// Renders the rule catalogue (`danelint rules`, `danelint explain`, the README table) from RuleInfo.
#pragma once
#include <ostream>
#include <string_view>

#include "lint/rule.hpp"

namespace danelint {

void write_rules_text(std::ostream& out);
void write_rules_markdown(std::ostream& out);
void write_rules_json(std::ostream& out);
void write_explain(std::ostream& out, const Rule& rule);

}  // namespace danelint
