#include <doctest/doctest.h>

#include "lint/timeutil.hpp"

using namespace danelint;

TEST_CASE("time: --now accepts RFC 3339, YYYYMMDDHHMMSS and epoch seconds") {
  CHECK(parse_time("2025-01-01T00:00:00Z") == 1735689600);
  CHECK(parse_time("2025-01-01T01:00:00+01:00") == 1735689600);
  CHECK(parse_time("2024-12-31T19:00:00-05:00") == 1735689600);
  CHECK(parse_time("2025-01-01T00:00:00.250Z") == 1735689600);
  CHECK(parse_time("20250101000000") == 1735689600);
  CHECK(parse_time("1735689600") == 1735689600);
  CHECK(parse_time("2038-01-19T03:14:08Z") == 2147483648);
  CHECK(parse_time("2106-02-07T06:28:16Z") == 4294967296);
  CHECK_FALSE(parse_time("2025-02-30T00:00:00Z"));
  CHECK_FALSE(parse_time("2025-01-01T00:00:00"));  // RFC 3339 needs an offset
  CHECK_FALSE(parse_time("tomorrow"));
  CHECK_FALSE(parse_time(""));
  CHECK_FALSE(parse_time("2023-02-29T00:00:00Z"));
  CHECK(parse_time("2024-02-29T00:00:00Z"));
}

TEST_CASE("time: durations") {
  CHECK(parse_duration("90s") == 90);
  CHECK(parse_duration("12h") == 43200);
  CHECK(parse_duration("7d") == 604800);
  CHECK(parse_duration("2w") == 1209600);
  CHECK(parse_duration("3600") == 3600);
  CHECK(parse_duration("P7D") == 604800);
  CHECK(parse_duration("PT12H") == 43200);
  CHECK(parse_duration("P1DT2H30M") == 86400 + 7200 + 1800);
  CHECK_FALSE(parse_duration("7x"));
  CHECK_FALSE(parse_duration("P"));
  CHECK_FALSE(parse_duration("PT"));
  CHECK_FALSE(parse_duration("P1H"));  // hours need the T
  CHECK_FALSE(parse_duration("-5s"));
}

TEST_CASE("time: formatting and serial arithmetic") {
  CHECK(format_time(1735689600) == "2025-01-01T00:00:00Z");
  CHECK(format_time(0) == "1970-01-01T00:00:00Z");
  CHECK(format_time(4294967296) == "2106-02-07T06:28:16Z");
  CHECK(format_duration(90) == "1m");
  CHECK(format_duration(3 * 86400 + 3600) == "3d 1h");
  // A 32-bit RRSIG time is placed within 68 years of now.
  int64_t now = *parse_time("2106-01-01T00:00:00Z");
  CHECK(serial_to_time(static_cast<uint32_t>(*parse_time("2107-01-01T00:00:00Z")), now) ==
        *parse_time("2107-01-01T00:00:00Z"));
  CHECK(serial_before(0xfffffff0u, 5u));
  CHECK_FALSE(serial_before(5u, 0xfffffff0u));
}
