#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DS003 ds-digest-sha1-only") {
  const Options opts = only("DS003");
  const std::string zone = signed_fixture();
  const std::string sha1 = "example. 3600 IN DS 8725 15 1 " + std::string(40, 'c') + "\n";
  SUBCASE("SHA-256 DS") { CHECK(lint_signed(zone, opts, read_source_file("testdata/dnssec/dsset-example.")).empty()); }
  SUBCASE("SHA-1 only, in a DS file and at a delegation") {
    CHECK(lines_of(lint_signed(zone, opts, sha1), "DS003") == std::vector<int>{1});
    int l = line_with(zone, {"sub.example.", "\tDS\t"});
    std::string z = edit_in_line(zone, l, "12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                 "12345 13 1 0123456789abcdef0123456789abcdef01234567");
    CHECK(lines_of(lint_signed(z, opts), "DS003") == std::vector<int>{l});
  }
  SUBCASE("SHA-1 next to SHA-256 is fine") {
    CHECK(lint_signed(zone, opts, sha1 + read_source_file("testdata/dnssec/dsset-example.")).empty());
  }
}
