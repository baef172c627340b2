// The fast RDATA encoder against ldns 1.8.3: hand cases per type, then a differential over zones signed by
// dnssec-signzone (every record of the common types must take the fast path and give ldns's bytes) and over
// every zone under testdata/ (equal whenever the fast path accepts).
#include <doctest/doctest.h>

#include <ldns/ldns.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>

#include "lint/rdata_encoder.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using danelint::test::have_command;
using danelint::test::run;
using danelint::test::TempDir;

namespace {

/// Splits presentation text into tokens: whitespace separates, "..." stays whole (quotes kept),
/// an unquoted ';' starts a comment that runs to the end.
std::vector<std::string> tokenize(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == ';') break;
    size_t j = i;
    bool quoted = false;
    while (j < s.size()) {
      char d = s[j];
      if (d == '\\' && j + 1 < s.size()) {
        j += 2;
        continue;
      }
      if (d == '"') quoted = !quoted;
      else if (!quoted && (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == ';')) break;
      ++j;
    }
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

const std::string kOrigin("\7example\3com\0", 13);

struct Both {
  bool fast = false, ldns = false;
  std::vector<uint8_t> fast_bytes, ldns_bytes;
  std::string ldns_error;
};

Both encode_both(uint16_t type, const std::vector<std::string>& toks, std::string_view origin = kOrigin) {
  Both b;
  auto v = views(toks);
  b.fast_bytes = {0xAA};  // something already there must stay
  b.fast = encode_rdata_fast(type, v, origin, b.fast_bytes);
  b.ldns = encode_rdata_ldns(type, v, origin, b.ldns_bytes, &b.ldns_error);
  return b;
}

std::string hex(const std::vector<uint8_t>& v) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (uint8_t x : v) s += d[x >> 4], s += d[x & 15];
  return s;
}

uint16_t type_of(const char* name) { return static_cast<uint16_t>(ldns_get_rr_type_by_name(name)); }

/// The fast path must accept and give ldns's bytes.
void accepts(const char* type, const char* text, std::string_view origin = kOrigin) {
  std::string type_s(type), text_s(text);
  CAPTURE(type_s);
  CAPTURE(text_s);
  Both b = encode_both(type_of(type), tokenize(text), origin);
  CAPTURE(b.ldns_error);
  REQUIRE(b.fast);
  REQUIRE(b.ldns);
  REQUIRE(b.fast_bytes.size() >= 1);
  CHECK(b.fast_bytes[0] == 0xAA);
  std::vector<uint8_t> mine(b.fast_bytes.begin() + 1, b.fast_bytes.end());
  CHECK(hex(mine) == hex(b.ldns_bytes));
}

/// The fast path must decline (and leave the output as it was); `ldns_ok` states what ldns does.
void declines(const char* type, const char* text, bool ldns_ok, std::string_view origin = kOrigin) {
  std::string type_s(type), text_s(text);
  CAPTURE(type_s);
  CAPTURE(text_s);
  Both b = encode_both(type_of(type), tokenize(text), origin);
  CHECK_FALSE(b.fast);
  CHECK(b.fast_bytes == std::vector<uint8_t>{0xAA});
  CHECK(b.ldns == ldns_ok);
}

}  // namespace

