#include "lint/placement.hpp"

#include <ldns/ldns.h>

#include "lint/strings.hpp"

namespace danelint {

ZoneSet::ZoneSet(const Workspace& ws) : ws_(ws) {
  for (const auto& z : ws.zones)
    for (const Record& r : z->records) {
      if (r.type != LDNS_RR_TYPE_CNAME || !z->is_authoritative(r.owner)) continue;
      auto rd = z->rdata(r);
      std::string target(reinterpret_cast<const char*>(rd.data()), rd.size());
      cnames_.emplace(z->owner(r).canonical, ascii_lower(target));
    }
}

ZoneSet::Lookup ZoneSet::find(std::string_view canon) const {
  Lookup best;
  size_t best_len = 0;
  for (size_t i = 0; i < ws_.zones.size(); ++i) {
    const ZoneModel& z = *ws_.zones[i];
    if (z.unreadable || !is_subdomain(canon, z.origin_wire)) continue;
    if (best.zone >= 0 && z.origin_wire.size() <= best_len) continue;
    best = Lookup{Where::InZone, static_cast<int>(i), z.find_name(canon)};
    best_len = z.origin_wire.size();
  }
  if (best.zone < 0) return best;
  const ZoneModel& z = *ws_.zones[static_cast<size_t>(best.zone)];
  if (best.name) {
    if (z.below_cut(*best.name) || z.below_dname(*best.name)) best.where = Where::BelowCut;
  } else {
    // An empty name: is it under a delegation point of that zone?
    std::string_view n = canon;
    while (n.size() > z.origin_wire.size()) {
      n.remove_prefix(static_cast<uint8_t>(n[0]) + 1);
      if (auto idx = z.find_name(n); idx && n.size() > z.origin_wire.size() && z.is_delegation(*idx)) {
        best.where = Where::BelowCut;
        break;
      }
    }
  }
  return best;
}

bool ZoneSet::has(std::string_view canon, uint16_t type) const {
  Lookup l = find(canon);
  if (l.where != Where::InZone || !l.name) return false;
  const ZoneModel& z = *ws_.zones[static_cast<size_t>(l.zone)];
  return z.find_rrset(*l.name, type) != nullptr;
}

const std::string* ZoneSet::cname(std::string_view canon) const {
  auto it = cnames_.find(canon);
  return it == cnames_.end() ? nullptr : &it->second;
}

ZoneSet::Chain ZoneSet::follow(std::string_view canon) const {
  Chain c;
  c.names.emplace_back(canon);
  for (int hops = 0; hops < 16; ++hops) {
    const std::string* next = cname(c.names.back());
    if (!next) return c;
    for (const std::string& seen : c.names)
      if (seen == *next) {
        c.loop = true;
        return c;
      }
    c.names.push_back(*next);
  }
  c.loop = true;
  return c;
}

std::optional<std::string> mx_target(std::span<const uint8_t> rdata) {
  if (rdata.size() < 3) return std::nullopt;
  return ascii_lower(std::string_view(reinterpret_cast<const char*>(rdata.data()) + 2, rdata.size() - 2));
}

std::string smtp_tlsa_owner(std::string_view host_canon) { return cat("\3_25\4_tcp", host_canon); }

}  // namespace danelint
