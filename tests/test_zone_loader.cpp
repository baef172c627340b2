// The zone loader: exact first/last lines, directives, $INCLUDE, recovery after syntax errors, and
// the numbers ldns would wrap silently.
#include <doctest/doctest.h>

#include <ldns/ldns.h>

#include <filesystem>
#include <thread>

#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

std::vector<std::string> syntax_messages(const ZoneModel& z) {
  std::vector<std::string> out;
  for (const Finding& f : z.load_findings) out.push_back(cat(f.loc.line, ": ", f.rule->info.name, ": ", f.message));
  return out;
}

const Record* find_record(const ZoneModel& z, std::string_view owner, uint16_t type) {
  for (const Record& r : z.records)
    if (z.owner_text(r) == owner && r.type == type) return &r;
  return nullptr;
}

}  // namespace

TEST_CASE("loader: multi-line records keep their first and last line, comments do not shift them") {
  auto z = load_zone_text(
      "; a comment on line 1\n"
      "$ORIGIN example.\n"
      "$TTL 300\n"
      "\n"
      "; another comment\n"
      "@ IN SOA ns hostmaster (\n"  // line 6
      "    1 ; serial\n"
      "    7200 3600 1209600 300\n"
      ")\n"  // line 9
      "  IN NS ns\n"  // line 10: implicit owner
      "ns IN A 192.0.2.1 ; trailing comment\n"
      "_25._tcp.mx IN TLSA 3 1 1 (\n"  // line 12
      "  abababababababababababababababab\n"
      "  abababababababababababababababab )\n"  // line 14
      "mx 3600 IN RRSIG A 13 2 3600 (\n"  // line 15
      "   20300101000000 20240101000000 1 example.\n"
      "   AAAA )\n",  // line 17
      "t.zone", {.origin = "example."});
  CHECK(syntax_messages(*z).empty());
  REQUIRE(z->records.size() == 5);
  const Record* soa = find_record(*z, "example.", LDNS_RR_TYPE_SOA);
  REQUIRE(soa);
  CHECK(soa->line == 6);
  CHECK(soa->end_line == 9);
  CHECK(soa->ttl == 300);
  const Record* ns = find_record(*z, "example.", LDNS_RR_TYPE_NS);
  REQUIRE(ns);
  CHECK(ns->line == 10);
  const Record* tlsa = find_record(*z, "_25._tcp.mx.example.", LDNS_RR_TYPE_TLSA);
  REQUIRE(tlsa);
  CHECK(tlsa->line == 12);
  CHECK(tlsa->end_line == 14);
  auto view = decode_tlsa(z->rdata(*tlsa));
  REQUIRE(view);
  CHECK(view->data.size() == 32);
  const Record* sig = find_record(*z, "mx.example.", LDNS_RR_TYPE_RRSIG);
  REQUIRE(sig);
  CHECK(sig->line == 15);
  CHECK(sig->end_line == 17);
  CHECK(sig->ttl == 3600);
}

