#include <optional>
#include <string>
#include <unordered_set>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

std::string_view parent_of(std::string_view wire) {
  return wire.size() <= 1 ? wire : wire.substr(static_cast<unsigned char>(wire[0]) + 1u);
}

bool has_address(const ZoneModel& zone, uint32_t name) {
  return zone.find_rrset(name, LDNS_RR_TYPE_A) || zone.find_rrset(name, LDNS_RR_TYPE_AAAA);
}

void check_zone(const ZoneModel& zone, FindingSink& out) {
  auto apex = zone.apex();
  if (!apex) return;
  const std::string& origin = zone.origin_wire;
  // The empty non-terminals (RFC 4592 §2.2.2), as views into the zone's own name strings. The labels
  // between an owner and the nearest name above it that the model holds own nothing; that name is an
  // empty non-terminal too when it owns no records, and the walk goes on above it. Gathered on first
  // need: only a name server name that owns no records asks (a walk over every name of the zone).
  std::optional<std::unordered_set<std::string_view>> empty_non_terminals;
  auto is_empty_non_terminal = [&](std::string_view name) {
    if (!empty_non_terminals) {
      auto& ents = empty_non_terminals.emplace();
      for (uint32_t id = 0; id < zone.names.size(); ++id) {
        if (zone.out_of_zone(id) || zone.rrsets_at(id).empty()) continue;
        std::string_view n = zone.names[id].canonical;
        for (auto up = zone.closest_ancestor(id);; up = zone.closest_ancestor(*up)) {
          const size_t stop = up ? zone.names[*up].canonical.size() : origin.size();
          bool seen = false;
          for (n = parent_of(n); n.size() > stop && !seen; n = parent_of(n)) seen = !ents.insert(n).second;
          if (seen || !up || *up == *apex || !zone.rrsets_at(*up).empty()) break;
          n = zone.names[*up].canonical;
          if (!ents.insert(n).second) break;
        }
      }
    }
    return empty_non_terminals->count(name) > 0;
  };
  // A name exists in the zone when it is the apex, owns records, or is an empty non-terminal; `id` is its
  // find_name result, which the caller may already hold.
  auto exists = [&](std::string_view n, std::optional<uint32_t> id) {
    return n == origin || (id && !zone.rrsets_at(*id).empty()) || is_empty_non_terminal(n);
  };

  std::string target;  // one buffer for every NS target: a delegation per name makes this tens of thousands
  for (uint32_t id : zone.names_in_order()) {
    bool at_apex = id == *apex;
    if (!at_apex && !(zone.is_delegation(id) && zone.is_authoritative(id))) continue;
    const RRset* ns = zone.find_rrset(id, LDNS_RR_TYPE_NS);
    if (!ns) continue;
    for (uint32_t idx : ns->records) {
      const Record& rec = zone.records[idx];
      auto rd = zone.rdata(rec);
      target.assign(reinterpret_cast<const char*>(rd.data()), rd.size());
      ascii_lower_copy(target.data(), target.size(), target.data());
      if (!is_subdomain(target, origin)) continue;  // out of bailiwick: no glue needed or possible
      // A server below another zone cut (a sibling delegation) or below a DNAME is not ours to supply:
      // its address comes from that zone (RFC 9471 §2.2 makes sibling glue optional).
      bool elsewhere = false;
      auto cut_or_dname = [&](uint32_t a) {
        return a != id && (zone.is_delegation(a) || zone.find_rrset(a, LDNS_RR_TYPE_DNAME));
      };
      const auto tid = zone.find_name(target);
      if (tid) {  // the names above it that the zone holds, up to but not at the apex
        for (auto a = tid; a && *a != *apex && !elsewhere; a = zone.closest_ancestor(*a)) elsewhere = cut_or_dname(*a);
        elsewhere = elsewhere || zone.below_dname(*tid);
      } else {
        for (std::string_view a = parent_of(target); a.size() > origin.size() && !elsewhere; a = parent_of(a))
          if (auto aid = zone.find_name(a)) elsewhere = cut_or_dname(*aid);
      }
      if (elsewhere) continue;

      bool found = false;
      if (exists(target, tid)) {
        found = tid && has_address(zone, *tid);
      } else {
        // No such name: a wildcard at the closest encloser would answer (RFC 4592 §3.3.1).
        std::string_view ce = target;
        while (ce.size() > origin.size() && !exists(ce, zone.find_name(ce))) ce = parent_of(ce);
        std::string wild = std::string("\x01*", 2) + std::string(ce);
        auto wid = zone.find_name(wild);
        found = wid && has_address(zone, *wid);
      }
      if (found) continue;
      std::string who = at_apex ? cat("name server ", name_to_text(target), " of the zone")
                                : cat("name server ", name_to_text(target), " of the delegation ",
                                      zone.owner_text(rec));
      out.report(zone, rec, cat(who, " is inside the zone but has no A or AAAA ",
                                at_apex || is_subdomain(target, zone.names[id].canonical) ? "glue" : "record"));
    }
  }
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) check_zone(*zone, out);
}

}  // namespace

extern const Rule kZone004{
    .info = {.id = "ZONE004", .name = "glue-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an in-bailiwick name server of the apex or a delegation has no A/AAAA glue",
             .rationale = "A name server named inside the zone can only be reached through address records "
                          "that the zone itself serves (RFC 1034 §4.2.1); without them resolvers loop and the "
                          "zone or the delegated child becomes unreachable (RFC 9471 requires in-domain glue).",
             .fix = "Add A and/or AAAA records for the name server, or point the NS at a name that has them.",
             .exceptions = "Servers below another delegation of the zone (sibling glue) are that zone's to "
                           "serve and are not reported.",
             .bad_example = "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
                            "@ 3600 IN NS ns1\n"
                            "child 3600 IN NS ns.child",
             .good_example = "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"
                             "@ 3600 IN NS ns1\n"
                             "ns1 3600 IN A 192.0.2.1\n"
                             "child 3600 IN NS ns.child\n"
                             "ns.child 3600 IN AAAA 2001:db8::53",
             .references = "RFC 1034 §4.2.1; RFC 9471; RFC 4592 §3.3.1"},
    .check = &check};

}  // namespace danelint::rules
