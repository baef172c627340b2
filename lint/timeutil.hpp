// Time for DNSSEC: absolute instants are int64 seconds since the epoch; RRSIG fields are 32-bit
// serial numbers (RFC 4034 §3.1.5) that must be placed near "now" before comparing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace danelint {

/// Parses `--now`: RFC 3339 ("2030-01-01T00:00:00Z", offsets allowed), YYYYMMDDHHMMSS, or epoch seconds.
std::optional<int64_t> parse_time(std::string_view s);
/// Parses a duration: "90s", "12h", "7d", "2w", plain seconds, or ISO 8601 "P7D", "PT12H", "P1DT2H".
std::optional<int64_t> parse_duration(std::string_view s);
/// "2030-01-01T00:00:00Z".
std::string format_time(int64_t t);
/// "3d 4h", "12m", "45s": a short human duration (absolute value).
std::string format_duration(int64_t seconds);

/// The absolute time closest to `now` whose low 32 bits are `serial` (RFC 4034 §3.1.5, RFC 1982).
int64_t serial_to_time(uint32_t serial, int64_t now);
/// True when serial time `a` is strictly before `b` in 32-bit serial arithmetic.
inline bool serial_before(uint32_t a, uint32_t b) { return static_cast<int32_t>(a - b) < 0; }

/// Days from civil date (proleptic Gregorian), for formatting and parsing without the C library's TZ.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

}  // namespace danelint
