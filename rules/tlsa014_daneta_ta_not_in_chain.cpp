#include <openssl/bio.h>
#include <openssl/x509.h>

#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// The issuer in the same RFC 2253 form as gen::subject_line.
std::string issuer_line(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (!bio) return "?";
  X509_NAME_print_ex(bio, X509_get_issuer_name(cert), 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(len));
  BIO_free(bio);
  return out;
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    for (const dane::OwnerRecord& r : v.records) {
      if (!dane::ta_not_sent(v, r)) continue;
      const dane::Chain* c = nullptr;
      for (const dane::Chain& x : v.chains)
        if (!x.certs.empty() && !x.top_self_issued) {
          c = &x;
          break;
        }
      Finding& f = out.report(
          *r.zone, *r.rec,
          cat(dane::service_text(svc), ": ", tlsa_params(r.view), " matches no certificate the server sends; ",
              c->file->path, " ends at ", gen::subject_line(c->top()), ", issued by ", issuer_line(c->top()),
              " which is not in the chain"));
      f.related.push_back({SourceLoc{c->file->path, c->line_of(c->path.back()), c->line_of(c->path.back()), 0},
                           "top of the chain the server sends"});
      if (c->path.size() > 1)
        f.suggestion = dane::suggest_for(v, gen::kDaneTa, r.view.selector, r.view.matching_type, c->certs[c->path[1]]);
    }
  }
}

}  // namespace

extern const Rule kTlsa014{
    .info = {.id = "TLSA014", .name = "daneta-ta-not-in-chain", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DANE-TA record for a CA the server does not send",
             .rationale = "A DANE-TA digest (2 x 1, 2 x 2) can only match a certificate in the chain the server "
                          "presents: clients do not fetch missing issuers (RFC 7671 §5.2.2, RFC 7672 §3.1.2). "
                          "Only `2 0 0` carries the trust anchor itself.",
             .fix = "Append the trust-anchor certificate to the chain file the server sends, or publish the "
                    "record for a CA that is in the chain (the suggestion: the first issuer sent).",
             .bad_example = "chain = leaf + intermediate; _25._tcp.mx.example. IN TLSA 2 1 1 <sha256 of the root's SPKI>",
             .good_example = "chain = leaf + intermediate + root; _25._tcp.mx.example. IN TLSA 2 1 1 <sha256 of the root's SPKI>",
             .references = "RFC 7671 §5.2.2; RFC 7672 §3.1.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
