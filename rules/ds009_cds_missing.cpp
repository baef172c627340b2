#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/cds_match.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    cds::Apex a = cds::collect(*zone);
    if (a.any_delete) continue;
    for (uint32_t r : a.cdnskey) {
      if (!cds::cdnskey_in_dnskeys(*zone, a, r)) continue;  // cds-mismatch names it
      auto rd = zone->rdata(zone->records[r]);
      bool described = std::any_of(a.cds.begin(), a.cds.end(), [&](uint32_t c) {
        return cds::cds_describes(zone->origin_wire, zone->rdata(zone->records[c]), rd);
      });
      if (described) continue;
      auto v = decode_dnskey(rd);
      out.report(*zone, zone->records[r],
                 cat("CDNSKEY ", v ? cat(v->key_tag, " (", algorithm_name(v->algorithm), ")") : std::string(),
                     a.cds.empty() ? " is published without any CDS RRset" : " has no CDS record for the same key"));
    }
  }
}

}  // namespace

extern const Rule kDs009{
    .info = {.id = "DS009", .name = "cds-missing", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "CDNSKEY published without CDS",
             .rationale = "Parents differ in which of CDS and CDNSKEY they read (RFC 7344 §4 allows either); a "
                          "key announced only by CDNSKEY is missed by parents that read CDS, so a rollover stalls "
                          "or the DS set ends up without the new key.",
             .fix = "Publish a CDS for every CDNSKEY (dnssec-dsfromkey -C, ldns-key2ds), or let the signer "
                    "manage both.",
             .bad_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                            "@ 3600 IN CDNSKEY 257 3 253 AQAA",
             .good_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                             "@ 3600 IN CDNSKEY 257 3 253 AQAA\n"
                             "@ 3600 IN CDS 1534 253 2 cf6ccc613ce987e0320854be5ad38b5fbe42d9c6301faf4fadbeb28234c6a4c1",
             .references = "RFC 7344 §4; RFC 8078 §3"},
    .check = &check};

}  // namespace danelint::rules
