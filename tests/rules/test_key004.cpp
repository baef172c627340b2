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

TEST_CASE("KEY004 dnskey-invalid") {
  check_all_marks("KEY004");
  SUBCASE("RSA exponent length pointing past the key") {
    CHECK(lines_of(lint_zone_text(z("@ DNSKEY 256 3 8 +gEAAQ==\n"), only("KEY004")), "KEY004") == std::vector<int>{6});
  }
  SUBCASE("Ed448 of the right size is quiet") {
    CHECK(lint_zone_text(z("@ DNSKEY 257 3 16 gCzQvEGBvRA1nkGczw2Ak3e1Ik4K/ApFGa+c2zmNX3u7eIrg46EOCBXidAMFzGi03lwsVznxNaGA\n"),
                         only("KEY004")).empty());
  }
  SUBCASE("protocol 3 is the only valid one, 255 fires") {
    CHECK(lint_zone_text(z("@ DNSKEY 256 255 253 AA==\n"), only("KEY004")).size() == 1);
  }
}
