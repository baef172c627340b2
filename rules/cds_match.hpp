// What DS008-DS011 share: the apex CDS/CDNSKEY/DNSKEY records and how they correspond (RFC 7344, 8078).
#pragma once
#include <openssl/evp.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "lint/model.hpp"

namespace danelint::rules::cds {

constexpr uint16_t kCds = 59, kCdnskey = 60, kDnskey = 48;

inline bool same(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

/// DS digest (RFC 4034 §5.1.4): hash of the canonical owner and the DNSKEY RDATA; nullopt for digest
/// types without a hash here.
inline std::optional<std::vector<uint8_t>> ds_digest(std::string_view owner_canonical, std::span<const uint8_t> key,
                                                     uint8_t digest_type) {
  const EVP_MD* md = digest_type == 1 ? EVP_sha1() : digest_type == 2 ? EVP_sha256() : digest_type == 4 ? EVP_sha384() : nullptr;
  if (!md) return std::nullopt;
  std::vector<uint8_t> buf(owner_canonical.begin(), owner_canonical.end());
  buf.insert(buf.end(), key.begin(), key.end());
  std::vector<uint8_t> out(EVP_MAX_MD_SIZE);
  unsigned len = 0;
  if (EVP_Digest(buf.data(), buf.size(), out.data(), &len, md, nullptr) != 1) return std::nullopt;
  out.resize(len);
  return out;
}

/// Does the CDS (DS-format RDATA) describe this DNSKEY-format RDATA?
inline bool cds_describes(std::string_view owner_canonical, std::span<const uint8_t> cds_rdata,
                          std::span<const uint8_t> key_rdata) {
  auto d = decode_ds(cds_rdata);
  auto k = decode_dnskey(key_rdata);
  if (!d || !k || d->algorithm != k->algorithm || d->key_tag != k->key_tag) return false;
  auto digest = ds_digest(owner_canonical, key_rdata, d->digest_type);
  if (!digest) return true;  // digest type we cannot compute: key tag and algorithm agree
  return same(*digest, d->digest);
}

/// RFC 8078 §4 delete requests and anything claiming to be one (algorithm 0).
inline bool cds_is_delete(std::span<const uint8_t> rd) { return rd.size() >= 3 && rd[2] == 0; }
inline bool cdnskey_is_delete(std::span<const uint8_t> rd) { return rd.size() >= 4 && rd[3] == 0; }
inline bool cds_delete_valid(std::span<const uint8_t> rd) {
  static constexpr uint8_t k[] = {0, 0, 0, 0, 0};  // CDS 0 0 0 00
  return same(rd, k);
}
inline bool cdnskey_delete_valid(std::span<const uint8_t> rd) {
  static constexpr uint8_t k[] = {0, 0, 3, 0, 0};  // CDNSKEY 0 3 0 AA==
  return same(rd, k);
}

/// The apex records of one zone, each list in file order.
struct Apex {
  std::vector<uint32_t> dnskey, cds, cdnskey;
  bool any_delete = false;  ///< some CDS/CDNSKEY has algorithm 0: DS011's business
};

inline Apex collect(const ZoneModel& zone) {
  Apex a;
  auto apex = zone.apex();
  if (!apex) return a;
  auto take = [&](uint16_t type, std::vector<uint32_t>& into) {
    if (const RRset* s = zone.find_rrset(*apex, type)) into.assign(s->records.begin(), s->records.end());
    std::sort(into.begin(), into.end());
  };
  take(kDnskey, a.dnskey);
  take(kCds, a.cds);
  take(kCdnskey, a.cdnskey);
  for (uint32_t r : a.cds) a.any_delete |= cds_is_delete(zone.rdata(zone.records[r]));
  for (uint32_t r : a.cdnskey) a.any_delete |= cdnskey_is_delete(zone.rdata(zone.records[r]));
  return a;
}

inline bool cdnskey_in_dnskeys(const ZoneModel& zone, const Apex& a, uint32_t cdnskey) {
  auto rd = zone.rdata(zone.records[cdnskey]);
  return std::any_of(a.dnskey.begin(), a.dnskey.end(),
                     [&](uint32_t k) { return same(rd, zone.rdata(zone.records[k])); });
}

inline bool cds_matches_any(const ZoneModel& zone, uint32_t cds, const std::vector<uint32_t>& keys) {
  auto rd = zone.rdata(zone.records[cds]);
  return std::any_of(keys.begin(), keys.end(), [&](uint32_t k) {
    return cds_describes(zone.origin_wire, rd, zone.rdata(zone.records[k]));
  });
}

}  // namespace danelint::rules::cds
