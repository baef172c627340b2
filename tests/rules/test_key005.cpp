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

TEST_CASE("KEY005 dnskey-keytag-collision") {
  check_all_marks("KEY005");
  SUBCASE("max-keys-per-tag = 1 reports every collision") {
    Options o = only("KEY005");
    o.options["KEY005"]["max-keys-per-tag"] = OptionValue{OptionKind::Integer, 1, false, ""};
    auto f = lint_zone_text(z("@ DNSKEY 256 3 253 AQAA\n@ DNSKEY 256 3 253 AAAB\n"), o);
    CHECK(lines_of(f, "KEY005") == std::vector<int>{7});
  }
  SUBCASE("default: a pair is quiet") {
    CHECK(lint_zone_text(z("@ DNSKEY 256 3 253 AQAA\n@ DNSKEY 256 3 253 AAAB\n"), only("KEY005")).empty());
  }
}
