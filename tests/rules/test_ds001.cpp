#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DS001 ds-all-mismatch") {
  const Options opts = only("DS001");
  const std::string zone = signed_fixture();
  const std::string good = read_source_file("testdata/dnssec/dsset-example.");
  const std::string wrong = "example. 3600 IN DS 8725 15 2 " + std::string(64, 'a') + "\n";
  SUBCASE("the dsset file matches the KSK") { CHECK(lint_signed(zone, opts, good).empty()); }
  SUBCASE("a DS file matching no key: reported at the DS line") {
    auto found = lint_signed(zone, opts, "; parent\n" + wrong);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.file == "ds.txt");
    CHECK(found[0].loc.line == 2);
    CHECK(found[0].related.size() == 2);  // the zone's two DNSKEYs
  }
  SUBCASE("a keyset (DNSKEY records) as DS source") {
    std::string ksk = split(zone, '\n')[static_cast<size_t>(line_with(zone, {"DNSKEY\t257"}) - 1)];
    CHECK(lint_signed(zone, opts, ksk + "\n").empty());
    CHECK(lint_signed(zone, opts, "example. 3600 IN DNSKEY 257 3 15 zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs=\n").size() == 1);
  }
  SUBCASE("the parent zone linted in the same run") {
    LoadOptions lo;
    lo.origin = "example.";
    Workspace ws;
    ws.zones.push_back(load_zone_text(zone, "example.zone", lo));
    LoadOptions root;
    root.origin = ".";
    std::string parent = ". 3600 IN SOA a.root. h.root. 1 2 3 4 5\nexample. 3600 IN NS ns1.example.\n" + wrong;
    ws.zones.push_back(load_zone_text(parent, "root.zone", root));
    EngineOptions eng;
    eng.now = *parse_time("2026-06-01T00:00:00Z");
    eng.rules.select = {"DS001"};
    auto found = run_lint(ws, eng).findings;
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.file == "root.zone");
    CHECK(found[0].loc.line == 3);
  }
  SUBCASE("a digest type validators skip does not count as a mismatch") {
    CHECK(lint_signed(zone, opts, "example. 3600 IN DS 8725 15 3 " + std::string(64, 'a') + "\n").empty());
  }
}
