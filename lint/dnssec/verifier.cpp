#include "lint/dnssec/verifier.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <sodium.h>

#include <cstring>

namespace danelint::dnssec {

bool algorithm_supported(uint8_t alg) {
  switch (alg) {
    case 5: case 7: case 8: case 10: case 13: case 14: case 15: case 16: return true;
    default: return false;
  }
}

using BnPtr = std::unique_ptr<BIGNUM, CDeleter<BN_free>>;
using BnCtxPtr = std::unique_ptr<BN_CTX, CDeleter<BN_CTX_free>>;
using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, CDeleter<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, CDeleter<OSSL_PARAM_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, CDeleter<EVP_PKEY_CTX_free>>;

struct RsaModulus {
  BnPtr n;
  std::unique_ptr<BN_MONT_CTX, CDeleter<BN_MONT_CTX_free>> mont;
  uint64_t e = 0;
  size_t bytes = 0;  ///< a signature must be exactly this long (RFC 8017 §8.2.2 step 1)
};

struct Verifier::RsaScratch {
  BnCtxPtr ctx{BN_CTX_new()};
  BnPtr s{BN_new()}, base{BN_new()}, x{BN_new()};
  std::vector<uint8_t> em;
  bool ready() const { return ctx && s && base && x; }
};

namespace {

/// Digest used by an algorithm; fetched once (explicit fetch avoids a provider lookup per call).
const EVP_MD* digest_for(uint8_t alg) {
  static EVP_MD* sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  static EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  static EVP_MD* sha384 = EVP_MD_fetch(nullptr, "SHA384", nullptr);
  static EVP_MD* sha512 = EVP_MD_fetch(nullptr, "SHA512", nullptr);
  switch (alg) {
    case 5: case 7: return sha1;
    case 8: case 13: return sha256;
    case 14: return sha384;
    case 10: return sha512;
    default: return nullptr;
  }
}

std::shared_ptr<EVP_PKEY> from_data(const char* type, OSSL_PARAM* params) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* pkey = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1)
    return nullptr;
  return std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free);
}

PublicKey decode_rsa(PublicKey k, std::span<const uint8_t> key) {
  // RFC 3110 §2: exponent length (1 octet, or 0 then 2 octets), exponent, modulus.
  size_t pos = 0, elen = 0;
  if (key.empty()) return k.error = "empty RSA key", k;
  if (key[0] != 0) {
    elen = key[0];
    pos = 1;
  } else {
    if (key.size() < 3) return k.error = "truncated RSA exponent length", k;
    elen = static_cast<size_t>(key[1]) << 8 | key[2];
    pos = 3;
  }
  if (elen == 0 || pos + elen >= key.size()) return k.error = "RSA exponent runs past the key", k;
  BnPtr e(BN_bin2bn(key.data() + pos, static_cast<int>(elen), nullptr));
  BnPtr n(BN_bin2bn(key.data() + pos + elen, static_cast<int>(key.size() - pos - elen), nullptr));
  if (!e || !n || BN_is_zero(n.get())) return k.error = "RSA modulus is zero", k;
  k.bits = BN_num_bits(n.get());
  ParamBldPtr bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
    return k.error = "cannot build RSA key", k;
  ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
  k.pkey = params ? from_data("RSA", params.get()) : nullptr;
  if (!k.pkey) return k.error = "RSA key does not decode", k;
  k.status = KeyStatus::Ok;
  // The fast path needs an odd modulus (Montgomery form) and an exponent in one word; every key
  // dnssec-keygen, ldns and Knot make has e = 65537. Other keys go through EVP only, and so do those
  // EVP refuses to verify with: a modulus over 16384 bits, or not above e (rsa_ossl_public_decrypt).
  if (BN_is_odd(n.get()) && BN_num_bits(e.get()) <= 64 && BN_is_odd(e.get()) && !BN_is_one(e.get()) &&
      BN_num_bits(n.get()) <= OPENSSL_RSA_MAX_MODULUS_BITS && BN_ucmp(n.get(), e.get()) > 0) {
    auto m = std::make_shared<RsaModulus>();
    BnCtxPtr ctx(BN_CTX_new());
    m->mont.reset(BN_MONT_CTX_new());
    uint8_t eb[8] = {};
    if (ctx && m->mont && BN_MONT_CTX_set(m->mont.get(), n.get(), ctx.get()) == 1 &&
        BN_bn2binpad(e.get(), eb, sizeof eb) == sizeof eb) {
      for (uint8_t b : eb) m->e = m->e << 8 | b;
      m->bytes = static_cast<size_t>(BN_num_bytes(n.get()));
      m->n = std::move(n);
      k.rsa = std::move(m);
    }
  }
  return k;
}

/// The DER DigestInfo that precedes the digest in an EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2 note 1).
std::span<const uint8_t> digest_info_prefix(uint8_t alg) {
  static constexpr uint8_t sha1[] = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14};
  static constexpr uint8_t sha256[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                       0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
  static constexpr uint8_t sha512[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                       0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};
  switch (alg) {
    case 5: case 7: return sha1;
    case 8: return sha256;
    case 10: return sha512;
    default: return {};
  }
}

