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

TEST_CASE("DS007 ds-algorithm-unknown") {
  check_all_marks("DS007");
  SUBCASE("assigned algorithms and digests are quiet") {
    CHECK(lint_zone_text(z("c NS ns.example.net.\nc DS 1 8 1 aa\nc DS 1 13 2 aa\nc DS 1 15 4 aa\nc DS 1 254 2 aa\n"),
                         only("DS007")).empty());
  }
  SUBCASE("reserved algorithm 0 and digest 0") {
    CHECK(lines_of(lint_zone_text(z("c NS ns.example.net.\nc DS 1 0 2 aa\nc DS 1 13 0 aa\n"), only("DS007")), "DS007") ==
          std::vector<int>{7, 8});
  }
}
