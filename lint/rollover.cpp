#include "lint/rollover.hpp"

#include <ldns/ldns.h>

#include <algorithm>
#include <map>
#include <set>

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
  std::map<std::pair<int, int>, std::set<std::vector<uint8_t>>> by_combo;
  for (uint32_t i : set.records) {
    auto t = decode_tlsa(z.rdata(z.records[i]));
    if (!t) continue;
    if (t->usage != 3) return false;
    by_combo[{t->selector, t->matching_type}].insert(std::vector<uint8_t>(t->data.begin(), t->data.end()));
  }
  if (by_combo.empty()) return false;
  for (const auto& [combo, datas] : by_combo)
    if (datas.size() > 1) return false;
  return true;
}

uint32_t first_record(const RRset& set) { return *std::min_element(set.records.begin(), set.records.end()); }

}  // namespace danelint
