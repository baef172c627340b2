#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (uint32_t id : zone->names_in_order()) {
      if (!zone->is_authoritative(id)) continue;  // glue and occluded data are never served
      const RRset* cname = zone->find_rrset(id, LDNS_RR_TYPE_CNAME);
      if (!cname) continue;
      // RFC 2181 §10.1 / RFC 4035 §2.5: only the DNSSEC records of the CNAME itself may sit beside it.
      std::vector<uint16_t> others;
      std::optional<uint32_t> first_other;
      for (const RRset& s : zone->rrsets_at(id)) {
        if (s.type == LDNS_RR_TYPE_CNAME || s.type == LDNS_RR_TYPE_RRSIG || s.type == LDNS_RR_TYPE_NSEC)
          continue;
        others.push_back(s.type);
        if (!first_other || s.first() < *first_other) first_other = s.first();
      }
      if (others.empty()) continue;
      Finding& f = out.report(*zone, zone->records[cname->first()],
                              cat("CNAME at ", name_to_text(zone->names[id].wire),
                                  " shares its owner with other data (", type_list(others), ")"));
      f.related.emplace_back(zone->loc(zone->records[*first_other]), "other data at the CNAME owner");
    }
  }
}

}  // namespace

extern const Rule kZone005{
    .info = {.id = "ZONE005", .name = "cname-and-other-data", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a CNAME owner holds other data (besides RRSIG/NSEC)",
             .rationale = "A CNAME says the name is an alias, so resolvers never look for other data there "
                          "(RFC 1034 §3.6.2, RFC 2181 §10.1); name servers refuse such zones or answer "
                          "inconsistently, and MX or TLSA records beside a CNAME are silently lost.",
             .fix = "Move the other records to the CNAME's target, or replace the CNAME by the address records.",
             .exceptions = "RRSIG and NSEC records of the CNAME itself are allowed (RFC 4035 §2.5).",
             .bad_example = "www 3600 IN CNAME web.example.net.\nwww 3600 IN A 192.0.2.1",
             .good_example = "www 3600 IN CNAME web.example.net.\nweb 3600 IN A 192.0.2.1",
             .references = "RFC 1034 §3.6.2; RFC 2181 §10.1; RFC 4035 §2.5"},
    .check = &check};

}  // namespace danelint::rules
