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
      if (!dane::usage2_only_leaf(v, r)) continue;
      const dane::Chain* chain = nullptr;
      for (const dane::Chain& c : v.chains)
        if (dane::relate(r.view, c).leaf) chain = &c;
      Finding& f = out.report(*r.zone, *r.rec,
                              cat(dane::service_text(svc), ": ", tlsa_params(r.view), " matches only the leaf of ",
                                  dane::chain_text(*chain), "; DANE-TA never matches at depth 0"));
      f.related.push_back({SourceLoc{chain->file->path, chain->line_of(0), chain->line_of(0), 0}, "the leaf it matches"});
      f.suggestion = dane::tlsa_record_text(v, gen::kDaneEe, r.view.selector, r.view.matching_type,
                                            std::vector<uint8_t>(r.view.data.begin(), r.view.data.end()));
    }
  }
}

}  // namespace

extern const Rule kTlsa012{
    .info = {.id = "TLSA012", .name = "tlsa-usage2-matches-ee", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DANE-TA (usage 2) record that matches only the server's own certificate",
             .rationale = "DANE-TA records are matched only against certificates above the leaf (OpenSSL's dane_match "
                          "uses usage 2 at depth >= 1), so a `2 x y` record holding the leaf's digest authenticates "
                          "nothing: the usual slip of writing 2 where 3 (DANE-EE) was meant.",
             .fix = "Change the usage to 3 (the suggestion shows the record), or publish the digest of the "
                    "issuing CA that the server sends with usage 2: `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 2 1 1 <sha256 of the leaf's SPKI>",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 <sha256 of the leaf's SPKI>",
             .references = "RFC 7671 §5.2; OpenSSL crypto/x509/x509_vfy.c dane_match",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
