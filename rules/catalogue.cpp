// The one registry of rules, sorted by code. Adding a rule: one file under rules/ plus one line here
// (and in the list below). Codes are assigned in docs/rule-ids.md.
#include <algorithm>
#include <array>

#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint {
namespace rules {
extern const Rule kCert001,
    kCert002,
    kCert003,
    kCert004,
    kCert005,
    kCert006,
    kDs001,
    kDs002,
    kDs003,
    kDs004,
    kDs005,
    kInput001,
    kKey001,
    kKey002,
    kKey003,
    kParse001,
    kSig001,
    kSig002,
    kSig003,
    kSig004,
    kSig005,
    kSig006,
    kSig007,
    kSig008,
    kSmtp001,
    kSmtp002,
    kSmtp003,
    kTlsa001,
    kTlsa002,
    kTlsa003,
    kTlsa004,
    kTlsa005,
    kTlsa006,
    kTlsa007,
    kTlsa008,
    kTlsa009,
    kTlsa010,
    kTlsa012,
    kTlsa013,
    kTlsa014,
    kTlsa015,
    kTlsa016,
    kTlsa017,
    kTlsa018,
    kTlsa019,
    kTlsa020,
    kTlsa021,
    kTlsa022,
    kTlsa023,
    kTlsa024;
}  // namespace rules

namespace {
using namespace rules;
// Sorted by code; test_catalogue checks the order.
constexpr std::array kAll = {
    &kCert001,
    &kCert002,
    &kCert003,
    &kCert004,
    &kCert005,
    &kCert006,
    &kDs001,
    &kDs002,
    &kDs003,
    &kDs004,
    &kDs005,
    &kInput001,
    &kKey001,
    &kKey002,
    &kKey003,
    &kParse001,
    &kSig001,
    &kSig002,
    &kSig003,
    &kSig004,
    &kSig005,
    &kSig006,
    &kSig007,
    &kSig008,
    &kSmtp001,
    &kSmtp002,
    &kSmtp003,
    &kTlsa001,
    &kTlsa002,
    &kTlsa003,
    &kTlsa004,
    &kTlsa005,
    &kTlsa006,
    &kTlsa007,
    &kTlsa008,
    &kTlsa009,
    &kTlsa010,
    &kTlsa012,
    &kTlsa013,
    &kTlsa014,
    &kTlsa015,
    &kTlsa016,
    &kTlsa017,
    &kTlsa018,
    &kTlsa019,
    &kTlsa020,
    &kTlsa021,
    &kTlsa022,
    &kTlsa023,
    &kTlsa024,
};
}  // namespace

std::span<const Rule* const> all_rules() { return kAll; }

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* r : kAll)
    if (equals_icase(r->info.id, id_or_name) || r->info.name == id_or_name) return r;
  return nullptr;
}

}  // namespace danelint