TEST_CASE("loader: relative names, @, $ORIGIN changes and implicit TTL") {
  auto z = load_zone_text(
      "$ORIGIN example.\n"
      "@ 600 IN SOA ns hostmaster 1 2 3 4 5\n"
      "www IN A 192.0.2.1\n"  // no $TTL: the last explicit TTL (600) applies
      "$ORIGIN sub.example.\n"
      "host 60 A 192.0.2.2\n"
      "@ A 192.0.2.3\n"
      "abs.example.org. A 192.0.2.4\n",
      "t.zone", {.origin = "example."});
  CHECK(syntax_messages(*z).empty());
  REQUIRE(find_record(*z, "www.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "www.example.", LDNS_RR_TYPE_A)->ttl == 600);
  REQUIRE(find_record(*z, "host.sub.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "host.sub.example.", LDNS_RR_TYPE_A)->ttl == 60);
  REQUIRE(find_record(*z, "sub.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "sub.example.", LDNS_RR_TYPE_A)->ttl == 60);
  CHECK(find_record(*z, "abs.example.org.", LDNS_RR_TYPE_A));
}

TEST_CASE("loader: an owner spelled the same way again is read under the origin of its own line") {
  // The loader reuses the last owner's conversion when the token repeats: never across an origin change
  // ($ORIGIN, $INCLUDE with an origin, the return from it), and not confused by a blank owner between.
  TempDir dir;
  dir.write("inc.zone", "www IN A 192.0.2.3\n@ IN A 192.0.2.4\n");
  dir.write("main.zone",
            "$ORIGIN example.\n"
            "@ 3600 IN SOA ns hostmaster 1 2 3 4 5\n"
            "www IN A 192.0.2.1\n"
            "other IN A 192.0.2.9\n"
            "  IN AAAA 2001:db8::9\n"  // blank owner: other.example.
            "www IN AAAA 2001:db8::1\n"
            "$ORIGIN sub.example.\n"
            "www IN A 192.0.2.2\n"
            "@ IN A 192.0.2.5\n"
            "$INCLUDE inc.zone inc.example.\n"
            "www IN TXT \"back\"\n"
            "@ IN TXT \"back\"\n");
  auto z = load_zone_file(dir.file("main.zone"), {});
  CHECK(syntax_messages(*z).empty());
  CHECK(find_record(*z, "www.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "www.example.", LDNS_RR_TYPE_AAAA));
  CHECK(find_record(*z, "other.example.", LDNS_RR_TYPE_AAAA));
  CHECK(find_record(*z, "www.sub.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "sub.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "www.inc.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "inc.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "www.sub.example.", LDNS_RR_TYPE_TXT));  // the origin from before the $INCLUDE
  CHECK(find_record(*z, "sub.example.", LDNS_RR_TYPE_TXT));
  CHECK_FALSE(find_record(*z, "www.example.", LDNS_RR_TYPE_TXT));
  CHECK_FALSE(find_record(*z, "www.inc.example.", LDNS_RR_TYPE_TXT));
}

TEST_CASE("index: records and RRsets of one type, in file and canonical order, made once for all threads") {
  auto z = load_zone_text(
      "@ 3600 IN SOA ns hostmaster 1 2 3 4 5\n"
      "_25._tcp.z IN TLSA 3 1 1 aa\n"         // record 1
      "_25._tcp.b IN TLSA 3 1 1 bb\n"         // record 2
      "www IN A 192.0.2.1\n"
      "_25._tcp.z IN TLSA 3 1 1 cc\n"         // record 4: the RRset of record 1
      "_25._tcp.m IN TLSA 3 1 1 dd\n",        // record 5
      "t.zone", {.origin = "example."});
  REQUIRE(syntax_messages(*z).empty());
  // Asked from several threads at once: each gets the one list (the same span).
  std::vector<std::span<const uint32_t>> seen(4);
  {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < seen.size(); ++t) threads.emplace_back([&, t] { seen[t] = z->records_of_type(LDNS_RR_TYPE_TLSA); });
    for (auto& t : threads) t.join();
  }
  const std::vector<uint32_t> tlsa(seen[0].begin(), seen[0].end());
  CHECK(tlsa == std::vector<uint32_t>{1, 2, 4, 5});
  for (const auto& s : seen) CHECK(s.data() == seen[0].data());
  CHECK(z->records_of_type(LDNS_RR_TYPE_MX).empty());
  // RRsets in canonical order: _25._tcp.b, _25._tcp.m, _25._tcp.z (two records).
  std::vector<std::string> owners;
  for (uint32_t k : z->rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
    const RRset& set = z->rrsets()[k];
    CHECK(set.type == LDNS_RR_TYPE_TLSA);
    owners.push_back(cat(name_to_text(z->names[set.owner].wire), ' ', set.records.size()));
  }
  CHECK(owners == std::vector<std::string>{"_25._tcp.b.example. 1", "_25._tcp.m.example. 1", "_25._tcp.z.example. 2"});
  CHECK(z->rrsets_of_type(LDNS_RR_TYPE_SOA).size() == 1);
}

TEST_CASE("index: an owner's RRsets are in type order and found by type among thousands") {
  constexpr int kTypes = 3000;
  std::string text = "$ORIGIN example.\n@ 600 IN SOA ns hostmaster 1 2 3 4 5\n";
  for (int i = 0; i < kTypes; ++i) text += cat("x 600 TYPE", 1000 + (i * 7919) % kTypes, " \\# 0\n");
  text += "x 600 A 192.0.2.1\nx 600 TYPE1000 \\# 1 00\n";
  auto z = load_zone_text(text, "t.zone", {.origin = "example."});
  CHECK(syntax_messages(*z).empty());
  auto x = z->find_name(z->names[z->records.back().owner].canonical);
  REQUIRE(x);
  auto sets = z->rrsets_at(*x);
  REQUIRE(sets.size() == kTypes + 1);
  CHECK(std::is_sorted(sets.begin(), sets.end(), [](const RRset& a, const RRset& b) { return a.type < b.type; }));
  for (int i = 0; i < kTypes; ++i) {
    const uint16_t type = static_cast<uint16_t>(1000 + (i * 7919) % kTypes);
    const RRset* s = z->find_rrset(*x, type);
    REQUIRE(s);
    CHECK(s->type == type);
    CHECK(z->records[s->records[0]].line == static_cast<uint32_t>(3 + i));
    CHECK(s->records.size() == (type == 1000 ? 2u : 1u));
  }
  REQUIRE(z->find_rrset(*x, LDNS_RR_TYPE_A));
  CHECK(z->records[z->find_rrset(*x, LDNS_RR_TYPE_A)->records[0]].line == static_cast<uint32_t>(3 + kTypes));
  CHECK(!z->find_rrset(*x, 999));
  CHECK(!z->find_rrset(*x, static_cast<uint16_t>(1000 + kTypes)));
  CHECK(!z->find_rrset(*x, LDNS_RR_TYPE_AAAA));
}

TEST_CASE("loader: $TTL applies to records without a TTL") {
  auto z = load_zone_text("$TTL 1h\n@ SOA ns hostmaster 1 2 3 4 5\nwww 60 A 192.0.2.1\nftp A 192.0.2.2\n", "t.zone",
                          {.origin = "example."});
  CHECK(syntax_messages(*z).empty());
  CHECK(find_record(*z, "example.", LDNS_RR_TYPE_SOA)->ttl == 3600);
  CHECK(find_record(*z, "ftp.example.", LDNS_RR_TYPE_A)->ttl == 3600);
}

TEST_CASE("loader: a broken record is reported at its line and loading goes on") {
  auto z = load_zone_text(
      "@ 3600 IN SOA ns hostmaster 1 2 3 4 5\n"
      "a IN A 192.0.2.1\n"
      "b IN A 192.0.2.300\n"  // line 3
      "c IN AAAA not-an-address\n"  // line 4
      "d IN A 192.0.2.4\n",
      "t.zone", {.origin = "example."});
  auto msgs = syntax_messages(*z);
  REQUIRE(msgs.size() == 2);
  CHECK(msgs[0].starts_with("3: zone-syntax"));
  CHECK(msgs[1].starts_with("4: zone-syntax"));
  CHECK(find_record(*z, "d.example.", LDNS_RR_TYPE_A));
}

TEST_CASE("loader: numbers that ldns would wrap are syntax errors") {
  struct Case {
    const char* text;
    const char* needle;
  };
  const Case cases[] = {
      {"www 4294967296 IN A 192.0.2.1\n", "TTL"},
      {"www 2147483648 IN A 192.0.2.1\n", "TTL"},
      {"_25._tcp.mx IN TLSA 256 1 1 abababababababababababababababababababababababababababababababab\n", "TLSA field 1"},
      {"_25._tcp.mx IN TLSA 3 256 1 abababababababababababababababababababababababababababababababab\n", "TLSA field 2"},
      {"_25._tcp.mx IN TLSA 3 1 256 abababababababababababababababababababababababababababababababab\n", "TLSA field 3"},
      {"mx IN MX 65536 mail\n", "MX field 1"},
      {"@ IN SOA ns hostmaster 4294967296 2 3 4 5\n", "SOA field 3"},
      {"$TTL 4294967296\n", "$TTL"},
      {"@ IN DNSKEY 65536 3 13 AAAA\n", "DNSKEY field 1"},
      // ldns reads TYPEnnn with atoi: TYPE65536 became 0, TYPE12abc PTR, TYPE653534key 63998.
      {"x IN TYPE65536 \\# 0\n", "'TYPE65536' is not TYPE and a number from 1 to 65535"},
      {"x IN TYPE12abc ns\n", "'TYPE12abc' is not TYPE"},
      {"x IN TYPE653534key \\# 0\n", "'TYPE653534key' is not TYPE"},
      {"x IN TYPE0 \\# 0\n", "'TYPE0' is not TYPE"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto z = load_zone_text(c.text, "t.zone", {.origin = "example."});
    auto msgs = syntax_messages(*z);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].starts_with("1: zone-syntax"));
    CHECK(msgs[0].find(c.needle) != std::string::npos);
    CHECK(z->records.empty());
  }
  // The largest valid values still load.
  auto ok = load_zone_text("www 2147483647 IN A 192.0.2.1\nmx IN MX 65535 mail\nx IN TYPE65535 \\# 1 00\n", "t.zone",
                           {.origin = "example."});
  CHECK(syntax_messages(*ok).empty());
  CHECK(ok->records.size() == 3);
}

TEST_CASE("loader: parentheses and quotes") {
  SUBCASE("a stray ')' is an error, not ignored") {
    auto z = load_zone_text("www IN A 192.0.2.1 )\nftp IN A 192.0.2.2\n", "t.zone", {.origin = "example."});
    auto msgs = syntax_messages(*z);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].find("unbalanced ')'") != std::string::npos);
    CHECK(find_record(*z, "ftp.example.", LDNS_RR_TYPE_A));
  }
  SUBCASE("an unclosed '(' is reported at its line and the records after it still load") {
    auto z = load_zone_text("a IN A 192.0.2.1\nb IN TXT ( \"x\"\nc IN A 192.0.2.3\nd IN A 192.0.2.4\n", "t.zone",
                            {.origin = "example."});
    auto msgs = syntax_messages(*z);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].starts_with("2: zone-syntax"));
    CHECK(find_record(*z, "c.example.", LDNS_RR_TYPE_A));
    CHECK(find_record(*z, "d.example.", LDNS_RR_TYPE_A));
  }
  SUBCASE("an unterminated quoted string") {
    auto z = load_zone_text("a IN TXT \"never closed\nb IN A 192.0.2.2\n", "t.zone", {.origin = "example."});
    auto msgs = syntax_messages(*z);
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].find("unterminated") != std::string::npos);
    CHECK(find_record(*z, "b.example.", LDNS_RR_TYPE_A));
  }
  SUBCASE("semicolons and parentheses inside quotes are data") {
    auto z = load_zone_text("a IN TXT \"v=spf1; (x)\" \"b\"\n", "t.zone", {.origin = "example."});
    CHECK(syntax_messages(*z).empty());
    REQUIRE(z->records.size() == 1);
  }
}

