#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG008 rrsig-orig-ttl-mismatch") {
  const Options opts = only("SIG008");
  const std::string zone = signed_fixture();
  SUBCASE("TTLs as signed") { CHECK(lint_signed(zone, opts).empty()); }
  SUBCASE("TTL lowered after signing: warning at the RRSIG, the signature still verifies") {
    int a = line_with(zone, {"www.example.", "\tA\t192"});
    std::string z = edit_in_line(zone, a, "\t3600\t", "\t300\t");
    auto found = lint_signed(z, only("SIG"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule->info.id == "SIG008");
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].loc.line == line_with(z, {"www.example.", "RRSIG\tA "}));
    CHECK(found[0].message.find("original TTL 3600 but the RRset's TTL is 300") != std::string::npos);
  }
}
