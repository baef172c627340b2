#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC005 nsec3-iterations") {
  const auto o = only("NSEC005");
  auto with = [](const char* param) { return edit(kNsec3, "NSEC3PARAM 1 0 0 -", param); };
  SUBCASE("0 iterations is quiet") { CHECK(lines_of(lint_zone_text(kNsec3, o), "NSEC005").empty()); }
  SUBCASE("1 and 100 iterations warn, 101 is an error") {
    for (auto [param, sev] : {std::pair{"NSEC3PARAM 1 0 1 -", Severity::Warning},
                              std::pair{"NSEC3PARAM 1 0 100 -", Severity::Warning},
                              std::pair{"NSEC3PARAM 1 0 101 -", Severity::Error}}) {
      CAPTURE(param);
      auto f = of_rule(lint_zone_text(with(param), o), "NSEC005");
      REQUIRE(f.size() == 1);
      CHECK(f[0].loc.line == 3);
      CHECK(f[0].severity == sev);
    }
  }
  SUBCASE("above 150 iterations the chain is reported but its names are not hashed") {
    // The fixture's hashes are for 0 iterations: a chain that is still checked finds them all wrong.
    auto iterations = [](const char* n) {
      std::string z = kNsec3;
      for (size_t p; (p = z.find(" 1 0 0 -")) != std::string::npos;) z.replace(p, 8, cat(" 1 0 ", n, " -"));
      return z;
    };
    const auto checked = lint_zone_text(iterations("150"));
    CHECK(!lines_of(checked, "NSEC010").empty());
    const auto skipped = lint_zone_text(iterations("65535"));  // hashing each name 65 536 times was slow
    auto f = of_rule(skipped, "NSEC005");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 3);
    CHECK(f[0].severity == Severity::Error);
    CHECK(f[0].message.find("not checked against the names") != std::string::npos);
    for (const char* r : {"NSEC003", "NSEC004", "NSEC009", "NSEC010", "NSEC011"}) CHECK(of_rule(skipped, r).empty());
  }
  SUBCASE("a chain without NSEC3PARAM is reported once, at its first NSEC3") {
    auto z = drop_line(kNsec3, "NSEC3PARAM");
    for (const char* h : {"3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0", "9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0"})
      z = edit(z, h, std::string(h).substr(0, std::string(h).size() - 1) + "7");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC005") == V{8});
  }
}
