#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    bool pure_ee = !v.records.empty();
    for (const dane::OwnerRecord& r : v.records)
      if (r.effective && r.view.usage != gen::kDaneEe) pure_ee = false;
    if (!pure_ee) continue;
    std::string host = svc.spec.host;
    if (host.size() > 1 && host.back() == '.') host.pop_back();
    for (size_t i = 0; i < v.chains.size(); ++i) {
      const dane::Chain& c = v.chains[i];
      if (!c.leaf() || !v.verdicts[i].via_ee) continue;
      bool ok = X509_check_host(c.leaf(), host.c_str(), host.size(), 0, nullptr) == 1;
      ERR_clear_error();
      if (ok) continue;
      Finding& f = out.report(SourceLoc{c.file->path, c.line_of(0), c.line_of(0), 0},
                              cat(dane::service_text(svc), ": the leaf ", gen::subject_line(c.leaf()), " in ",
                                  c.file->path, " does not name ", host,
                                  "; fine for DANE-EE, but PKIX and MTA-STS peers will reject it"));
      f.owner = svc.label();
    }
  }
}

}  // namespace

extern const Rule kCert006{
    .info = {.id = "CERT006", .name = "cert-name-info", .severity = Severity::Info, .since = "0.1.0",
             .summary = "under pure DANE-EE the leaf's names do not include the service host",
             .rationale = "DANE-EE ignores names (RFC 7671 §5.1), so the deployment works for DANE senders; peers "
                          "that authenticate with PKIX or MTA-STS, or switch to DANE-TA later, will fail.",
             .fix = "Put the MX host name in the certificate's subjectAltName at the next renewal.",
             .bad_example = "3 1 1 for a leaf with SAN DNS:localhost, service host mx.example.com",
             .good_example = "3 1 1 for a leaf with SAN DNS:mx.example.com",
             .references = "RFC 7671 §5.1",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
