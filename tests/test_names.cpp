// Wire names as findings show them, and TLSA owner names as the DANE rules classify them. Both walk the
// labels of the wire themselves, so the cases include wire cut short and escapes.
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>

#include "lint/dane.hpp"
#include "lint/model.hpp"
#include "lint/strings.hpp"

using namespace danelint;
using namespace std::string_literals;

TEST_CASE("name_to_text: labels with dots, escapes, the root, and wire cut short") {
  CHECK(name_to_text("\x04mail\x07""example\x00"s) == "mail.example.");
  CHECK(name_to_text("\x00"s) == ".");
  CHECK(name_to_text("") == ".");
  CHECK(name_to_text("\x03""a.b\x01@\x00"s) == "a\\.b.\\@.");
  CHECK(name_to_text("\x02\x00\xff\x00"s) == "\\000\\255.");
  CHECK(name_to_text("\x03""a b\x00"s) == "a\\032b.");
  // A label longer than what is left ends the name there, as does a missing root.
  CHECK(name_to_text("\x02ok\x09short"s) == "ok.");
  CHECK(name_to_text("\x02ok"s) == "ok.");
  // The longest names: four labels of 63 octets, each written as \DDD (past the writer's stack buffer).
  std::string wire, text;
  for (int l = 0; l < 4; ++l) {
    const int len = l < 3 ? 63 : 61;  // 4 * 64 - 2 + the root: 255 octets
    wire += static_cast<char>(len);
    for (int i = 0; i < len; ++i) {
      const unsigned char c = static_cast<unsigned char>(l * 63 + i) | 0x80;
      wire += static_cast<char>(c);
      text += cat('\\', c / 100, c / 10 % 10, c % 10);
    }
    text += '.';
  }
  wire += '\0';
  REQUIRE(wire.size() == 255);
  CHECK(name_to_text(wire) == text);
}

TEST_CASE("parse_tlsa_owner: port and protocol labels, service names, and owners too short") {
  const std::string host = "\x02mx\x07""example\x00"s;
  // base_wire views into the owner given: keep it alive.
  const std::string smtp_owner = "\x03_25\x04_TCP"s + host;
  TlsaOwner smtp = parse_tlsa_owner(smtp_owner);
  CHECK(smtp.form == TlsaOwner::Form::Valid);
  CHECK(smtp.port == 25);
  CHECK(smtp.proto == "tcp");
  CHECK(smtp.base_wire == host);
  CHECK(is_smtp_owner(smtp));

  const std::string named_owner = "\x05_smtp\x04_tcp"s + host;
  TlsaOwner named = parse_tlsa_owner(named_owner);
  CHECK(named.form == TlsaOwner::Form::ServiceName);
  CHECK(named.service == "smtp");
  CHECK(named.base_wire == host);

  CHECK(parse_tlsa_owner("\x03_25\x04_tls"s + host).problem == "second label '_tls' is not _tcp, _udp or _sctp");
  CHECK(parse_tlsa_owner("\x03_00\x04_tcp"s + host).problem == "port 00 is not a decimal number from 1 to 65535");
  CHECK(parse_tlsa_owner("\x02mx\x04_tcp"s + host).problem == "first label 'mx' is not _<port>");

  // Fewer than three labels, counting only those the wire really holds.
  const std::string too_short = "needs _<port>._<proto>. followed by a host name";
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x00"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x05mx"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x09_tcp\x02mx\x00"s).problem == too_short);
  CHECK(parse_tlsa_owner("").problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x02mx"s).form == TlsaOwner::Form::Valid);  // no root octet: three labels
}

namespace {

// name_from_text as it was written first, a string per label: the reference for the buffer version.
std::optional<std::string> reference_name_from_text(std::string_view text, std::string_view origin_wire) {
  if (text == "@") return std::string(origin_wire);
  if (text == ".") return std::string(1, '\0');
  std::string wire, label;
  bool absolute = false;
  auto flush = [&]() -> bool {
    if (label.empty() || label.size() > 63) return false;
    wire += static_cast<char>(label.size());
    wire += label;
    label.clear();
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 3 < text.size() && isdigit(static_cast<unsigned char>(text[i + 1])) &&
          isdigit(static_cast<unsigned char>(text[i + 2])) && isdigit(static_cast<unsigned char>(text[i + 3]))) {
        int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
        if (v > 255) return std::nullopt;
        label += static_cast<char>(v);
        i += 3;
      } else if (i + 1 < text.size()) {
        label += text[++i];
      } else {
        return std::nullopt;
      }
    } else if (c == '.') {
      if (!flush()) return std::nullopt;
      if (i + 1 == text.size()) absolute = true;
    } else {
      label += c;
    }
  }
  if (!label.empty() && !flush()) return std::nullopt;
  if (absolute) {
    wire += '\0';
  } else {
    if (origin_wire.empty()) return std::nullopt;
    wire += origin_wire;
  }
  if (wire.size() > 255) return std::nullopt;
  return wire;
}

}  // namespace

