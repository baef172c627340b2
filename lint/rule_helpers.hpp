// Shared loops for rules, so each rule file holds only its condition.
#pragma once
#include <ldns/ldns.h>

#include "lint/context.hpp"
#include "lint/model.hpp"

namespace danelint {

/// Calls fn(zone, record, view) for every decodable record of type T in every zone, in file order.
template <typename Fn>
void for_each_tlsa(const LintContext& ctx, Fn&& fn) {
  for (const auto& zone : ctx.zones())
    for (uint32_t i : zone->records_of_type(LDNS_RR_TYPE_TLSA)) {
      const Record& r = zone->records[i];
      if (auto v = decode_tlsa(zone->rdata(r))) fn(*zone, r, *v);
    }
}

template <typename Fn>
void for_each_rrsig(const LintContext& ctx, Fn&& fn) {
  for (const auto& zone : ctx.zones())
    for (uint32_t i : zone->records_of_type(LDNS_RR_TYPE_RRSIG)) {
      const Record& r = zone->records[i];
      if (auto v = decode_rrsig(zone->rdata(r))) fn(*zone, r, *v);
    }
}

/// "TLSA 3 1 1", for messages.
std::string tlsa_params(const TlsaView& v);

}  // namespace danelint
