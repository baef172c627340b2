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

TEST_CASE("DS006 ds-at-apex") {
  check_all_marks("DS006");
  SUBCASE("DS at a delegation is where it belongs") {
    CHECK(lint_zone_text(z("c NS ns.example.net.\nc DS 1 13 2 aaaa\n"), only("DS006")).empty());
  }
  SUBCASE("each apex DS is reported") {
    CHECK(lines_of(lint_zone_text(z("@ DS 1 13 2 aaaa\n@ DS 2 13 2 bbbb\n"), only("DS006")), "DS006") ==
          std::vector<int>{6, 7});
  }
}
