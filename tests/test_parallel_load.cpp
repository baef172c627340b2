// A large file is read by several threads, split at record boundaries (lint/zone_loader.cpp). The
// result must be the serial reader's, byte for byte: same records in the same order with the same
// lines, TTLs and RDATA, the same names in the same order, directives and findings. The split is
// forced on small texts here (parallel_min_bytes), so every cut lands on the hard cases.
#include <doctest/doctest.h>

#include <filesystem>
#include <tuple>
#include <fstream>

#include <unistd.h>

#include "lint/strings.hpp"
#include "lint/zone_loader.hpp"

using namespace danelint;

namespace {

/// Offset of the first record start after `pos` (an "h<i> IN A" line: never inside a multi-line record).
size_t line_start_after(const std::string& t, size_t pos) { return t.find("\nh", pos) + 1; }

/// Everything observable of a loaded zone, as text.
std::string dump(const ZoneModel& z) {
  std::string out = cat("origin ", name_to_text(z.origin_wire), " files ", z.files.size(), "\n");
  for (const Record& r : z.records) {
    auto rd = z.rdata(r);
    std::string hex;
    for (uint8_t b : rd) hex += cat("0123456789abcdef"[b >> 4], "0123456789abcdef"[b & 15]);
    out += cat(z.owner_text(r), ' ', r.type, ' ', r.rrclass, ' ', r.ttl, ' ', r.file, ':', r.line, '-', r.end_line, ' ',
               hex, "\n");
  }
  for (const DnsName& n : z.names) out += cat("name ", name_to_text(n.wire), "\n");
  for (const Directive& d : z.directives) out += cat("directive ", d.line, ' ', d.own_line, ' ', d.text, "\n");
  for (const Finding& f : z.load_findings) out += cat("finding ", f.loc.line, ' ', f.message, "\n");
  for (const RRset& s : z.rrsets()) out += cat("rrset ", s.owner, ' ', s.type, ' ', s.records.size(), "\n");
  return out;
}

/// A zone of `n` owners with the layouts a split has to get right.
std::string zone_text(int n, bool ttl_directive) {
  std::string t = "$ORIGIN example.\n";
  if (ttl_directive) t += "$TTL 300\n";
  t += "@ 3600 IN SOA ns1 hostmaster ( 1 7200 3600\n  1209600 300 )\n  IN NS ns1\n";
  for (int i = 0; i < n; ++i) {
    t += cat("h", i, " IN A 192.0.2.", i % 250, "\n");  // no TTL: $TTL, or the previous explicit one
    t += cat("  ", 60 + i % 7, " IN AAAA 2001:db8::", i % 9999, "\n");
    if (i % 5 == 0) t += cat("mx", i, " IN MX 10 h", i, " ; danelint: disable=smtp-mx-no-address\n");
    if (i % 7 == 0) t += cat("_25._tcp.h", i, " IN TLSA 3 1 1 (\n  abababababababababababababababab\n  abababababababababababababababab )\n");
    if (i % 11 == 0) t += cat("t", i, " IN TXT \"v=spf1 -all\" \"id=", i, "\"\n");
    if (i == n / 3) t += "$ORIGIN sub.example.\nx IN A 192.0.2.1\n";
    if (i == n / 2) t += "$TTL 900\n";
    if (i == 2 * n / 3) t += "$ORIGIN example.\n";
    if (i % 13 == 0) t += cat("u", i, " IN TYPE65280 \\# 2 abcd\n");  // the ldns fallback path
  }
  return t;
}

LoadOptions opts(int jobs) {
  LoadOptions o;
  o.origin = "example.";
  o.jobs = jobs;
  o.parallel_min_bytes = 512;  // split even this small text, many times
  return o;
}

/// The same text loaded serially (one part) twice, with one job and with `jobs`: only the index differs.
auto load_serially_with_one_and(const std::string& text, int jobs) {
  LoadOptions one = opts(1), many = opts(jobs);
  one.parallel_min_bytes = many.parallel_min_bytes = size_t{1} << 40;
  return std::pair(load_zone_text(text, "z.zone", one), load_zone_text(text, "z.zone", many));
}

/// Neighbours in names_in_order() that are not in strictly ascending canonical order (0 when sorted).
size_t out_of_canonical_order(const ZoneModel& z) {
  const auto& order = z.names_in_order();
  size_t n = 0;
  for (size_t i = 1; i < order.size(); ++i)
    if (canonical_compare(z.names[order[i - 1]].canonical, z.names[order[i]].canonical) >= 0) ++n;
  return n;
}

}  // namespace