TEST_CASE("loader: names and labels over their limits") {
  std::string long_label(64, 'a');
  auto z = load_zone_text(long_label + " IN A 192.0.2.1\n", "t.zone", {.origin = "example."});
  REQUIRE(syntax_messages(*z).size() == 1);
  std::string long_name;
  for (int i = 0; i < 5; ++i) long_name += std::string(60, 'b') + ".";
  auto z2 = load_zone_text(long_name + " IN A 192.0.2.1\n", "t.zone", {.origin = "example."});
  REQUIRE(syntax_messages(*z2).size() == 1);
}

TEST_CASE("loader: $INCLUDE follows paths relative to the including file, with loops and depth bounded") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("sub"));
  dir.write("main.zone",
            "$ORIGIN example.\n"
            "@ 3600 IN SOA ns hostmaster 1 2 3 4 5\n"
            "$INCLUDE sub/part.zone mail.example.\n"  // line 3
            "after IN A 192.0.2.9\n"  // origin restored: after.example.
            "$INCLUDE missing.zone\n");  // line 5
  dir.write("sub/part.zone", "\n\nmx IN A 192.0.2.25\n$INCLUDE leaf.zone\n");
  dir.write("sub/leaf.zone", "leaf IN A 192.0.2.26\n");
  auto z = load_zone_file(dir.file("main.zone"), {});
  REQUIRE(z->files.size() == 3);
  const Record* mx = find_record(*z, "mx.mail.example.", LDNS_RR_TYPE_A);
  REQUIRE(mx);
  CHECK(z->files[mx->file].ends_with("sub/part.zone"));
  CHECK(mx->line == 3);
  CHECK(find_record(*z, "leaf.mail.example.", LDNS_RR_TYPE_A));
  CHECK(find_record(*z, "after.example.", LDNS_RR_TYPE_A));
  REQUIRE(z->load_findings.size() == 1);
  CHECK(z->load_findings[0].rule->info.name == "input-unreadable");
  CHECK(z->load_findings[0].loc.line == 5);
  CHECK(z->load_findings[0].message.find("missing.zone") != std::string::npos);

  SUBCASE("a loop is reported, not followed forever") {
    dir.write("loop.zone", "a IN A 192.0.2.1\n$INCLUDE loop.zone\n");
    auto l = load_zone_file(dir.file("loop.zone"), {.origin = "example."});
    REQUIRE(l->load_findings.size() == 1);
    CHECK(l->load_findings[0].message.find("loop") != std::string::npos);
    CHECK(l->load_findings[0].loc.line == 2);
  }
  SUBCASE("including a directory is unreadable") {
    dir.write("dir.zone", "$INCLUDE sub\n");
    auto d = load_zone_file(dir.file("dir.zone"), {.origin = "example."});
    REQUIRE(d->load_findings.size() == 1);
    CHECK(d->load_findings[0].message.find("directory") != std::string::npos);
  }
  SUBCASE("nesting is bounded") {
    for (int i = 0; i < 12; ++i) dir.write(cat("n", i, ".zone"), cat("n", i, " IN A 192.0.2.1\n$INCLUDE n", i + 1, ".zone\n"));
    dir.write("n12.zone", "end IN A 192.0.2.1\n");
    auto n = load_zone_file(dir.file("n0.zone"), {.origin = "example."});
    REQUIRE(n->load_findings.size() == 1);
    CHECK(n->load_findings[0].message.find("nested deeper") != std::string::npos);
  }
}

