#include "lint/dnssec/analysis.hpp"
#include "lint/dnssec/canonical.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    if (!zd.has_dnskey || zd.ds_source == dnssec::DsSource::Cds) continue;
    const dnssec::DsEntry* good = nullptr;
    for (const dnssec::DsEntry& d : zd.ds)
      if (d.usable() && d.match >= 0 && !good) good = &d;
    if (!good) continue;  // none matches: ds-all-mismatch
    for (const dnssec::DsEntry& d : zd.ds) {
      if (!d.usable() || d.match >= 0) continue;
      Finding& f = out.report(d.loc, cat(d.from_dnskey ? "DNSKEY " : "DS ", d.key_tag, " (", algorithm_name(d.algorithm),
                                         d.from_dnskey ? "" : cat(", ", dnssec::ds_digest_name(d.digest_type)),
                                         ") for ", z.origin_text(), " matches no DNSKEY of the zone"));
      f.owner = z.origin_text();
      f.type = d.from_dnskey ? "DNSKEY" : "DS";
      f.related.emplace_back(good->loc, cat("DS ", good->key_tag, " matches DNSKEY ", zd.keys[good->match].tag));
    }
  }
}

}  // namespace

extern const Rule kDs002{
    .info = {.id = "DS002", .name = "ds-stale", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "a DS matches no DNSKEY while another DS does",
             .rationale = "A DS left over from a finished rollover (RFC 7583) is harmless to validators today, but "
                          "it points at nothing, hides which key is really in use, and becomes an outage the day "
                          "the other DS is removed.",
             .fix = "Remove the stale DS at the parent once the rollover is complete.",
             .exceptions = "During a KSK rollover with a pre-published DS (double-DS method).",
             .bad_example = "; --ds dsset-example.\n"
                            "example. 3600 IN DS 8725 15 2 c63cf7a4d4b3d5fe93cc80353dcc25c97553ddfb3fbb0f70e31df677bd5f5aa7\n"
                            "example. 3600 IN DS 4711 15 2 1b05c2acbf385751afdbcecd4eda1606ab7b1badad3f2fd02582f068503990bb",
             .good_example = "; --ds dsset-example.\n"
                             "example. 3600 IN DS 8725 15 2 c63cf7a4d4b3d5fe93cc80353dcc25c97553ddfb3fbb0f70e31df677bd5f5aa7", .references = "RFC 7583 §3.3; RFC 6781 §4.1.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
