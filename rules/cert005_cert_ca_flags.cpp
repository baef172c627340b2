#include <openssl/x509v3.h>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

bool is_ca(X509* x) { return (X509_get_extension_flags(x) & EXFLAG_CA) != 0; }

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    for (size_t i = 0; i < v.chains.size(); ++i) {
      const dane::Chain& c = v.chains[i];
      if (!c.leaf()) continue;
      if (is_ca(c.leaf()) && c.real_leaf == 0) {  // a misordered file is cert-chain-order's finding
        Finding& f = out.report(SourceLoc{c.file->path, c.line_of(0), c.line_of(0), 0},
                                cat(dane::service_text(svc), ": the leaf ", gen::subject_line(c.leaf()), " in ",
                                    c.file->path, " has basicConstraints CA:TRUE"));
        f.owner = svc.label();
      }
      const dane::Verdict& vd = v.verdicts[i];
      if (vd.via_ta && vd.ta_depth >= 1 && static_cast<size_t>(vd.ta_depth) < c.path.size()) {
        X509* ta = c.certs[c.path[vd.ta_depth]];
        if (!is_ca(ta)) {
          Finding& f = out.report(SourceLoc{c.file->path, c.line_of(c.path[vd.ta_depth]), 0, 0},
                                  cat(dane::service_text(svc), ": the DANE-TA trust anchor ", gen::subject_line(ta),
                                      " in ", c.file->path, " lacks basicConstraints CA:TRUE"));
          f.owner = svc.label();
          f.related.push_back({dane::record_loc(*vd.matched), "the DANE-TA record"});
        }
      }
    }
  }
}

}  // namespace

extern const Rule kCert005{
    .info = {.id = "CERT005", .name = "cert-ca-flags", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "the leaf has CA:TRUE, or a DANE-TA trust anchor lacks CA:TRUE",
             .rationale = "A server certificate marked as CA is a misissued or hand-made certificate that strict "
                          "PKIX peers reject; a DANE-TA trust anchor must be a CA, or chain validation above the "
                          "leaf fails (RFC 5280 §4.2.1.9).",
             .fix = "Issue the leaf with basicConstraints CA:FALSE (openssl req -x509 adds CA:TRUE by default: "
                    "pass -addext basicConstraints=critical,CA:FALSE); use a real CA certificate as trust anchor.",
             .bad_example = "self-signed leaf made by `openssl req -x509` with the default v3_ca extensions",
             .good_example = "leaf with basicConstraints CA:FALSE",
             .references = "RFC 5280 §4.2.1.9",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