TEST_CASE("loader: an unreadable top file") {
  auto z = load_zone_file("/nonexistent/zone.db", {});
  CHECK(z->unreadable);
  REQUIRE(z->load_findings.size() == 1);
  CHECK(z->load_findings[0].rule->info.name == "input-unreadable");
}

TEST_CASE("loader: origin from --origin, the SOA, or the file name") {
  auto a = load_zone_text("example.net. 3600 IN SOA ns hostmaster 1 2 3 4 5\n", "zones/whatever.zone", {});
  CHECK(a->origin_text() == "example.net.");
  CHECK(a->origin_source == "SOA");
  auto b = load_zone_text("www 3600 IN A 192.0.2.1\n", "zones/example.org.zone", {});
  CHECK(b->origin_text() == "example.org.");
  CHECK(b->origin_source == "file name");
  auto c = load_zone_text("www 3600 IN A 192.0.2.1\n", "x.zone", {.origin = "example.com"});
  CHECK(c->origin_text() == "example.com.");
  CHECK(c->origin_source == "--origin");
}

TEST_CASE("loader: a zone without SOA still loads (soa-missing reports it)") {
  auto z = load_zone_text("www 3600 IN A 192.0.2.1\n", "t.zone", {.origin = "example."});
  CHECK(z->load_findings.empty());
  CHECK(z->records.size() == 1);
}

