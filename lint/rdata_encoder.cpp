// Fast presentation-to-wire RDATA encoding; see rdata_encoder.hpp for the contract with ldns 1.8.3.
//
// Each rule below mirrors what ldns_rr_new_frm_str does with the same text, restricted to the plain
// spellings real zones use; anything ldns would read in a way this file does not reproduce is declined.
// What ldns does, and what is declined here because of it (checked against ldns 1.8.3 by experiment and
// by the differential tests and fuzz target):
// - numbers go through strtol/strtoul and wrap silently: only plain decimal digits within the field's
//   range are taken (leading zeros are fine, signs and spaces are not);
// - algorithm and TLSA fields also take mnemonics (RSASHA256, DANE-EE): declined;
// - SOA timers take 1h30m-style periods: declined;
// - an RRSIG time of exactly 14 characters is YYYYMMDDHHMMSS (with per-field range checks but no
//   day-of-month check: Feb 31 is March 3); any other length is a decimal number;
// - a name whose first label is "@" becomes the origin ("@.x" too): only a lone "@" is taken;
// - an unknown type mnemonic becomes type 0 (RRSIG type covered, NSEC bitmaps): declined;
// - base64/hex as the last field may be split over tokens; ldns pads an odd hex digit count with a zero
//   nibble and reads base64 "-" or "0" as empty: both declined;
// - an NSEC3 next-owner field's length byte is computed from the text length: only unpadded base32hex
//   of a multiple of 8 characters is taken;
// - characters that ldns's tokenizer treats specially outside quotes ( ( ) ; " \ ) and control
//   characters decline the record.
#include "lint/rdata_encoder.hpp"

#include <arpa/inet.h>
#include <ldns/ldns.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace danelint {
namespace {

constexpr size_t kMaxName = 255;
constexpr size_t kMaxLabel = 63;
// ldns reads the RDATA text and each field into 65535-byte buffers; stay well inside them.
constexpr size_t kMaxText = 60000;

// ---- character tables -------------------------------------------------------------------------------

constexpr uint8_t kBad = 0xff;

struct Tables {
  std::array<uint8_t, 256> hex{};
  std::array<uint8_t, 256> b64{};
  std::array<uint8_t, 256> b32hex{};
  std::array<bool, 256> plain{};  // may stand in an unquoted token as itself
  constexpr Tables() {
    for (int c = 0; c < 256; ++c) {
      hex[c] = b64[c] = b32hex[c] = kBad;
      plain[c] = c > 0x20 && c != 0x7f && c != '"' && c != '(' && c != ')' && c != ';' && c != '\\';
    }
    for (int c = '0'; c <= '9'; ++c) hex[c] = uint8_t(c - '0'), b32hex[c] = uint8_t(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) hex[c] = uint8_t(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) hex[c] = uint8_t(c - 'A' + 10);
    for (int c = 'a'; c <= 'v'; ++c) b32hex[c] = uint8_t(c - 'a' + 10);
    for (int c = 'A'; c <= 'V'; ++c) b32hex[c] = uint8_t(c - 'A' + 10);
    for (int c = 'A'; c <= 'Z'; ++c) b64[c] = uint8_t(c - 'A');
    for (int c = 'a'; c <= 'z'; ++c) b64[c] = uint8_t(c - 'a' + 26);
    for (int c = '0'; c <= '9'; ++c) b64[c] = uint8_t(c - '0' + 52);
    b64['+'] = 62;
    b64['/'] = 63;
  }
};
constexpr Tables kT;

inline uint8_t u8(char c) { return static_cast<uint8_t>(c); }

bool all_plain(std::string_view t) {
  for (char c : t)
    if (!kT.plain[u8(c)]) return false;
  return true;
}

// ---- output helpers ---------------------------------------------------------------------------------

inline void put8(std::vector<uint8_t>& o, uint32_t v) { o.push_back(uint8_t(v)); }
inline void put16(std::vector<uint8_t>& o, uint32_t v) {
  const uint8_t b[2] = {uint8_t(v >> 8), uint8_t(v)};
  o.insert(o.end(), b, b + 2);
}
inline void put32(std::vector<uint8_t>& o, uint32_t v) {
  const uint8_t b[4] = {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)};
  o.insert(o.end(), b, b + 4);
}

// ---- fields -----------------------------------------------------------------------------------------

