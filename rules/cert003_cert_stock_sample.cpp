#include <openssl/x509.h>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// Field values of sample and test certificates that ship with software (lower case, substring match).
constexpr std::string_view kStockMarks[] = {
    "internet widgits pty ltd",  // OpenSSL's default organisation in openssl.cnf
    "sample, inc",               // sample certificates of appliance and demo packages
    "snakeoil",                  // Debian/Ubuntu ssl-cert-snakeoil
    "do not use on production",
    "do not use in production",
    "for testing purposes only",
};

std::string name_line(const X509_NAME* n) {
  char buf[1024];
  X509_NAME_oneline(n, buf, sizeof buf);
  return buf;
}

void check(const LintContext& ctx, FindingSink& out) {
  const SpkiDenylist& deny = ctx.workspace().spki_denylist;
  for (const Service& svc : ctx.services()) {
    auto scan = [&](const std::vector<LoadedMaterial>& list) {
      for (const LoadedMaterial& m : list) {
        for (size_t i = 0; i < m.material.certs.size(); ++i) {
          X509* x = m.material.certs[i].get();
          int line = i < m.material.cert_lines.size() ? m.material.cert_lines[i] : 0;
          std::string fields = ascii_lower(name_line(X509_get_subject_name(x)) + " " + name_line(X509_get_issuer_name(x)));
          std::string_view mark;
          for (std::string_view s : kStockMarks)
            if (fields.find(s) != std::string::npos) mark = s;
          auto spki = gen::association_data(x, gen::kSpki, gen::kSha256);
          auto hit = spki ? deny.find(to_hex(*spki)) : deny.end();
          if (mark.empty() && hit == deny.end()) continue;
          std::string why = hit != deny.end() ? cat("its key is on the SPKI denylist (", hit->second, ")")
                                              : cat("its name carries \"", mark, "\"");
          Finding& f = out.report(SourceLoc{m.path, line, line, 0},
                                  cat(dane::service_text(svc), ": ", m.path, ": ", gen::subject_line(x),
                                      " is a stock sample certificate: ", why));
          f.owner = svc.label();
        }
        if (!m.material.certs.empty()) continue;
        if (EVP_PKEY* k = m.material.subject_key()) {
          auto spki = gen::association_data(k, gen::kSpki, gen::kSha256);
          auto hit = spki ? deny.find(to_hex(*spki)) : deny.end();
          if (hit == deny.end()) continue;
          Finding& f = out.report(SourceLoc{m.path, 0, 0, 0},
                                  cat(dane::service_text(svc), ": key ", m.path, " is on the SPKI denylist (",
                                      hit->second, ")"));
          f.owner = svc.label();
        }
      }
    };
    scan(svc.chains);
    scan(svc.keys);
    scan(svc.next_keys);
  }
}

}  // namespace

extern const Rule kCert003{
    .info = {.id = "CERT003", .name = "cert-stock-sample", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a certificate or key known to be public (sample/test material or a denylisted SPKI)",
             .rationale = "Sample certificates shipped with software have private keys anyone can download "
                          "(\"House of Keys\", 2015; Debian's weak keys, CVE-2008-0166): a TLSA record for such a "
                          "key authenticates every attacker. The SPKI denylist ships in share/danelint/stock-spki.txt "
                          "with the source of every entry.",
             .fix = "Generate a fresh key and certificate for the host, publish its TLSA record, then deploy. "
                    "Extend the denylist with `[lint] spki-denylist = [\"file\"]`, `--spki-denylist FILE` or "
                    "DANELINT_SPKI_DENYLIST.",
             .bad_example = "leaf O=Internet Widgits Pty Ltd, CN=localhost (OpenSSL defaults)",
             .good_example = "leaf CN=mx.example.com with a key generated on the host",
             .references = "CVE-2008-0166; SEC Consult \"House of Keys\" (2015)",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
