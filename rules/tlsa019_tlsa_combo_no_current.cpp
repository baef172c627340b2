#include <set>
#include <tuple>

#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    // When nothing matches, tlsa-no-match-current names the problem.
    if (!v.any_authenticated()) continue;
    std::set<std::tuple<uint8_t, uint8_t, uint8_t>> seen;
    for (const dane::OwnerRecord& r : v.records) {
      if (r.unusable != dane::Unusable::None) continue;
      auto key = std::tuple{r.view.usage, r.view.selector, r.view.matching_type};
      if (!seen.insert(key).second) continue;
      if (dane::combo_has_current(v, r.view.usage, r.view.selector, r.view.matching_type)) continue;
      // Records that another rule explains (wrong usage, params confused, TA not sent) are not stale combos.
      bool explained = false;
      for (const dane::OwnerRecord& o : v.records)
        if (o.view.usage == r.view.usage && o.view.selector == r.view.selector &&
            o.view.matching_type == r.view.matching_type &&
            dane::record_explained(v, o))
          explained = true;
      if (explained) continue;
      bool next = false;
      for (const dane::OwnerRecord& o : v.records)
        if (o.view.usage == r.view.usage && o.view.selector == r.view.selector &&
            o.view.matching_type == r.view.matching_type && dane::matches_next(v, o))
          next = true;
      Finding& f = out.report(*r.zone, *r.rec,
                              cat(dane::service_text(svc), ": no ", tlsa_params(r.view), " record at ",
                                  name_to_text(v.owner_wire), " matches the current ",
                                  r.view.usage >= 2 ? "" : "(PKIX) ",
                                  r.view.usage == gen::kDaneEe || r.view.usage == gen::kPkixEe ? "leaf" : "issuers",
                                  next ? "; they match only the next key" : "; they match nothing served"));
      const dane::Chain& c = v.chains.front();
      X509* target = nullptr;
      if (r.view.usage == gen::kDaneEe || r.view.usage == gen::kPkixEe) target = c.leaf();
      else if (c.path.size() > 1) target = c.certs[c.path[1]];
      if (target) f.suggestion = dane::suggest_for(v, r.view.usage, r.view.selector, r.view.matching_type, target);
      else if (c.certs.empty() && r.view.selector == gen::kSpki)
        f.suggestion = dane::suggest_for(v, r.view.usage, r.view.selector, r.view.matching_type, nullptr, c.leaf_key);
    }
  }
}

}  // namespace

extern const Rule kTlsa019{
    .info = {.id = "TLSA019", .name = "tlsa-combo-no-current", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a (usage, selector, matching type) combination present matches only non-current material",
             .rationale = "Clients may support or prefer only some combinations; with digest agility (RFC 7671 §9) a "
                          "client uses only the strongest digest present. Every combination published must cover "
                          "the current key, or a client that picks it fails (RFC 7671 §8).",
             .fix = "Add the record of this combination for the current key (the suggestion), or remove the "
                    "combination altogether.",
             .bad_example = "3 1 1 <current key>, 3 0 1 <previous certificate>",
             .good_example = "3 1 1 <current key>, 3 0 1 <current certificate>",
             .references = "RFC 7671 §8, §9",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
