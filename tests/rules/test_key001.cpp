#include "lint/dnssec/analysis.hpp"
#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
const std::string kKskDs = "example. 3600 IN DS 8725 15 2 c63cf7a4d4b3d5fe93cc80353dcc25c97553ddfb3fbb0f70e31df677bd5f5aa7\n";
const std::string kZskDs = "example. 3600 IN DS 51312 15 2 1b05c2acbf385751afdbcecd4eda1606ab7b1badad3f2fd02582f068503990bb\n";
}  // namespace

TEST_CASE("KEY001 dnskey-no-secure-entry") {
  const Options opts = only("KEY001");
  const std::string zone = signed_fixture();
  SUBCASE("without DS data the SEP key signs the DNSKEY RRset, and the run says it fell back") {
    Workspace ws;
    LoadOptions lo;
    lo.origin = "example.";
    ws.zones.push_back(load_zone_text(zone, "test.zone", lo));
    EngineOptions eng;
    eng.now = *parse_time("2026-06-01T00:00:00Z");
    eng.rules.select = {"KEY001"};
    LintResult r = run_lint(ws, eng);
    CHECK(r.findings.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("checked against the SEP keys") != std::string::npos);
  }
  SUBCASE("the DS names the key that signs the DNSKEY RRset") { CHECK(lint_signed(zone, opts, kKskDs).empty()); }
  SUBCASE("the DS names the ZSK, which does not sign the DNSKEY RRset") {
    auto found = lint_signed(zone, opts, kZskDs);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == line_with(zone, {"DNSKEY\t256"}));
    CHECK(found[0].message.find("parent's DS") != std::string::npos);
  }
  SUBCASE("a DS matching no key at all is ds-all-mismatch's, not this rule's") {
    CHECK(lint_signed(zone, opts, "example. 3600 IN DS 1 15 2 " + std::string(64, 'a') + "\n").empty());
  }
  SUBCASE("no SEP key signs: the KSK's flags changed to 256") {
    int l = line_with(zone, {"DNSKEY\t257"});
    auto found = lint_signed(edit_in_line(zone, l, "\t257 3 15", "\t256 3 15"), opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("no zone key") != std::string::npos);
  }
}
