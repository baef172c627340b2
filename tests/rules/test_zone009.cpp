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

TEST_CASE("ZONE009 dname-and-ns") {
  check_all_marks("ZONE009");
  SUBCASE("fires at the DNAME") {
    CHECK(lines_of(lint_zone_text(z("d NS ns.example.net.\nd DNAME x.\n"), only("ZONE009")), "ZONE009") ==
          std::vector<int>{7});
  }
  SUBCASE("a DNAME below a delegation is the child\x27s") {
    CHECK(lint_zone_text(z("d NS ns.example.net.\nx.d NS ns.example.net.\nx.d DNAME y.\n"), only("ZONE009")).empty());
  }
}
