#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/structure_marks.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
[[maybe_unused]] const char* kHead =
    "$ORIGIN example.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ NS ns1\nns1 A 192.0.2.1\n";
[[maybe_unused]] std::string z(const std::string& rest) { return kHead + rest; }
}  // namespace

TEST_CASE("DS008 cds-mismatch") {
  check_all_marks("DS008");
  SUBCASE("no CDS/CDNSKEY: quiet") { CHECK(lint_zone_text(kHead, only("DS008")).empty()); }
  SUBCASE("a delete request is left to cds-delete-invalid") {
    CHECK(lint_zone_text(z("@ CDS 0 0 0 01\n@ CDNSKEY 257 3 253 AQAA\n"), only("DS008")).empty());
  }
  SUBCASE("CDNSKEY equal to a DNSKEY is quiet, one octet off fires") {
    CHECK(lint_zone_text(z("@ DNSKEY 257 3 253 AQAA\n@ CDNSKEY 257 3 253 AQAA\n"), only("DS008")).empty());
    CHECK(lines_of(lint_zone_text(z("@ DNSKEY 257 3 253 AQAA\n@ CDNSKEY 257 3 253 AQAB\n"), only("DS008")), "DS008") ==
          std::vector<int>{7});
  }
}
