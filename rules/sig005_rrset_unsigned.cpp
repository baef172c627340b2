#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    if (!zd.has_rrsig) continue;
    for (size_t i = 0; i < z.rrsets().size(); ++i) {
      const RRset& set = z.rrsets()[i];
      // Glue, occluded data and delegation NS are not signed (RFC 4035 §2.2); DS and NSEC at a
      // delegation are, and is_authoritative() keeps them.
      if (set.type == 46 || !z.is_authoritative(set) || !zd.covering[i].empty()) continue;
      uint32_t first = set.first();
      out.report(z, z.records[first],
                 cat(type_name(set.type), " RRset at ", z.owner_text(z.records[first]), " has no RRSIG"));
    }
  }
}

}  // namespace

extern const Rule kSig005{
    .info = {.id = "SIG005", .name = "rrset-unsigned", .severity = Severity::Error, .since = "0.1.0",
             .summary = "authoritative RRset without any RRSIG in a signed zone",
             .rationale = "In a signed zone every authoritative RRset must be signed (RFC 4035 §2.2); validators "
                          "treat an unsigned answer from a secure zone as bogus. Glue and the NS RRset of a "
                          "delegation are not signed; DS and NSEC at a delegation are.",
             .fix = "Re-sign the zone after adding records; do not add records to a signed zone by hand.",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                            "www.example. 3600 IN A 192.0.2.1",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "www.example. 3600 IN A 192.0.2.1",
             .references = "RFC 4035 §2.2"},
    .check = &check};

}  // namespace danelint::rules
