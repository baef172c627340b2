// SIG001-SIG003 report one finding per RRset, with the other RRSIGs of the RRset as related entries.
#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG001 rrsig-expired groups per RRset") {
  std::string z = signed_fixture("missing-alg13.zone");
  Options o = only("SIG001");
  LoadOptions lo;
  lo.origin = "example.";
  Workspace ws;
  ws.zones.push_back(load_zone_text(z, "test.zone", lo));
  EngineOptions eng;
  eng.now = *parse_time("2036-01-01T00:00:00Z");
  eng.rules.select = {"SIG001"};
  LintResult r = run_lint(ws, eng);
  // 19 RRSIGs over 18 RRsets; the DNSKEY RRset has two (algorithms 13 and 15).
  CHECK(r.findings.size() == 18);
  int dnskey_sig = line_with(z, {"RRSIG\tDNSKEY"});
  bool seen = false;
  for (const Finding& f : r.findings) {
    if (f.loc.line != dnskey_sig) continue;
    seen = true;
    CHECK(f.related.size() == 1);
    CHECK(f.message.find("(2 RRSIGs over this RRset)") != std::string::npos);
    CHECK(f.message.find("RRSIG for example. DNSKEY") == 0);
  }
  CHECK(seen);
  // The run summarises a rule with many findings in one file.
  bool summary = false;
  for (const std::string& n : r.notes) summary = summary || n.find("18 findings of SIG001 rrsig-expired") != std::string::npos;
  CHECK(summary);
}

TEST_CASE("DNSSEC rules stay quiet on an unsigned zone, and the run says so once") {
  LoadOptions lo;
  lo.origin = "example.";
  Workspace ws;
  ws.zones.push_back(load_zone_text("example. 3600 IN SOA ns.example. h.example. 1 2 3 4 5\n"
                                    "example. 3600 IN NS ns.example.\nns.example. 3600 IN A 192.0.2.1\n",
                                    "u.zone", lo));
  EngineOptions eng;
  eng.now = *parse_time("2026-06-01T00:00:00Z");
  eng.rules.select = {"SIG", "KEY", "DS"};
  LintResult r = run_lint(ws, eng);
  CHECK(r.findings.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("is unsigned") != std::string::npos);
}
