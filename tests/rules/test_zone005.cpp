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

TEST_CASE("ZONE005 cname-and-other-data") {
  check_all_marks("ZONE005");
  SUBCASE("fires at the CNAME") {
    auto f = lint_zone_text(z("www A 192.0.2.1\nwww CNAME web\n"), only("ZONE005"));
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 7);
    CHECK(f[0].owner == "www.example.");
    CHECK(f[0].message.find("A") != std::string::npos);
  }
  SUBCASE("RRSIG and NSEC are allowed") {
    CHECK(lint_zone_text(z("www CNAME web\nwww NSEC x CNAME RRSIG NSEC\n"), only("ZONE005")).empty());
  }
  SUBCASE("occluded data below a DNAME is not judged") {
    CHECK(lint_zone_text(z("d DNAME x.\nw.d CNAME a\nw.d A 192.0.2.1\n"), only("ZONE005")).empty());
  }
}
