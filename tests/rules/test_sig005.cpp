#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG005 rrset-unsigned") {
  const Options opts = only("SIG005");
  const std::string zone = signed_fixture();

  SUBCASE("glue and the delegation NS are not expected to be signed") { CHECK(lint_signed(zone, opts).empty()); }
  SUBCASE("a removed RRSIG leaves its RRset unsigned, reported at the RRset") {
    std::string z = edit_line(zone, line_with(zone, {"www.example.", "RRSIG\tAAAA"}), "", true);
    auto found = lint_signed(z, opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == line_with(z, {"www.example.", "\tAAAA\t"}));
  }
  SUBCASE("the DS at a delegation must be signed") {
    std::string z = edit_line(zone, line_with(zone, {"sub.example.", "RRSIG\tDS"}), "", true);
    CHECK(lines_of(lint_signed(z, opts), "SIG005") == std::vector<int>{line_with(z, {"sub.example.", "\tDS\t"})});
  }
  SUBCASE("an unsigned zone is quiet") {
    CHECK(lint_zone_text("example. 3600 IN SOA ns.example. h.example. 1 2 3 4 5\nwww.example. 3600 IN A 192.0.2.1\n",
                         opts)
              .empty());
  }
}
