// The verifier's RSA fast path (lint/dnssec/verifier.cpp) must say "valid" exactly when OpenSSL's
// EVP_PKEY_verify does. Each case runs the same signature through a key with the fast path and a
// copy of the key without it (EVP only), on keys and signatures made by OpenSSL.
#include <doctest/doctest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <random>

#include "lint/dnssec/verifier.hpp"

using namespace danelint;
using namespace danelint::dnssec;

namespace {

struct RsaFixture {
  EvpPkeyPtr priv;
  std::vector<uint8_t> dnskey;  // RFC 3110 public key field

  RsaFixture(int bits, unsigned long exponent) {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    REQUIRE(ctx);
    BIGNUM* e = BN_new();
    BN_set_word(e, exponent);
    EVP_PKEY* p = nullptr;
    REQUIRE(EVP_PKEY_keygen_init(ctx) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1);
    REQUIRE(EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1);
    REQUIRE(EVP_PKEY_keygen(ctx, &p) == 1);
    priv.reset(p);
    BN_free(e);
    EVP_PKEY_CTX_free(ctx);
    BIGNUM *n = nullptr, *ee = nullptr;
    REQUIRE(EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_RSA_N, &n) == 1);
    REQUIRE(EVP_PKEY_get_bn_param(p, OSSL_PKEY_PARAM_RSA_E, &ee) == 1);
    std::vector<uint8_t> eb(BN_num_bytes(ee)), nb(BN_num_bytes(n));
    BN_bn2bin(ee, eb.data());
    BN_bn2bin(n, nb.data());
    dnskey.push_back(static_cast<uint8_t>(eb.size()));
    dnskey.insert(dnskey.end(), eb.begin(), eb.end());
    dnskey.insert(dnskey.end(), nb.begin(), nb.end());
    BN_free(n);
    BN_free(ee);
  }

  std::vector<uint8_t> sign(const EVP_MD* md, std::string_view msg, int padding = RSA_PKCS1_PADDING) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    REQUIRE(EVP_DigestSignInit(ctx, &pctx, md, nullptr, priv.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(pctx, padding) == 1);
    size_t len = 0;
    REQUIRE(EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const uint8_t*>(msg.data()), msg.size()) == 1);
    std::vector<uint8_t> sig(len);
    REQUIRE(EVP_DigestSign(ctx, sig.data(), &len, reinterpret_cast<const uint8_t*>(msg.data()), msg.size()) == 1);
    EVP_MD_CTX_free(ctx);
    return sig;
  }

  /// The raw private operation on `em` (no padding): lets a test build any encoded message.
  std::vector<uint8_t> raw_private(const std::vector<uint8_t>& em) const {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(priv.get(), nullptr);
    REQUIRE(EVP_PKEY_sign_init(ctx) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING) == 1);
    size_t len = em.size();
    std::vector<uint8_t> sig(len);
    REQUIRE(EVP_PKEY_sign(ctx, sig.data(), &len, em.data(), em.size()) == 1);
    EVP_PKEY_CTX_free(ctx);
    return sig;
  }
};

/// Verdict with the fast path and verdict with EVP alone; they must agree.
struct Verdicts {
  bool fast, evp;
};

Verdicts both(uint8_t alg, const std::vector<uint8_t>& dnskey, std::string_view msg, const std::vector<uint8_t>& sig,
              uint64_t* fast_hits = nullptr) {
  PublicKey key = decode_public_key(alg, dnskey);
  REQUIRE(key.status == KeyStatus::Ok);
  REQUIRE(key.rsa);
  PublicKey evp_only = key;
  evp_only.rsa.reset();
  Verifier a, b;
  Verdicts v{a.verify(key, 0, msg, sig), b.verify(evp_only, 0, msg, sig)};
  CHECK(b.rsa_fast_accepts() == 0);
  if (fast_hits) *fast_hits = a.rsa_fast_accepts();
  return v;
}

