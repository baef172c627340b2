#include "lint/rollover.hpp"

#include <ldns/ldns.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace danelint {

const RRset* tlsa_rrset_at(const ZoneModel& z, std::string_view owner_canon) {
  auto idx = z.find_name(owner_canon);
  if (!idx || !z.is_authoritative(*idx)) return nullptr;
  return z.find_rrset(*idx, LDNS_RR_TYPE_TLSA);
}

ServiceTlsa find_service_tlsa(const Workspace& ws, std::string_view owner_canon) {
  for (size_t i = 0; i < ws.zones.size(); ++i)
    if (const RRset* s = tlsa_rrset_at(*ws.zones[i], owner_canon)) return {static_cast<int>(i), s};
  return {};
}

uint32_t rrset_ttl(const ZoneModel& z, const RRset& set) {
  uint32_t ttl = 0;
  for (uint32_t i : set.records) ttl = std::max(ttl, z.records[i].ttl);
  return ttl;
}

std::vector<std::string> record_keys(const ZoneModel& z, const RRset* set) {
  std::vector<std::string> out;
  if (!set) return out;
  for (uint32_t i : set->records) out.push_back(tlsa_record_key(z.names[set->owner].wire, z.rdata(z.records[i])));
  return out;
}

bool matches_served(const Service& s, const TlsaView& t) {
  for (const LoadedMaterial& m : s.chains)
    if (tlsa_matches_material(t, m.material)) return true;
  for (const LoadedMaterial& m : s.keys)
    if (tlsa_matches_material(t, m.material)) return true;
  return false;
}

bool single_dane_ee_key(const ZoneModel& z, const RRset& set) {
  // One key: every record DANE-EE, and one distinct association per selector and matching type. A
  // sorted flat list, not a map of sets: this runs for every TLSA RRset of the zone.
  std::vector<TlsaView> views;
  views.reserve(set.records.size());
  for (uint32_t i : set.records) {
    auto t = decode_tlsa(z.rdata(z.records[i]));
    if (!t) continue;
    if (t->usage != 3) return false;
    views.push_back(*t);
  }
  if (views.empty()) return false;
  std::sort(views.begin(), views.end(), [](const TlsaView& a, const TlsaView& b) { return association_order(a, b) < 0; });
  for (size_t i = 1; i < views.size(); ++i) {
    const TlsaView &a = views[i - 1], &b = views[i];
    if (a.selector == b.selector && a.matching_type == b.matching_type && !std::ranges::equal(a.data, b.data)) return false;
  }
  return true;
}

}  // namespace danelint
