#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    if (v.chains.empty()) continue;
    for (const dane::OwnerRecord& r : v.records) {
      if (r.unusable != dane::Unusable::None) continue;
      if (dane::matches_current(v, r) || dane::matches_next(v, r)) continue;
      if (dane::record_explained(v, r)) continue;
      // A whole combination without current material is tlsa-combo-no-current's finding.
      if (v.any_authenticated() && !dane::combo_has_current(v, r.view.usage, r.view.selector, r.view.matching_type))
        continue;
      out.report(*r.zone, *r.rec,
                 cat(dane::service_text(svc), ": ", tlsa_params(r.view),
                     " matches neither the served chains/keys nor any declared next key",
                     svc.next_keys.empty() ? " (no next_keys declared)" : ""));
    }
  }
}

}  // namespace

extern const Rule kTlsa023{
    .info = {.id = "TLSA023", .name = "tlsa-stale", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "a TLSA record matches neither the current nor any declared next key",
             .rationale = "After a rollover the old record must go (RFC 7671 §8.4): left in place it keeps a retired "
                          "(possibly compromised) key trusted and grows the RRset. A record for a staged key is fine "
                          "when the key is declared in next_keys.",
             .fix = "Remove the record once the key it covers is no longer served, or declare the staged key in "
                    "the service's next_keys.",
             .bad_example = "3 1 1 <current key>, 3 1 1 <key retired last year>",
             .good_example = "3 1 1 <current key>, 3 1 1 <next key, listed in next_keys>",
             .references = "RFC 7671 §8.4",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
