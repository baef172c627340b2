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
      if (!dane::usage3_only_ca(v, r)) continue;
      for (const dane::Chain& c : v.chains) {
        dane::RecordVsChain m = dane::relate(r.view, c);
        if (m.path_depth < 1) continue;
        size_t i = c.path[static_cast<size_t>(m.path_depth)];
        Finding& f = out.report(*r.zone, *r.rec,
                                cat(dane::service_text(svc), ": ", tlsa_params(r.view), " matches the issuer ",
                                    gen::subject_line(c.certs[i]), " in ", c.file->path,
                                    ", not the leaf; DANE-EE matches only at depth 0"));
        f.related.push_back({SourceLoc{c.file->path, c.line_of(i), c.line_of(i), 0}, "the CA certificate it matches"});
        f.suggestion = dane::tlsa_record_text(v, gen::kDaneTa, r.view.selector, r.view.matching_type,
                                              std::vector<uint8_t>(r.view.data.begin(), r.view.data.end()));
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kTlsa013{
    .info = {.id = "TLSA013", .name = "tlsa-usage3-matches-ca", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DANE-EE (usage 3) record that matches an issuing CA, not the server's certificate",
             .rationale = "DANE-EE records are compared with the leaf only (RFC 7671 §5.1); holding a CA's digest "
                          "they match nothing.",
             .fix = "If the CA is meant as trust anchor, use usage 2 (the suggestion) and make sure the server "
                    "sends that CA; otherwise publish 3 1 1 for the leaf key: `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 <sha256 of the intermediate's SPKI>",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 2 1 1 <sha256 of the intermediate's SPKI>",
             .references = "RFC 7671 §5.1",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
