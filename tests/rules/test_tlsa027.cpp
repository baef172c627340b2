// Tests of TLSA027.
#include <doctest/doctest.h>

#include "lint/config.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

[[maybe_unused]] const char* kSoa = "example. 3600 IN SOA ns.example. host.example. 1 3600 900 604800 300\nexample. 3600 IN NS ns.example.\n";

[[maybe_unused]] std::string tlsa(const std::string& owner, int fill, int mt = 1, uint32_t ttl = 3600) {
  std::string hex;
  for (int i = 0; i < (mt == 2 ? 64 : 32); ++i) hex += cat(std::hex, fill / 16, fill % 16);
  return cat(owner, ' ', ttl, " IN TLSA 3 1 ", mt, ' ', hex, '\n');
}

}  // namespace

TEST_CASE("TLSA027 dane-zone-unsigned follows the [[zone]] signing mode") {
  std::string text = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1);
  auto run = [&](ZoneSigning mode) {
    Options o = only("TLSA027");
    o.signing = mode;
    return lines_of(lint_zone_text(text, o), "TLSA027");
  };
  CHECK(run(ZoneSigning::Offline) == std::vector<int>{3});
  CHECK(run(ZoneSigning::Online).empty());
  CHECK(run(ZoneSigning::Unknown).empty());
}

