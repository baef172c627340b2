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

TEST_CASE("KEY005 with thousands of keys on one tag names a bounded number of related keys") {
  // Octets (a, b, 255-a, 255-b) of algorithm 253 all have the same key tag.
  constexpr int kKeys = 2000;
  auto b64 = [](const uint8_t (&k)[4]) {
    static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    uint32_t hi = uint32_t{k[0]} << 16 | uint32_t{k[1]} << 8 | k[2];
    std::string out;
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(hi >> s) & 63];
    out += kAlphabet[k[3] >> 2];
    out += kAlphabet[(k[3] & 3) << 4];
    return out + "==";
  };
  std::string rest;
  for (int i = 0; i < kKeys; ++i) {
    const uint8_t key[4] = {static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(i & 255), static_cast<uint8_t>(255 - (i >> 8)),
                            static_cast<uint8_t>(255 - (i & 255))};
    rest += cat("@ DNSKEY 256 3 253 ", b64(key), '\n');
  }
  auto run = [&](int64_t limit) {
    Options o = only("KEY005");
    o.options["KEY005"]["max-keys-per-tag"] = OptionValue{OptionKind::Integer, limit, false, ""};
    return of_rule(lint_zone_text(z(rest), o), "KEY005");
  };
  for (int64_t limit : {1, 3, 100}) {
    CAPTURE(limit);
    auto f = run(limit);
    REQUIRE(f.size() == static_cast<size_t>(kKeys - limit));
    CHECK(f[0].loc.line == 6 + limit);
    CHECK(f.back().loc.line == 6 + kKeys - 1);
    CHECK(f.back().message == "DNSKEY 1277 (ALG253) shares its key tag with 1999 other keys of the same algorithm");
    // The keys within the limit, at most eight of them, in file order.
    const size_t related = std::min<size_t>(static_cast<size_t>(limit), 8);
    CHECK(f[0].related.size() == related);
    CHECK(f.back().related.size() == related);
    CHECK(f.back().related.front().first.line == 6);
    CHECK(f.back().related.back().first.line == 6 + static_cast<int>(related) - 1);
  }
}