TEST_CASE("parallel load: a split read gives exactly the serial reader's zone") {
  for (bool ttl_directive : {true, false}) {
    std::string text = zone_text(400, ttl_directive);
    auto serial = load_zone_text(text, "z.zone", opts(1));
    REQUIRE(serial->load_findings.empty());
    for (int jobs : {2, 3, 8}) {
      CAPTURE(jobs);
      CAPTURE(ttl_directive);
      auto split = load_zone_text(text, "z.zone", opts(jobs));
      CHECK(dump(*split) == dump(*serial));
    }
  }
}

TEST_CASE("parallel load: without $TTL, later parts take the previous explicit TTL across the cut") {
  std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\n";
  for (int i = 0; i < 300; ++i) text += cat("a", i, " IN A 192.0.2.1\n");  // all take 3600
  text += "b 77 IN A 192.0.2.2\n";
  for (int i = 0; i < 300; ++i) text += cat("c", i, " IN A 192.0.2.3\n");  // all take 77
  auto serial = load_zone_text(text, "z.zone", opts(1));
  auto split = load_zone_text(text, "z.zone", opts(4));
  CHECK(dump(*split) == dump(*serial));
  size_t n3600 = 0, n77 = 0;
  for (const Record& r : split->records) {
    if (r.ttl == 3600) ++n3600;
    if (r.ttl == 77) ++n77;
  }
  CHECK(n3600 == 302);  // SOA, NS and the a* records
  CHECK(n77 == 301);
}

TEST_CASE("parallel load: anything unusual makes it read the text again in one piece") {
  SUBCASE("a syntax error in a later part") {
    std::string text = zone_text(300, true);
    text.insert(line_start_after(text, text.size() * 3 / 4), "bad IN A 999.1.1.1\n");
    auto serial = load_zone_text(text, "z.zone", opts(1));
    REQUIRE(serial->load_findings.size() == 1);
    CHECK(dump(*load_zone_text(text, "z.zone", opts(4))) == dump(*serial));
  }
  SUBCASE("a parenthesised record whose continuation lines start in column 1") {
    std::string text = zone_text(100, true);
    std::string odd = "odd IN TXT (\n";
    for (int i = 0; i < 200; ++i) odd += cat("line", i, "\n");  // looks like owners to the splitter
    odd += ")\n";
    text.insert(line_start_after(text, text.size() / 2), odd);
    auto serial = load_zone_text(text, "z.zone", opts(1));
    CHECK(serial->load_findings.empty());
    CHECK(dump(*load_zone_text(text, "z.zone", opts(4))) == dump(*serial));
  }
  SUBCASE("a NUL byte in a later part") {
    std::string text = zone_text(300, true);
    text.insert(line_start_after(text, text.size() * 2 / 3), std::string("nul IN TXT \"a\0b\"\n", 17));
    auto serial = load_zone_text(text, "z.zone", opts(1));
    REQUIRE(serial->load_findings.size() == 1);
    CHECK(serial->load_findings[0].message.find("NUL") != std::string::npos);
    CHECK(dump(*load_zone_text(text, "z.zone", opts(4))) == dump(*serial));
  }
  SUBCASE("an unclosed parenthesis") {
    std::string text = zone_text(200, true);
    text.insert(line_start_after(text, text.size() / 3), "open IN TXT ( \"never closed\"\n");
    auto serial = load_zone_text(text, "z.zone", opts(1));
    CHECK(!serial->load_findings.empty());
    CHECK(dump(*load_zone_text(text, "z.zone", opts(4))) == dump(*serial));
  }
}

TEST_CASE("parallel load: a file read by threads, its pages given back as it goes, equals the serial read") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / cat("danelint-parallel-", getpid());
  fs::create_directories(dir);
  fs::path file = dir / "big.zone";
  std::string text = zone_text(60000, true);  // ~3 MB: several 8 MB release steps do not fit, so also
  for (int i = 0; i < 3; ++i) text += zone_text(60000, false).substr(17);  // repeat the body: ~12 MB
  {
    std::ofstream(file) << text;
  }
  LoadOptions o1 = opts(1), o4 = opts(4);
  o4.parallel_min_bytes = 1 << 20;
  auto serial = load_zone_file(file.string(), o1);
  auto split = load_zone_file(file.string(), o4);
  CHECK(serial->records.size() > 400000);
  CHECK((dump(*split) == dump(*serial)));  // not decomposed: a failure would print 100 MB
  fs::remove_all(dir);
}

