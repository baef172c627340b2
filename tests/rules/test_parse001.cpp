#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("PARSE001 zone-syntax") {
  SUBCASE("every broken record is reported, and rules still see the records after them") {
    auto f = lint_zone_text(
        "a IN A 192.0.2.1\n"
        "b IN A 300.0.0.1\n"
        "_25._tcp.mx IN TLSA 256 1 1 abababababababababababababababababababababababababababababababab\n"
        "_25._tcp.mx IN TLSA 1 1 1 abababababababababababababababababababababababababababababababab\n",
        only("SMTP001"));
    CHECK(lines_of(f, "PARSE001") == std::vector<int>{2, 3});
    CHECK(lines_of(f, "SMTP001") == std::vector<int>{4});
  }
  SUBCASE("cannot be ignored") {
    Options o;
    o.select = {"ALL"};
    Workspace ws;
    ws.zones.push_back(load_zone_text("a IN A x\n", "t.zone", {.origin = "example."}));
    EngineOptions eng;
    eng.rules.select = {"PARSE001"};
    eng.rules.ignore = {"PARSE"};
    CHECK(of_rule(run_lint(ws, eng).findings, "PARSE001").size() == 1);
  }
}
