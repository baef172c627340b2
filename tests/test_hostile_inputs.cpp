// Hostile-input robustness of the loaders: resource bounds, message shape, and the fuzz regressions.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "fuzz/targets.hpp"
#include "gen/cert_loader.hpp"
#include "lint/deployment.hpp"
#include "lint/file_read.hpp"
#include "lint/zone_loader.hpp"
#include "tests/helpers.hpp"

namespace fs = std::filesystem;
using namespace danelint;

namespace {

const std::string kHead =
    "$ORIGIN example.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n";

std::vector<Finding> syntax_of(std::string_view text) { return test::of_rule(test::lint_zone_text(text, test::only("PARSE")), "PARSE001"); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("zone loader: a hostile token is clipped and escaped in messages") {
  std::string owner(100000, 'x');
  auto f = syntax_of(kHead + owner + "\x1b[31m IN A 192.0.2.9\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.size() < 200);
  CHECK(f[0].message.find("(100005 characters)") != std::string::npos);
  auto g = syntax_of(kHead + "www IN \x1b]0;owned\x07 1\n");
  REQUIRE(g.size() == 1);
  CHECK(g[0].message == "unknown record type '\\027]0'");  // ';' starts a comment
  CHECK(g[0].message.find('\x1b') == std::string::npos);
}

TEST_CASE("zone loader: many unclosed parentheses stay linear and are reported a bounded number of times") {
  std::string text = kHead;
  for (int i = 0; i < 200000; ++i) text += "(\n";
  auto t0 = std::chrono::steady_clock::now();
  auto f = syntax_of(text);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(f.size() == 17);
  CHECK(f.front().loc.line == 6);
  CHECK(f.back().message.find("the rest of the file is not read") != std::string::npos);
  CHECK(ms < 20000);  // was quadratic: 200000 rescans of the rest of the file
}

TEST_CASE("zone loader: a record longer than any valid one is one finding, whatever the token count") {
  std::string text = kHead + "www IN TXT";
  for (int i = 0; i < 400000; ++i) text += " a";
  text += "\nnext IN A 192.0.2.3\n";
  auto f = syntax_of(text);
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 6);
  CHECK(f[0].message == "record of more than 262144 characters is longer than any valid record");
  // The record after it is still read.
  auto all = test::lint_zone_text(text, test::only("PARSE"));
  CHECK(all.size() == 1);
}

TEST_CASE("zone loader: odd number of hex digits in TLSA, DS and SSHFP data") {
  auto f = syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 1 ( 0C72AC70B745AC19998811B131D662C9\n AC69DBDBE7CB23E5B514B56664C5D3D )\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 6);
  CHECK(f[0].message == "TLSA data has an odd number of hex digits (63)");
  CHECK(syntax_of(kHead + "sub IN NS ns1\nsub IN DS 1 13 2 ABC\n").size() == 1);
  CHECK(syntax_of(kHead + "www IN SSHFP 4 2 ABC\n").size() == 1);
  // Even digits split over tokens, and the RFC 3597 generic form, are fine.
  CHECK(syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 0 0C 72AC\n").empty());
  CHECK(syntax_of(kHead + "_25._tcp.mx IN TYPE52 \\# 4 0301000C\n").empty());
}

TEST_CASE("zone loader: byte order mark, empty and comment-only zones") {
  auto bom = syntax_of("\xEF\xBB\xBF" + kHead);
  REQUIRE(bom.size() == 1);
  CHECK(bom[0].loc.line == 1);
  CHECK(bom[0].message.starts_with("UTF-8 byte order mark"));
  auto empty = syntax_of("");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].message == "zone file holds no records");
  CHECK(syntax_of("; nothing\n\n  \n").size() == 1);
  CHECK(syntax_of(kHead).empty());
}

