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

TEST_CASE("DS010 cdnskey-missing") {
  check_all_marks("DS010");
  SUBCASE("reported once, at the first CDS") {
    auto f = lint_zone_text(z("@ CDS 1 13 2 aa\n@ CDS 2 13 2 bb\n"), only("DS010"));
    CHECK(lines_of(f, "DS010") == std::vector<int>{6});
  }
  SUBCASE("a delete request alone is fine here") {
    CHECK(lint_zone_text(z("@ CDS 0 0 0 00\n"), only("DS010")).empty());
  }
}
