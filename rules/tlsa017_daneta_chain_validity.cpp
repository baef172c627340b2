#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.name = "min-remaining", .kind = OptionKind::Duration, .default_value = "14d",
     .help = "warn when a certificate of a DANE-TA chain expires within this time"}};

void check(const LintContext& ctx, FindingSink& out) {
  int64_t min_remaining = ctx.duration_option("min-remaining");
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    for (size_t i = 0; i < v.chains.size(); ++i) {
      const dane::Verdict& verdict = v.verdicts[i];
      const dane::Chain& c = v.chains[i];
      if (!verdict.via_ta) continue;
      // Every certificate from the leaf up to, not including, the trust anchor: OpenSSL does not check
      // the validity dates of a DANE-TA trust anchor (measured with s_client -attime).
      size_t below = std::min(static_cast<size_t>(verdict.ta_depth), c.path.size());
      for (size_t d = 0; d < below; ++d) {
        X509* x = c.certs[c.path[d]];
        int64_t nb = gen::not_before_epoch(x), na = gen::not_after_epoch(x);
        std::string what = d == 0 ? "leaf" : "intermediate";
        SourceLoc loc{c.file->path, c.line_of(c.path[d]), c.line_of(c.path[d]), 0};
        std::string prefix = cat(dane::service_text(svc), ": DANE-TA chain ", c.file->path, ": ", what, ' ',
                                 gen::subject_line(x));
        Finding* f = nullptr;
        if (na < ctx.now()) {
          f = &out.report(loc, cat(prefix, " expired at ", format_time(na)));
        } else if (nb > ctx.now()) {
          f = &out.report(loc, cat(prefix, " is not valid before ", format_time(nb)));
        } else if (na - ctx.now() < min_remaining) {
          f = &out.report(loc, cat(prefix, " expires at ", format_time(na)));
          f->severity = Severity::Warning;
        }
        if (f) {
          f->owner = svc.label();
          f->related.push_back({dane::record_loc(*verdict.matched), "the DANE-TA record in use"});
        }
      }
    }
  }
}

}  // namespace

extern const Rule kTlsa017{
    .info = {.id = "TLSA017", .name = "daneta-chain-validity", .severity = Severity::Error, .split_severity = true,
             .since = "0.1.0",
             .summary = "under DANE-TA a certificate of the chain is expired or not yet valid (E), or expires soon (W)",
             .rationale = "Unlike DANE-EE, a DANE-TA match is followed by ordinary chain validation: an expired leaf "
                          "or intermediate below the trust anchor fails the handshake (RFC 7671 §5.2). The trust anchor's own "
                          "dates are not checked, as OpenSSL does not check them.",
             .fix = "Renew the certificate (and keep the chain file current), or publish DANE-EE 3 1 1 for the leaf.",
             .bad_example = "DANE-TA 2 1 1 for the CA; the intermediate between CA and leaf expired yesterday",
             .good_example = "DANE-TA 2 1 1 for the CA; every certificate up to the CA valid for months",
             .references = "RFC 7671 §5.2",
             .options = kOptions,
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
