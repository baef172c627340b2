#include "lint/dane.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

bool recommended(const TlsaView& t) {
  return (t.usage == 3 && t.selector == 1 && (t.matching_type == 1 || t.matching_type == 2)) ||
         (t.usage == 2 && t.selector == 1 && t.matching_type == 1) ||
         (t.usage == 2 && t.selector == 0 && t.matching_type == 1);
}

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    // Usages 0/1 and unassigned values are errors reported by their own rules.
    if (t.usage < 2 || t.usage > 3 || t.selector > 1 || t.matching_type > 2) return;
    if (recommended(t) || !is_smtp_owner(zone.owner(rec).wire)) return;
    out.report(zone, rec, cat(tlsa_params(t), " at an SMTP owner; RFC 7672 recommends 3 1 1, 3 1 2, 2 1 1 or 2 0 1"));
  });
}

}  // namespace

extern const Rule kSmtp002{
    .info = {.id = "SMTP002", .name = "smtp-nonstandard-combo", .severity = Severity::Info, .since = "0.1.0",
             .summary = "SMTP TLSA parameters other than 3 1 1, 3 1 2, 2 1 1 or 2 0 1",
             .rationale = "Other combinations work but are less robust across renewals or less widely supported "
                          "by MTAs (RFC 7672 §3.1.1).",
             .fix = "Prefer 3 1 1 for the server key, with 2 1 1 for the issuing CA as an alternative.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 2 0 2 abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §3.1.1"},
    .check = &check};

}  // namespace danelint::rules
