// Small string helpers. GCC 12 has no <format>, so messages are built with cat().
#pragma once
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace danelint {

/// Concatenates the stream representations of all arguments.
template <typename... Args>
std::string cat(const Args&... args) {
  std::ostringstream os;
  (os << ... << args);
  return os.str();
}

/// Lower-case hex of a byte range.
std::string to_hex(const uint8_t* data, size_t len);
inline std::string to_hex(const std::vector<uint8_t>& v) { return to_hex(v.data(), v.size()); }

/// ASCII lower-casing (DNS names compare case-insensitively in ASCII only, RFC 4343).
std::string ascii_lower(std::string_view s);

bool starts_with_icase(std::string_view s, std::string_view prefix);
bool equals_icase(std::string_view a, std::string_view b);

/// Splits on a single character, keeping empty fields.
std::vector<std::string> split(std::string_view s, char sep);

/// Removes ASCII white space at both ends.
std::string_view trim(std::string_view s);

/// Parses an unsigned decimal number with no sign and no overflow; false on anything else.
bool parse_u64(std::string_view s, uint64_t& out);

/// Escapes a string for a JSON string literal (without the quotes).
std::string json_escape(std::string_view s);
/// The same, appended to `out` (reports of many findings build one string without temporaries).
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace danelint
