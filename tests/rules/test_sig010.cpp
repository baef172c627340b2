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

TEST_CASE("SIG010 rrsig-over-rrsig") {
  check_all_marks("SIG010");
  SUBCASE("ordinary RRSIG quiet") {
    CHECK(lint_zone_text(z("ns1 RRSIG A 13 2 60 20300101000000 20241201000000 1 example. AAAA\n"), only("SIG010")).empty());
  }
}