std::vector<uint8_t> pkcs1_em(size_t k, std::span<const uint8_t> digest_info) {
  std::vector<uint8_t> em(k, 0xFF);
  em[0] = 0x00;
  em[1] = 0x01;
  em[k - digest_info.size() - 1] = 0x00;
  std::copy(digest_info.begin(), digest_info.end(), em.end() - static_cast<long>(digest_info.size()));
  return em;
}

std::vector<uint8_t> sha256_digest_info(std::string_view msg) {
  std::vector<uint8_t> di = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                             0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
  uint8_t d[32];
  unsigned int len = 0;
  EVP_Digest(msg.data(), msg.size(), d, &len, EVP_sha256(), nullptr);
  di.insert(di.end(), d, d + 32);
  return di;
}

}  // namespace

TEST_CASE("RSA fast path: valid signatures of every RSA algorithm are accepted by it") {
  const std::string msg = "\x00\x01\x08\x02 the canonical RRset bytes";
  struct Case {
    uint8_t alg;
    const EVP_MD* md;
  };
  RsaFixture key(1024, 65537);
  for (Case c : {Case{5, EVP_sha1()}, Case{7, EVP_sha1()}, Case{8, EVP_sha256()}, Case{10, EVP_sha512()}}) {
    CAPTURE(int(c.alg));
    uint64_t hits = 0;
    Verdicts v = both(c.alg, key.dnskey, msg, key.sign(c.md, msg), &hits);
    CHECK(v.fast);
    CHECK(v.evp);
    CHECK(hits == 1);
  }
}

TEST_CASE("RSA fast path: other exponents and modulus sizes") {
  const std::string msg = "rrset";
  for (auto [bits, e] : {std::pair{2048, 65537ul}, std::pair{1030, 65537ul}, std::pair{1024, 3ul}, std::pair{1024, 17ul}}) {
    CAPTURE(bits);
    CAPTURE(e);
    RsaFixture key(bits, e);
    uint64_t hits = 0;
    Verdicts v = both(8, key.dnskey, msg, key.sign(EVP_sha256(), msg), &hits);
    CHECK(v.fast);
    CHECK(v.evp);
    CHECK(hits == 1);
  }
}

TEST_CASE("RSA fast path: agrees with EVP on corrupted signatures, messages and algorithms") {
  RsaFixture key(1024, 65537);
  const std::string msg = "www.example. A 192.0.2.1";
  const std::vector<uint8_t> good = key.sign(EVP_sha256(), msg);
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::vector<uint8_t> sig = good;
    sig[rng() % sig.size()] ^= static_cast<uint8_t>(1 + rng() % 255);
    Verdicts v = both(8, key.dnskey, msg, sig);
    CHECK(v.fast == v.evp);
    CHECK(!v.fast);
  }
  std::string other = msg;
  other.back() = '2';
  Verdicts v = both(8, key.dnskey, other, good);
  CHECK(!v.fast);
  CHECK(!v.evp);
  // A SHA-256 signature offered as RSASHA512 or RSASHA1: the DigestInfo differs.
  for (uint8_t alg : {5, 10}) {
    v = both(alg, key.dnskey, msg, good);
    CHECK(!v.fast);
    CHECK(!v.evp);
  }
  // Wrong lengths: a leading zero added, the last octet cut.
  std::vector<uint8_t> longer = good;
  longer.insert(longer.begin(), 0);
  v = both(8, key.dnskey, msg, longer);
  CHECK(v.fast == v.evp);
  CHECK(!v.fast);
  std::vector<uint8_t> shorter(good.begin(), good.end() - 1);
  v = both(8, key.dnskey, msg, shorter);
  CHECK(!v.fast);
  CHECK(!v.evp);
  // A signature representative not below the modulus (RFC 8017 §5.2.2): all ones, and n itself.
  std::vector<uint8_t> ones(good.size(), 0xFF);
  v = both(8, key.dnskey, msg, ones);
  CHECK(!v.fast);
  CHECK(!v.evp);
  std::vector<uint8_t> n(key.dnskey.begin() + 1 + key.dnskey[0], key.dnskey.end());
  v = both(8, key.dnskey, msg, n);
  CHECK(!v.fast);
  CHECK(!v.evp);
}