PublicKey decode_ecdsa(PublicKey k, std::span<const uint8_t> key, const char* group, size_t len) {
  // RFC 6605 §4: the key is X | Y, each len/2 octets.
  if (key.size() != len) return k.error = "ECDSA key has " + std::to_string(key.size()) + " octets, not " + std::to_string(len), k;
  std::vector<uint8_t> point(1 + len);
  point[0] = 0x04;
  std::copy(key.begin(), key.end(), point.begin() + 1);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(group), 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()), OSSL_PARAM_construct_end()};
  k.pkey = from_data("EC", params);
  if (!k.pkey) return k.error = "ECDSA public key is not a point on the curve", k;
  k.status = KeyStatus::Ok;
  return k;
}

PublicKey decode_eddsa(PublicKey k, std::span<const uint8_t> key, int type, size_t len) {
  if (key.size() != len) return k.error = "EdDSA key has " + std::to_string(key.size()) + " octets, not " + std::to_string(len), k;
  EVP_PKEY* p = EVP_PKEY_new_raw_public_key(type, nullptr, key.data(), key.size());
  if (!p) return k.error = "EdDSA key does not decode", k;
  k.pkey.reset(p, EVP_PKEY_free);
  if (type == EVP_PKEY_ED25519) k.ed25519.assign(key.begin(), key.end());
  k.status = KeyStatus::Ok;
  return k;
}

/// Appends a DER INTEGER for the unsigned big-endian `v`.
void der_integer(std::vector<uint8_t>& out, std::span<const uint8_t> v) {
  size_t i = 0;
  while (i + 1 < v.size() && v[i] == 0) ++i;
  v = v.subspan(i);
  bool pad = !v.empty() && (v[0] & 0x80);
  size_t len = v.size() + (pad ? 1 : 0);
  out.push_back(0x02);
  out.push_back(static_cast<uint8_t>(len));  // at most 49 octets for P-384
  if (pad) out.push_back(0);
  out.insert(out.end(), v.begin(), v.end());
}

}  // namespace

PublicKey decode_public_key(uint8_t alg, std::span<const uint8_t> key) {
  PublicKey k;
  k.algorithm = alg;
  k.status = KeyStatus::Invalid;
  switch (alg) {
    case 5: case 7: case 8: case 10: return decode_rsa(std::move(k), key);
    case 13: return decode_ecdsa(std::move(k), key, "prime256v1", 64);
    case 14: return decode_ecdsa(std::move(k), key, "secp384r1", 96);
    case 15: return decode_eddsa(std::move(k), key, EVP_PKEY_ED25519, 32);
    case 16: return decode_eddsa(std::move(k), key, EVP_PKEY_ED448, 57);
    case 1: {  // RSAMD5: never verified, but its modulus size is still worth reporting
      PublicKey r = decode_rsa(std::move(k), key);
      r.status = KeyStatus::Unsupported;
      r.pkey.reset();
      r.rsa.reset();
      return r;
    }
    default:
      k.status = KeyStatus::Unsupported;
      return k;
  }
}

Verifier::Verifier() : md_ctx_(EVP_MD_CTX_new()), rsa_(std::make_unique<RsaScratch>()) {
  static const int sodium_ready = sodium_init();  // once; thread-safe, idempotent
  (void)sodium_ready;
}

Verifier::~Verifier() {
  EVP_MD_CTX_free(md_ctx_);
  for (EVP_PKEY_CTX* c : pkey_ctx_) EVP_PKEY_CTX_free(c);
  for (EVP_MD_CTX* c : ed_ctx_) EVP_MD_CTX_free(c);
}

