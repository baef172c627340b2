// Zone placement rules: TLSA011, TLSA025-027, SMTP004-007; and the zone examples of every rule of
// issue 5's rollover/placement share (bad fires, good stays quiet).
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "lint/config.hpp"
#include "lint/dane.hpp"
#include "lint/dane_match.hpp"
#include "lint/placement.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

[[maybe_unused]] const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";

[[maybe_unused]] std::string tlsa(const std::string& owner, int fill, int mt = 1, uint32_t ttl = 3600) {
  std::string hex;
  for (int i = 0; i < (mt == 2 ? 64 : 32); ++i) hex += cat(std::hex, fill / 16, fill % 16);
  return cat(owner, ' ', ttl, " IN TLSA 3 1 ", mt, ' ', hex, '\n');
}

/// A workspace of the zones "example." (parent.zone) and "sub.example." (child.zone), from their text.
Workspace example_and_sub(const std::string& parent, const std::string& child) {
  Workspace ws;
  LoadOptions lo;
  lo.origin = "example.";
  ws.zones.push_back(load_zone_text(parent, "parent.zone", lo));
  lo.origin = "sub.example.";
  ws.zones.push_back(load_zone_text(child, "child.zone", lo));
  return ws;
}

}  // namespace

TEST_CASE("zone examples of the placement and rollover rules") {
  for (const char* id : {"TLSA011", "TLSA025", "TLSA026", "SMTP004", "SMTP005", "SMTP006", "SMTP007", "ROLL001",
                         "ROLL002"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CAPTURE(id);
    CHECK(r->info.zone_examples);
    CHECK(!of_rule(lint_zone_text(r->info.bad_example, only(id)), id).empty());
    CHECK(of_rule(lint_zone_text(r->info.good_example, only(id)), id).empty());
  }
  for (const char* id : {"TLSA027", "ROLL003", "ROLL004", "ROLL005", "ROLL006"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CHECK(!r->info.zone_examples);
  }
}

TEST_CASE("config: [[service]] switch_wait and certbot_renewal") {
  Config c = parse_config_text("[[service]]\nhost = \"mx.example.com\"\nswitch_wait = \"48h\"\n"
                               "certbot_renewal = \"renewal/mx.conf\"\n",
                               "/etc/danelint/danelint.toml");
  REQUIRE(c.services.size() == 1);
  CHECK(c.services[0].switch_wait == 48 * 3600);
  CHECK(c.services[0].switch_wait_line == 3);
  CHECK(c.services[0].certbot_renewal == "/etc/danelint/renewal/mx.conf");
  CHECK_THROWS_AS(parse_config_text("[[service]]\nhost = \"mx\"\nswitch_wait = \"soon\"\n", "x.toml"), ConfigError);
  CHECK_THROWS_AS(parse_config_text("[[service]]\nhost = \"mx\"\nswitch_wait = 5\n", "x.toml"), ConfigError);
}

TEST_CASE("placement and TLSA lookups across hundreds of zone files") {
  // A parent zone, then 300 zones below it; the TLSA records of an owner are gathered from every zone that
  // holds the name: z1's from the parent as well, z3's also from z2 (out-of-zone data there).
  constexpr int kZones = 300;
  auto hex = [](int i) {
    std::string h;
    for (int k = 0; k < 32; ++k) h += cat(std::hex, (i % 256) / 16, i % 16);
    return h;
  };
  auto head = [](const std::string& o) {
    return cat(o, " 3600 IN SOA ns.", o, " host.", o, " 1 3600 900 604800 300\n", o, " 3600 IN NS ns.", o, "\nns.", o,
               " 3600 IN A 192.0.2.1\n");
  };
  Workspace ws;
  auto add = [&](const std::string& origin, const std::string& text, int i) {
    LoadOptions lo;
    lo.origin = origin;
    ws.zones.push_back(load_zone_text(text, cat('z', i, ".zone"), lo));
  };
  add("example.", head("example.") + cat("_25._tcp.mx0.z1.example. 3600 IN TLSA 3 1 1 ", hex(1), '\n'), 0);
  for (int i = 1; i <= kZones; ++i) {
    std::string o = cat('z', i, ".example.");
    std::string t = head(o);
    for (int m = 0; m < 3; ++m) t += cat(o, " 3600 IN MX ", 10 * (m + 1), " mx", m, '.', o, '\n');
    t += cat("mx0.", o, " 3600 IN A 192.0.2.2\nmx1.", o, " 3600 IN A 192.0.2.3\n");
    t += cat("_25._tcp.mx0.", o, " 3600 IN TLSA ", i % 2 ? 1 : 3, " 1 1 ", hex(i), '\n');  // odd: PKIX-EE only
    if (i == 2) t += cat("_25._tcp.mx0.z3.example. 3600 IN TLSA 3 1 1 ", hex(3), '\n');
    add(o, t, i);
  }
  EngineOptions eng;
  eng.now = *parse_time("2025-01-01T00:00:00Z");
  eng.rules.select = {"SMTP"};
  auto found = run_lint(ws, eng).findings;
  // Every odd zone's only TLSA record is unusable at an SMTP owner, except z1's and z3's, which have another.
  std::set<std::string> all_unusable;
  for (const Finding& f : of_rule(found, "SMTP003")) all_unusable.insert(f.loc.file);
  CHECK(all_unusable.size() == kZones / 2 - 2);
  CHECK(!all_unusable.count("z1.zone"));
  CHECK(!all_unusable.count("z3.zone"));
  CHECK(all_unusable.count("z5.zone"));
  CHECK(all_unusable.count(cat('z', kZones - 1, ".zone")));
  CHECK(of_rule(found, "SMTP001").size() == kZones / 2);
  // mx1 and mx2 of every zone are in the zones given but have no TLSA records.
  auto no_tlsa = of_rule(found, "SMTP005");
  REQUIRE(no_tlsa.size() == 2 * kZones);
  CHECK(no_tlsa[0].message.starts_with("MX host mx1.z1.example. of z1.example. has no TLSA records"));
}

namespace {

// A parent zone "example." and its child "child.example.", both holding records of one TLSA owner
// (the parent's copy is plain data there: it does not delegate the child).
const std::string kChildTlsaOwner = "_25._tcp.mx.child.example.";

std::vector<Finding> lint_parent_and_child(const std::string& parent_records, const std::string& child_records,
                                           const std::string& rule) {
  Workspace ws;
  auto add = [&](const std::string& origin, const std::string& text, const std::string& file) {
    LoadOptions lo;
    lo.origin = origin;
    ws.zones.push_back(load_zone_text(text, file, lo));
  };
  add("example.", cat(kSoa, parent_records), "parent.zone");
  add("child.example.",
      cat("child.example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\n",
          "child.example. 3600 IN NS ns.example.\n", child_records),
      "child.zone");
  EngineOptions eng;
  eng.now = *parse_time("2025-01-01T00:00:00Z");
  eng.rules.select = {rule};
  return of_rule(run_lint(ws, eng).findings, rule);
}

std::string child_tlsa(const std::string& params, char fill, size_t hex_digits) {
  return cat(kChildTlsaOwner, " 3600 IN TLSA ", params, ' ', std::string(hex_digits, fill), '\n');
}

}  // namespace

TEST_CASE("smtp-all-unusable: an owner held by two zones is one owner, reported once") {
  // Both copies hold only a PKIX usage, which SMTP cannot use; the parent writes the owner in upper case.
  std::string parent = child_tlsa("1 1 1", 'a', 64);
  parent.replace(0, 11, "_25._tcp.MX");
  auto found = lint_parent_and_child(parent, child_tlsa("1 1 1", 'a', 64), "SMTP003");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.starts_with("all 2 TLSA records at _25._tcp.mx.child.example. are unusable"));
}

TEST_CASE("tlsa-digest-agility: the records of an owner held by two zones are weighed together, once") {
  const std::string two_sha256 = child_tlsa("3 1 1", 'a', 64) + child_tlsa("3 1 1", 'b', 64);
  const std::string one_sha512 = child_tlsa("3 1 2", 'c', 128);
  // Two keys under SHA2-256 in the parent's copy of the owner, one under SHA2-512 in the child's.
  auto found = lint_parent_and_child(two_sha256, one_sha512, "TLSA020");
  REQUIRE(found.size() == 1);
  CHECK(found[0].loc.file == "child.zone");
  CHECK(found[0].loc.line == 3);
  CHECK(found[0].message.find("covers 2 key(s) under SHA2-256 but 1 under SHA2-512") != std::string::npos);
  // The other way round: reported at the parent's SHA2-512 record.
  found = lint_parent_and_child(one_sha512, two_sha256, "TLSA020");
  REQUIRE(found.size() == 1);
  CHECK(found[0].loc.file == "parent.zone");
}

TEST_CASE("the placement index is built once per workspace and answers like a fresh one") {
  Workspace ws;
  LoadOptions lo;
  lo.origin = "example.";
  ws.zones.push_back(load_zone_text(cat(kSoa, "www.example. 3600 IN CNAME host.example.\n",
                                        "host.example. 3600 IN A 192.0.2.1\n"),
                                    "example.zone", lo));
  const ZoneSet& shared = ZoneSet::shared(ws);
  CHECK(&ZoneSet::shared(ws) == &shared);  // six rules ask for it: one build
  const ZoneSet fresh(ws);
  const std::string www = *name_from_text("WWW.example."), host = *name_from_text("host.example.");
  REQUIRE(shared.cname(ascii_lower(www)));
  CHECK(*shared.cname(ascii_lower(www)) == *fresh.cname(ascii_lower(www)));
  CHECK(*shared.cname(ascii_lower(www)) == host);
  CHECK(!shared.cname(host));
  CHECK(shared.follow(ascii_lower(www)).names.size() == 2);
  CHECK(shared.has(host, 1));
  // Another workspace has its own.
  Workspace other;
  CHECK(&ZoneSet::shared(other) != &shared);
}

TEST_CASE("MX hosts: each fact is the ZoneSet lookup it stands for") {
  // Random parent and child zones: MX records whose targets are in either zone, below the cut, outside
  // both or the root, in any case; CNAME chains among the hosts (loops too); TLSA, CNAMEs and addresses
  // at some of them. SMTP005-007 once asked ZoneSet these questions themselves, per MX record.
  const std::vector<std::string> hosts = {"a.example.",     "b.example.",     "c.example.",    "d.sub.example.",
                                          "e.sub.example.", "x.deep.sub.example.", "ns.cut.example.", "out.other.",
                                          "A.Example.",     "."};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    std::string parent = cat(kSoa, "cut.example. 3600 IN NS ns.cut.example.\nsub.example. 3600 IN NS ns.sub.example.\n");
    std::string child = "sub.example. 3600 IN SOA ns.sub.example. h.sub.example. 1 3600 900 604800 300\n"
                        "sub.example. 3600 IN NS ns.sub.example.\n";
    auto text_for = [&](const std::string& name) -> std::string& {
      return name.find("sub.example.") != std::string::npos ? child : parent;
    };
    const std::vector<std::string> owners = {"example.", "m1.example.", "m2.sub.example.", "cut.example."};
    for (int k = 0; k < 12; ++k) {
      const std::string& owner = owners[pick(owners.size())];
      text_for(owner) += cat(owner, " 3600 IN MX ", 10 * k, ' ', hosts[pick(hosts.size())], '\n');
    }
    std::set<std::string> aliased;
    for (const std::string& h : hosts) {
      if (h == "." || h == "out.other." || h == "A.Example.") continue;
      const unsigned roll = rng() % 8;
      if (roll < 3 && !aliased.count(h)) {  // a CNAME, which may point back: loops
        aliased.insert(h);
        text_for(h) += cat(h, " 3600 IN CNAME ", hosts[pick(hosts.size() - 1)], '\n');
      } else if (roll < 6) {
        text_for(h) += cat(h, " 3600 IN ", roll % 2 ? "A 192.0.2.1" : "AAAA 2001:db8::1", '\n');
      }
      const unsigned t = rng() % 4;
      if (t == 0) text_for(h) += tlsa(cat("_25._tcp.", h), 1);
      if (t == 1) text_for(h) += cat("_25._tcp.", h, " 3600 IN CNAME _25._tcp.a.example.\n");
    }
    const Workspace ws = example_and_sub(parent, child);
    const ZoneSet& zs = ZoneSet::shared(ws);
    const MxHosts& mx = MxHosts::shared(ws);
    CHECK(&MxHosts::shared(ws) == &mx);
    // Every MX record of an authoritative owner, RRset by RRset.
    size_t expected = 0, group = 0;
    for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
      const ZoneModel& zone = *ws.zones[zi];
      for (const RRset& set : zone.rrsets()) {
        if (set.type != 15 || !zone.is_authoritative(set.owner)) continue;
        REQUIRE(group + 1 < mx.rrset_begin.size());
        CHECK(mx.rrset_begin[group] == expected);
        for (uint32_t i : set.records) {
          REQUIRE(expected < mx.hosts.size());
          CHECK(mx.hosts[expected].zone == zi);
          CHECK(mx.hosts[expected].record == i);
          ++expected;
        }
        ++group;
      }
    }
    CHECK(mx.hosts.size() == expected);
    CHECK(mx.rrset_begin.size() == group + 1);
    for (const MxHost& h : mx.hosts) {
      const ZoneModel& zone = *ws.zones[h.zone];
      const auto t = mx_target(zone.rdata(zone.records[h.record]));
      REQUIRE(t);
      CAPTURE(seed);
      CAPTURE(name_to_text(*t));
      CHECK(!h.malformed);
      CHECK(mx.target(h) == *t);
      CHECK(h.root == (*t == std::string_view("\0", 1)));
      CHECK(h.target_cname == zs.cname(*t));
      const ZoneSet::Chain c = zs.follow(*t);
      CHECK(mx.chain(h).names == c.names);
      CHECK(h.chain_loop == c.loop);
      const std::string& host = c.names.back();
      CHECK(h.target_in_zone == (zs.find(*t).where == ZoneSet::Where::InZone));
      CHECK(h.host_in_zone == (zs.find(host).where == ZoneSet::Where::InZone));
      CHECK(h.tlsa_at_target == zs.has(smtp_tlsa_owner(*t), 52));
      CHECK(h.tlsa_cname_at_target == (zs.cname(smtp_tlsa_owner(*t)) != nullptr));
      CHECK(h.tlsa_at_host == zs.has(smtp_tlsa_owner(host), 52));
      CHECK(h.host_has_address == (zs.has(host, 1) || zs.has(host, 28)));
    }
  }
}

