#include "lint/dnssec/canonical.hpp"

#include <openssl/evp.h>

#include "lint/strings.hpp"

namespace danelint::dnssec {

bool type_has_canonical_names(uint16_t type) {
  switch (type) {
    case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9: case 12:  // NS MD MF CNAME SOA MB MG MR PTR
    case 14: case 15: case 17: case 18: case 21: case 24: case 26: case 30:   // MINFO MX RP AFSDB RT SIG PX NXT
    case 33: case 35: case 36: case 38: case 39: case 46:                     // SRV NAPTR KX A6 DNAME RRSIG
      return true;
    default:
      return false;
  }
}

namespace {

/// Length of the uncompressed wire name at `pos`, or 0 when it runs past the end.
size_t name_len(std::span<const uint8_t> rd, size_t pos) {
  size_t i = pos;
  while (i < rd.size()) {
    uint8_t l = rd[i];
    if (l == 0) return i + 1 - pos;
    if (l > 63) return 0;
    i += l + 1u;
  }
  return 0;
}

}  // namespace

bool append_canonical_rdata(uint16_t type, std::span<const uint8_t> rd, std::string& out) {
  size_t start = out.size();
  out.append(reinterpret_cast<const char*>(rd.data()), rd.size());
  if (!type_has_canonical_names(type)) return true;
  // Lower-cases the name at `pos` in the copy; returns the position after it, or 0 on error.
  auto lower_name = [&](size_t pos) -> size_t {
    size_t n = name_len(rd, pos);
    if (n == 0) return 0;
    // Length octets (0-63) are never letters, so the whole name is lower-cased as it stands.
    ascii_lower_copy(&out[start + pos], n, &out[start + pos]);
    return pos + n;
  };
  auto skip_fixed = [&](size_t pos, size_t n) -> size_t { return pos + n <= rd.size() ? pos + n : 0; };
  size_t p = 0;
  bool ok = true;
  switch (type) {
    case 2: case 3: case 4: case 5: case 7: case 8: case 9: case 12: case 39:
      ok = lower_name(0) != 0;
      break;
    case 6:  // SOA: mname rname + 20 octets
      ok = (p = lower_name(0)) && lower_name(p);
      break;
    case 14: case 17:  // MINFO, RP
      ok = (p = lower_name(0)) && lower_name(p);
      break;
    case 15: case 18: case 21: case 36:  // MX, AFSDB, RT, KX: 16-bit preference + name
      ok = (p = skip_fixed(0, 2)) && lower_name(p);
      break;
    case 26:  // PX: preference, MAP822, MAPX400
      ok = (p = skip_fixed(0, 2)) && (p = lower_name(p)) && lower_name(p);
      break;
    case 24: case 46:  // SIG, RRSIG: 18 fixed octets, signer name, signature
      ok = (p = skip_fixed(0, 18)) && lower_name(p);
      break;
    case 30:  // NXT: next name, bitmap
      ok = lower_name(0) != 0;
      break;
    case 33:  // SRV: priority weight port target
      ok = (p = skip_fixed(0, 6)) && lower_name(p);
      break;
    case 35: {  // NAPTR: order pref flags services regexp replacement
      p = skip_fixed(0, 4);
      for (int s = 0; s < 3 && p; ++s) p = p < rd.size() ? skip_fixed(p + 1, rd[p]) : 0;
      ok = p && lower_name(p);
      break;
    }
    case 38: {  // A6: prefix length, address suffix, prefix name when prefix length > 0
      if (rd.empty() || rd[0] > 128) { ok = false; break; }
      size_t suffix = (128 - rd[0] + 7) / 8;
      p = skip_fixed(1, suffix);
      ok = p && (rd[0] == 0 || lower_name(p));
      break;
    }
    default:
      break;
  }
  if (!ok) {
    out.resize(start);
    out.append(reinterpret_cast<const char*>(rd.data()), rd.size());
  }
  return ok;
}

std::optional<std::string> signed_owner(std::string_view owner, uint8_t labels) {
  // Count labels; a leading "*" label does not count (RFC 4034 §3.1.3).
  int count = 0;
  for (size_t i = 0; i < owner.size() && owner[i] != 0; i += static_cast<unsigned char>(owner[i]) + 1u) ++count;
  bool wildcard_owner = owner.size() >= 2 && owner[0] == 1 && owner[1] == '*';
  int effective = wildcard_owner ? count - 1 : count;
  if (labels > effective) return std::nullopt;
  if (labels == effective) return std::string(owner);
  // Keep the rightmost `labels` labels and prefix "*".
  size_t i = 0;
  for (int skip = count - labels; skip > 0; --skip) i += static_cast<unsigned char>(owner[i]) + 1u;
  std::string out("\x01*", 2);
  out.append(owner.substr(i));
  return out;
}

void append_rr(std::string& out, std::string_view owner, uint16_t type, uint16_t rrclass, uint32_t ttl,
               std::string_view rdata) {
  out.append(owner);
  char h[10] = {static_cast<char>(type >> 8), static_cast<char>(type),
                static_cast<char>(rrclass >> 8), static_cast<char>(rrclass),
                static_cast<char>(ttl >> 24), static_cast<char>(ttl >> 16),
                static_cast<char>(ttl >> 8), static_cast<char>(ttl),
                static_cast<char>(rdata.size() >> 8), static_cast<char>(rdata.size())};
  out.append(h, 10);
  out.append(rdata);
}

std::optional<std::vector<uint8_t>> ds_digest(std::string_view owner, std::span<const uint8_t> dnskey,
                                              uint8_t digest_type) {
  const EVP_MD* md = nullptr;
  switch (digest_type) {
    case 1: md = EVP_sha1(); break;
    case 2: md = EVP_sha256(); break;
    case 4: md = EVP_sha384(); break;
    default: return std::nullopt;
  }
  std::string data(owner);
  data.append(reinterpret_cast<const char*>(dnskey.data()), dnskey.size());
  std::vector<uint8_t> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1) return std::nullopt;
  out.resize(len);
  return out;
}

size_t ds_digest_length(uint8_t digest_type) {
  switch (digest_type) {
    case 1: return 20;
    case 2: return 32;
    case 3: return 32;
    case 4: return 48;
    default: return 0;
  }
}

std::string ds_digest_name(uint8_t digest_type) {
  switch (digest_type) {
    case 1: return "SHA-1";
    case 2: return "SHA-256";
    case 3: return "GOST R 34.11-94";
    case 4: return "SHA-384";
    default: return cat("digest type ", static_cast<int>(digest_type));
  }
}

}  // namespace danelint::dnssec