/// RSASSA-PKCS1-v1_5 verification by comparison (RFC 8017 §8.2.2): s^e mod n must be exactly the
/// encoding 00 01 FF..FF 00 DigestInfo digest. It is the same arithmetic EVP_PKEY_verify does, on
/// OpenSSL's own Montgomery multiplication, without the per-call set-up of the EVP and RSA layers:
/// 70.2k against 65.4k verifications/s per core here, digest included (bench/rsa_speed.cpp), and RSA
/// verification is most of an RSA zone's time. It only ever says yes to that exact encoding; every
/// "no" is decided again by EVP.
bool Verifier::rsa_pkcs1_matches(const RsaModulus& key, std::span<const uint8_t> prefix,
                                 std::span<const uint8_t> digest, std::span<const uint8_t> sig) {
  RsaScratch& r = *rsa_;
  const size_t k = key.bytes, t = prefix.size() + digest.size();
  if (!r.ready() || prefix.empty() || sig.size() != k || k < t + 11) return false;
  BN_CTX* ctx = r.ctx.get();
  // OpenSSL 3.0 takes the context non-const but only reads it; its own RSA code shares one across
  // threads the same way.
  BN_MONT_CTX* mont = key.mont.get();
  BIGNUM *s = r.s.get(), *base = r.base.get(), *x = r.x.get();
  if (!BN_bin2bn(sig.data(), static_cast<int>(k), s) || BN_ucmp(s, key.n.get()) >= 0) return false;
  if (BN_to_montgomery(base, s, mont, ctx) != 1 || !BN_copy(x, base)) return false;
  // Left-to-right binary exponentiation: for e = 65537, 16 squarings and one multiplication.
  int top = 63;
  while (!(key.e >> top & 1)) --top;
  for (int bit = top - 1; bit >= 0; --bit) {
    if (BN_mod_mul_montgomery(x, x, x, mont, ctx) != 1) return false;
    if ((key.e >> bit & 1) && BN_mod_mul_montgomery(x, x, base, mont, ctx) != 1) return false;
  }
  if (BN_from_montgomery(s, x, mont, ctx) != 1) return false;
  r.em.resize(k);
  uint8_t* em = r.em.data();
  if (BN_bn2binpad(s, em, static_cast<int>(k)) != static_cast<int>(k)) return false;
  const size_t ps_end = k - t - 1;  // em[2, ps_end) is the FF padding, em[ps_end] the 00 separator
  if (em[0] != 0x00 || em[1] != 0x01 || em[ps_end] != 0x00) return false;
  for (size_t i = 2; i < ps_end; ++i)
    if (em[i] != 0xFF) return false;
  return std::memcmp(em + ps_end + 1, prefix.data(), prefix.size()) == 0 &&
         std::memcmp(em + ps_end + 1 + prefix.size(), digest.data(), digest.size()) == 0;
}

bool Verifier::verify(const PublicKey& key, size_t slot, std::string_view data, std::span<const uint8_t> sig) {
  if (key.status != KeyStatus::Ok || !md_ctx_) return false;
  const uint8_t* msg = reinterpret_cast<const uint8_t*>(data.data());
  if (key.algorithm == 15 && key.ed25519.size() == crypto_sign_PUBLICKEYBYTES && sig.size() == crypto_sign_BYTES &&
      crypto_sign_verify_detached(sig.data(), msg, data.size(), key.ed25519.data()) == 0) {
    // libsodium verifies Ed25519 about 1.8x faster than OpenSSL 3.0 (bench/README.md). It is the
    // stricter of the two (it also refuses small-order and non-canonical keys), so its "valid" is
    // OpenSSL's too; anything it refuses is decided by OpenSSL below, which keeps verdicts the same.
    return true;
  }
  if (key.algorithm == 15 || key.algorithm == 16) {
    // EdDSA signs the message itself (RFC 8080 §4): one-shot verify, no pre-hash.
    if (slot >= ed_ctx_.size()) ed_ctx_.resize(slot + 1, nullptr);
    EVP_MD_CTX*& ctx = ed_ctx_[slot];
    if (!ctx && !(ctx = EVP_MD_CTX_new())) return false;
    if (EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key.pkey.get()) != 1) return false;
    return EVP_DigestVerify(ctx, sig.data(), sig.size(), msg, data.size()) == 1;
  }
  const EVP_MD* md = digest_for(key.algorithm);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int dlen = 0;
  if (!md || EVP_DigestInit_ex(md_ctx_, md, nullptr) != 1 || EVP_DigestUpdate(md_ctx_, msg, data.size()) != 1 ||
      EVP_DigestFinal_ex(md_ctx_, digest, &dlen) != 1)
    return false;
  if (key.rsa && rsa_pkcs1_matches(*key.rsa, digest_info_prefix(key.algorithm), {digest, dlen}, sig)) {
    ++rsa_fast_accepts_;
    return true;
  }
  if (slot >= pkey_ctx_.size()) pkey_ctx_.resize(slot + 1, nullptr);
  EVP_PKEY_CTX*& ctx = pkey_ctx_[slot];
  if (!ctx) {
    ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey.get(), nullptr);
    bool ok = ctx && EVP_PKEY_verify_init(ctx) == 1 && EVP_PKEY_CTX_set_signature_md(ctx, md) == 1;
    if (ok && key.algorithm <= 10) ok = EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1;
    if (!ok) {
      EVP_PKEY_CTX_free(ctx);
      ctx = nullptr;
      return false;
    }
  }
  if (key.algorithm == 13 || key.algorithm == 14) {
    // RFC 6605 §4: the signature is r | s; OpenSSL wants DER ECDSA-Sig-Value.
    size_t half = key.algorithm == 13 ? 32 : 48;
    if (sig.size() != 2 * half) return false;
    der_.clear();
    der_.push_back(0x30);
    der_.push_back(0);
    der_integer(der_, sig.subspan(0, half));
    der_integer(der_, sig.subspan(half));
    der_[1] = static_cast<uint8_t>(der_.size() - 2);
    return EVP_PKEY_verify(ctx, der_.data(), der_.size(), digest, dlen) == 1;
  }
  return EVP_PKEY_verify(ctx, sig.data(), sig.size(), digest, dlen) == 1;
}

}  // namespace danelint::dnssec