TEST_CASE("RSA fast path: only the exact EMSA-PKCS1-v1_5 encoding is valid") {
  RsaFixture key(1024, 65537);
  const std::string msg = "mx.example. MX 10 mail.example.";
  const std::vector<uint8_t> di = sha256_digest_info(msg);
  const size_t k = 128;
  uint64_t hits = 0;
  Verdicts v = both(8, key.dnskey, msg, key.raw_private(pkcs1_em(k, di)), &hits);
  CHECK(v.fast);
  CHECK(v.evp);
  CHECK(hits == 1);
  using Change = void (*)(std::vector<uint8_t>&, size_t separator);
  // Block type 2, a padding octet that is not FF, no zero separator, a zero early in the padding
  // (a short PS followed by garbage), and a first octet that is not zero.
  const Change changes[] = {
      [](std::vector<uint8_t>& em, size_t) { em[1] = 0x02; },
      [](std::vector<uint8_t>& em, size_t) { em[40] = 0xFE; },
      [](std::vector<uint8_t>& em, size_t sep) { em[sep] = 0xFF; },
      [](std::vector<uint8_t>& em, size_t) { em[5] = 0x00; },
      [](std::vector<uint8_t>& em, size_t) { em[0] = 0x01; },
  };
  for (Change change : changes) {
    std::vector<uint8_t> em = pkcs1_em(k, di);
    change(em, k - di.size() - 1);
    Verdicts v2 = both(8, key.dnskey, msg, key.raw_private(em), &hits);
    CHECK(v2.fast == v2.evp);
    CHECK(!v2.fast);
    CHECK(hits == 0);
  }
  // The SHA-256 DigestInfo without its NULL parameters.
  std::vector<uint8_t> no_null = {0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48,
                                  0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x04, 0x20};
  no_null.insert(no_null.end(), di.end() - 32, di.end());
  v = both(8, key.dnskey, msg, key.raw_private(pkcs1_em(k, no_null)), &hits);
  CHECK(v.fast == v.evp);
  CHECK(hits == 0);
}

TEST_CASE("RSA fast path: keys it does not take still verify through EVP") {
  // An exponent of 2^64 + 1 does not fit the fast path's word.
  RsaFixture base(1024, 65537);
  std::vector<uint8_t> dnskey = base.dnskey;
  PublicKey k = decode_public_key(8, dnskey);
  CHECK(k.rsa);
  std::vector<uint8_t> big_e = {9, 0x01, 0, 0, 0, 0, 0, 0, 0, 0x01};
  big_e.insert(big_e.end(), dnskey.begin() + 1 + dnskey[0], dnskey.end());
  PublicKey big = decode_public_key(8, big_e);
  CHECK(big.status == KeyStatus::Ok);
  CHECK(!big.rsa);
  // A modulus EVP refuses (over 16384 bits), and one not above e: EVP decides, so no fast path.
  std::vector<uint8_t> huge = {3, 0x01, 0x00, 0x01};
  huge.push_back(0x80);
  huge.insert(huge.end(), 16384 / 8, 0x5a);
  huge.back() |= 1;
  PublicKey too_big = decode_public_key(8, huge);
  CHECK(too_big.status == KeyStatus::Ok);
  CHECK(!too_big.rsa);
  const std::vector<uint8_t> tiny_n = {3, 0x01, 0x00, 0x01, 0xff};  // n = 255 < e = 65537
  PublicKey tiny = decode_public_key(8, tiny_n);
  CHECK(tiny.status == KeyStatus::Ok);
  CHECK(!tiny.rsa);
  // RSAMD5 is never verified and never gets the fast path.
  PublicKey md5 = decode_public_key(1, dnskey);
  CHECK(md5.status == KeyStatus::Unsupported);
}
