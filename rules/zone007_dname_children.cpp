#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (uint32_t id : zone->names_in_order()) {
      if (!zone->below_dname(id) || zone->below_cut(id) || zone->out_of_zone(id)) continue;
      if (holds_only_nsec3(*zone, id)) continue;  // hashed owners are zone meta-data, not names below
      auto first = first_record_at(*zone, id);
      if (!first) continue;
      // Name the nearest DNAME above (the apex one when none is closer).
      std::string_view canon = zone->names[id].canonical, anc = canon;
      std::string dname_owner;
      while (anc.size() > 1) {
        anc.remove_prefix(static_cast<unsigned char>(anc[0]) + 1u);
        auto a = zone->find_name(anc);
        if (a && zone->find_rrset(*a, LDNS_RR_TYPE_DNAME)) {
          dname_owner = name_to_text(anc);
          if (const RRset* d = zone->find_rrset(*a, LDNS_RR_TYPE_DNAME)) {
            Finding& f = out.report(*zone, zone->records[*first],
                                    cat(name_to_text(zone->names[id].wire), " lies below the DNAME at ",
                                        dname_owner, " and can never be reached"));
            f.related.emplace_back(zone->loc(zone->records[d->first()]),
                                   "the DNAME");
          }
          break;
        }
      }
    }
  }
}

}  // namespace

extern const Rule kZone007{
    .info = {.id = "ZONE007", .name = "dname-children", .severity = Severity::Error, .since = "0.1.0",
             .summary = "names exist below a DNAME owner",
             .rationale = "A DNAME redirects the whole subtree below its owner (RFC 6672 §2.3), so data there is "
                          "occluded: name servers never serve it, and RFC 6672 §2.4 forbids it.",
             .fix = "Remove the names below the DNAME, or move them to the zone the DNAME points to.",
             .bad_example = "old 3600 IN DNAME new.example.\nwww.old 3600 IN A 192.0.2.1",
             .good_example = "old 3600 IN DNAME new.example.\nwww.new 3600 IN A 192.0.2.1",
             .references = "RFC 6672 §2.3, §2.4"},
    .check = &check};

}  // namespace danelint::rules
