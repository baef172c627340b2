// Unit tests of gen/: owners, parameters, refusals, formats, the loader's one-line errors.
// The byte-for-byte comparisons with openssl, ldns-dane and danetool are in tests/cli/test_gen_*.sh.
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"
#include "gen/tlsa_gen.hpp"
#include "lint/model.hpp"
#include "lint/strings.hpp"

using namespace danelint;
using namespace danelint::gen;

namespace {

std::string owner_or_error(std::string_view host, uint32_t port = 25, std::string_view proto = "tcp") {
  std::string err;
  auto o = make_tlsa_owner(port, proto, host, err);
  return o ? *o : "error: " + err;
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/danelint-gen-test.XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, std::string_view content) const {
    std::string p = (path / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

std::string pem_private_key(EVP_PKEY* k) {
  BIO* b = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(b, k, nullptr, nullptr, 0, nullptr, nullptr);
  char* d = nullptr;
  long n = BIO_get_mem_data(b, &d);
  std::string s(d, static_cast<size_t>(n));
  BIO_free(b);
  return s;
}

GenRecord sample(Role role, uint8_t first_byte) {
  GenRecord r;
  r.owner = "_25._tcp.mx.example.com.";
  r.owner_wire = *name_from_text(r.owner);
  r.ttl = 3600;
  r.usage = 3;
  r.selector = 1;
  r.matching = 1;
  r.data.assign(32, first_byte);
  r.role = role;
  r.source = role == Role::Current ? "fullchain.pem" : "next.key";
  r.what = role == Role::Current ? "certificate" : "private key EC-prime256v1";
  if (role == Role::Current) {
    r.subject = "CN=mx.example.com";
    r.not_after = "2030-01-01T00:00:00Z";
  }
  return r;
}

}  // namespace

TEST_CASE("gen owners: _port._proto.host. with validated host names") {
  CHECK(owner_or_error("mx.example.com") == "_25._tcp.mx.example.com.");
  CHECK(owner_or_error("MX.Example.COM.") == "_25._tcp.mx.example.com.");
  CHECK(owner_or_error("mail.example", 465, "TCP") == "_465._tcp.mail.example.");
  CHECK(owner_or_error("xn--bcher-kva.example") == "_25._tcp.xn--bcher-kva.example.");
  CHECK(owner_or_error("mx_1.example.com").starts_with("error: --host 'mx_1.example.com': label 'mx_1'"));
  CHECK(owner_or_error("-a.example").find("starts or ends with '-'") != std::string::npos);
  CHECK(owner_or_error("ab--c.example").find("not an A-label") != std::string::npos);
  CHECK(owner_or_error("b\xc3\xbc" "cher.example").find("A-labels") != std::string::npos);
  CHECK(owner_or_error("a..example").find("empty label") != std::string::npos);
  CHECK(owner_or_error("").find("empty host") != std::string::npos);
  CHECK(owner_or_error("192.0.2.1").find("numeric") != std::string::npos);
  CHECK(owner_or_error(std::string(64, 'a') + ".example").find("longer than 63") != std::string::npos);
  CHECK(owner_or_error("mx.example", 0).find("--port 0") != std::string::npos);
  CHECK(owner_or_error("mx.example", 25, "t cp").find("--proto") != std::string::npos);
  // 255-octet limit includes _25._tcp: 4 labels of 61 + "ex" is fine alone but too long with the prefix
  std::string longest;
  for (int i = 0; i < 4; ++i) longest += std::string(60, 'a') + ".";
  longest += "example";  // 251 chars, 253 wire octets
  CHECK(owner_or_error(longest).find("at most 255") != std::string::npos);
}

TEST_CASE("gen parameters: numbers and RFC 7218 mnemonics") {
  CHECK(parse_usage("DANE-EE") == std::optional<uint8_t>(3));
  CHECK(parse_usage("dane-ta") == std::optional<uint8_t>(2));
  CHECK(parse_usage("PKIX-TA") == std::optional<uint8_t>(0));
  CHECK(parse_selector("SPKI") == std::optional<uint8_t>(1));
  CHECK(parse_selector("Cert") == std::optional<uint8_t>(0));
  CHECK(parse_matching("SHA2-512") == std::optional<uint8_t>(2));
  CHECK(parse_matching("FULL") == std::optional<uint8_t>(0));
  CHECK_FALSE(parse_matching("SHA-256"));
  CHECK_FALSE(parse_usage("256"));
}

TEST_CASE("gen refusals carry code and name; error-severity rules cannot be forced") {
  GenProblem p = refusal("TLSA012", "tlsa-usage2-matches-ee", "x");
  CHECK(p.code == "TLSA012");
  CHECK(p.name == "tlsa-usage2-matches-ee");
  CHECK_FALSE(p.overridable);
  CHECK_FALSE(refusal("CERT001", "cert-key-mismatch", "x").overridable);
  CHECK_FALSE(refusal("SMTP001", "smtp-pkix-usage", "x").overridable);
  CHECK_FALSE(refusal("TLSA013", "tlsa-usage3-matches-ca", "x").overridable);
  CHECK(refusal("TLSA009", "daneee-selector-cert", "x").overridable);
}

TEST_CASE("gen formats") {
  std::vector<GenRecord> recs{sample(Role::Current, 0xab), sample(Role::Next, 0x01)};
  std::string hex_ab, hex_01;
  for (int i = 0; i < 32; ++i) hex_ab += "ab", hex_01 += "01";

  CHECK(render(recs, Format::Zone) ==
        "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 " + hex_ab +
            " ; current: fullchain.pem (certificate, subject CN=mx.example.com, notAfter 2030-01-01T00:00:00Z)\n"
            "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 " +
            hex_01 + " ; next: next.key (private key EC-prime256v1)\n");
  CHECK(render({recs[0]}, Format::Rfc3597).starts_with("_25._tcp.mx.example.com. 3600 IN TYPE52 \\# 35 030101" + hex_ab +
                                                       " ; current:"));
  NsupdateOptions ns{"127.0.0.1#5300", "example.com", "hmac-sha256:k1:c2VjcmV0"};
  CHECK(check_nsupdate_options(ns, recs).empty());
  CHECK(render(recs, Format::Nsupdate, ns) ==
        "server 127.0.0.1 5300\nzone example.com\nkey hmac-sha256:k1 c2VjcmV0\n"
        "update delete _25._tcp.mx.example.com. IN TLSA\n"
        "; current: fullchain.pem (certificate, subject CN=mx.example.com, notAfter 2030-01-01T00:00:00Z)\n"
        "update add _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 " +
            hex_ab +
            "\n; next: next.key (private key EC-prime256v1)\n"
            "update add _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 " +
            hex_01 + "\nsend\n");
  CHECK_FALSE(check_nsupdate_options({"a\nsend", "", ""}, recs).empty());
  CHECK_FALSE(check_nsupdate_options({"", "example.org", ""}, recs).empty());
  CHECK_FALSE(check_nsupdate_options({"", "", "nocolon"}, recs).empty());
  std::string json = render(recs, Format::Json);
  CHECK(json.starts_with("[\n {\"owner\":\"_25._tcp.mx.example.com.\",\"ttl\":3600,"));
  CHECK(json.find("\"usage\":3,\"selector\":1,\"matching_type\":1,\"data\":\"" + hex_ab + "\",\"role\":\"current\"") !=
        std::string::npos);
  CHECK(json.find("\"role\":\"next\",\"source\":\"next.key\"") != std::string::npos);
  CHECK(json.find("\"subject\":null") != std::string::npos);
  CHECK(render({}, Format::Json) == "[]\n");
}

TEST_CASE("gen loader: one-line errors naming the file and PEM line") {
  CHECK(load_material_bytes("", "e.pem").error == "e.pem: empty file");
  CHECK(load_material_bytes("\x30\x82\x01\x00junk", "j.der").error == "j.der: not a PEM or DER certificate, key or CSR");
  CHECK(load_material_bytes("x\n-----BEGIN CERTIFICATE-----\nMIIB\n", "t.pem").error ==
        "t.pem:2: truncated PEM block (no END line for CERTIFICATE)");
  CHECK(load_material_bytes("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n", "b.pem")
            .error.starts_with("b.pem:1: bad certificate"));
  CHECK(load_material_bytes("hello\n", "h.txt").error == "h.txt: not a PEM or DER certificate, key or CSR");
}

TEST_CASE("gen generate: key-only input yields SPKI records, option errors") {
  TempDir dir;
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  REQUIRE(k);
  std::string key_path = dir.write("k.pem", pem_private_key(k));
  auto want = association_data(k, kSpki, kSha256);
  EVP_PKEY_free(k);
  REQUIRE(want);

  GenOptions o;
  o.key = key_path;
  o.hosts = {"mx2.example.com", "mx1.example.com"};
  GenResult r = generate(o);
  REQUIRE_FALSE(r.error);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].owner == "_25._tcp.mx1.example.com.");  // canonical order, not argument order
  CHECK(r.records[0].data == *want);
  CHECK(r.records[0].role == Role::Current);
  CHECK(r.records[0].what == "private key ED25519");

  o.selector = kCert;
  r = generate(o);
  REQUIRE(r.error);
  CHECK(r.error->message.find("selector 0 (CERT) needs a certificate") != std::string::npos);
  CHECK(r.records.empty());

  o.selector = kSpki;
  o.usage = kPkixEe;
  r = generate(o);
  REQUIRE(r.error);
  CHECK(r.error->code == "SMTP001");
  CHECK(r.error->name == "smtp-pkix-usage");

  GenOptions none;
  none.hosts = {"mx.example.com"};
  CHECK(generate(none).error->message == "give --cert, --key or --certbot-lineage");
  GenOptions nohost;
  nohost.key = key_path;
  CHECK(generate(nohost).error->message == "give at least one --host");
}
