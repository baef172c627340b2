#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("KEY003 dnskey-weak-rsa") {
  const Options opts = only("KEY003");
  const std::string zone = signed_fixture();
  SUBCASE("no RSA keys") { CHECK(lint_signed(zone, opts).empty()); }
  SUBCASE("2048 bits is quiet, 1024 warns, 512 errs") {
    std::string z = zone +
                    "example. 3600 IN DNSKEY 256 3 5 AwEAAdNvgwve3V5S+gkP5J/+INDGN6+AGSq8bGE/+zVe/tJbmQp9oa+7rmo4sNCol+8SPgmvCSPus"
                    "MAerVslgmdrBdTUnPcKlgefKrDWwGXLS2loZs0YckA+JQQtsSZuLxVLGtAcRaLQpqLuOddXymOCKYxnxNlcI3GU0NZQ3R8gNWKBIA"
                    "+Enkm2tEVotULnFycoWjPNpys91+HWFQ1YBDlM7E4EAz14/WYNS4dZptEJVuxatO6KQWcB4Qbk+sjzuNeU+AioohhTQbwxWtP9T8N"
                    "z0V+DwREoqxKCrLYUy6y82ejaaYvTLD0XYzIc9Xl5sx20cUSNiFMmvXO+YgnMkgcDW3M=\n"
                    "example. 3600 IN DNSKEY 256 3 8 AwEAAZjn1QyREaQkxcf6+wkW03H3pAppQaOsLhOo9O2RAYBar4PwMuyi46+POXblnJy5Et82pfXxEZk"
                    "RjGYdVCqg2E6oxlfAlVoakLI7rfFUwOKHiZVps9HMjbQ3zjAWdQM1eQjEVKWimIKxPG2q0IkLgDMflkeKPVtRyoe/YNztDwPP\n"
                    "example. 3600 IN DNSKEY 256 3 8 AwEAAdGmBg9mfIgTsricWENXITZstGFwAmtMcsrf8EZA10UXECGEmlsj7TdjRIJGDJCZk57ISQAZB"
                    "SSkwQNnaX5Tyic=\n";
    auto found = lint_signed(z, opts);
    REQUIRE(found.size() == 2);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].message.find("1024-bit") != std::string::npos);
    CHECK(found[1].severity == Severity::Error);
    CHECK(found[1].message.find("512-bit") != std::string::npos);
  }
}
