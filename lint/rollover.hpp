// Helpers shared by the rollover rules (ROLL*) and `danelint rollover-check`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.hpp"

namespace danelint {

/// The TLSA RRset at an owner (canonical wire) in one zone, or null.
const RRset* tlsa_rrset_at(const ZoneModel& z, std::string_view owner_canon);

/// Where a service's TLSA RRset is: the zone index (into Workspace::zones) and the set; zone -1 if none.
struct ServiceTlsa {
  int zone = -1;
  const RRset* set = nullptr;
};
ServiceTlsa find_service_tlsa(const Workspace& ws, std::string_view owner_canon);

/// Largest TTL of an RRset's records.
uint32_t rrset_ttl(const ZoneModel& z, const RRset& set);

/// Record keys (tlsa_record_key) of an RRset.
std::vector<std::string> record_keys(const ZoneModel& z, const RRset* set);

/// True when the record matches a chain or key the service presents now (chains and keys).
bool matches_served(const Service& s, const TlsaView& t);

/// "only DANE-EE (usage 3) and one key": every record has usage 3, and no (selector, matching type)
/// combination carries more than one distinct association data.
bool single_dane_ee_key(const ZoneModel& z, const RRset& set);

}  // namespace danelint
