#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/cds_match.hpp"

namespace danelint::rules {
namespace {

std::string cds_text(const ZoneModel& zone, uint32_t r) {
  auto v = decode_ds(zone.rdata(zone.records[r]));
  return v ? cat("CDS ", v->key_tag, " ", unsigned(v->algorithm), " ", unsigned(v->digest_type)) : std::string("CDS");
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    cds::Apex a = cds::collect(*zone);
    if (a.any_delete) continue;  // a delete request is judged by cds-delete-invalid
    for (uint32_t r : a.cds) {
      if (!cds::cds_matches_any(*zone, r, a.dnskey)) {
        out.report(*zone, zone->records[r], cat(cds_text(*zone, r), " matches no DNSKEY at the apex ",
                                                zone->origin_text()));
      } else if (!a.cdnskey.empty() && !cds::cds_matches_any(*zone, r, a.cdnskey)) {
        Finding& f = out.report(*zone, zone->records[r],
                                cat(cds_text(*zone, r), " describes a key that no CDNSKEY names: CDS and "
                                                        "CDNSKEY ask the parent for different DS sets"));
        f.related.emplace_back(zone->loc(zone->records[a.cdnskey[0]]), "the CDNSKEY RRset");
      }
    }
    for (uint32_t r : a.cdnskey) {
      if (cds::cdnskey_in_dnskeys(*zone, a, r)) continue;
      auto v = decode_dnskey(zone->rdata(zone->records[r]));
      out.report(*zone, zone->records[r],
                 cat("CDNSKEY ", v ? cat(v->key_tag, " (", algorithm_name(v->algorithm), ")") : std::string(),
                     " is not in the DNSKEY RRset at the apex ", zone->origin_text()));
    }
  }
}

}  // namespace

extern const Rule kDs008{
    .info = {.id = "DS008", .name = "cds-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "CDS and CDNSKEY do not describe the same keys, or match no DNSKEY of the zone",
             .rationale = "Parents turn CDS/CDNSKEY into the child's DS RRset (RFC 7344 §4, RFC 8078). A record "
                          "that matches no DNSKEY of the zone would install a DS that validates nothing, and CDS "
                          "and CDNSKEY that disagree make the result depend on which one the parent reads: "
                          "either can break the chain of trust and take the zone (and its DANE records) offline.",
             .fix = "Regenerate CDS and CDNSKEY together from the current KSK(s) (dnssec-dsfromkey -C, "
                    "ldns-key2ds, or let the signer publish them).",
             .bad_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                            "@ 3600 IN CDNSKEY 257 3 253 AAAB",
             .good_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                             "@ 3600 IN CDNSKEY 257 3 253 AQAA",
             .references = "RFC 7344 §4, §4.1; RFC 8078 §3"},
    .check = &check};

}  // namespace danelint::rules