/// Plain decimal digits (leading zeros allowed) with a value <= max.
bool parse_uint(std::string_view t, uint64_t max, uint64_t& v) {
  if (t.empty() || t.size() > 24) return false;
  uint64_t x = 0;
  for (char c : t) {
    unsigned d = unsigned(u8(c)) - '0';
    if (d > 9) return false;
    x = x * 10 + d;
    if (x > max) return false;
  }
  v = x;
  return true;
}

bool int_field(std::vector<uint8_t>& o, std::string_view t, int bytes) {
  uint64_t v;
  const uint64_t max = bytes == 1 ? 0xff : bytes == 2 ? 0xffff : 0xffffffffu;
  if (!parse_uint(t, max, v)) return false;
  if (bytes == 1) put8(o, uint32_t(v));
  else if (bytes == 2) put16(o, uint32_t(v));
  else put32(o, uint32_t(v));
  return true;
}

/// A domain name field: "@", absolute, or relative to the origin. Case is kept.
bool name_field(std::vector<uint8_t>& o, std::string_view t, std::string_view origin) {
  if (t.empty()) return false;
  if (t[0] == '@') {
    if (t.size() != 1 || origin.empty()) return false;
    o.insert(o.end(), origin.begin(), origin.end());
    return true;
  }
  if (t.size() == 1 && t[0] == '.') {
    o.push_back(0);
    return true;
  }
  const size_t start = o.size();
  size_t label_pos = start;
  o.push_back(0);
  size_t label_len = 0;
  for (char c : t) {
    if (c == '.') {
      if (label_len == 0 || label_len > kMaxLabel) return false;
      o[label_pos] = uint8_t(label_len);
      label_pos = o.size();
      o.push_back(0);
      label_len = 0;
    } else {
      if (!kT.plain[u8(c)]) return false;
      o.push_back(u8(c));
      ++label_len;
    }
  }
  if (label_len == 0) {  // ended in '.': absolute; the pending length byte is the root label
    if (o.size() - start > kMaxName) return false;
    return true;
  }
  if (label_len > kMaxLabel) return false;
  o[label_pos] = uint8_t(label_len);
  if (origin.empty()) return false;
  o.insert(o.end(), origin.begin(), origin.end());
  return o.size() - start <= kMaxName;
}

/// Hex digits spread over tokens (ldns joins the rest of the line for a last hex field); even count only.
bool hex_field(std::vector<uint8_t>& o, std::span<const std::string_view> toks) {
  size_t digits = 0;
  for (std::string_view t : toks) digits += t.size();
  if (digits % 2 != 0) return false;
  // Sized once and written in place (a push_back per octet was most of this), a bad digit noted on the
  // way: OR-ing the table's values (0-15, or kBad) gives kBad only if some digit was not one.
  const size_t start = o.size();
  o.resize(start + digits / 2);
  uint8_t* w = o.data() + start;
  uint8_t seen = 0, pending = 0;
  bool half = false;
  for (std::string_view t : toks) {
    size_t i = 0;
    if (!half)  // two digits an octet, while no octet is split across tokens (the usual case)
      for (; i + 2 <= t.size(); i += 2) {
        const uint8_t hi = kT.hex[u8(t[i])], lo = kT.hex[u8(t[i + 1])];
        seen |= hi | lo;
        *w++ = uint8_t(hi << 4 | lo);
      }
    for (; i < t.size(); ++i) {
      const uint8_t v = kT.hex[u8(t[i])];
      seen |= v;
      if (half) *w++ = uint8_t(pending << 4 | v);
      else pending = v;
      half = !half;
    }
  }
  return seen != kBad;
}