TEST_CASE("loader: danelint directives in comments are kept for suppressions") {
  auto z = load_zone_text("; danelint: disable=tlsa-duplicate\nwww 3600 IN A 192.0.2.1 ; danelint: disable=x\n",
                          "t.zone", {.origin = "example."});
  REQUIRE(z->directives.size() == 2);
  CHECK(z->directives[0].line == 1);
  CHECK(z->directives[0].own_line);
  CHECK(z->directives[0].text == "disable=tlsa-duplicate");
  CHECK(z->directives[1].line == 2);
  CHECK_FALSE(z->directives[1].own_line);
}

// Zones written by the three signers in Debian: every record loads, none is a syntax error, and
// each record's first line is where its text starts.
static void check_signed_by(const std::string& signer) {
  TempDir dir;
  dir.write("example.com.zone",
            "$ORIGIN example.com.\n$TTL 3600\n"
            "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n  NS ns1\n  MX 10 mx\n"
            "ns1 A 192.0.2.53\nmx A 192.0.2.25\n  AAAA 2001:db8::25\n"
            "_25._tcp.mx TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
            "txt TXT \"hello world\" \"second\"\nsub NS ns.sub\nns.sub A 192.0.2.99\n");
  std::string d = dir.path;
  std::string signed_file = d + "/" + signer + ".signed";
  RunResult r;
  if (signer == "bind") {
    r = run(cat("cd ", d, " && dnssec-keygen -q -a ECDSAP256SHA256 -f KSK example.com >/dev/null && ",
                "dnssec-keygen -q -a ECDSAP256SHA256 example.com >/dev/null && ",
                "dnssec-signzone -q -S -K . -o example.com. -s 20250101000000 -e 20350101000000 -f ", signed_file,
                " example.com.zone"));
  } else if (signer == "ldns") {
    r = run(cat("cd ", d, " && k=$(ldns-keygen -a ECDSAP256SHA256 -k example.com) && ",
                "ldns-signzone -i 20250101000000 -e 20350101000000 -f ", signed_file, " example.com.zone $k"));
  } else {
    r = run(cat("cd ", d, " && mkdir -p kdb out && ",
                "printf 'database:\\n  storage: ", d, "/kdb\\npolicy:\\n  - id: p\\n    algorithm: ecdsap256sha256\\n",
                "zone:\\n  - domain: example.com.\\n    storage: ", d, "\\n    file: example.com.zone\\n",
                "    dnssec-policy: p\\n' > knot.conf && ",
                "kzonesign -c knot.conf -o ", d, "/out example.com. >/dev/null && mv out/example.com.zone ", signed_file));
  }
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(signed_file));
  auto z = load_zone_file(signed_file, {});
  CHECK(syntax_messages(*z).empty());
  CHECK(z->origin_text() == "example.com.");
  // Independent count: ldns-read-zone prints one RR per line.
  RunResult count = run(cat("ldns-read-zone ", signed_file, " | grep -v '^;' | grep -c .")); 
  CHECK(std::to_string(z->records.size()) == std::string(trim(count.out)));
  auto lines = split(read_source_file_abs(signed_file), '\n');
  size_t rrsigs = 0;
  for (const Record& rec : z->records) {
    REQUIRE(rec.line >= 1);
    REQUIRE(rec.end_line >= rec.line);
    REQUIRE(rec.end_line <= lines.size());
    std::string first(trim(lines[rec.line - 1]));
    CHECK_FALSE(first.empty());
    CHECK(first[0] != ';');
    // The type mnemonic appears between the first and the last line of the record.
    std::string span;
    for (uint32_t l = rec.line; l <= rec.end_line; ++l) span += lines[l - 1] + "\n";
    CHECK_MESSAGE(span.find(type_name(rec.type)) != std::string::npos, "line ", rec.line, ": ", first);
    if (rec.type == LDNS_RR_TYPE_RRSIG) ++rrsigs;
  }
  CHECK(rrsigs > 5);
}

