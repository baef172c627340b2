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

TEST_CASE("ZONE007 dname-children") {
  check_all_marks("ZONE007");
  SUBCASE("the DNAME owner itself may hold other data") {
    CHECK(lint_zone_text(z("d DNAME x.\nd TXT \"fine\"\n"), only("ZONE007")).empty());
  }
  SUBCASE("siblings of the DNAME are fine") {
    CHECK(lint_zone_text(z("d DNAME x.\ne A 192.0.2.1\n"), only("ZONE007")).empty());
  }
  SUBCASE("NSEC3 owners below an apex DNAME are zone meta-data") {
    std::string t = "$ORIGIN example.\n@ 60 SOA ns.example.net. h 1 1 1 1 1\n@ 60 NS ns.example.net.\n@ 60 DNAME x.\n"
                    "ple28jlp3q5anh045ssk9f3u7ltd4qlc 60 NSEC3 1 1 10 151e9f1094fe188f ple28jlp3q5anh045ssk9f3u7ltd4qlc\n";
    CHECK(lint_zone_text(t, only("ZONE007")).empty());
  }
}
