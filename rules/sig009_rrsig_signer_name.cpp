#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (const Record& rec : zone->records) {
      if (rec.type != LDNS_RR_TYPE_RRSIG) continue;
      // Signatures over glue or occluded data are another problem (they should not exist at all); only
      // signatures the zone serves as its own must name the zone.
      if (!zone->is_authoritative(rec.owner)) continue;
      auto v = decode_rrsig(zone->rdata(rec));
      if (!v) continue;
      if (ascii_lower(v->signer_wire) == zone->origin_wire) continue;
      out.report(*zone, rec, cat("RRSIG ", type_name(v->type_covered), " (key ", v->key_tag, ") names signer ",
                                 name_to_text(v->signer_wire), ", not the zone apex ", zone->origin_text()));
    }
  }
}

}  // namespace

extern const Rule kSig009{
    .info = {.id = "SIG009", .name = "rrsig-signer-name", .severity = Severity::Error, .since = "0.1.0",
             .summary = "RRSIG signer name is not the zone apex",
             .rationale = "The signer name of an RRSIG MUST be the name of the zone that holds the RRset "
                          "(RFC 4035 §2.2, RFC 4034 §3.1.7); validators look up the DNSKEY there, so a wrong "
                          "signer name makes the signature unusable and the RRset bogus.",
             .fix = "Re-sign the zone with the signer's origin set to the zone's apex (check $ORIGIN and the "
                    "signer's zone name option).",
             .bad_example = "www 3600 IN RRSIG A 13 2 3600 20300101000000 20241201000000 1 other.example. AAAA",
             .good_example = "www 3600 IN RRSIG A 13 2 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4035 §2.2; RFC 4034 §3.1.7"},
    .check = &check};

}  // namespace danelint::rules