TEST_CASE("TLSA owners: each owner once, with the records records_at gives it") {
  // A parent and a child zone that both hold _25._tcp.mx.sub.example. (out-of-zone data in the parent),
  // owners of other ports, and owners of one to three records; then the parent alone, which takes the
  // one-zone path (no lookups).
  std::string parent = cat(kSoa, "sub.example. 3600 IN NS ns.sub.example.\n", tlsa("_25._tcp.mx.sub.example.", 1),
                           tlsa("_25._tcp.a.example.", 2), tlsa("_25._tcp.a.example.", 3, 2),
                           tlsa("_443._tcp.a.example.", 4), "_25._tcp.b.example. 3600 IN TLSA 1 1 1 ",
                           std::string(64, '5'), '\n', "_25._tcp.c.example. 3600 IN TLSA 3 1 1 ", std::string(64, '6'),
                           "\n_25._tcp.c.example. 3600 IN TLSA 3 1 2 ", std::string(128, '7'), '\n');
  std::string child = cat("sub.example. 3600 IN SOA ns.sub.example. h.sub.example. 1 3600 900 604800 300\n",
                          "sub.example. 3600 IN NS ns.sub.example.\n", tlsa("_25._tcp.mx.sub.example.", 6),
                          tlsa("_25._tcp.mx.sub.example.", 7), tlsa("_993._tcp.mx.sub.example.", 8));
  auto check_workspace = [](const Workspace& ws, size_t want_owners, size_t want_records) {
    const LintContext ctx(ws, *parse_time("2025-01-01T00:00:00Z"), *find_rule("SMTP003"), nullptr);
    const dane::TlsaOwners& all = dane::TlsaOwners::shared(ctx);
    CHECK(&dane::TlsaOwners::shared(ctx) == &all);
    std::vector<std::string> expected_owners;
    dane::for_each_tlsa_owner(ctx, [&](std::string_view o) { expected_owners.emplace_back(o); });
    REQUIRE(all.owners.size() == expected_owners.size());
    CHECK(all.owners.size() == want_owners);
    size_t records = 0, effective = 0;
    for (size_t k = 0; k < all.owners.size(); ++k) {
      const dane::TlsaOwners::Owner& o = all.owners[k];
      CAPTURE(name_to_text(o.wire));
      CHECK(o.wire == expected_owners[k]);
      CHECK(o.smtp == is_smtp_owner(o.wire));
      const auto want = dane::records_at(ctx, o.wire, o.smtp);
      const auto got = all.records_of(o);
      REQUIRE(got.size() == want.size());
      for (size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].rec == want[i].rec);
        CHECK(got[i].zone == want[i].zone);
        CHECK(got[i].unusable == want[i].unusable);
        CHECK(got[i].effective == want[i].effective);
        effective += got[i].effective;
      }
      records += got.size();
    }
    CHECK(records == all.records.size());
    CHECK(records == want_records);
    CHECK(effective < records);  // c's SHA2-256 record is set aside by its SHA2-512 one, b's is unusable
  };
  check_workspace(example_and_sub(parent, child), 6, 10);
  Workspace one;
  LoadOptions lo;
  lo.origin = "example.";
  one.zones.push_back(load_zone_text(parent, "parent.zone", lo));
  check_workspace(one, 5, 7);
}
