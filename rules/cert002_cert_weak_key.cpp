#include <openssl/evp.h>

#include "gen/cert_loader.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// nullopt: fine; otherwise the severity and the reason.
std::optional<std::pair<Severity, std::string>> weakness(EVP_PKEY* k) {
  int id = EVP_PKEY_get_base_id(k);
  int bits = EVP_PKEY_get_bits(k);
  if (id == EVP_PKEY_RSA && bits < 2048) return std::pair{Severity::Error, cat("RSA key of ", bits, " bits (< 2048)")};
  if (id == EVP_PKEY_DSA) return std::pair{Severity::Error, std::string("DSA key")};
  if (id == EVP_PKEY_EC) {
    char group[64] = {0};
    size_t len = 0;
    std::string g = EVP_PKEY_get_group_name(k, group, sizeof group, &len) ? group : "";
    if (g != "prime256v1" && g != "secp384r1" && g != "secp521r1")
      return std::pair{Severity::Warning, cat("EC key on the unusual curve ", g.empty() ? "(explicit)" : g)};
  }
  return std::nullopt;
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    auto files = [&](const std::vector<LoadedMaterial>& list, std::string_view role) {
      for (const LoadedMaterial& m : list) {
        for (size_t i = 0; i < m.material.certs.size(); ++i) {
          X509* x = m.material.certs[i].get();
          EVP_PKEY* k = X509_get0_pubkey(x);
          if (!k) continue;
          auto w = weakness(k);
          if (!w) continue;
          int line = i < m.material.cert_lines.size() ? m.material.cert_lines[i] : 0;
          Finding& f = out.report(SourceLoc{m.path, line, line, 0},
                                  cat(dane::service_text(svc), ": ", role, ' ', m.path, ": ", gen::subject_line(x),
                                      " has a ", w->second));
          f.severity = w->first;
          f.owner = svc.label();
        }
        if (!m.material.certs.empty()) continue;
        if (EVP_PKEY* k = m.material.subject_key())
          if (auto w = weakness(k)) {
            Finding& f = out.report(SourceLoc{m.path, 0, 0, 0},
                                    cat(dane::service_text(svc), ": ", role, ' ', m.path, " is a ", w->second));
            f.severity = w->first;
            f.owner = svc.label();
          }
      }
    };
    files(svc.chains, "chain");
    files(svc.keys, "key");
    files(svc.next_keys, "next key");
  }
}

}  // namespace

extern const Rule kCert002{
    .info = {.id = "CERT002", .name = "cert-weak-key", .severity = Severity::Error, .split_severity = true,
             .since = "0.1.0",
             .summary = "weak certificate key: RSA under 2048 bits or DSA (E), unusual elliptic curve (W)",
             .rationale = "RSA below 2048 bits and DSA are below the CA/Browser Forum baseline and refused by "
                          "current TLS stacks; curves other than P-256/P-384/P-521 (and Ed25519/Ed448) are not "
                          "interoperable.",
             .fix = "Generate a new key (RSA 3072, or ECDSA P-256), publish its TLSA record first, then deploy.",
             .bad_example = "leaf certificate with an RSA-1024 key",
             .good_example = "leaf certificate with an EC P-256 or RSA-3072 key",
             .references = "CA/Browser Forum Baseline Requirements §6.1.5; RFC 8624",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
