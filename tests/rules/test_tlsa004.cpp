#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("TLSA004 tlsa-full-unparseable") {
  SUBCASE("marked lines of the TLSA form zone, and nothing else") {
    check_expect_marks("testdata/rules/TLSA/form.zone", "TLSA004", Options{});
  }
  SUBCASE("real DER certificates and SPKIs made by openssl parse; trailing junk does not") {
    TempDir d;
    RunResult r = run(cat("cd ", d.path, " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes ",
                          "-keyout k.pem -subj /CN=mx.example -days 30 -outform DER -out c.der 2>/dev/null && ",
                          "openssl pkey -in k.pem -pubout -outform DER -out s.der && ",
                          "echo $(xxd -p c.der | tr -d '\\n') $(xxd -p s.der | tr -d '\\n')"));
    REQUIRE(r.exit_code == 0);
    auto hex = split(std::string(trim(r.out)), ' ');
    REQUIRE(hex.size() == 2);
    CHECK(lint_zone_text(cat("_25._tcp.mx IN TLSA 3 0 0 ", hex[0], "\n"), only("TLSA004")).empty());
    CHECK(lint_zone_text(cat("_25._tcp.mx IN TLSA 3 1 0 ", hex[1], "\n"), only("TLSA004")).empty());
    // A certificate where an SPKI belongs, and a SPKI with a trailing byte.
    CHECK(lint_zone_text(cat("_25._tcp.mx IN TLSA 3 1 0 ", hex[0], "\n"), only("TLSA004")).size() == 1);
    CHECK(lint_zone_text(cat("_25._tcp.mx IN TLSA 3 1 0 ", hex[1], "00\n"), only("TLSA004")).size() == 1);
  }
}
