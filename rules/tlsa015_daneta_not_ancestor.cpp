#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    for (const dane::OwnerRecord& r : v.records) {
      auto hit = dane::ta_off_path(v, r);
      if (!hit) continue;
      const dane::Chain& c = *hit->first;
      size_t i = hit->second;
      Finding& f = out.report(*r.zone, *r.rec,
                              cat(dane::service_text(svc), ": ", tlsa_params(r.view), " matches ",
                                  gen::subject_line(c.certs[i]), " in ", c.file->path,
                                  ", which did not issue the leaf ", gen::subject_line(c.leaf()), " or its issuers"));
      f.related.push_back({SourceLoc{c.file->path, c.line_of(i), c.line_of(i), 0}, "the unrelated CA"});
      if (c.path.size() > 1)
        f.suggestion = dane::suggest_for(v, gen::kDaneTa, r.view.selector, r.view.matching_type, c.certs[c.path[1]]);
    }
  }
}

}  // namespace

extern const Rule kTlsa015{
    .info = {.id = "TLSA015", .name = "daneta-not-ancestor", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "DANE-TA record matches a CA in the chain file that did not issue the deployed leaf",
             .rationale = "Clients build the chain from the leaf upwards; a CA that is sent but is not an ancestor "
                          "of the leaf (left over after a CA change, or a chain file mixing two hierarchies) is never "
                          "on that path, so its TLSA record authenticates nothing.",
             .fix = "Publish the record for the CA that actually issued the leaf (suggestion) and remove the "
                    "unrelated CA from the chain file.",
             .bad_example = "chain = leaf (issued by CA-B) + CA-A; _25._tcp.mx.example. IN TLSA 2 1 1 <CA-A>",
             .good_example = "chain = leaf (issued by CA-B) + CA-B; _25._tcp.mx.example. IN TLSA 2 1 1 <CA-B>",
             .references = "Internet.nl issue #1283; RFC 7671 §5.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