/// Base64 spread over tokens: complete quads, padding only at the very end, zero trailing bits.
bool b64_field(std::vector<uint8_t>& o, std::span<const std::string_view> toks) {
  // RRSIG signatures are most of a signed zone's text. Whole quartets of plain characters are decoded
  // four lookups at a time into room made once; the rest (padding, a quartet split across tokens,
  // a bad character) take the character-at-a-time path, which decides every error.
  size_t chars = 0;
  for (std::string_view t : toks) chars += t.size();
  const size_t start = o.size();
  o.resize(start + chars / 4 * 3 + 3);
  uint8_t* w = o.data() + start;
  uint32_t acc = 0;
  unsigned n = 0;    // sextets in acc
  unsigned pad = 0;  // '=' seen
  auto done = [&](bool ok) {
    o.resize(static_cast<size_t>(w - o.data()));
    return ok;
  };
  for (std::string_view t : toks) {
    const char* p = t.data();
    const char* const e = p + t.size();
    if (n == 0 && pad == 0) {
      for (; e - p >= 4; p += 4) {
        const uint32_t a = kT.b64[u8(p[0])], b = kT.b64[u8(p[1])], c = kT.b64[u8(p[2])], d = kT.b64[u8(p[3])];
        if ((a | b | c | d) >= 64) break;  // '=' or a bad character: decided below
        const uint32_t v = a << 18 | b << 12 | c << 6 | d;
        w[0] = uint8_t(v >> 16);
        w[1] = uint8_t(v >> 8);
        w[2] = uint8_t(v);
        w += 3;
      }
    }
    for (; p < e; ++p) {
      if (*p == '=') {
        ++pad;
        continue;
      }
      if (pad) return done(false);
      uint8_t v = kT.b64[u8(*p)];
      if (v == kBad) return done(false);
      acc = acc << 6 | v;
      if (++n == 4) {
        w[0] = uint8_t(acc >> 16);
        w[1] = uint8_t(acc >> 8);
        w[2] = uint8_t(acc);
        w += 3;
        acc = 0;
        n = 0;
      }
    }
  }
  if (n == 0) return done(pad == 0);
  if (n == 2 && pad == 2) {
    if (acc & 0xf) return done(false);
    *w++ = uint8_t(acc >> 4);
    return done(true);
  }
  if (n == 3 && pad == 1) {
    if (acc & 0x3) return done(false);
    *w++ = uint8_t(acc >> 10);
    *w++ = uint8_t(acc >> 2);
    return done(true);
  }
  return done(false);
}

/// NSEC3 next hashed owner: length byte, then unpadded base32hex in whole 8-character groups.
bool b32hex_field(std::vector<uint8_t>& o, std::string_view t) {
  if (t.empty() || t.size() % 8 != 0 || t.size() * 5 / 8 > 255) return false;
  put8(o, uint32_t(t.size() * 5 / 8));
  for (size_t i = 0; i < t.size(); i += 8) {
    uint64_t acc = 0;
    for (size_t j = 0; j < 8; ++j) {
      uint8_t v = kT.b32hex[u8(t[i + j])];
      if (v == kBad) return false;
      acc = acc << 5 | v;
    }
    for (int s = 32; s >= 0; s -= 8) put8(o, uint32_t(acc >> s));
  }
  return true;
}

/// NSEC3 / NSEC3PARAM salt: "-" or an even number of hex digits (at most 255 octets).
bool salt_field(std::vector<uint8_t>& o, std::string_view t) {
  if (t == "-") {
    put8(o, 0);
    return true;
  }
  if (t.empty() || t.size() % 2 != 0 || t.size() > 510) return false;
  put8(o, uint32_t(t.size() / 2));
  const std::string_view one[1] = {t};
  return hex_field(o, one);
}

/// RRSIG inception/expiration: YYYYMMDDHHMMSS (14 digits) or a decimal number of another length.
bool time_field(std::vector<uint8_t>& o, std::string_view t) {
  if (t.size() != 14) return int_field(o, t, 4);
  int f[6];
  static constexpr int kWidth[6] = {4, 2, 2, 2, 2, 2};
  size_t p = 0;
  for (int i = 0; i < 6; ++i) {
    int v = 0;
    for (int k = 0; k < kWidth[i]; ++k, ++p) {
      unsigned d = unsigned(u8(t[p])) - '0';
      if (d > 9) return false;
      v = v * 10 + int(d);
    }
    f[i] = v;
  }
  const int year = f[0], mon = f[1], mday = f[2], hour = f[3], min = f[4], sec = f[5];
  if (year < 1970 || mon < 1 || mon > 12 || mday < 1 || mday > 31 || hour > 23 || min > 59 || sec > 59)
    return false;
  static constexpr int kCum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  auto leaps_before = [](int64_t y) { return (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400; };
  int64_t days = 365 * int64_t(year - 1970) + leaps_before(year) - leaps_before(1970) + kCum[mon - 1] + mday - 1;
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  if (mon > 2 && leap) ++days;
  const int64_t secs = ((days * 24 + hour) * 60 + min) * 60 + sec;
  put32(o, uint32_t(uint64_t(secs)));  // ldns truncates to 32 bits (serial arithmetic, RFC 4034 3.1.5)
  return true;
}

/// Dotted-quad IPv4 with inet_pton's grammar (which ldns uses): four decimal parts of 0-255, each at
/// least one digit and without a leading zero, nothing else. A zone holds tens of thousands of A
/// records: the copy to a C string and the libc call cost more than the parse itself.
bool ipv4_field(std::vector<uint8_t>& o, std::string_view t) {
  uint8_t bin[4];
  int parts = 0;
  unsigned value = 0;
  bool digits = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      if (digits && value == 0) return false;  // "01"
      value = value * 10 + unsigned(c - '0');
      if (value > 255) return false;
      if (!digits && ++parts > 4) return false;
      digits = true;
    } else if (c == '.' && digits && parts < 4) {
      bin[parts - 1] = uint8_t(value);
      value = 0;
      digits = false;
    } else {
      return false;
    }
  }
  if (parts < 4 || !digits) return false;
  bin[3] = uint8_t(value);
  o.insert(o.end(), bin, bin + 4);
  return true;
}

