#include "gen/cert_loader.hpp"
#include "lint/dane_match.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    for (const dane::Chain& c : dane::chains_of(svc)) {
      if (c.certs.size() < 2) continue;
      for (size_t i = 0; i + 1 < c.certs.size(); ++i) {
        if (dane::issued_by(c.certs[i], c.certs[i + 1])) continue;
        // Every certificate chains from one leaf: only the order is wrong.
        bool reorderable = c.path.size() == c.certs.size() || c.real_leaf != 0;
        SourceLoc loc{c.file->path, c.line_of(i + 1), c.line_of(i + 1), 0};
        Finding& f = out.report(
            loc, reorderable
                     ? cat(dane::service_text(svc), ": chain ", c.file->path, " is not in leaf -> issuer order: ",
                           gen::subject_line(c.certs[i + 1]), " (certificate ", i + 2, ") did not issue ",
                           gen::subject_line(c.certs[i]),
                           c.real_leaf ? cat("; the leaf is certificate ", c.real_leaf + 1, ", ",
                                             gen::subject_line(c.certs[c.real_leaf]))
                                       : std::string())
                     : cat(dane::service_text(svc), ": chain ", c.file->path, " does not chain: ",
                           gen::subject_line(c.certs[i + 1]), " (certificate ", i + 2, ") did not issue ",
                           gen::subject_line(c.certs[i]), " and the issuer path of the leaf covers ", c.path.size(),
                           " of ", c.certs.size(), " certificates"));
        f.owner = svc.label();
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kCert004{
    .info = {.id = "CERT004", .name = "cert-chain-order", .severity = Severity::Error, .since = "0.1.0",
             .summary = "chain file not in leaf -> issuer order, or it does not chain",
             .rationale = "TLS requires the leaf first and each following certificate to certify the one before it "
                          "(RFC 5246 §7.4.2, RFC 8446 §4.4.2 allows disorder only as a tolerance). DANE-TA "
                          "matching and many MTAs depend on the chain as sent.",
             .fix = "Concatenate leaf, then its issuer, then that issuer's issuer; drop certificates of other "
                    "hierarchies.",
             .bad_example = "chain file: intermediate, leaf",
             .good_example = "chain file: leaf, intermediate",
             .references = "RFC 5246 §7.4.2; RFC 8446 §4.4.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
