// Small helpers shared by the zone-structure rules (ZONE*, DS006-DS011, KEY004/005, SIG009/010).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "lint/model.hpp"

namespace danelint::rules {

/// The first record (in file order) owned by `name`, if any.
inline std::optional<uint32_t> first_record_at(const ZoneModel& zone, uint32_t name) {
  std::optional<uint32_t> best;
  for (const RRset& s : zone.rrsets_at(name))
    if (!best || s.first() < *best) best = s.first();
  return best;
}

/// The records of an RRset in file order, with byte-identical RDATA collapsed to its first occurrence
/// (RFC 2181 §5: an RRset is a set; duplicates are not distinct records).
inline std::vector<uint32_t> distinct_records(const ZoneModel& zone, const RRset& set) {
  // Sorted by (RDATA, index), each run of equal RDATA starts with its first occurrence: n log n where
  // comparing each record with every kept one was quadratic in a large RRset.
  auto rdata_cmp = [&](uint32_t a, uint32_t b) {
    auto da = zone.rdata(zone.records[a]), db = zone.rdata(zone.records[b]);
    if (da.size() != db.size()) return da.size() < db.size() ? -1 : 1;
    return da.empty() ? 0 : std::memcmp(da.data(), db.data(), da.size());
  };
  std::vector<uint32_t> order(set.records.begin(), set.records.end());
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = rdata_cmp(a, b);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<uint32_t> out;
  for (size_t i = 0; i < order.size(); ++i)
    if (i == 0 || rdata_cmp(order[i - 1], order[i]) != 0) out.push_back(order[i]);
  std::sort(out.begin(), out.end());
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
