#include <doctest/doctest.h>

#include "tests/helpers.hpp"
#include "tests/rules/denial_fixtures.hpp"

using namespace danelint;
using namespace danelint::test;
using namespace danelint::test::denial;
using V = std::vector<int>;

TEST_CASE("NSEC009 nsec-superfluous") {
  const auto o = only("NSEC009");
  SUBCASE("no NSEC below the cut is quiet") { CHECK(lines_of(lint_zone_text(kNsec, o), "NSEC009").empty()); }
  SUBCASE("NSEC at glue") {
    auto z = kNsec + "ns.sub.example. 3600 IN NSEC www.example. A NSEC\n";
    auto f = of_rule(lint_zone_text(z, o), "NSEC009");
    REQUIRE(f.size() == 1);
    CHECK(f[0].loc.line == 11);
    CHECK(f[0].message.find("below the delegation sub.example.") != std::string::npos);
  }
  SUBCASE("NSEC below a DNAME") {
    auto z = edit(kNsec, "www.example. 3600 IN A 192.0.2.2", "www.example. 3600 IN DNAME other.net.");
    z = edit(z, "www.example. 3600 IN NSEC example. A NSEC", "www.example. 3600 IN NSEC example. DNAME NSEC");
    z += "x.www.example. 3600 IN NSEC example. A NSEC\n";
    CHECK(lines_of(lint_zone_text(z, o), "NSEC009") == V{11});
  }
  SUBCASE("NSEC3 standing for a glue name") {
    auto z = kNsec3 + "v4o9kqe6h7qpid5n8v9idef0v4qieagb.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A\n"
                      "ns.sub.example. 3600 IN A 192.0.2.53\n";
    z = edit(z, "sub.example. 3600 IN NS ns.other.net.", "sub.example. 3600 IN NS ns.sub.example.");
    CHECK(lines_of(lint_zone_text(z, o), "NSEC009") == V{15});
  }
}
