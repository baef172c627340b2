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

TEST_CASE("ZONE006 cname-multiple") {
  check_all_marks("ZONE006");
  SUBCASE("one CNAME is fine") { CHECK(lint_zone_text(z("www CNAME a.\n"), only("ZONE006")).empty()); }
  SUBCASE("two different targets fire at the second") {
    auto f = lint_zone_text(z("www CNAME a.example.net.\nwww CNAME b.example.net.\n"), only("ZONE006"));
    CHECK(lines_of(f, "ZONE006") == std::vector<int>{7});
  }
}

TEST_CASE("ZONE006 with thousands of CNAMEs at one owner, most of them repeats") {
  // 1000 targets in a scrambled order, then each twice more: repeats collapse onto their first record.
  std::string rest;
  for (int i = 0; i < 3000; ++i) rest += cat("www CNAME t", (i * 7919) % 1000, ".example.net.\n");
  auto f = of_rule(lint_zone_text(z(rest), only("ZONE006")), "ZONE006");
  REQUIRE(f.size() == 999);
  std::vector<int> want;
  for (int l = 7; l <= 1005; ++l) want.push_back(l);
  CHECK(lines_of(f, "ZONE006") == want);
  CHECK(f[0].message == "another CNAME at www.example. (1000 distinct CNAME records)");
  CHECK(f.back().related[0].first.line == 6);
}
