#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG006 rrsig-unknown-key") {
  const Options opts = only("SIG006");
  const std::string zone = signed_fixture();
  SUBCASE("every signer key is published") { CHECK(lint_signed(zone, opts).empty()); }
  SUBCASE("a key tag that matches no DNSKEY") {
    int l = line_with(zone, {"mail.example.", "RRSIG\tA "});
    auto found = lint_signed(edit_in_line(zone, l, " 51312 ", " 4242 "), opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == l);
    CHECK(found[0].message.find("key tag 4242 and algorithm 15") != std::string::npos);
  }
  SUBCASE("the right tag with another algorithm does not match either") {
    int l = line_with(zone, {"mail.example.", "RRSIG\tA "});
    CHECK(lines_of(lint_signed(edit_in_line(zone, l, "A 15 2", "A 13 2"), opts), "SIG006") == std::vector<int>{l});
  }
  SUBCASE("a removed DNSKEY orphans all its signatures") {
    std::string z = edit_line(zone, line_with(zone, {"DNSKEY\t256"}), "", true);
    CHECK(lint_signed(z, opts).size() == 17);
  }
}