TEST_CASE("loader: zones signed by dnssec-signzone, ldns-signzone and kzonesign") {
  REQUIRE(have_command("dnssec-signzone"));
  REQUIRE(have_command("ldns-signzone"));
  REQUIRE(have_command("kzonesign"));
  SUBCASE("dnssec-signzone") { check_signed_by("bind"); }
  SUBCASE("ldns-signzone") { check_signed_by("ldns"); }
  SUBCASE("kzonesign") { check_signed_by("knot"); }
}

TEST_CASE("index: zone cuts and DNAME occlusion agree with a walk up each name's ancestors") {
  // Names from a small alphabet at depths 1-5 (so siblings such as "a" and "a-b" interleave with
  // subtrees in canonical order), NS at some, DNAME at others, names above and beside the origin.
  std::string text = "$ORIGIN example.\n@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
                     "other. IN A 192.0.2.9\nexample.net. IN A 192.0.2.9\n";
  const char* labels[] = {"a", "a-b", "b", "A", "z", "\\000"};
  uint32_t seed = 1;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (int i = 0; i < 3000; ++i) {
    std::string name;
    for (unsigned d = 1 + next() % 5; d-- > 0;) name += std::string(labels[next() % 6]) + (d ? "." : "");
    const unsigned kind = next() % 10;
    text += name + (kind == 0 ? " IN NS ns.other.\n" : kind == 1 ? " IN DNAME other.\n" : " IN A 192.0.2.2\n");
  }
  LoadOptions lo;
  lo.origin = "example.";
  auto z = load_zone_text(text, "cuts.zone", lo);
  REQUIRE(z->load_findings.empty());
  const auto apex = z->apex();
  REQUIRE(apex);
  size_t below_cut = 0, below_dname = 0;
  for (uint32_t id = 0; id < z->names.size(); ++id) {
    const std::string_view canon = z->names[id].canonical;
    CAPTURE(name_to_text(z->names[id].wire));
    const bool inside = is_subdomain(canon, z->origin_wire);
    CHECK(z->out_of_zone(id) == !inside);
    if (!inside) continue;
    bool cut = false, dname = false;
    for (std::string_view anc = canon; anc.size() > z->origin_wire.size();) {
      anc.remove_prefix(static_cast<unsigned char>(anc[0]) + 1u);
      if (anc.size() <= z->origin_wire.size()) break;
      if (auto a = z->find_name(anc)) {
        cut = cut || z->find_rrset(*a, LDNS_RR_TYPE_NS);
        dname = dname || z->find_rrset(*a, LDNS_RR_TYPE_DNAME);
      }
    }
    CHECK(z->is_delegation(id) == (id != *apex && z->find_rrset(id, LDNS_RR_TYPE_NS) != nullptr));
    CHECK(z->below_cut(id) == cut);
    CHECK(z->below_dname(id) == dname);
    below_cut += cut;
    below_dname += dname;
  }
  CHECK(below_cut > 100);  // the fixture exercises both
  CHECK(below_dname > 100);
}

