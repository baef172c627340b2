#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG004 rrsig-bogus") {
  const Options opts = only("SIG004");
  const std::string zone = signed_fixture();

  SUBCASE("a zone signed by ldns-signzone verifies (upper-case owners, wildcard owner, NSEC)") {
    CHECK(lint_signed(zone, only("SIG")).empty());
  }
  SUBCASE("a flipped signature character is reported on the RRSIG's own line") {
    int l = line_with(zone, {"www.example.", "RRSIG\tA "});
    auto found = lint_signed(edit_in_line(zone, l, "d+rV6WMe", "d+rV6WMf"), opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].loc.line == l);
    CHECK(found[0].message.find("www.example. A (key 51312, ED25519)") != std::string::npos);
    CHECK(found[0].related.size() == 2);
  }
  SUBCASE("RDATA edited after signing makes the signature bogus") {
    int a = line_with(zone, {"www.example.", "\tA\t192.0.2.2"});
    auto found = lint_signed(edit_in_line(zone, a, "192.0.2.2", "192.0.2.99"), opts);
    CHECK(lines_of(found, "SIG004") == std::vector<int>{line_with(zone, {"www.example.", "RRSIG\tA "})});
  }
  SUBCASE("wildcard expansion: an expanded answer verifies with the wildcard's signature") {
    int l = line_with(zone, {"*.wild.example.", "RRSIG\tA "});
    std::string sig = split(zone, '\n')[static_cast<size_t>(l - 1)];
    std::string expanded = "x.y.wild.example.\t3600\tIN\tA\t192.0.2.9\n" + std::string("x.y.wild.example.") +
                           sig.substr(sig.find('\t')) + "\n";
    CHECK(lint_signed(zone + expanded, opts).empty());
    // The same signature claiming 3 labels (no expansion) does not verify for x.y.wild.example.
    std::string wrong = edit_in_line(expanded, 2, "A 15 2 ", "A 15 3 ");
    auto found = lint_signed(zone + wrong, opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("does not verify") != std::string::npos);
    // More labels than the owner has: always bogus.
    found = lint_signed(zone + edit_in_line(expanded, 2, "A 15 2 ", "A 15 5 "), opts);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("labels 5") != std::string::npos);
  }
  SUBCASE("owner and RDATA names compare case-insensitively") {
    int l = line_with(zone, {"www.example.", "\tA\t"});
    std::string upper = edit_in_line(zone, l, "www.example.", "WwW.ExAmPlE.");
    int mx = line_with(upper, {"\tMX\t"});
    upper = edit_in_line(upper, mx, "Mail.Example.", "MAIL.example.");
    CHECK(lint_signed(upper, opts).empty());
  }
  SUBCASE("NSEC next names: RFC 6840 form (as written), else the RFC 4034 lower-cased form") {
    // Signed over "ns1.example."; written as "NS1.example." it verifies only in the older form.
    int l = line_with(zone, {"mail.example.\t3600", "\tNSEC\t"});
    CHECK(lint_signed(edit_in_line(zone, l, "ns1.example.", "NS1.example."), opts).empty());
    // Signed over "Upper.example." as written: lower-casing it breaks the RFC 6840 form, and the
    // RFC 4034 form is not what was signed either.
    int s = line_with(zone, {"sub.example.\t3600", "\tNSEC\t"});
    CHECK(lines_of(lint_signed(edit_in_line(zone, s, "Upper.example.", "upper.example."), opts), "SIG004").size() == 1);
  }
  SUBCASE("copies of a DNSKEY record are tried once, as the one RR they are") {
    int l = line_with(zone, {"www.example.", "RRSIG\tA "});
    const std::string bogus = edit_in_line(zone, l, "d+rV6WMe", "d+rV6WMf");
    std::string copies = bogus;
    const std::string zsk = split(zone, '\n')[static_cast<size_t>(line_with(zone, {"DNSKEY\t256 3 15"}) - 1)];
    for (int i = 0; i < 50; ++i) copies += zsk + "\n";
    size_t once = 0, with_copies = 0;
    auto a = lint_signed(bogus, opts, "", 1, &once), b = lint_signed(copies, opts, "", 1, &with_copies);
    REQUIRE(b.size() == 1);
    CHECK(b[0].loc.line == l);
    CHECK(a.size() == 1);
    CHECK(once > 0);
    CHECK(with_copies == once);
  }
  SUBCASE("findings are identical for any number of threads") {
    std::string bad = zone;
    for (const char* owner : {"www.example.", "mail.example.", "ns1.example."}) {
      int l = line_with(bad, {owner, "RRSIG\tA "});
      bad = edit_in_line(bad, l, " example. ", " example. A");
    }
    auto one = lint_signed(bad, only("SIG"), "", 1);
    auto four = lint_signed(bad, only("SIG"), "", 4);
    REQUIRE(one.size() == four.size());
    for (size_t i = 0; i < one.size(); ++i) {
      CHECK(one[i].loc.line == four[i].loc.line);
      CHECK(one[i].message == four[i].message);
    }
  }
}
