#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("SIG007 rrsig-algorithm-missing") {
  const Options opts = only("SIG007");
  SUBCASE("single-algorithm zone") { CHECK(lint_signed(signed_fixture(), opts).empty()); }
  SUBCASE("an algorithm-13 key that signs only the DNSKEY RRset") {
    std::string z = signed_fixture("missing-alg13.zone");
    auto found = lint_signed(z, opts);
    // Every signed RRset but DNSKEY: SOA NS MX NSEC x7 A x4 (mail, ns1, *.wild, www) AAAA DS CNAME.
    CHECK(found.size() == 17);
    CHECK(lines_of(found, "SIG007").front() == line_with(z, {"\tSOA\t"}));
    CHECK(found[0].message.find("algorithm 13 (ECDSAP256SHA256)") != std::string::npos);
  }
}