TEST_CASE("index: an RRset's records are in file order, whichever path sorted them") {
  // Owners out of canonical order (the name sort runs), each RRset's records spread among other types,
  // owners of a few records (the insertion sort) and of 40 or 60 (the stable sort), read by one and by
  // 3 threads.
  std::string text = "$ORIGIN example.\n@ 600 IN SOA ns hostmaster 1 2 3 4 5\n";
  for (int round = 0; round < 20; ++round)
    for (const char* owner : {"zz", "b", "a.b", "m", "y", "c.y"}) {
      const bool few = owner[0] == 'y' || owner[0] == 'c';
      if (few && round >= 4) continue;
      text += cat(owner, " 600 IN TXT \"", round, "\"\n");
      text += cat(owner, " 600 IN A 192.0.2.", round, "\n");
      if (std::string_view(owner) == "m") text += cat("m 600 IN AAAA 2001:db8::", round, "\n");
    }
  for (int jobs : {1, 3}) {
    CAPTURE(jobs);
    auto z = load_zone_text(text, "t.zone", {.origin = "example.", .jobs = jobs, .parallel_min_bytes = 256});
    REQUIRE(syntax_messages(*z).empty());
    size_t seen = 0;
    for (const RRset& s : z->rrsets()) {
      CHECK(std::is_sorted(s.records.begin(), s.records.end()));
      CHECK(std::adjacent_find(s.records.begin(), s.records.end()) == s.records.end());
      uint32_t earliest = UINT32_MAX;
      for (const Record& r : z->records)
        if (r.owner == s.owner && r.type == s.type) earliest = std::min(earliest, r.line);
      CHECK(z->records[s.first()].line == earliest);
      seen += s.records.size();
    }
    CHECK(seen == z->records.size());
    auto m = z->find_name(std::string("\x01m\x07" "example\x00", 11));
    REQUIRE(m);
    size_t at_m = 0;
    for (const RRset& s : z->rrsets_at(*m)) at_m += s.records.size();
    CHECK(at_m == 60);  // past the insertion sort's limit of 32 records per owner
  }
}
