// The engine's report order: finding_less (file, line, rule, message, owner), whatever order the zones
// were given in and the rules reported in.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/helpers.hpp"

using namespace danelint;

TEST_CASE("findings come out in finding_less order across files named in any order") {
  // Several findings per line (a TLSA record breaks more than one rule), lines reported by rules in
  // canonical and in file order, and file names whose order is neither the command line's nor the
  // order of their first finding.
  const std::string head = "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ 3600 IN NS ns1\n";
  const std::string body =
      "_25._tcp.zz 3600 IN TLSA 0 0 1 " + std::string(64, 'a') + "\n"
      "_25._tcp.aa 3600 IN TLSA 3 1 1 " + std::string(62, 'b') + "\n"
      "www 3600 IN CNAME aa\nwww 3600 IN A 192.0.2.1\n"
      "_25._tcp.mm 3600 IN TLSA 1 1 2 " + std::string(64, 'c') + "\n"
      "_443._tcp.www 3600 IN TLSA 3 1 1 " + std::string(64, 'd') + "\n";
  for (const auto& names : {std::vector<std::string>{"zone-b", "sub/a.zone", "zone-a", "a"},
                            std::vector<std::string>{"a", "zone-a", "sub/a.zone", "zone-b"}}) {
    Workspace ws;
    for (size_t k = 0; k < names.size(); ++k) {
      LoadOptions lo;
      lo.origin = cat("z", k, ".example.");
      // Each file puts the shared body at another line, so that line order and file order disagree.
      ws.zones.push_back(load_zone_text(head + std::string(names.size() - k, '\n') + body, names[k], lo));
      ws.zone_signing.push_back(ZoneSigning::Unknown);
    }
    for (int jobs : {1, 3}) {
      EngineOptions eng;
      eng.now = *parse_time("2025-01-01T00:00:00Z");
      eng.jobs = jobs;
      eng.rules.select = {"ALL"};
      const std::vector<Finding> got = run_lint(ws, eng).findings;
      REQUIRE(got.size() >= 4 * names.size());
      std::vector<const Finding*> want;
      for (const Finding& f : got) want.push_back(&f);
      std::stable_sort(want.begin(), want.end(), [](const Finding* a, const Finding* b) { return finding_less(*a, *b); });
      for (size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(&got[i] == want[i]);  // already in order: a stable sort leaves every finding where it is
      }
      CHECK(got.front().loc.file == "a");
      CHECK(got.back().loc.file == "zone-b");
    }
  }
}

TEST_CASE("the run's notes count the findings of each rule in each file that has ten or more") {
  // Two files, each with TLSA records that break two rules (ROLL001 per RRset, SMTP001 per PKIX record)
  // on alternate lines, so that neighbours in report order change rule and file.
  auto zone_with = [](int pkix, int single) {
    std::string z = "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ 3600 IN NS ns1\n";
    for (int i = 0; i < std::max(pkix, single); ++i) {
      if (i < pkix) z += cat("_25._tcp.p", i, " 3600 IN TLSA 1 1 1 ", std::string(64, 'a'), "\n");
      if (i < single) z += cat("_25._tcp.s", i, " 3600 IN TLSA 3 1 1 ", std::string(64, 'b'), "\n");
    }
    return z;
  };
  Workspace ws;
  LoadOptions lo;
  lo.origin = "example.";
  ws.zones.push_back(load_zone_text(zone_with(12, 9), "one.zone", lo));
  ws.zones.push_back(load_zone_text(zone_with(3, 11), "two.zone", lo));
  ws.zone_signing.assign(2, ZoneSigning::Unknown);
  EngineOptions eng;
  eng.now = *parse_time("2025-01-01T00:00:00Z");
  eng.rules.select = {"ROLL001", "SMTP001"};
  std::vector<std::string> counts;
  for (const std::string& note : run_lint(ws, eng).notes)
    if (note.find(" findings of ") != std::string::npos) counts.push_back(note);
  // one.zone: 12 SMTP001 and 9 ROLL001 (under ten: no note); two.zone: 3 and 11. By rule, then file.
  CHECK(counts == std::vector<std::string>{"two.zone: 11 findings of ROLL001 rollover-no-next",
                                           "one.zone: 12 findings of SMTP001 smtp-pkix-usage"});
}
