#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("KEY002 dnskey-algorithm-deprecated") {
  const Options opts = only("KEY002");
  const std::string zone = signed_fixture();
  SUBCASE("ED25519 is fine") { CHECK(lint_signed(zone, opts).empty()); }
  SUBCASE("RSASHA1 warns, DSA errs, each at its DNSKEY") {
    std::string z = zone +
                    "example. 3600 IN DNSKEY 256 3 5 AwEAAdNvgwve3V5S+gkP5J/+INDGN6+AGSq8bGE/+zVe/tJbmQp9oa+7rmo4sNCol+8SPgmvCSPus"
                    "MAerVslgmdrBdTUnPcKlgefKrDWwGXLS2loZs0YckA+JQQtsSZuLxVLGtAcRaLQpqLuOddXymOCKYxnxNlcI3GU0NZQ3R8gNWKBIA"
                    "+Enkm2tEVotULnFycoWjPNpys91+HWFQ1YBDlM7E4EAz14/WYNS4dZptEJVuxatO6KQWcB4Qbk+sjzuNeU+AioohhTQbwxWtP9T8N"
                    "z0V+DwREoqxKCrLYUy6y82ejaaYvTLD0XYzIc9Xl5sx20cUSNiFMmvXO+YgnMkgcDW3M=\n"
                    "example. 3600 IN DNSKEY 256 3 3 AAAA\n";
    auto found = lint_signed(z, opts);
    REQUIRE(found.size() == 2);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message.find("algorithm 5 (RSASHA1)") != std::string::npos);
    CHECK(found[1].severity == Severity::Error);
    CHECK(found[1].message.find("algorithm 3 (DSA)") != std::string::npos);
  }
  SUBCASE("an unsupported algorithm's signatures are reported by rules, never a crash") {
    std::string z = zone + "example. 3600 IN DNSKEY 256 3 253 AAAA\n"
                           "www.example. 3600 IN RRSIG A 253 2 3600 20350101000000 20250101000000 1 example. AAAA\n";
    CHECK(lint_signed(z, only("ALL")).size() >= 0u);
  }
}
