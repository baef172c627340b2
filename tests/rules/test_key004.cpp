#include <doctest/doctest.h>
#include <openssl/evp.h>

#include "tests/helpers.hpp"
#include "tests/rules/structure_marks.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {
[[maybe_unused]] const char* kHead =
    "$ORIGIN example.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ NS ns1\nns1 A 192.0.2.1\n";
[[maybe_unused]] std::string z(const std::string& rest) { return kHead + rest; }
}  // namespace

TEST_CASE("KEY004 dnskey-invalid") {
  check_all_marks("KEY004");
  SUBCASE("RSA exponent length pointing past the key") {
    CHECK(lines_of(lint_zone_text(z("@ DNSKEY 256 3 8 +gEAAQ==\n"), only("KEY004")), "KEY004") == std::vector<int>{6});
  }
  SUBCASE("Ed448 of the right size is quiet") {
    CHECK(lint_zone_text(z("@ DNSKEY 257 3 16 gCzQvEGBvRA1nkGczw2Ak3e1Ik4K/ApFGa+c2zmNX3u7eIrg46EOCBXidAMFzGi03lwsVznxNaGA\n"),
                         only("KEY004")).empty());
  }
  SUBCASE("an RSA modulus over RFC 3110's 4096 bits is reported without OpenSSL's costly check") {
    auto rsa_key = [](size_t modulus_octets, uint8_t top) {
      std::string k = std::string("\x03\x01\x00\x01", 4) + char(top) + std::string(modulus_octets - 1, '\xff');
      std::string b64(4 * ((k.size() + 2) / 3) + 1, '\0');
      b64.resize(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                                 reinterpret_cast<const unsigned char*>(k.data()), static_cast<int>(k.size())));
      return "@ DNSKEY 256 3 8 " + b64 + "\n";
    };
    // 16384 bits, three copies: OpenSSL's check took 1.3 s per copy.
    const std::string big = rsa_key(2048, 0xff);
    auto f = of_rule(lint_zone_text(z(big + big + rsa_key(513, 0x01)), only("KEY004")), "KEY004");
    REQUIRE(f.size() == 3);
    CHECK(f[0].message.find("RSA modulus is 16384 bits; RFC 3110 §2 limits it to 4096") != std::string::npos);
    CHECK(f[1].loc.line == 7);
    CHECK(f[2].message.find("RSA modulus is 4097 bits") != std::string::npos);
    // 4096 bits is within the limit: judged by OpenSSL's check (all ones is divisible by 3).
    auto at_limit = of_rule(lint_zone_text(z(rsa_key(512, 0xff)), only("KEY004")), "KEY004");
    REQUIRE(at_limit.size() == 1);
    CHECK(at_limit[0].message.find("fails OpenSSL's key check") != std::string::npos);
  }
  SUBCASE("protocol 3 is the only valid one, 255 fires") {
    CHECK(lint_zone_text(z("@ DNSKEY 256 255 253 AA==\n"), only("KEY004")).size() == 1);
  }
}
