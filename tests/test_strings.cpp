// cat() appends text and integers itself; what it writes must stay what a stream writes. JSON escaping.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <string_view>

#include "lint/strings.hpp"

namespace {

template <typename... Args>
std::string streamed(const Args&... args) {
  std::ostringstream os;
  (os << ... << args);
  return os.str();
}

enum Plain { kPlainSeven = 7 };

}  // namespace

TEST_CASE("cat writes what a stream writes, for every kind of argument the messages use") {
  using danelint::cat;
  const std::string s = "a std::string longer than the small-string buffer";
  const std::string_view sv = "view";
  const char* cstr = "c string";
  const char* null_cstr = nullptr;
  char buf[] = "mutable";
  const std::filesystem::path path = "/tmp/x y.pem";
  CHECK(cat("literal ", s, ' ', sv, cstr, buf) == streamed("literal ", s, ' ', sv, cstr, buf));
  CHECK(cat("[", null_cstr, "]") == "[]");
  CHECK(cat(uint8_t{65}, int8_t{66}, static_cast<unsigned char>('c'), 'd') ==
        streamed(uint8_t{65}, int8_t{66}, static_cast<unsigned char>('c'), 'd'));
  CHECK(cat(true, false) == streamed(true, false));
  CHECK(cat(uint16_t{65535}, ' ', int16_t{-32768}, ' ', 0, ' ', -1, ' ', 4294967295u) ==
        streamed(uint16_t{65535}, ' ', int16_t{-32768}, ' ', 0, ' ', -1, ' ', 4294967295u));
  CHECK(cat(std::numeric_limits<int64_t>::min(), ' ', std::numeric_limits<uint64_t>::max(), ' ', size_t{12345}) ==
        streamed(std::numeric_limits<int64_t>::min(), ' ', std::numeric_limits<uint64_t>::max(), ' ', size_t{12345}));
  CHECK(cat(1.5, ' ', 0.1, ' ', 1e20, ' ', 2.0f / 3) == streamed(1.5, ' ', 0.1, ' ', 1e20, ' ', 2.0f / 3));
  CHECK(cat(path) == streamed(path));  // quoted, as a stream writes a path
  CHECK(cat(kPlainSeven) == "7");
  // A manipulator changes how the later arguments are written, as in a stream.
  CHECK(cat(std::hex, 255, ' ', 10, "-", uint16_t{0xbeef}) == streamed(std::hex, 255, ' ', 10, "-", uint16_t{0xbeef}));
  CHECK(cat(std::hex, 11, 12) == "bc");
  CHECK(cat() == "");

  std::mt19937_64 rng(20261130);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t u = rng() >> (rng() % 64);
    const int64_t v = static_cast<int64_t>(rng()) >> (rng() % 64);
    const auto w = static_cast<uint32_t>(rng());
    REQUIRE(cat(u, ",", v, ",", w) == streamed(u, ",", v, ",", w));
  }
}

TEST_CASE("append_json_escaped escapes exactly what a character-by-character escaper does") {
  // The escaper looks for characters to escape 16 octets at a time: every position in a block, the tail
  // after the last block, and octets above 0x7f (signed in SIMD lanes) must come out as one at a time.
  auto reference = [](std::string_view s) {
    std::string out;
    for (const char ch : s) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c < 0x20 || c == 0x7f) out += danelint::cat("\\u00", "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 0xf]);
      else out += ch;
    }
    return out;
  };
  std::mt19937 rng(7);
  const std::string alphabet = std::string("ab\"\\\n\r\t\x01\x1f\x20\x7e\x7f\x80\xc3\xa9\xff", 16) + std::string(1, '\0');
  size_t checked = 0;
  for (size_t len = 0; len <= 70; ++len) {
    for (int round = 0; round < 200; ++round) {
      std::string s;
      const bool sparse = round % 2 == 0;  // mostly plain text, as in real reports
      for (size_t k = 0; k < len; ++k)
        s += sparse && rng() % 8 ? static_cast<char>('a' + rng() % 26) : alphabet[rng() % alphabet.size()];
      std::string out = "prefix:";
      danelint::append_json_escaped(out, s);
      CHECK(out == "prefix:" + reference(s));
      ++checked;
    }
  }
  CHECK(checked == 71 * 200);
  std::string out;
  danelint::append_json_escaped(out, std::string(40, 'x') + "\x7f" + std::string(40, 'y'));
  CHECK(out == std::string(40, 'x') + "\\u007f" + std::string(40, 'y'));
}

TEST_CASE("ascii_lower_copy lowers A-Z and nothing else, at every place of a word and in the tail") {
  auto reference = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c); };
  // Each octet value at each of the 19 places of a text two words and a tail long, among neighbours
  // that are letters, the octets around the letters' edges, and octets with the top bit set.
  const std::string around = "@AZ[`az{\x80\xc1\xda\xff\x7f\x01Mm?";
  for (int c = 0; c < 256; ++c)
    for (size_t at = 0; at < 19; ++at) {
      std::string in(19, 'Q');
      for (size_t i = 0; i < in.size(); ++i) in[i] = around[(i + static_cast<size_t>(c)) % around.size()];
      in[at] = static_cast<char>(c);
      std::string want = in;
      for (char& ch : want) ch = reference(static_cast<unsigned char>(ch));
      std::string out(in.size(), '\0');
      danelint::ascii_lower_copy(in.data(), in.size(), out.data());
      CAPTURE(c);
      CAPTURE(at);
      REQUIRE(out == want);
      danelint::ascii_lower_copy(in.data(), in.size(), in.data());  // in place
      REQUIRE(in == want);
    }
  CHECK(danelint::ascii_lower("MAIL.Example.ORG") == "mail.example.org");
}
