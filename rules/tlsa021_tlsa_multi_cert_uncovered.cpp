#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    if (v.chains.size() < 2 || !v.any_authenticated()) continue;
    for (size_t i = 0; i < v.chains.size(); ++i) {
      if (v.verdicts[i].authenticated) continue;
      const dane::Chain& c = v.chains[i];
      std::string key = c.leaf_key ? gen::key_description(c.leaf_key) : std::string("?");
      Finding& f = out.report(SourceLoc{c.file->path, c.line_of(0), c.line_of(0), 0},
                              cat(dane::service_text(svc), ": chain ", dane::chain_text(c), " (", key,
                                  ") is matched by no TLSA record at ", name_to_text(v.owner_wire),
                                  " while other chains are"));
      f.owner = svc.label();
      if (!v.records.empty()) f.related.push_back({dane::record_loc(v.records.front()), "the TLSA RRset"});
      f.suggestion = c.leaf() ? dane::suggest_for(v, gen::kDaneEe, gen::kSpki, gen::kSha256, c.leaf())
                              : dane::suggest_for(v, gen::kDaneEe, gen::kSpki, gen::kSha256, nullptr, c.leaf_key);
    }
  }
}

}  // namespace

extern const Rule kTlsa021{
    .info = {.id = "TLSA021", .name = "tlsa-multi-cert-uncovered", .severity = Severity::Error, .since = "0.1.0",
             .summary = "one of several served chains (RSA + ECDSA, per-SNI) is matched by no TLSA record",
             .rationale = "A server with several certificates picks one per handshake (by the client's signature "
                          "algorithms or SNI); clients that get the uncovered one fail DANE authentication "
                          "(RFC 7671 §10.2).",
             .fix = "Publish a record for every chain's key (the suggestion) before deploying the extra chain.",
             .bad_example = "chains = [rsa.pem, ecdsa.pem]; TLSA 3 1 1 <rsa key> only",
             .good_example = "chains = [rsa.pem, ecdsa.pem]; TLSA 3 1 1 <rsa key>, TLSA 3 1 1 <ecdsa key>",
             .references = "RFC 7671 §10.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
