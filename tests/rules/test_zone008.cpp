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

TEST_CASE("ZONE008 dname-multiple") {
  check_all_marks("ZONE008");
  SUBCASE("one DNAME is fine") { CHECK(lint_zone_text(z("d DNAME x.\n"), only("ZONE008")).empty()); }
  SUBCASE("second one fires") {
    CHECK(lines_of(lint_zone_text(z("d DNAME x.\nd DNAME y.\n"), only("ZONE008")), "ZONE008") == std::vector<int>{7});
  }
}