TEST_CASE("index: names sorted by several threads come in the one-thread canonical order") {
  // Over 65536 names, so the sort is split; written out of order, with escaped octets (\000 and \001
  // are escaped in the sort keys), upper case, hashed-looking labels and several depths.
  std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\n";
  for (int i = 70000; i-- > 0;) {
    const int k = (i * 7919) % 70000;  // a permutation: 7919 is prime and does not divide 70000
    switch (k % 6) {
      case 0: text += cat("h", k, " IN A 192.0.2.1\n"); break;
      case 1: text += cat("H", k, ".Sub IN A 192.0.2.1\n"); break;
      case 2: text += cat("x\\000", k, " IN A 192.0.2.1\n"); break;
      case 3: text += cat("x\\001", k, ".a.b IN A 192.0.2.1\n"); break;
      case 4: text += cat("\\255", k, " IN A 192.0.2.1\n"); break;
      default: text += cat(k, "0123456789abcdefghijklmnopqrstuv IN A 192.0.2.1\n"); break;
    }
  }
  auto [serial, threaded] = load_serially_with_one_and(text, 4);
  REQUIRE(serial->load_findings.empty());
  REQUIRE(serial->names.size() > 65536);
  CHECK(threaded->names_in_order() == serial->names_in_order());
  CHECK(out_of_canonical_order(*threaded) == 0);
}

TEST_CASE("index: the sort's 8-octet heads agree with canonical order when names share little or much") {
  // Names in several TLDs (so the keys share no prefix), out-of-zone data, labels longer than the
  // 8-octet head with the same first octets (decided by the whole key), and names that end inside it.
  for (int count : {3000, 70000}) {
    std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\n";
    for (int i = count; i-- > 0;) {
      const int k = (i * 7919) % count;
      switch (k % 5) {
        case 0: text += cat("samefirsteightoctets", k, ".example. 3600 IN A 192.0.2.1\n"); break;
        case 1: text += cat("h", k % 97, ".t", k, ". 3600 IN A 192.0.2.1\n"); break;
        case 2: text += cat("a.b.c.d", k, ".example. 3600 IN A 192.0.2.1\n"); break;
        case 3: text += cat(k % 7, ". 3600 IN A 192.0.2.1\n"); break;
        default: text += cat("x\\000\\001y", k, ".Example. 3600 IN A 192.0.2.1\n"); break;
      }
    }
    for (int jobs : {1, 4}) {
      LoadOptions o = opts(jobs);
      o.parallel_min_bytes = size_t{1} << 40;
      auto z = load_zone_text(text, "z.zone", o);
      REQUIRE(z->load_findings.size() <= 1);  // out-of-zone data is reported by rules, not the loader
      REQUIRE(z->names_in_order().size() == z->names.size());
      CHECK(out_of_canonical_order(*z) == 0);
    }
  }
}

TEST_CASE("index: names alike in their first 8, 16, 24 or 32 key octets come in canonical order") {
  // The sort orders names that share the first 8 octets of their keys by the next 8, and so on: runs
  // of such names, with the escaped octets \000 and \001 and label ends on either side of each 8-octet
  // boundary, and names below them, all in canonical order whether one thread sorts or two.
  auto label_of = [](int len, int k) {
    std::string l(static_cast<size_t>(len), 'm');
    const std::string digits = std::to_string(k);
    l.replace(l.size() - std::min(l.size(), digits.size()), std::string::npos, digits.substr(0, l.size()));
    return l;
  };
  for (int count : {3000, 70000}) {
    std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\n";
    for (int i = count; i-- > 0;) {
      const int k = (i * 7919) % count;
      const int len = 6 + k % 30;  // labels of 6 to 35 octets: keys end before, at and after each boundary
      const std::string l = label_of(len, k / 30);
      switch (k % 6) {
        case 0: text += cat(l, " IN A 192.0.2.1\n"); break;
        case 1: text += cat("_25._tcp.", l, " IN A 192.0.2.1\n"); break;
        case 2: text += cat(l.substr(0, 7), "\\000", l.substr(7), " IN A 192.0.2.1\n"); break;
        case 3: {
          const size_t at = std::min<size_t>(15, l.size());  // \001 takes two key octets: across octet 16
          text += cat(l.substr(0, at), "\\001", l.substr(at), ".b IN A 192.0.2.1\n");
          break;
        }
        case 4: text += cat("a.", l, ".", l, " IN A 192.0.2.1\n"); break;
        default: text += cat(l, "\\000 IN A 192.0.2.1\n"); break;
      }
    }
    for (int jobs : {1, 2}) {
      LoadOptions o = opts(jobs);
      o.parallel_min_bytes = size_t{1} << 40;
      auto z = load_zone_text(text, "z.zone", o);
      REQUIRE(z->load_findings.empty());
      REQUIRE(z->names_in_order().size() == z->names.size());
      CHECK(out_of_canonical_order(*z) == 0);
    }
  }
}