/// A (IPv4) or AAAA (IPv6) as ldns reads them: IPv4 through ipv4_field, IPv6 through inet_pton, which
/// ldns uses for both.
bool addr_field(std::vector<uint8_t>& o, std::string_view t, int af) {
  if (af == AF_INET) return ipv4_field(o, t);
  char buf[48];
  if (t.size() >= sizeof buf || !all_plain(t)) return false;
  std::memcpy(buf, t.data(), t.size());
  buf[t.size()] = '\0';
  uint8_t bin[16];
  if (inet_pton(af, buf, bin) != 1) return false;
  o.insert(o.end(), bin, bin + (af == AF_INET ? 4 : 16));
  return true;
}

/// A character-string: quoted ("..." with no quote or backslash inside) or a plain unquoted token.
bool charstring_field(std::vector<uint8_t>& o, std::string_view t, bool length_prefix) {
  std::string_view body;
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    body = t.substr(1, t.size() - 2);
    for (char c : body)
      if (u8(c) < 0x20 || u8(c) == 0x7f || c == '"' || c == '\\') return false;
  } else {
    if (!all_plain(t)) return false;
    body = t;
  }
  if (length_prefix) {
    if (body.size() > 255) return false;
    put8(o, uint32_t(body.size()));
  }
  o.insert(o.end(), body.begin(), body.end());
  return true;
}

// ---- type mnemonics ---------------------------------------------------------------------------------

struct Mnemonic {
  const char* name;
  uint16_t type;
  uint8_t length;  // strlen(name): most entries are passed over on it and the first letter alone
};

// The names real zones and bitmaps use; their numbers are taken from ldns itself at first use, so the
// table can never disagree with ldns_get_rr_type_by_name (a name ldns does not know maps to 0).
constexpr const char* kCommon[] = {
    "A",     "RRSIG", "NSEC",  "AAAA",   "TXT",    "MX",      "NS",    "DS",    "SOA",   "DNSKEY",
    "TLSA",  "CNAME", "NSEC3PARAM", "NSEC3", "CAA", "PTR",    "SRV",   "CDS",   "CDNSKEY", "SMIMEA",
    "DNAME", "SSHFP", "HTTPS", "SVCB",   "ZONEMD", "SPF",     "HINFO", "NAPTR", "LOC",   "CERT",
    "OPENPGPKEY", "CSYNC", "URI", "DHCID", "IPSECKEY", "KEY", "SIG",   "NXT",   "RP",    "AFSDB",
    "KX",    "APL",   "HIP",   "NID",    "L32",    "L64",     "LP",    "EUI48", "EUI64", "AVC",
    "DLV",   "WKS",   "MB",    "MG",     "MR",     "MINFO",   "NULL",  "TA",    "OPT",   "RESINFO"};

struct MnemonicTable {
  std::array<Mnemonic, std::size(kCommon)> entries{};
  MnemonicTable() {
    for (size_t i = 0; i < std::size(kCommon); ++i)
      entries[i] = {kCommon[i], static_cast<uint16_t>(ldns_get_rr_type_by_name(kCommon[i])),
                    static_cast<uint8_t>(std::strlen(kCommon[i]))};
  }
};

const MnemonicTable& mnemonics() {
  static const MnemonicTable table;
  return table;
}

bool iequal(std::string_view a, const char* b) {
  size_t i = 0;
  for (; i < a.size(); ++i) {
    if (b[i] == '\0') return false;
    char c = a[i];
    if (c >= 'a' && c <= 'z') c = char(c - 32);
    if (c != b[i]) return false;
  }
  return b[i] == '\0';
}

}  // namespace

bool all_hex_digits(std::string_view text) {
  uint8_t seen = 0;  // digits are 0-15 in the table, anything else kBad (0xff)
  for (char c : text) seen |= kT.hex[u8(c)];
  return seen != kBad;
}

