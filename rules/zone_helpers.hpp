// Small helpers shared by the zone-structure rules (ZONE*, DS006-DS011, KEY004/005, SIG009/010).
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "lint/model.hpp"

namespace danelint::rules {

/// The first record (in file order) owned by `name`, if any.
inline std::optional<uint32_t> first_record_at(const ZoneModel& zone, uint32_t name) {
  std::optional<uint32_t> best;
  for (const RRset& s : zone.rrsets_at(name))
    for (uint32_t r : s.records)
      if (!best || r < *best) best = r;
  return best;
}

/// The records of an RRset in file order, with byte-identical RDATA collapsed to its first occurrence
/// (RFC 2181 §5: an RRset is a set; duplicates are not distinct records).
inline std::vector<uint32_t> distinct_records(const ZoneModel& zone, const RRset& set) {
  std::vector<uint32_t> order(set.records.begin(), set.records.end());
  std::sort(order.begin(), order.end());
  std::vector<uint32_t> out;
  for (uint32_t idx : order) {
    auto rd = zone.rdata(zone.records[idx]);
    bool dup = std::any_of(out.begin(), out.end(), [&](uint32_t o) {
      auto od = zone.rdata(zone.records[o]);
      return od.size() == rd.size() && std::equal(od.begin(), od.end(), rd.begin());
    });
    if (!dup) out.push_back(idx);
  }
  return out;
}

/// True when the name holds NSEC3 records (and their RRSIGs) only: a hashed owner, zone meta-data.
inline bool holds_only_nsec3(const ZoneModel& zone, uint32_t name) {
  auto sets = zone.rrsets_at(name);
  if (sets.empty()) return false;
  for (const RRset& s : sets)
    if (s.type != 50 /*NSEC3*/ && s.type != 46 /*RRSIG*/) return false;
  return zone.find_rrset(name, 50) != nullptr;
}

/// Record types in a list, for messages: "A, MX".
inline std::string type_list(std::span<const uint16_t> types) {
  std::string out;
  for (uint16_t t : types) {
    if (!out.empty()) out += ", ";
    out += type_name(t);
  }
  return out;
}

}  // namespace danelint::rules
