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

TEST_CASE("ZONE002 soa-multiple") {
  check_all_marks("ZONE002");
  SUBCASE("an identical duplicate is quiet") {
    CHECK(lint_zone_text(z("@ SOA ns1 hostmaster 1 7200 3600 1209600 3600\n"), only("ZONE002")).empty());
  }
  SUBCASE("a different serial fires at the second record") {
    CHECK(lines_of(lint_zone_text(z("@ SOA ns1 hostmaster 2 7200 3600 1209600 3600\n"), only("ZONE002")), "ZONE002") ==
          std::vector<int>{6});
  }
}