TEST_CASE("read_input_file: directories, devices, FIFOs without a writer and size limits") {
  fs::path dir = fs::temp_directory_path() / ("danelint-read-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string out;
  CHECK(read_input_file(dir.string(), 100, out) == "is a directory");
  CHECK(read_input_file("/dev/zero", 100, out) == "not a regular file");
  CHECK(read_input_file((dir / "missing").string(), 100, out) == "No such file or directory");
  fs::path fifo = dir / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(read_input_file(fifo.string(), 100, out).empty());  // returns at once, empty
  CHECK(out.empty());
  fs::path big = dir / "big";
  std::ofstream(big) << std::string(101, 'x');
  CHECK(read_input_file(big.string(), 100, out) == "larger than 100 bytes");
  CHECK(read_input_file(big.string(), 101, out).empty());
  CHECK(out.size() == 101);
  fs::remove_all(dir);
}

TEST_CASE("cert loader: key-agreement keys are refused, PEM lines stay right over many blocks") {
  // X25519 private key (RFC 8410 §10.3 example).
  const char* x25519 =
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VuBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
  auto r = gen::load_material_bytes(x25519, "x.pem");
  CHECK_FALSE(r.material);
  CHECK(r.error == "x.pem: unsupported key type X25519 (a key-agreement key cannot sign for TLS)");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "junk line\n-----BEGIN X509 CRL-----\n-----END X509 CRL-----\n";
  many += "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
  auto t0 = std::chrono::steady_clock::now();
  auto m = gen::load_material_bytes(many, "many.pem");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(m.error.starts_with("many.pem:60001: bad certificate"));
  CHECK(ms < 20000);
}

TEST_CASE("--service with an empty host is a usage error, not the root zone") {
  CHECK_THROWS_AS(parse_service_flag(":25=chain.pem"), std::invalid_argument);
  CHECK_THROWS_AS(parse_service_flag("=chain.pem"), std::invalid_argument);
}

TEST_CASE("fuzz regressions and seeds replay without a crash under this build's sanitizers") {
  const fs::path root = DANELINT_SOURCE_DIR;
  struct Target {
    const char* name;
    void (*fn)(const uint8_t*, size_t);
  };
  const Target targets[] = {{"zone_text", fuzz::zone_text}, {"material_bytes", fuzz::material_bytes},
                            {"config_text", fuzz::config_text}, {"rdata_encoder", fuzz::rdata_encoder}};
  size_t inputs = 0;
  for (const Target& t : targets) {
    for (const char* sub : {"fuzz/regressions", "fuzz/seeds"}) {
      fs::path d = root / sub / t.name;
      if (!fs::is_directory(d)) continue;
      for (const auto& entry : fs::directory_iterator(d)) {
        if (!entry.is_regular_file()) continue;
        std::string data = slurp(entry.path());
        INFO(t.name << " <- " << entry.path().string());
        t.fn(reinterpret_cast<const uint8_t*>(data.data()), data.size());
        ++inputs;
      }
    }
  }
  // Every committed malformed input goes through every target, whatever it was meant for.
  for (const auto& entry : fs::directory_iterator(root / "testdata/malformed")) {
    if (!entry.is_regular_file()) continue;
    std::string data = slurp(entry.path());
    for (const Target& t : targets) {
      INFO(t.name << " <- " << entry.path().string());
      t.fn(reinterpret_cast<const uint8_t*>(data.data()), data.size());
      ++inputs;
    }
  }
  MESSAGE(inputs << " fuzz inputs replayed");
  CHECK(inputs > 0);
}

TEST_CASE("cert loader: a PEM label spanning lines is a malformed header, and the error stays one line") {
  // Found by fuzz_material_bytes (fuzz/regressions/material_bytes/multiline-pem-label).
  auto r = gen::load_material_bytes("-----BEGIN CERT\nIFICATE-----\nAAAA\n-----END CERT\nIFICATE-----\n", "m.pem");
  CHECK(r.error == "m.pem:1: malformed PEM header");
  std::string long_label = "-----BEGIN " + std::string(100, 'A') + "-----\n-----END " + std::string(100, 'A') + "-----\n";
  CHECK(gen::load_material_bytes(long_label, "l.pem").error == "l.pem:1: malformed PEM header");
}

TEST_CASE("zone loader: non-ASCII bytes of a bad token are escaped, so JSON output stays valid UTF-8") {
  auto f = syntax_of(kHead + "www IN \xff\xfeTYPE 1\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "unknown record type '\\255\\254TYPE'");
}

TEST_CASE("zone loader: class tokens in any case, and hex digits of either case") {
  CHECK(syntax_of(kHead + "www in A 192.0.2.1\nwww In AAAA 2001:db8::1\n").empty());
  for (const char* cls : {"CH", "ch", "hS", "Cs", "CLASS3", "class255", "CLASS", "CLASS2", "CLASS10", "CLASS0", "CLASS1x", "CLASS+1"}) {
    CAPTURE(cls);
    auto f = syntax_of(kHead + "www " + cls + " TXT \"x\"\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message == std::string("class ") + cls + " is not IN");
  }
  // CLASS1 is IN spelled generically (RFC 3597 §5), leading zeros and all, as BIND and ldns read it.
  for (const char* cls : {"CLASS1", "class1", "Class01", "CLASS00001"}) {
    CAPTURE(cls);
    auto z = load_zone_text(kHead + "www " + cls + " A 192.0.2.1\nwww 60 " + cls + " MX 10 mx\nwww " + cls + " TYPE65280 \\# 1 00\n", "z.zone", {});
    CHECK(z->load_findings.empty());
    int seen = 0;
    for (const Record& r : z->records)
      if (z->owner(r).canonical == std::string_view("\3www\7example\0", 13)) {
        CHECK(r.rrclass == 1);
        ++seen;
      }
    CHECK(seen == 3);
  }
  // Two letters that are no class are read as the type.
  auto f = syntax_of(kHead + "www IM A 192.0.2.1\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "unknown record type 'IM'");
  CHECK(syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 1 0c72aC70B745ac19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3Df\n").empty());
  CHECK(syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 1 fc72aC70B745ac19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3F\n").size() == 1);
}

TEST_CASE("zone loader: an odd number of hex digits is named only when every character is a hex digit") {
  // Odd hex data spread over tokens, in either case: the odd-digit message, with the count.
  for (const char* data : {"abcdef0 12", "ABCDEF0 12", "0c7", "0 1 2 3 4 5 6 7 8 9 a b c d e f F"}) {
    CAPTURE(data);
    auto f = syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 1 " + data + "\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.starts_with("TLSA data has an odd number of hex digits ("));
  }
  // A character that is no hex digit, anywhere in the data: the record does not parse, whatever the count.
  for (const char* data : {"abcdefg", "gbcdef0", "abc def0 1z", "abcdef0 1:", "abcdef\0300"}) {
    CAPTURE(data);
    auto f = syntax_of(kHead + "_25._tcp.mx IN TLSA 3 1 1 " + data + "\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.starts_with("TLSA record does not parse"));
  }
  auto f = syntax_of(kHead + "mx IN SSHFP 1 1 0C7\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "SSHFP data has an odd number of hex digits (3)");
}