TEST_CASE("rdata encoder: accepted spellings give ldns's bytes") {
  SUBCASE("A / AAAA") {
    accepts("A", "192.0.2.1");
    accepts("A", "0.0.0.0");
    accepts("A", "255.255.255.255");
    accepts("A", "10.0.0.0");
    accepts("A", "1.20.199.250");
    accepts("AAAA", "2001:db8::1");
    accepts("AAAA", "::");
    accepts("AAAA", "::ffff:192.0.2.1");
    accepts("AAAA", "2001:DB8:0:0:0:0:0:1");
  }
  SUBCASE("names: case kept, relative names and @ take the origin") {
    accepts("NS", "ns1.Example.COM.");
    accepts("NS", "ns1");
    accepts("NS", "a.b.c");
    accepts("CNAME", "@");
    accepts("CNAME", ".");
    accepts("PTR", "host.example.net.");
    accepts("DNAME", "Other.Example.");
    accepts("NS", "a@b");
    accepts("NS", "_25._tcp.mail");
    accepts("NS", "x", std::string_view("\0", 1));
    std::string l63(63, 'a');
    accepts("NS", (l63 + ".").c_str());
    // 255 octets in wire form exactly: 4 labels of 62 + ".b." ... built below
    std::string name;
    for (int i = 0; i < 3; ++i) name += std::string(63, 'a' + i) + ".";
    name += std::string(61, 'd') + ".";  // 3*64 + 62 + 1 = 255
    accepts("NS", name.c_str());
  }
  SUBCASE("MX / SRV / SOA") {
    accepts("MX", "10 mail");
    accepts("MX", "0 .");
    accepts("MX", "65535 mx.example.org.");
    accepts("MX", "007 mail");
    accepts("SRV", "0 5 443 www");
    accepts("SOA", "ns1 hostmaster 2026010101 7200 3600 1209600 3600");
    accepts("SOA", "ns1.example.com. hostmaster.example.com. 4294967295 0 0 0 0");
  }
  SUBCASE("TXT / CAA") {
    accepts("TXT", "\"v=spf1 -all\"");
    accepts("TXT", "\"v=spf1 ip4:10.0.0.0/8 -all\" \"id=3\"");
    accepts("TXT", "unquoted");
    accepts("TXT", "two words");
    accepts("TXT", "\"with (parens) and ; semicolon\"");
    accepts("TXT", "\"caf\xc3\xa9\"");
    accepts("TXT", ("\"" + std::string(255, 'x') + "\"").c_str());
    accepts("CAA", "0 issue \"letsencrypt.org\"");
    accepts("CAA", "128 iodef \"mailto:security@example.com\"");
  }
  SUBCASE("DS / CDS / TLSA / SMIMEA: hex, also split over tokens") {
    accepts("DS", "12345 13 2 AABBCCDDEEFF00112233445566778899aabbccddeeff00112233445566778899");
    accepts("DS", "12345 8 2 AABBCCDD EEFF0011 2233");
    accepts("DS", "1 8 1 A B");  // digits of one octet in two tokens
    accepts("CDS", "0 0 0 00");
    accepts("TLSA", "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    accepts("TLSA", "2 0 0 3082 01 0a");
    accepts("SMIMEA", "3 1 1 00ff");
  }
  SUBCASE("DNSKEY / CDNSKEY: base64, also split over tokens") {
    accepts("DNSKEY", "257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==");
    accepts("DNSKEY", "256 3 8 AwEA AcabcA==");
    accepts("DNSKEY", "256 3 8 AA==");
    accepts("DNSKEY", "256 3 8 AAA=");
    accepts("DNSKEY", "256 3 8 AAAA");
    accepts("DNSKEY", "256 3 8 AwEAAcab AwEAAcabcA==");
    accepts("DNSKEY", "256 3 8 AwEAA cabAw EAAcabc A==");  // quartets split across tokens
    accepts("CDNSKEY", "257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=");
  }
  SUBCASE("RRSIG: times as YYYYMMDDHHMMSS or integers") {
    accepts("RRSIG", "A 13 3 3600 20350101000000 20250101000000 12345 example.com. AAAA");
    accepts("RRSIG", "NSEC3PARAM 8 2 0 20350101000000 20250101000000 1 @ AAAA BBBB");
    accepts("RRSIG", "TYPE65534 13 3 3600 1735689600 0 65535 example.com. AAAA");
    accepts("RRSIG", "a 13 3 3600 20240229235959 19700101000000 1 x Zm9v");
    accepts("RRSIG", "A 13 3 3600 20230231000000 20991231235959 1 x Zm9v");  // Feb 31 as ldns reads it
    accepts("RRSIG", "A 13 3 3600 21100101000000 99991231235959 1 x Zm9v");  // past 2106: wraps like ldns
    accepts("RRSIG", "A 13 3 3600 123 4294967295 1 x Zm9v");
    accepts("RRSIG", "A 13 3 3600 000000000000123 1 1 x Zm9v");  // 15 digits: an integer
  }
  SUBCASE("NSEC / NSEC3 / NSEC3PARAM: bitmaps in any order, duplicates, TYPEnnn") {
    accepts("NSEC", "b.example.com. A RRSIG NSEC");
    accepts("NSEC", "b NSEC RRSIG A A aaaa");
    accepts("NSEC", "b A TYPE65534 CAA TYPE1 TYPE00300");
    accepts("NSEC", "b TYPE255 ANY");
    accepts("NSEC3", "1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A RRSIG");
    accepts("NSEC3", "1 1 10 AABBCCDD 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom NS DS RRSIG");
    accepts("NSEC3", "1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM");  // empty non-terminal: no types
    accepts("NSEC3PARAM", "1 0 0 -");
    accepts("NSEC3PARAM", "1 0 65535 ab");
  }
}

TEST_CASE("rdata encoder: declines what it does not reproduce exactly, including everything ldns rejects") {
  SUBCASE("escapes and the generic form") {
    declines("NS", "a\\.b", true);
    declines("NS", "a\\065", true);
    declines("TXT", "\"a\\\"b\"", true);
    declines("TXT", "a\\ b", true);
    declines("A", "\\# 4 c0000201", true);
    declines("TXT", "\"\"", true);  // ldns's own reading of the empty string: left to it
  }
  SUBCASE("numbers: out of range, signs, periods, mnemonics") {
    declines("MX", "65536 mail", true);   // ldns wraps
    declines("MX", "-1 mail", true);
    declines("MX", "+1 mail", true);
    declines("MX", "1x mail", false);
    declines("TLSA", "256 1 1 00", true);
    declines("TLSA", "DANE-EE 1 1 00", true);
    declines("DS", "1 ECDSAP256SHA256 2 00", true);
    declines("SOA", "ns1 hm 1 1h 3600 1209600 3600", true);
    declines("SOA", "ns1 hm 4294967296 0 0 0 0", true);  // ldns wraps to 0
    declines("RRSIG", "A 13 3 3600 20250101000000 20250101000000 12345 x 99999999999 AAAA", false);
  }
  SUBCASE("times ldns reads as invalid") {
    declines("RRSIG", "A 13 3 3600 19691231235959 20250101000000 1 x AAAA", false);
    declines("RRSIG", "A 13 3 3600 20251301000000 20250101000000 1 x AAAA", false);
    declines("RRSIG", "A 13 3 3600 20250100000000 20250101000000 1 x AAAA", false);
    declines("RRSIG", "A 13 3 3600 20250101240000 20250101000000 1 x AAAA", false);
    declines("RRSIG", "A 13 3 3600 2025010100000x 20250101000000 1 x AAAA", true);  // sscanf stops at x
    declines("RRSIG", "A 13 3 3600 4294967296 20250101000000 1 x AAAA", true);  // wraps in ldns
  }
  SUBCASE("names") {
    declines("NS", "a..b", false);
    declines("NS", ".a", false);
    declines("NS", (std::string(64, 'a') + ".").c_str(), false);
    std::string name;
    for (int i = 0; i < 4; ++i) name += std::string(63, 'a') + ".";  // 257 octets
    declines("NS", name.c_str(), false);
    declines("NS", "@.x", true);            // ldns turns it into the origin
    declines("NS", "rel", true, std::string_view());  // no origin: ldns leaves it relative
  }
  SUBCASE("hex and base64") {
    declines("DS", "1 8 2 ABC", true);  // odd: ldns pads a zero nibble
    declines("DS", "1 8 2 GG", false);
    declines("DNSKEY", "256 3 8 AAA", false);
    declines("DNSKEY", "256 3 8 AB==", false);  // non-zero trailing bits
    declines("DNSKEY", "256 3 8 A===", false);
    declines("DNSKEY", "256 3 8 AA== AAAA", false);
    declines("DNSKEY", "256 3 8 -", true);
    declines("DNSKEY", "256 3 8 A*AA", false);
    // After whole quartets taken four characters at a time: a bad character, padding, then more.
    declines("DNSKEY", "256 3 8 AAAAAAAAA*AA", false);
    declines("DNSKEY", "256 3 8 AAAAAAAA=AAA", false);
    declines("DNSKEY", "256 3 8 AAAAAAAAAA==AAAA", false);
  }
  SUBCASE("bitmaps, salts, next owners") {
    declines("NSEC", "b A BOGUS", true);  // ldns sets type 0 for an unknown name
    declines("NSEC", "b A TYPE65536", true);
    declines("NSEC", "b", true);
    declines("NSEC3", "1 0 0 abc 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM A", false);
    declines("NSEC3", "1 0 0 - 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOW A", false);
    declines("NSEC3", "1 0 0 - 0P9MHAV= A", true);  // length byte 5, 4 octets follow
  }
  SUBCASE("field counts and unsupported types") {
    declines("A", "192.0.2.1 192.0.2.2", false);
    declines("A", "192.0.2.256", false);
    declines("A", "192.0.2", false);
    // IPv4 as inet_pton reads it, which ldns uses: no leading zeros, no empty or fifth part, digits only.
    for (const char* bad : {"01.2.3.4", "1.2.3.04", "00.0.0.0", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5",
                            "256.0.0.0", "1.2.3.1000", "1.2.3.-1", "1.2.3.4a", "0x1.2.3.4", "1.2.3", "1"})
      declines("A", bad, false);
    declines("MX", "10", false);
    declines("SOA", "ns1 hm 1 2 3 4", false);
    declines("CAA", "0 issue letsencrypt.org", false);  // ldns wants the value quoted
    declines("HINFO", "\"x\" \"y\"", true);
  }
}

TEST_CASE("rdata encoder: type mnemonics read as ldns reads them, in any case") {
  // Every name ldns has a descriptor for, upper, lower and mixed case, and near misses of each (one
  // octet more, one less, the last changed): the fast table and its length and first-letter filter
  // must give ldns's number wherever they answer.
  size_t names = 0;
  for (unsigned type = 1; type < 65536; ++type) {
    const ldns_rr_descriptor* d = ldns_rr_descript(static_cast<uint16_t>(type));
    if (!d || !d->_name || std::string_view(d->_name).starts_with("TYPE")) continue;
    const std::string name = d->_name;
    if (static_cast<unsigned>(ldns_get_rr_type_by_name(name.c_str())) != type) continue;  // a duplicate name
    ++names;
    std::string lower = ascii_lower(name), mixed = name;
    for (size_t i = 0; i < mixed.size(); i += 2) mixed[i] = lower[i];
    for (const std::string& spelling : {name, lower, mixed}) {
      CAPTURE(spelling);
      CHECK(rr_type_by_name_fast(spelling) == type);
    }
    for (const std::string& near : {name + "X", name.substr(0, name.size() - 1), name.substr(0, name.size() - 1) + "Q"}) {
      if (near.empty()) continue;
      CAPTURE(near);
      const uint16_t fast = rr_type_by_name_fast(near);
      if (fast != 0) CHECK(fast == ldns_get_rr_type_by_name(near.c_str()));
    }
  }
  CHECK(names > 60);
}

TEST_CASE("rdata encoder: the NSEC3 next owner of 8 characters") {
  // An 8-character base32hex owner is 5 octets; ldns and the fast path agree on it.
  accepts("NSEC3", "1 0 0 - 0P9MHAVE A");
}

namespace {

const std::string kExampleWire("\7example\0", 9);

struct DiffStats {
  size_t records = 0, fast = 0, common = 0, common_fast = 0;
  std::map<std::string, size_t> declined_common;  // type -> count
};

bool is_common(uint16_t t) {
  switch (t) {
    case LDNS_RR_TYPE_RRSIG: case LDNS_RR_TYPE_NSEC: case LDNS_RR_TYPE_NSEC3: case LDNS_RR_TYPE_A:
    case LDNS_RR_TYPE_AAAA: case LDNS_RR_TYPE_NS: case LDNS_RR_TYPE_CNAME: case LDNS_RR_TYPE_MX:
    case LDNS_RR_TYPE_TXT: case LDNS_RR_TYPE_DS: case LDNS_RR_TYPE_CDS: case LDNS_RR_TYPE_DNSKEY:
    case LDNS_RR_TYPE_CDNSKEY: case LDNS_RR_TYPE_TLSA: case LDNS_RR_TYPE_SMIMEA: case LDNS_RR_TYPE_SOA:
    case LDNS_RR_TYPE_NSEC3PARAM: case LDNS_RR_TYPE_PTR: case LDNS_RR_TYPE_DNAME: case LDNS_RR_TYPE_SRV:
    case LDNS_RR_TYPE_CAA:
      return true;
    default:
      return false;
  }
}

/// One ldns-read-zone line: owner ttl class type rdata...; the fast path, where it accepts, must equal ldns.
void diff_line(std::string_view line, std::string_view origin, DiffStats& st, const std::string& where) {
  auto toks = tokenize(line);
  if (toks.size() < 4) return;
  const uint16_t type = static_cast<uint16_t>(ldns_get_rr_type_by_name(toks[3].c_str()));
  std::vector<std::string> rdata(toks.begin() + 4, toks.end());
  auto v = views(rdata);
  std::vector<uint8_t> fast, slow;
  const bool f = encode_rdata_fast(type, v, origin, fast);
  ++st.records;
  if (is_common(type)) ++st.common;
  if (f) {
    ++st.fast;
    if (is_common(type)) ++st.common_fast;
    std::string err;
    const bool s = encode_rdata_ldns(type, v, origin, slow, &err);
    if (!s || fast != slow) {
      CAPTURE(where);
      CAPTURE(line);
      CAPTURE(err);
      CHECK(s);
      CHECK(hex(fast) == hex(slow));
    }
  } else if (is_common(type)) {
    ++st.declined_common[toks[3]];
  }
}

}  // namespace

TEST_CASE("rdata encoder: every record of zones signed by dnssec-signzone takes the fast path, with ldns's bytes") {
  if (!have_command("dnssec-signzone") || !have_command("dnssec-keygen") || !have_command("ldns-read-zone")) {
    MESSAGE("skipped: dnssec-signzone, dnssec-keygen or ldns-read-zone missing");
    return;
  }
  TempDir d;
  const std::string src = std::string(DANELINT_SOURCE_DIR);
  auto r = run(cat("cd ", d.path, " && python3 ", src, "/bench/gen_zone.py example. 300 base.zone 2>&1"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  // Wildcards, CAA, SRV, PTR, DNAME, CDS/CDNSKEY-free extras the generator does not write.
  d.write("extra.zone",
          "*.wild 3600 IN A 192.0.2.9\n_443._tcp.www 3600 IN SRV 0 5 443 www\n"
          "@ 3600 IN CAA 0 issue \"letsencrypt.org\"\n9.2.0.192.rev 3600 IN PTR www\n"
          "old 3600 IN DNAME example.net.\nwww 3600 IN A 192.0.2.10\n_25._tcp.mail0 3600 IN TLSA 3 1 1 "
          "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n"
          "mail0 3600 IN A 192.0.2.25\n");
  REQUIRE(run(cat("cat ", d.file("base.zone"), " ", d.file("extra.zone"), " > ", d.file("example.zone")))
              .exit_code == 0);
  struct Variant {
    const char* alg;
    const char* bits;
    const char* nsec3;  // dnssec-signzone flags for the NSEC3 run
  };
  const Variant algs[] = {{"ECDSAP256SHA256", "", "-3 - "},
                          {"RSASHA256", "-b 2048", "-3 AB12CD -H 5 "},
                          {"ED25519", "", "-3 0123456789abcdef -A "}};
  // The three algorithms sign in parallel (keys, then an NSEC and an NSEC3 run, each printed by
  // ldns-read-zone one record per line).
  std::string script = "pids=''; ";
  for (const Variant& a : algs) {
    const std::string sign = cat("dnssec-signzone -q -S -K . -o example. -s 20250101000000 -e 20350101000000 ");
    script += cat("( mkdir ", a.alg, " && cd ", a.alg, " && dnssec-keygen -q ", a.bits, " -a ", a.alg,
                  " -f KSK example. >/dev/null && dnssec-keygen -q ", a.bits, " -a ", a.alg, " example. >/dev/null && ",
                  sign, "-f nsec.zone ../example.zone >/dev/null && ", sign, a.nsec3,
                  "-f nsec3.zone ../example.zone >/dev/null && ldns-read-zone nsec.zone >nsec.txt 2>/dev/null && ",
                  "ldns-read-zone nsec3.zone >nsec3.txt 2>/dev/null ) & pids=\"$pids $!\"; ");
  }
  script += "for p in $pids; do wait $p || exit 1; done";
  r = run(cat("cd ", d.path, " && { ", script, "; } 2>&1"));
  REQUIRE_MESSAGE(r.exit_code == 0, r.out);
  DiffStats st;
  for (const Variant& a : algs) {
    for (const char* denial : {"nsec", "nsec3"}) {
      const std::string file = cat(d.path, "/", a.alg, "/", denial, ".txt");
      CAPTURE(file);
      std::istringstream in(test::read_source_file_abs(file));
      std::string line;
      size_t before = st.records;
      while (std::getline(in, line)) diff_line(line, kExampleWire, st, file);
      CHECK(st.records - before > 1000);
    }
  }
  std::string declined;
  for (auto& [t, n] : st.declined_common) declined += cat(t, ":", n, " ");
  CAPTURE(declined);
  CHECK(st.common == st.records);
  CHECK(st.common_fast == st.common);  // 100% on the fast path
  MESSAGE(cat(st.records, " signed records, ", st.fast, " on the fast path, all equal to ldns"));
}

TEST_CASE("rdata encoder: where the fast path accepts a record of a testdata zone, its bytes are ldns's") {
  if (!have_command("ldns-read-zone")) {
    MESSAGE("skipped: ldns-read-zone missing");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path root = fs::path(DANELINT_SOURCE_DIR) / "testdata";
  DiffStats st;
  size_t files = 0, unreadable = 0;
  // One shell for all files: each file's records after a "@@ path" line, "@@FAIL" when ldns-read-zone
  // cannot read it.
  std::string script;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext != ".zone" && ext != ".db" && ext != ".signed") continue;
    script += cat("echo '@@ ", e.path().string(), "'; ldns-read-zone '", e.path().string(),
                  "' 2>/dev/null || echo @@FAIL; ");
  }
  auto r = run(cat("{ ", script, "} 2>/dev/null"));
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("@@ ", 0) == 0) per_file.push_back({line.substr(3), {}});
    else if (line == "@@FAIL" && !per_file.empty()) per_file.back().second = {"@@FAIL"};
    else if (!per_file.empty()) per_file.back().second.push_back(line);
  }
  for (auto& [path, lines] : per_file) {
    if (!lines.empty() && lines.back() == "@@FAIL") {
      ++unreadable;
      continue;
    }
    ++files;
    for (const std::string& line : lines) diff_line(line, std::string_view("\0", 1), st, path);
  }
  CHECK(files > 10);
  MESSAGE(cat(files, " testdata zones (", unreadable, " unreadable by ldns-read-zone): ", st.records,
              " records, ", st.fast, " on the fast path, all equal to ldns"));
}

