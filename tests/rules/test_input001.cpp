#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("INPUT001 input-unreadable") {
  SUBCASE("a missing $INCLUDE is reported at the $INCLUDE line and the run is an input error") {
    Workspace ws;
    ws.zones.push_back(load_zone_text("www IN A 192.0.2.1\n$INCLUDE /nonexistent/part.zone\n", "t.zone",
                                      {.origin = "example."}));
    EngineOptions eng;
    eng.rules.select = {"SIG"};  // input rules are always on, whatever is selected
    LintResult r = run_lint(ws, eng);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule->info.id == "INPUT001");
    CHECK(r.findings[0].loc.line == 2);
    CHECK(r.input_error);
  }
  SUBCASE("it cannot be ignored or switched off") {
    Workspace ws;
    ws.zones.push_back(load_zone_file("/nonexistent.zone", {}));
    EngineOptions eng;
    eng.rules.ignore = {"input-unreadable"};
    eng.rules.severity = {{"INPUT001", "off"}};
    LintResult r = run_lint(ws, eng);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].severity == Severity::Error);
  }
}
