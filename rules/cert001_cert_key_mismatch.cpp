#include "gen/cert_loader.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    std::vector<dane::Chain> chains = dane::chains_of(svc);
    // A combined PEM (chain + key) must hold the leaf's own key.
    for (const LoadedMaterial& m : svc.chains) {
      EVP_PKEY* k = m.material.private_key.get();
      if (!k || m.material.certs.empty() || gen::key_matches_cert(k, m.material.certs[0].get())) continue;
      Finding& f = out.report(SourceLoc{m.path, m.material.cert_lines.empty() ? 0 : m.material.cert_lines[0], 0, 0},
                              cat(dane::service_text(svc), ": the private key (", gen::key_description(k), ") in ",
                                  m.path, " does not belong to its leaf ", gen::subject_line(m.material.certs[0].get())));
      f.owner = svc.label();
    }
    if (svc.chains.empty()) continue;
    for (const LoadedMaterial& m : svc.keys) {
      EVP_PKEY* k = m.material.private_key ? m.material.private_key.get() : m.material.subject_key();
      if (!k) continue;
      bool ok = false;
      std::string leaves;
      for (const dane::Chain& c : chains)
        if (c.leaf()) {
          ok |= gen::key_matches_cert(k, c.leaf());
          leaves += (leaves.empty() ? "" : ", ") + dane::chain_text(c);
        }
      if (ok || leaves.empty()) continue;
      Finding& f = out.report(SourceLoc{m.path, 0, 0, 0},
                              cat(dane::service_text(svc), ": key ", m.path, " (", gen::key_description(k),
                                  ") belongs to no served leaf: ", leaves));
      f.owner = svc.label();
    }
  }
}

}  // namespace

extern const Rule kCert001{
    .info = {.id = "CERT001", .name = "cert-key-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a configured private key does not belong to any served leaf certificate",
             .rationale = "A server given a certificate and a key that do not match fails to start or fails every "
                          "handshake; with DANE-EE the TLSA record generated from the key would not match the "
                          "certificate either.",
             .fix = "Pair each chain with its own key (check `openssl x509 -pubkey` against `openssl pkey -pubout`).",
             .bad_example = "chains = [\"mx1.pem\"]; keys = [\"old.key\"] (key of a previous certificate)",
             .good_example = "chains = [\"mx1.pem\"]; keys = [\"mx1.key\"]",
             .references = "RFC 5246 §7.4.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
