// The one registry of rules, sorted by code. Adding a rule: one file under rules/ plus one line here
// (and in the list below). Codes are assigned in docs/rule-ids.md.
#include <algorithm>
#include <array>

#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint {
namespace rules {
extern const Rule kInput001, kParse001;
extern const Rule kLint001;
extern const Rule kSig001, kSig002, kSig003;
extern const Rule kSmtp001, kSmtp002;
extern const Rule kTlsa001, kTlsa002, kTlsa003, kTlsa004, kTlsa005, kTlsa006, kTlsa007, kTlsa008, kTlsa009,
    kTlsa010;
}  // namespace rules

namespace {
using namespace rules;
// Sorted by code; test_catalogue checks the order.
constexpr std::array kAll = {
    &kInput001, &kLint001, &kParse001,
    &kSig001, &kSig002, &kSig003,
    &kSmtp001, &kSmtp002,
    &kTlsa001, &kTlsa002, &kTlsa003, &kTlsa004, &kTlsa005, &kTlsa006, &kTlsa007, &kTlsa008, &kTlsa009,
    &kTlsa010,
};
}  // namespace

std::span<const Rule* const> all_rules() { return kAll; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* r : kAll)
    if (equals_icase(r->info.id, id_or_name) || r->info.name == id_or_name) return r;
  return nullptr;
}

}  // namespace danelint