// Throughput by hand (skipped by default; not a timed unit test):
//   build/tests/danelint_tests -tc='*throughput*' --no-skip
TEST_CASE("rdata encoder: throughput against ldns_rr_new_frm_str on a signed 10k-name zone" * doctest::skip()) {
  if (!have_command("dnssec-signzone") || !have_command("ldns-read-zone")) return;
  TempDir d;
  const std::string src = std::string(DANELINT_SOURCE_DIR);
  auto r = run(cat("cd ", d.path, " && python3 ", src, "/bench/gen_zone.py example. 10000 z.zone && ",
                   "dnssec-keygen -q -a ECDSAP256SHA256 -f KSK example. >/dev/null && ",
                   "dnssec-keygen -q -a ECDSAP256SHA256 example. >/dev/null && ",
                   "dnssec-signzone -q -S -K . -3 AB12 -o example. -s 20250101000000 -e 20350101000000 ",
                   "-f s.zone z.zone >/dev/null && ldns-read-zone s.zone 2>/dev/null"));
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines;
  std::vector<std::vector<std::string>> rdata;
  std::vector<uint16_t> types;
  size_t bytes = 0;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    auto t = tokenize(line);
    if (t.size() < 4) continue;
    bytes += line.size() + 1;
    types.push_back(static_cast<uint16_t>(ldns_get_rr_type_by_name(t[3].c_str())));
    rdata.emplace_back(t.begin() + 4, t.end());
    lines.push_back(std::move(line));
  }
  std::vector<std::vector<std::string_view>> tv;
  for (auto& v : rdata) tv.push_back(views(v));
  using clock = std::chrono::steady_clock;
  const int rounds = 5;
  std::vector<uint8_t> out;
  size_t accepted = 0;
  auto t0 = clock::now();
  for (int k = 0; k < rounds; ++k) {
    out.clear();
    accepted = 0;
    for (size_t i = 0; i < tv.size(); ++i) accepted += encode_rdata_fast(types[i], tv[i], kExampleWire, out);
  }
  const double fast_s = std::chrono::duration<double>(clock::now() - t0).count() / rounds;
  ldns_rdf* origin = ldns_dname_new_frm_str("example.");
  t0 = clock::now();
  size_t ok = 0;
  for (const std::string& l : lines) {
    ldns_rr* rr = nullptr;
    ldns_rdf* prev = nullptr;
    if (ldns_rr_new_frm_str(&rr, l.c_str(), 3600, origin, &prev) == LDNS_STATUS_OK) ++ok;
    ldns_rr_free(rr);
    ldns_rdf_deep_free(prev);
  }
  const double ldns_s = std::chrono::duration<double>(clock::now() - t0).count();
  ldns_rdf_deep_free(origin);
  CHECK(accepted == lines.size());
  CHECK(ok == lines.size());
  MESSAGE(cat(lines.size(), " records, ", bytes / 1e6, " MB of text: fast path ", bytes / 1e6 / fast_s,
              " MB/s (RDATA tokens only), ldns_rr_new_frm_str ", bytes / 1e6 / ldns_s, " MB/s (whole lines)"));
}

