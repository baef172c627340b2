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

TEST_CASE("ZONE004 glue-missing") {
  check_all_marks("ZONE004");
  SUBCASE("out-of-bailiwick servers need no glue") {
    CHECK(lint_zone_text(z("@ NS ns.example.net.\nd NS ns.example.org.\n"), only("ZONE004")).empty());
  }
  SUBCASE("delegation glue") {
    CHECK(lines_of(lint_zone_text(z("d NS ns.d\n"), only("ZONE004")), "ZONE004") == std::vector<int>{6});
    CHECK(lint_zone_text(z("d NS ns.d\nns.d A 192.0.2.2\n"), only("ZONE004")).empty());
  }
  SUBCASE("apex NS at the apex itself needs an address there") {
    CHECK(lines_of(lint_zone_text(z("@ NS @\n"), only("ZONE004")), "ZONE004") == std::vector<int>{6});
    CHECK(lint_zone_text(z("@ NS @\n@ A 192.0.2.9\n"), only("ZONE004")).empty());
  }
  SUBCASE("a server below a sibling delegation is that child\x27s business") {
    CHECK(lint_zone_text(z("a NS ns.b\nb NS ns.example.net.\n"), only("ZONE004")).empty());
  }
}
