#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    auto apex = zone->apex();
    // From the DNAME RRsets (few, if any), not from every name: a lookup of two types per name was
    // most of this rule's time on a zone of 100k names and no DNAME.
    for (const RRset& dname : zone->rrsets()) {
      if (dname.type != LDNS_RR_TYPE_DNAME) continue;
      const uint32_t id = dname.owner;
      if ((apex && id == *apex) || zone->out_of_zone(id) || zone->below_cut(id) || zone->below_dname(id)) continue;
      const RRset* ns = zone->find_rrset(id, LDNS_RR_TYPE_NS);
      if (!ns) continue;
      uint32_t d0 = dname.first();
      uint32_t n0 = ns->first();
      Finding& f = out.report(*zone, zone->records[d0],
                              cat("DNAME and NS at ", name_to_text(zone->names[id].wire),
                                  ": a delegation point cannot also redirect its subtree"));
      f.related.emplace_back(zone->loc(zone->records[n0]), "the NS record");
    }
  }
}

}  // namespace

extern const Rule kZone009{
    .info = {.id = "ZONE009", .name = "dname-and-ns", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DNAME and NS at the same (non-apex) owner",
             .rationale = "An NS RRset below the apex makes the name a zone cut, where the parent is not "
                          "authoritative for anything but the delegation (RFC 6672 §2.3 forbids a DNAME there); "
                          "resolvers and servers disagree on which of the two wins.",
             .fix = "Either delegate the name (keep NS) or redirect it (keep DNAME), not both.",
             .bad_example = "old 3600 IN DNAME new.example.\nold 3600 IN NS ns.example.net.",
             .good_example = "old 3600 IN DNAME new.example.",
             .references = "RFC 6672 §2.3; RFC 1034 §4.2.1"},
    .check = &check};

}  // namespace danelint::rules