uint16_t rr_type_by_name_fast(std::string_view name) {
  if (name.empty()) return 0;
  if (name.size() > 4 && (name[0] | 0x20) == 't' && (name[1] | 0x20) == 'y' && (name[2] | 0x20) == 'p' &&
      (name[3] | 0x20) == 'e') {
    uint64_t v;
    if (name.size() > 4 + 5 || !parse_uint(name.substr(4), 0xffff, v)) return 0;
    return uint16_t(v);
  }
  const char first = name[0] >= 'a' && name[0] <= 'z' ? char(name[0] - 32) : name[0];
  for (const Mnemonic& m : mnemonics().entries)
    if (m.length == name.size() && m.name[0] == first && iequal(name, m.name)) return m.type;
  // Rare names: ask ldns (a linear scan), on a NUL-terminated copy.
  char buf[32];
  if (name.size() >= sizeof buf) return 0;
  for (char c : name)
    if (!kT.plain[u8(c)]) return 0;
  std::memcpy(buf, name.data(), name.size());
  buf[name.size()] = '\0';
  return static_cast<uint16_t>(ldns_get_rr_type_by_name(buf));
}

namespace {

/// NSEC/NSEC3 type bitmap from mnemonics or TYPEnnn, any order, duplicates allowed.
bool bitmap_field(std::vector<uint8_t>& o, std::span<const std::string_view> toks) {
  uint8_t bits[256][32];
  uint8_t top[256];  // highest used octet + 1 per window, 0 = window absent
  std::memset(top, 0, sizeof top);
  for (std::string_view t : toks) {
    const uint16_t type = rr_type_by_name_fast(t);
    if (type == 0) return false;
    const unsigned w = type >> 8, b = type & 0xff;
    if (top[w] == 0) std::memset(bits[w], 0, 32);
    if (top[w] < b / 8 + 1) top[w] = uint8_t(b / 8 + 1);
    bits[w][b / 8] |= uint8_t(0x80 >> (b % 8));
  }
  for (unsigned w = 0; w < 256; ++w)
    if (top[w]) {
      put8(o, w);
      put8(o, top[w]);
      o.insert(o.end(), bits[w], bits[w] + top[w]);
    }
  return true;
}

bool encode(uint16_t type, std::span<const std::string_view> tk, std::string_view origin,
            std::vector<uint8_t>& o) {
  const size_t n = tk.size();
  auto exactly = [n](size_t k) { return n == k; };
  switch (type) {
    case LDNS_RR_TYPE_A:
      return exactly(1) && addr_field(o, tk[0], AF_INET);
    case LDNS_RR_TYPE_AAAA:
      return exactly(1) && addr_field(o, tk[0], AF_INET6);
    case LDNS_RR_TYPE_NS:
    case LDNS_RR_TYPE_CNAME:
    case LDNS_RR_TYPE_PTR:
    case LDNS_RR_TYPE_DNAME:
      return exactly(1) && name_field(o, tk[0], origin);
    case LDNS_RR_TYPE_MX:
      return exactly(2) && int_field(o, tk[0], 2) && name_field(o, tk[1], origin);
    case LDNS_RR_TYPE_SRV:
      return exactly(4) && int_field(o, tk[0], 2) && int_field(o, tk[1], 2) && int_field(o, tk[2], 2) &&
             name_field(o, tk[3], origin);
    case LDNS_RR_TYPE_SOA:
      if (!exactly(7) || !name_field(o, tk[0], origin) || !name_field(o, tk[1], origin)) return false;
      for (size_t i = 2; i < 7; ++i)
        if (!int_field(o, tk[i], 4)) return false;
      return true;
    case LDNS_RR_TYPE_TXT:
      if (n == 0) return false;
      for (std::string_view t : tk)
        if (t == "\"\"" || !charstring_field(o, t, true)) return false;
      return true;
    case LDNS_RR_TYPE_CAA: {
      // flags, tag (letters and digits), value (must be quoted for ldns).
      if (!exactly(3) || !int_field(o, tk[0], 1)) return false;
      std::string_view tag = tk[1], val = tk[2];
      if (tag.empty() || tag.size() > 255) return false;
      for (char c : tag)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
      if (val.size() < 3 || val.front() != '"' || val.back() != '"') return false;
      put8(o, uint32_t(tag.size()));
      o.insert(o.end(), tag.begin(), tag.end());
      return charstring_field(o, val, false);
    }
    case LDNS_RR_TYPE_DS:
    case LDNS_RR_TYPE_CDS:
      return n >= 4 && int_field(o, tk[0], 2) && int_field(o, tk[1], 1) && int_field(o, tk[2], 1) &&
             hex_field(o, tk.subspan(3));
    case LDNS_RR_TYPE_TLSA:
    case LDNS_RR_TYPE_SMIMEA:
      return n >= 4 && int_field(o, tk[0], 1) && int_field(o, tk[1], 1) && int_field(o, tk[2], 1) &&
             hex_field(o, tk.subspan(3));
    case LDNS_RR_TYPE_DNSKEY:
    case LDNS_RR_TYPE_CDNSKEY:
      return n >= 4 && int_field(o, tk[0], 2) && int_field(o, tk[1], 1) && int_field(o, tk[2], 1) &&
             b64_field(o, tk.subspan(3));
    case LDNS_RR_TYPE_RRSIG: {
      if (n < 9) return false;
      const uint16_t covered = rr_type_by_name_fast(tk[0]);
      if (covered == 0) return false;
      put16(o, covered);
      return int_field(o, tk[1], 1) && int_field(o, tk[2], 1) && int_field(o, tk[3], 4) &&
             time_field(o, tk[4]) && time_field(o, tk[5]) && int_field(o, tk[6], 2) &&
             name_field(o, tk[7], origin) && b64_field(o, tk.subspan(8));
    }
    case LDNS_RR_TYPE_NSEC:
      return n >= 2 && name_field(o, tk[0], origin) && bitmap_field(o, tk.subspan(1));
    case LDNS_RR_TYPE_NSEC3:
      return n >= 5 && int_field(o, tk[0], 1) && int_field(o, tk[1], 1) && int_field(o, tk[2], 2) &&
             salt_field(o, tk[3]) && b32hex_field(o, tk[4]) && bitmap_field(o, tk.subspan(5));
    case LDNS_RR_TYPE_NSEC3PARAM:
      return exactly(4) && int_field(o, tk[0], 1) && int_field(o, tk[1], 1) && int_field(o, tk[2], 2) &&
             salt_field(o, tk[3]);
    default:
      return false;
  }
}

}  // namespace

