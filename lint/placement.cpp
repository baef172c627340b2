#include "lint/placement.hpp"

#include <ldns/ldns.h>

#include "lint/strings.hpp"
#include "lint/timings.hpp"

namespace danelint {

namespace {
constexpr std::string_view kSmtpTlsaPrefix = "\3_25\4_tcp";  ///< _25._tcp., wire (RFC 7672 §2.2.3)
}  // namespace

ZoneSet::ZoneSet(const Workspace& ws) : ws_(ws) {
  ScopedTiming timing("placement: CNAMEs");
  size_t count = 0;  // room made once: growing rehashed every entry a dozen times over at 6 250 CNAMEs
  for (const auto& z : ws.zones) count += z->records_of_type(LDNS_RR_TYPE_CNAME).size();
  cnames_.reserve(count);
  for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
    const auto& z = ws.zones[zi];
    if (!z->unreadable) by_origin_.emplace(z->origin_wire, static_cast<int>(zi));
    for (uint32_t ri : z->records_of_type(LDNS_RR_TYPE_CNAME)) {
      const Record& r = z->records[ri];
      if (!z->is_authoritative(r.owner)) continue;
      auto rd = z->rdata(r);
      cnames_.emplace(z->owner(r).canonical,
                      ascii_lower(std::string_view(reinterpret_cast<const char*>(rd.data()), rd.size())));
    }
  }
}

const ZoneSet& ZoneSet::shared(const Workspace& ws) {
  return *ws.shared->get_as<ZoneSet>("placement", [&] { return std::make_shared<const ZoneSet>(ws); });
}

ZoneSet::Lookup ZoneSet::find(std::string_view canon) const {
  // The deepest zone holding the name: its longest ancestor (or itself) that is a zone's origin. A lookup
  // per ancestor, where asking every zone made many small zone files quadratic.
  Lookup best;
  for_name_and_ancestors(canon, [&](std::string_view origin) {
    auto it = by_origin_.find(origin);
    if (it == by_origin_.end()) return false;
    best = Lookup{Where::InZone, it->second, ws_.zones[static_cast<size_t>(it->second)]->find_name(canon)};
    return true;
  });
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

bool ZoneSet::has(std::string_view canon, uint16_t type) const { return has(find(canon), type); }

bool ZoneSet::has(const Lookup& l, uint16_t type) const {
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

MxHosts::MxHosts(const Workspace& ws) : ws_(ws) {
  const ZoneSet& zs = ZoneSet::shared(ws);
  ScopedTiming timing("placement: MX hosts");
  size_t count = 0;
  for (const auto& zone : ws.zones)
    for (uint32_t k : zone->rrsets_of_type(LDNS_RR_TYPE_MX)) count += zone->rrsets()[k].records.size();
  hosts.reserve(count);
  std::string tlsa_owner;  // reused: one buffer for every _25._tcp. name
  std::string mx;          // and one for every MX target
  auto tlsa_lookup = [&](std::string_view host) {
    tlsa_owner.assign(kSmtpTlsaPrefix);
    tlsa_owner.append(host);
    return zs.find(tlsa_owner);
  };
  for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
    const ZoneModel& zone = *ws.zones[zi];
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_MX)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      rrset_begin.push_back(static_cast<uint32_t>(hosts.size()));
      for (uint32_t i : set.records) {
        MxHost& h = hosts.emplace_back();
        h.zone = static_cast<uint32_t>(zi);
        h.record = i;
        if (!mx_target(zone.rdata(zone.records[i]), mx)) {
          h.malformed = true;
          continue;
        }
        const std::string& target = mx;
        h.root = target == std::string_view("\0", 1);
        h.target_cname = zs.cname(target);
        const ZoneSet::Chain chain = h.target_cname ? zs.follow(target) : ZoneSet::Chain{};
        h.chain_loop = chain.loop;
        const ZoneSet::Lookup at_target = zs.find(target);
        h.target_in_zone = at_target.where == ZoneSet::Where::InZone;
        h.tlsa_at_target = zs.has(tlsa_lookup(target), LDNS_RR_TYPE_TLSA);
        h.tlsa_cname_at_target = zs.cname(tlsa_owner) != nullptr;
        const bool alias = !chain.names.empty() && chain.names.back() != target;
        const ZoneSet::Lookup at_host = alias ? zs.find(chain.names.back()) : at_target;
        h.host_in_zone = at_host.where == ZoneSet::Where::InZone;
        h.tlsa_at_host = alias ? zs.has(tlsa_lookup(chain.names.back()), LDNS_RR_TYPE_TLSA) : h.tlsa_at_target;
        h.host_has_address = zs.has(at_host, LDNS_RR_TYPE_A) || zs.has(at_host, LDNS_RR_TYPE_AAAA);
      }
    }
  }
  rrset_begin.push_back(static_cast<uint32_t>(hosts.size()));
}

const MxHosts& MxHosts::shared(const Workspace& ws) {
  return *ws.shared->get_as<MxHosts>("mx-hosts", [&] { return std::make_shared<const MxHosts>(ws); });
}

std::string MxHosts::target(const MxHost& h) const {
  const ZoneModel& zone = *ws_.zones[h.zone];
  return mx_target(zone.rdata(zone.records[h.record])).value_or(std::string());
}

ZoneSet::Chain MxHosts::chain(const MxHost& h) const { return ZoneSet::shared(ws_).follow(target(h)); }

bool mx_target(std::span<const uint8_t> rdata, std::string& out) {
  if (rdata.size() < 3) return false;
  out.assign(reinterpret_cast<const char*>(rdata.data()) + 2, rdata.size() - 2);
  ascii_lower_copy(out.data(), out.size(), out.data());
  return true;
}

std::optional<std::string> mx_target(std::span<const uint8_t> rdata) {
  std::string out;
  if (!mx_target(rdata, out)) return std::nullopt;
  return out;
}

std::string smtp_tlsa_owner(std::string_view host_canon) { return cat(kSmtpTlsaPrefix, host_canon); }

}  // namespace danelint