TEST_CASE("name_from_text: the same result as the reference on random text, near every limit") {
  std::mt19937 rng(20261130);
  const std::string long_origin = [] {
    std::string o;
    for (int i = 0; i < 3; ++i) o += std::string(1, '\x3f') + std::string(63, 'o');
    return o + "\x02zz" + std::string(1, '\0');  // 3 x 64 + 3 + 1 = 196 octets
  }();
  const std::string origins[] = {std::string(), "\x07""example\x00"s, long_origin};
  const char* pieces[] = {"a", "B", "-", ".", "\\", "\\.", "\\0", "\\255", "\\256", "\\1", "9", "@", " ",
                          "<62 x>", "yyyyyyyyyy"};
  const std::string piece62(62, 'x');
  size_t checked = 0, valid = 0;
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 40);
    for (int p = 0; p < parts; ++p) {
      const size_t k = rng() % std::size(pieces);
      text += k == 13 ? piece62 : std::string(pieces[k]);
    }
    if (rng() % 3 == 0) text += '.';
    for (const std::string& origin : origins) {
      CAPTURE(text);
      CAPTURE(origin.size());
      const auto got = name_from_text(text, origin), want = reference_name_from_text(text, origin);
      CHECK(got == want);
      ++checked;
      valid += want.has_value();
    }
  }
  for (const std::string& edge : {""s, "@"s, "."s, "a"s, "a."s, ".a"s, "a..b"s, "\\"s, "a\\"s, std::string(63, 'l'),
                                  std::string(64, 'l'), std::string(63, 'l') + ".", std::string(64, 'l') + "."}) {
    for (const std::string& origin : origins) CHECK(name_from_text(edge, origin) == reference_name_from_text(edge, origin));
  }
  // Names of exactly 255 and 256 octets, absolute and relative to example. (9 octets).
  const std::string l63(63, 'l');
  for (size_t last : {61u, 62u}) {
    const std::string labels = l63 + "." + l63 + "." + l63 + "." + std::string(last, 'l');
    CHECK(name_from_text(labels + ".", "").has_value() == (last == 61));
    CHECK(name_from_text(labels + ".", "") == reference_name_from_text(labels + ".", ""));
    const std::string shorter = l63 + "." + l63 + "." + l63 + "." + std::string(last - 8, 'l');
    CHECK(name_from_text(shorter, origins[1]).has_value() == (last == 61));
    CHECK(name_from_text(shorter, origins[1]) == reference_name_from_text(shorter, origins[1]));
  }
  // The form that writes into a string the caller keeps (the loader's owner): unchanged when invalid.
  std::string kept = "\x04keep\x00"s;
  CHECK(!name_from_text("a..b", origins[1], kept));
  CHECK(kept == "\x04keep\x00"s);
  CHECK(name_from_text("mx", origins[1], kept));
  CHECK(kept == "\x02mx\x07""example\x00"s);
  CHECK(checked == 120000);
  CHECK(valid > 10000);  // the random texts reach valid names too, not only errors
}

TEST_CASE("is_smtp_owner on the name agrees with is_smtp_owner on the parse") {
  const std::string firsts[] = {"\x03_25"s, "\x04_025"s, "\x03_26"s, "\x04_25x"s, "\x02""25"s, "\x05_smtp"s, ""s, "\x09_25"s};
  const std::string seconds[] = {"\x04_tcp"s, "\x04_TcP"s, "\x04_udp"s, "\x03tcp"s, "\x05_tcpx"s, ""s, "\x09_tcp"s};
  const std::string rests[] = {"\x02mx\x07""example\x00"s, "\x02mx"s, "\x00"s, ""s, "\x05mx"s};
  size_t smtp = 0;
  for (const std::string& a : firsts)
    for (const std::string& b : seconds)
      for (const std::string& c : rests) {
        const std::string wire = a + b + c;
        CAPTURE(name_to_text(wire));
        CHECK(is_smtp_owner(wire) == is_smtp_owner(parse_tlsa_owner(wire)));
        smtp += is_smtp_owner(wire);
      }
  CHECK(smtp == 4);  // _25 with _tcp or _TcP, before mx.example. or a bare mx
}
