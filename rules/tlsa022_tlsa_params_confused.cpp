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
      auto p = dane::confused_params(v, r);
      if (!p) continue;
      Finding& f = out.report(*r.zone, *r.rec,
                              cat(dane::service_text(svc), ": ", tlsa_params(r.view), " data is the ",
                                  gen::matching_mnemonic(p->second), " of the ",
                                  p->first == gen::kCert ? "certificate" : "SPKI", ", i.e. a TLSA ", int(r.view.usage),
                                  ' ', int(p->first), ' ', int(p->second), " record; as ",
                                  gen::selector_mnemonic(r.view.selector), '/',
                                  gen::matching_mnemonic(r.view.matching_type), " it matches nothing"));
      f.suggestion = dane::tlsa_record_text(v, r.view.usage, p->first, p->second,
                                            std::vector<uint8_t>(r.view.data.begin(), r.view.data.end()));
    }
  }
}

}  // namespace

extern const Rule kTlsa022{
    .info = {.id = "TLSA022", .name = "tlsa-params-confused", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA data matches the served material only under another selector or matching type",
             .rationale = "A common copy-paste error: `3 1 1` holding the SHA-256 of the whole certificate (which "
                          "belongs to `3 0 1`), or a SHA-512 under matching type 1. The record matches nothing.",
             .fix = "Correct the selector/matching fields (the suggestion), or regenerate with `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 <sha256 of the certificate DER>",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 0 1 <sha256 of the certificate DER>",
             .references = "RFC 6698 §2.1; RFC 7671 §5",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
