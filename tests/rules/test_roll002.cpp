// Tests of ROLL002.
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

TEST_CASE("ROLL002 rollover-ttl: boundary at one day, option max-ttl") {
  std::string at = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1, 1, 86400);
  std::string over = std::string(kSoa) + tlsa("_25._tcp.mx.example.", 1, 1, 86401);
  CHECK(lines_of(lint_zone_text(at, only("ROLL002")), "ROLL002").empty());
  CHECK(lines_of(lint_zone_text(over, only("ROLL002")), "ROLL002") == std::vector<int>{3});
  Options o = only("ROLL002");
  o.options["ROLL002"]["max-ttl"] = *parse_option_value(find_rule("ROLL002")->info.options[0], "2d");
  CHECK(lines_of(lint_zone_text(over, o), "ROLL002").empty());
}