TEST_CASE("index: the sort's heads escape \\000 and \\001 and end each label, up to the eighth octet") {
  // Pairs that a head without the escapes, or without a label's end octet in its last place, would put
  // in the wrong order: "z.x" sorts before "x\000a" (the label x is a prefix of x\000a), and
  // "z.abcdefg" before "abcdefgh".
  const char* owners[] = {"x\\000a", "z.x", "x", "x\\001", "x\\001\\001", "a.x\\000", "\\000", "\\001.x",
                          "x\\002", "abcdefgh", "z.abcdefg", "abcdefg", "a.abcdefg", "abcdefg\\000", "z.abcdefg\\000",
                          "abcdefg\\001", "abcdef\\000", "z.abcdef\\000"};
  std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n";
  for (const char* o : owners) text += cat(o, " 3600 IN A 192.0.2.1\n");
  auto z = load_zone_text(text, "z.zone", opts(1));
  REQUIRE(z->load_findings.empty());
  const auto& order = z->names_in_order();
  REQUIRE(order.size() == std::size(owners) + 1);
  for (size_t i = 1; i < order.size(); ++i) {
    CAPTURE(name_to_text(z->names[order[i - 1]].wire));
    CAPTURE(name_to_text(z->names[order[i]].wire));
    CHECK(canonical_compare(z->names[order[i - 1]].canonical, z->names[order[i]].canonical) < 0);
  }
}

TEST_CASE("index: zone cuts worked out beside the RRsets agree with one thread's") {
  // Over 65536 names, so that the cuts are found on a second thread: delegations with glue, DNAMEs with
  // names below them, empty non-terminals, out-of-zone names, and (second zone) a DNAME at the apex,
  // which occludes every name but the zone's NSEC3 owners once the RRsets are known.
  for (bool apex_dname : {false, true}) {
    std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n  IN NS ns1\nns1 IN A 192.0.2.1\n";
    if (apex_dname) text += "@ IN DNAME example.net.\n0p9mhaveqvm6t7vbl5lop2u3t2rp3tom IN NSEC3 1 0 0 - 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom A\n";
    for (int i = 70000; i-- > 0;) {
      const int k = (i * 7919) % 70000;
      switch (k % 7) {
        case 0: text += cat("d", k, " IN NS ns.d", k, "\nns.d", k, " IN A 192.0.2.2\n"); break;
        case 1: text += cat("x.y.d", k - 1, " IN A 192.0.2.3\n"); break;  // below the cut of d(k-1)
        case 2: text += cat("r", k, " IN DNAME example.org.\n"); break;
        case 3: text += cat("a.r", k - 1, " IN A 192.0.2.4\n"); break;  // below the DNAME of r(k-1)
        case 4: text += cat("e.ent", k, " IN A 192.0.2.5\n"); break;
        case 5: text += cat("h", k, ".example.org. IN A 192.0.2.6\n"); break;  // out of the zone
        default: text += cat("h", k, " IN A 192.0.2.7\n"); break;
      }
    }
    auto [serial, threaded] = load_serially_with_one_and(text, 2);
    REQUIRE(serial->load_findings.empty());
    REQUIRE(serial->names.size() > 65536);
    REQUIRE(threaded->names.size() == serial->names.size());
    size_t differ = 0, delegations = 0, below_cut = 0, below_dname = 0, out = 0;
    for (uint32_t id = 0; id < serial->names.size(); ++id) {
      const auto facts = [id](const ZoneModel& z) {
        return std::tuple(z.is_delegation(id), z.below_cut(id), z.below_dname(id), z.out_of_zone(id),
                          z.closest_ancestor(id));
      };
      differ += facts(*serial) != facts(*threaded);
      delegations += serial->is_delegation(id);
      below_cut += serial->below_cut(id);
      below_dname += serial->below_dname(id);
      out += serial->out_of_zone(id);
    }
    CAPTURE(apex_dname);
    CHECK(differ == 0);
    CHECK(delegations == 10000);
    CHECK(below_cut == 20000);  // ns.dN and x.y.dN
    CHECK(out == 10000);
    CHECK(below_dname == (apex_dname ? serial->names.size() - out - 2 : 10000));  // all but the apex and NSEC3
  }
}
