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
    // With sibling glue present, and with empty labels between the server and the sibling's cut.
    CHECK(lint_zone_text(z("a NS ns.b\nb NS ns.example.net.\nns.b A 192.0.2.3\n"), only("ZONE004")).empty());
    CHECK(lint_zone_text(z("a NS ns.x.y.b\nb NS ns.example.net.\nns.x.y.b A 192.0.2.3\n"), only("ZONE004")).empty());
    CHECK(lint_zone_text(z("a NS ns.x.y.b\nb NS ns.example.net.\n"), only("ZONE004")).empty());
  }
  SUBCASE("a server below a DNAME is reached through its target") {
    CHECK(lint_zone_text(z("d NS ns.x.dn\ndn DNAME example.net.\n"), only("ZONE004")).empty());
    CHECK(lint_zone_text(z("d NS ns.x.dn\ndn DNAME example.net.\nns.x.dn A 192.0.2.4\n"), only("ZONE004")).empty());
  }
  SUBCASE("glue below the delegation's own cut, past empty labels") {
    CHECK(lint_zone_text(z("d NS ns.x.y.d\nns.x.y.d A 192.0.2.5\n"), only("ZONE004")).empty());
    CHECK(lines_of(lint_zone_text(z("d NS ns.x.y.d\nother.x.y.d A 192.0.2.5\n"), only("ZONE004")), "ZONE004") ==
          std::vector<int>{6});
  }
  SUBCASE("a server that is an empty non-terminal has no address") {
    CHECK(lines_of(lint_zone_text(z("@ NS x.y\nns.x.y A 192.0.2.5\n"), only("ZONE004")), "ZONE004") ==
          std::vector<int>{6});
  }
  SUBCASE("a wildcard answers only from the closest encloser, which empty non-terminals move") {
    // ns.a.b.c does not exist; its closest encloser is b.c (empty, above *.b.c), whose wildcard answers.
    CHECK(lint_zone_text(z("@ NS ns.a.b.c\n*.b.c A 192.0.2.6\n"), only("ZONE004")).empty());
    // z.y.a.b.c makes a.b.c (and y.a.b.c) exist: now a.b.c is the closest encloser, with no wildcard.
    CHECK(lines_of(lint_zone_text(z("@ NS ns.a.b.c\n*.b.c A 192.0.2.6\nz.y.a.b.c TXT x\n"), only("ZONE004")),
                   "ZONE004") == std::vector<int>{6});
    CHECK(lint_zone_text(z("@ NS ns.a.b.c\n*.b.c A 192.0.2.6\nz.y.a.b.c TXT x\n*.a.b.c AAAA 2001:db8::6\n"),
                         only("ZONE004"))
              .empty());
  }
}
