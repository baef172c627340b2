#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/cds_match.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    cds::Apex a = cds::collect(*zone);
    if (!a.any_delete) continue;
    std::vector<uint32_t> deletes, others;
    for (uint32_t r : a.cds) {
      auto rd = zone->rdata(zone->records[r]);
      if (!cds::cds_is_delete(rd)) {
        others.push_back(r);
        continue;
      }
      deletes.push_back(r);
      if (!cds::cds_delete_valid(rd))
        out.report(*zone, zone->records[r], "CDS with algorithm 0 is not the delete request CDS 0 0 0 00");
    }
    for (uint32_t r : a.cdnskey) {
      auto rd = zone->rdata(zone->records[r]);
      if (!cds::cdnskey_is_delete(rd)) {
        others.push_back(r);
        continue;
      }
      deletes.push_back(r);
      if (!cds::cdnskey_delete_valid(rd))
        out.report(*zone, zone->records[r], "CDNSKEY with algorithm 0 is not the delete request CDNSKEY 0 3 0 AA==");
    }
    // RFC 8078 §4: a delete request stands alone; beside other CDS/CDNSKEY records its meaning is unclear.
    std::sort(others.begin(), others.end());
    for (uint32_t r : others) {
      Finding& f = out.report(*zone, zone->records[r],
                              cat(type_name(zone->records[r].type), " record published together with a DNSSEC delete "
                                                                   "request (algorithm 0)"));
      f.related.emplace_back(zone->loc(zone->records[deletes[0]]), "the delete request");
    }
  }
}

}  // namespace

extern const Rule kDs011{
    .info = {.id = "DS011", .name = "cds-delete-invalid", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a delete request (algorithm 0) malformed or mixed with other CDS/CDNSKEY records",
             .rationale = "RFC 8078 §4 defines exactly one form of the request to remove the DS: CDS 0 0 0 00 and "
                          "CDNSKEY 0 3 0 AA==. Parents ignore anything else with algorithm 0, and a delete "
                          "request beside real keys is contradictory, so the zone's DNSSEC status stays whatever "
                          "the parent last had.",
             .fix = "To go insecure publish only CDS 0 0 0 00 and CDNSKEY 0 3 0 AA== at the apex; otherwise "
                    "remove the algorithm-0 records.",
             .bad_example = "@ 3600 IN CDS 0 0 0 01\n@ 3600 IN CDNSKEY 0 3 0 AA==",
             .good_example = "@ 3600 IN CDS 0 0 0 00\n@ 3600 IN CDNSKEY 0 3 0 AA==",
             .references = "RFC 8078 §4; RFC 7344 §4"},
    .check = &check};

}  // namespace danelint::rules
