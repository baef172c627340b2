// Hand-written zones mixing several zone-structure mistakes; every rule's marks must match exactly.
#include <doctest/doctest.h>

#include "tests/helpers.hpp"

using namespace danelint::test;

TEST_CASE("zone-structure rules on hand-written zones") {
  for (const char* file : {"testdata/structure/shop.zone", "testdata/structure/signed-by-hand.zone"})
    for (const char* id : {"ZONE001", "ZONE002", "ZONE003", "ZONE004", "ZONE005", "ZONE006", "ZONE007", "ZONE008",
                           "ZONE009", "DS006", "DS007", "DS008", "DS009", "DS010", "DS011", "KEY004", "KEY005",
                           "SIG009", "SIG010"}) {
      Options o;
      o.origin = "";  // origin from the SOA, as on the command line without --origin
      check_expect_marks(file, id, o);
    }
}