TEST_CASE("rdata encoder: randomized near-boundary fields agree with ldns wherever the fast path accepts") {
  // Deterministic pseudo-random spellings around the edges: times in and out of range (leap days, Feb 31,
  // far future), numbers around each field's limit, base64/hex split at random points, bitmaps in random
  // order with duplicates, names near 63/255 octets. Each must either be declined or equal ldns.
  uint64_t s = 0x9e3779b97f4a7c15ull;
  auto rnd = [&s](uint64_t n) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    return n ? s % n : 0;
  };
  auto digits = [&](int n) {
    std::string d;
    for (int i = 0; i < n; ++i) d += char('0' + rnd(10));
    return d;
  };
  auto number = [&](uint64_t limit) {
    switch (rnd(4)) {
      case 0: return std::to_string(limit - rnd(3));
      case 1: return std::to_string(limit + 1 + rnd(3));
      case 2: return std::string(rnd(3), '0') + std::to_string(rnd(limit + 1));
      default: return digits(1 + int(rnd(12)));
    }
  };
  auto time = [&]() {
    if (rnd(4) == 0) return number(4294967295ull);
    char b[32];
    std::snprintf(b, sizeof b, "%04d%02d%02d%02d%02d%02d", int(1960 + rnd(8100)), int(rnd(14)), int(rnd(33)),
                  int(rnd(25)), int(rnd(61)), int(rnd(61)));
    return std::string(b);
  };
  auto split = [&](std::string t) {
    for (size_t k = rnd(3); k > 0 && t.size() > 1; --k) t.insert(1 + rnd(t.size() - 1), " ");
    return t;
  };
  auto b64 = [&]() {
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string t;
    size_t n = 4 * (1 + rnd(20));
    for (size_t i = 0; i < n; ++i) t += a[rnd(64)];
    if (rnd(2)) t[n - 1] = '=';
    if (rnd(3) == 0) t[n - 2] = '=';
    if (rnd(8) == 0) t.pop_back();
    return split(t);
  };
  auto hexs = [&]() {
    static const char* a = "0123456789abcdefABCDEF";
    std::string t;
    size_t n = 2 * (1 + rnd(40)) - (rnd(10) == 0);
    for (size_t i = 0; i < n; ++i) t += a[rnd(22)];
    return split(t);
  };
  auto name = [&]() {
    if (rnd(10) == 0) return std::string("@");
    std::string n;
    size_t labels = 1 + rnd(6);
    for (size_t i = 0; i < labels; ++i) {
      size_t len = rnd(5) == 0 ? 60 + rnd(6) : 1 + rnd(10);
      for (size_t k = 0; k < len; ++k) n += char("aZ9-_*"[rnd(6)]);
      if (i + 1 < labels) n += '.';
    }
    if (rnd(2)) n += '.';
    return n;
  };
  auto types = [&]() {
    static const char* t[] = {"A", "aaaa", "NS", "SOA", "RRSIG", "NSEC", "DNSKEY", "TYPE65534", "TYPE1", "CAA",
                              "TXT", "MX", "Ds", "TYPE300", "NSEC3PARAM", "TYPE0", "TYPE65536", "SPF"};
    std::string r;
    for (size_t k = rnd(8); k > 0; --k) r += cat(" ", t[rnd(std::size(t))]);
    return r;
  };
  size_t same = 0, declined = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string type, text;
    switch (rnd(9)) {
      case 0:
        type = "RRSIG";
        text = cat("A ", number(255), " ", number(255), " ", number(4294967295ull), " ", time(), " ", time(), " ",
                   number(65535), " ", name(), " ", b64());
        break;
      case 1: type = "NSEC", text = cat(name(), " A", types()); break;
      case 2:
        type = "NSEC3";
        text = cat("1 ", number(255), " ", number(65535), " ", rnd(3) ? hexs() : "-",
                   " 0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM", types());
        break;
      case 3: type = "DS", text = cat(number(65535), " ", number(255), " ", number(255), " ", hexs()); break;
      case 4: type = "DNSKEY", text = cat(number(65535), " 3 ", number(255), " ", b64()); break;
      case 5: type = "TLSA", text = cat(number(255), " 1 1 ", hexs()); break;
      case 6:
        type = "SOA";
        text = cat(name(), " ", name(), " ", number(4294967295ull), " ", number(4294967295ull), " 1 2 3");
        break;
      case 7: type = "MX", text = cat(number(65535), " ", name()); break;
      default: type = "NSEC3PARAM", text = cat("1 0 ", number(65535), " ", rnd(3) ? hexs() : "-"); break;
    }
    CAPTURE(type);
    CAPTURE(text);
    Both b = encode_both(type_of(type.c_str()), tokenize(text));
    if (!b.fast) {
      ++declined;
      continue;
    }
    REQUIRE(b.ldns);
    std::vector<uint8_t> mine(b.fast_bytes.begin() + 1, b.fast_bytes.end());
    REQUIRE(hex(mine) == hex(b.ldns_bytes));
    ++same;
  }
  MESSAGE(cat(same, " accepted and equal, ", declined, " declined"));
  CHECK(same > 5000);
}
