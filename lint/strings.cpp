#include "lint/strings.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace danelint {

std::string to_hex(const uint8_t* data, size_t len) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(len * 2, '0');
  for (size_t i = 0; i < len; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 0xf];
  }
  return out;
}

void ascii_lower_copy(const char* in, size_t n, char* out) {
  // Per octet of a word, without carries between octets: of the low seven bits, 'A'..'Z' are those that
  // reach 0x80 when 0x80 - 'A' is added but not when 0x80 - 'Z' - 1 is; octets with the top bit set are
  // not letters. Such octets get 0x20 (their 0x80 flag shifted right twice).
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x80 * kOnes;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, in + i, 8);
    const uint64_t low7 = w & ~kHigh;
    const uint64_t upper = (low7 + (0x80 - 'A') * kOnes) & ~(low7 + (0x80 - 'Z' - 1) * kOnes) & ~w & kHigh;
    w |= upper >> 2;
    std::memcpy(out + i, &w, 8);
  }
  for (; i < n; ++i) out[i] = in[i] >= 'A' && in[i] <= 'Z' ? static_cast<char>(in[i] + 32) : in[i];
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  ascii_lower_copy(out.data(), out.size(), out.data());
  return out;
}

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

bool equals_icase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_icase(a, b);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool parse_u64(std::string_view s, uint64_t& out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  append_json_escaped(out, s);
  return out;
}

namespace {
/// The first position from `i` on of a character that JSON must escape (", \, control characters), or
/// s.size(). 16 octets at a time where SSE2 is there (x86-64 always): the JSON report of the 100k bench
/// zone escapes 4 MB, nearly all of it plain.
size_t next_json_special(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f), quote = _mm_set1_epi8('"'),
                backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, low), low) /* <= 0x1f */, _mm_cmpeq_epi8(v, del)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const int mask = _mm_movemask_epi8(special)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') return i;
  }
  return s.size();
}
}  // namespace

void append_json_escaped(std::string& out, std::string_view s) {
  // Runs of characters that need no escape (nearly all of them) are appended whole.
  size_t run = 0;
  for (size_t i = next_json_special(s, 0); i < s.size(); i = next_json_special(s, i + 1)) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {  // the other control characters
        static constexpr char kDigits[] = "0123456789abcdef";
        out += "\\u00";
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace danelint
