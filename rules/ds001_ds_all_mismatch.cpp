#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    // Parent-side DS only (CDS/CDNSKEY are cds-mismatch's), and only for a zone that publishes keys.
    if (!zd.has_dnskey || zd.ds_source == dnssec::DsSource::Cds) continue;
    const dnssec::DsEntry* first = nullptr;
    size_t usable = 0;
    bool matched = false;
    for (const dnssec::DsEntry& d : zd.ds) {
      if (!d.usable()) continue;  // validators skip it: ds-digest-unsupported / ds-digest-length
      ++usable;
      if (!first) first = &d;
      if (d.match >= 0) matched = true;
    }
    if (!first || matched) continue;
    Finding& f = out.report(first->loc, cat(usable == 1 ? "the DS" : cat("none of the ", usable, " DS records"), " for ",
                                            z.origin_text(), usable == 1 ? " matches" : " match",
                                            " no DNSKEY of the zone: validators treat the zone as bogus"));
    f.owner = z.origin_text();
    f.type = first->from_dnskey ? "DNSKEY" : "DS";
    for (const dnssec::DsEntry& d : zd.ds)
      if (d.usable() && &d != first)
        f.related.emplace_back(d.loc, cat("DS ", d.key_tag, " (", algorithm_name(d.algorithm), ") matches no DNSKEY"));
    for (const dnssec::KeyEntry& k : zd.keys)
      f.related.emplace_back(z.loc(z.records[k.record]), cat("DNSKEY ", k.tag, " (", algorithm_name(k.algorithm), ")"));
  }
}

}  // namespace

extern const Rule kDs001{
    .info = {.id = "DS001", .name = "ds-all-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "no DS record at the parent matches a DNSKEY of the zone",
             .rationale = "The parent's DS RRset is the only way into a signed zone (RFC 4035 §5.2). When no DS "
                          "matches a DNSKEY, every answer from the zone is bogus: the classic broken KSK rollover "
                          "or a re-keyed zone whose DS was never updated.",
             .fix = "Submit a DS for the current KSK/CSK to the parent (or publish CDS/CDNSKEY), and keep the old "
                    "key until the new DS is live. The DS data comes from --ds, [[zone]] ds or the parent zone.",
             .exceptions = "The DS file is older than the zone and the parent is known to carry the new DS.",
             .bad_example = "; --ds dsset-example.: the DS of a key the zone no longer publishes\n"
                            "example. 3600 IN DS 4711 15 2 1b05c2acbf385751afdbcecd4eda1606ab7b1badad3f2fd02582f068503990bb",
             .good_example = "; --ds dsset-example.: the DS of the current KSK (8725)\n"
                             "example. 3600 IN DS 8725 15 2 c63cf7a4d4b3d5fe93cc80353dcc25c97553ddfb3fbb0f70e31df677bd5f5aa7", .references = "RFC 4034 §5; RFC 4035 §5.2; RFC 7583",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
