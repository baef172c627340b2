#include <ldns/ldns.h>

#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const dane::TlsaOwners& all = dane::TlsaOwners::shared(ctx);
  for (const dane::TlsaOwners::Owner& o : all.owners) {
    if (!o.smtp) continue;
    const std::span<const dane::OwnerRecord> recs = all.records_of(o);
    if (recs.empty()) continue;
    std::string why;
    bool usable = false;
    for (const dane::OwnerRecord& r : recs) {
      usable = r.unusable == dane::Unusable::None;
      if (usable) break;
      why += cat(why.empty() ? "" : ", ", tlsa_params(r.view), ": ", dane::unusable_text(r.unusable));
    }
    if (usable) continue;
    out.report(*recs.front().zone, *recs.front().rec,
               cat("all ", recs.size(), " TLSA records at ", name_to_text(o.wire),
                   " are unusable for SMTP (", why, "); senders must use TLS but cannot authenticate"));
  }
}

}  // namespace

extern const Rule kSmtp003{
    .info = {.id = "SMTP003", .name = "smtp-all-unusable", .severity = Severity::Error, .since = "0.1.0",
             .summary = "every TLSA record at a port-25 owner is unusable",
             .rationale = "A TLSA RRset at _25._tcp with only unusable records (PKIX usages 0/1, unknown parameters, "
                          "wrong digest lengths) still obliges DANE senders to use TLS, but they can authenticate "
                          "nothing and (RFC 7672 §3.1.3) deliver with unauthenticated TLS or defer: DANE is "
                          "silently off.",
             .fix = "Publish a usable record: 3 1 1 for the server key or 2 1 1 for the issuing CA (`danelint gen`).",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 1 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §2.2.3, §3.1.3"},
    .check = &check,
    .shared_analysis = "tlsa-owners"};

}  // namespace danelint::rules
