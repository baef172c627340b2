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

TEST_CASE("DS011 cds-delete-invalid") {
  check_all_marks("DS011");
  SUBCASE("CDS delete alone is valid") { CHECK(lint_zone_text(z("@ CDS 0 0 0 00\n"), only("DS011")).empty()); }
  SUBCASE("CDNSKEY with protocol 4") {
    CHECK(lines_of(lint_zone_text(z("@ CDNSKEY 0 4 0 AA==\n"), only("DS011")), "DS011") == std::vector<int>{6});
  }
  SUBCASE("CDS with key tag set") {
    CHECK(lines_of(lint_zone_text(z("@ CDS 1 0 0 00\n"), only("DS011")), "DS011") == std::vector<int>{6});
  }
}
