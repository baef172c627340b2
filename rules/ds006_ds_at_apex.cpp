#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    auto apex = zone->apex();
    if (!apex) continue;
    const RRset* ds = zone->find_rrset(*apex, LDNS_RR_TYPE_DS);
    if (!ds) continue;
    for (uint32_t idx : ds->records) {
      const Record& rec = zone->records[idx];
      auto v = decode_ds(zone->rdata(rec));
      out.report(*zone, rec, cat("DS record at the zone's own apex ", zone->origin_text(),
                                 v ? cat(" (key ", v->key_tag, ", ", algorithm_name(v->algorithm), ")") : std::string(),
                                 ": DS belongs in the parent zone"));
    }
  }
}

}  // namespace

extern const Rule kDs006{
    .info = {.id = "DS006", .name = "ds-at-apex", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a DS RRset at the zone's own apex (it belongs in the parent)",
             .rationale = "The DS RRset of a zone is published and signed by its parent (RFC 4035 §2.4); a copy "
                          "at the child's apex is never used for validation and usually means the DS was pasted "
                          "into the wrong zone file, so the parent still lacks it.",
             .fix = "Remove the DS from the zone and submit it to the parent (registrar) instead, or publish "
                    "CDS/CDNSKEY for automated DS maintenance.",
             .bad_example = "@ 3600 IN DS 12345 13 2 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             .good_example = "child 3600 IN NS ns.example.net.\n"
                             "child 3600 IN DS 12345 13 2 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             .references = "RFC 4035 §2.4; RFC 4034 §5"},
    .check = &check};

}  // namespace danelint::rules