bool encode_rdata_fast(uint16_t type, std::span<const std::string_view> tokens, std::string_view origin_wire,
                       std::vector<uint8_t>& out) {
  size_t text = 0;
  for (std::string_view t : tokens) {
    if (t.empty()) return false;
    text += t.size() + 1;
  }
  if (text > kMaxText) return false;
  const size_t mark = out.size();
  // The text length is a good estimate of the RDATA length (names completed with the origin can exceed
  // it; push_back grows then). Grow geometrically: a bare reserve(size + n) on every call reallocates
  // each time when one vector collects a whole zone.
  if (out.capacity() - mark < text) out.reserve(std::max(out.capacity() * 2, mark + text));
  if (encode(type, tokens, origin_wire, out) && out.size() - mark <= 0xffff) return true;
  out.resize(mark);
  return false;
}

bool encode_rdata_ldns(uint16_t type, std::span<const std::string_view> tokens, std::string_view origin_wire,
                       std::vector<uint8_t>& out, std::string* error) {
  std::string text = "x. 3600 IN ";
  const ldns_rr_descriptor* desc = ldns_rr_descript(type);
  if (desc && desc->_name) text += desc->_name;
  else text += "TYPE" + std::to_string(type);
  for (std::string_view t : tokens) {
    text += ' ';
    text.append(t);
  }
  ldns_rdf* origin = origin_wire.empty()
                         ? nullptr
                         : ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, origin_wire.size(), origin_wire.data());
  ldns_rdf* prev = nullptr;
  ldns_rr* rr = nullptr;
  const ldns_status st = ldns_rr_new_frm_str(&rr, text.c_str(), 3600, origin, &prev);
  ldns_rdf_deep_free(origin);
  ldns_rdf_deep_free(prev);
  if (st != LDNS_STATUS_OK) {
    if (error) *error = ldns_get_errorstr_by_id(st);
    return false;
  }
  for (size_t i = 0; i < ldns_rr_rd_count(rr); ++i) {
    const ldns_rdf* f = ldns_rr_rdf(rr, i);
    out.insert(out.end(), ldns_rdf_data(f), ldns_rdf_data(f) + ldns_rdf_size(f));
  }
  ldns_rr_free(rr);
  return true;
}

}  // namespace danelint
