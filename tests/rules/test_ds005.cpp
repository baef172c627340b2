#include "tests/rules/dnssec_fixture.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("DS005 ds-digest-length") {
  const Options opts = only("DS005");
  const std::string zone = signed_fixture();
  SUBCASE("right lengths for each type") {
    for (auto [type, hex] : {std::pair{1, 40}, {2, 64}, {3, 64}, {4, 96}}) {
      std::string ds = cat("example. 3600 IN DS 8725 15 ", type, ' ', std::string(static_cast<size_t>(hex), 'd'), '\n');
      CHECK(lint_signed(zone, opts, ds).empty());
    }
  }
  SUBCASE("one octet short or long") {
    for (auto [type, hex] : {std::pair{1, 38}, {2, 66}, {4, 94}}) {
      std::string ds = cat("example. 3600 IN DS 8725 15 ", type, ' ', std::string(static_cast<size_t>(hex), 'd'), '\n');
      CHECK(lines_of(lint_signed(zone, opts, ds), "DS005") == std::vector<int>{1});
    }
  }
  SUBCASE("a truncated DS at a delegation") {
    int l = line_with(zone, {"sub.example.", "\tDS\t"});
    std::string z = edit_in_line(zone, l, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                 "0123456789abcdef0123456789abcdef");
    CHECK(lines_of(lint_signed(z, opts), "DS005") == std::vector<int>{l});
  }
}
