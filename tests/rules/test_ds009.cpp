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

TEST_CASE("DS009 cds-missing") {
  check_all_marks("DS009");
  SUBCASE("CDNSKEY whose key is not in the zone is cds-mismatch, not this") {
    CHECK(lint_zone_text(z("@ DNSKEY 257 3 253 AQAA\n@ CDNSKEY 257 3 253 AQAB\n"), only("DS009")).empty());
  }
  SUBCASE("severity is warning") {
    auto f = lint_zone_text(z("@ DNSKEY 257 3 253 AQAA\n@ CDNSKEY 257 3 253 AQAA\n"), only("DS009"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
  }
}
