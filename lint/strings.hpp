// Small string helpers. GCC 12 has no <format>, so messages are built with cat().
#pragma once
#include <charconv>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace danelint {

namespace detail {
/// Arguments that cat() writes itself, exactly as a stream in its default state would: text, chars
/// and integers. Building a std::ostringstream (locale, facets) for every message cost more than the
/// message itself when a rule reports thousands of findings.
template <typename T>
inline constexpr bool kCatDirect = std::is_integral_v<T> || std::is_convertible_v<const T&, std::string_view>;

template <typename T>
void cat_append(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char>) {
    out += static_cast<char>(v);  // a stream writes these as characters, not numbers
  } else if constexpr (std::is_same_v<T, bool>) {
    out += v ? '1' : '0';
  } else if constexpr (std::is_integral_v<T>) {
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  } else if constexpr (std::is_array_v<T>) {
    out += static_cast<const char*>(v);  // up to the NUL, as a stream
  } else if constexpr (std::is_pointer_v<T>) {
    if (v) out += v;  // a stream writes nothing for a null pointer
  } else {
    out += std::string_view(v);
  }
}

/// What cat_append(v) adds, or at most that: the result is sized once, not regrown two or three times.
template <typename T>
size_t cat_size(const T& v) {
  if constexpr (std::is_integral_v<T>) {
    return std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char> ||
                   std::is_same_v<T, bool>
               ? 1
               : 20;
  } else if constexpr (std::is_array_v<T>) {
    return sizeof(T);  // a literal's length and its NUL
  } else if constexpr (std::is_pointer_v<T>) {
    return 0;  // unknown without a walk over it: appending grows the string as needed
  } else {
    return std::string_view(v).size();
  }
}
}  // namespace detail

/// Concatenates the stream representations of all arguments. Anything but text and integers
/// (floating point, paths, enums, manipulators such as std::hex) sends the whole call through a
/// stream, so that formatting state carries from one argument to the next as before.
template <typename... Args>
std::string cat(const Args&... args) {
  if constexpr ((detail::kCatDirect<Args> && ...)) {
    std::string out;
    out.reserve((size_t{0} + ... + detail::cat_size(args)));
    (detail::cat_append(out, args), ...);
    return out;
  } else {
    std::ostringstream os;
    (os << ... << args);
    return std::move(os).str();
  }
}

/// Lower-case hex of a byte range.
std::string to_hex(const uint8_t* data, size_t len);
inline std::string to_hex(const std::vector<uint8_t>& v) { return to_hex(v.data(), v.size()); }

/// ASCII lower-casing (DNS names compare case-insensitively in ASCII only, RFC 4343).
std::string ascii_lower(std::string_view s);
/// The same from `in` into `out` (n octets each; they may be the same place), eight octets at a time:
/// the loader lower-cases every owner name it interns.
void ascii_lower_copy(const char* in, size_t n, char* out);

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
