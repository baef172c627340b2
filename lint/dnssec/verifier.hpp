// DNSSEC signature crypto with OpenSSL 3 EVP (and libsodium for Ed25519, see verify()).
//
// A PublicKey is decoded ONCE per DNSKEY record (RFC 3110 RSA, RFC 6605 ECDSA, RFC 8080 EdDSA) into
// an EVP_PKEY that all threads share read-only. A Verifier is per thread: it owns one digest context
// and, per key, one EVP_PKEY_CTX already initialised for verification, so a signature costs one
// digest and one verify call, with no key decoding and no context allocation once warm.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/c_ptr.hpp"

namespace danelint::dnssec {

enum class KeyStatus : uint8_t {
  Ok,           ///< decoded, algorithm supported
  Unsupported,  ///< algorithm not implemented (DSA, GOST, RSAMD5, unassigned): never verified
  Invalid,      ///< algorithm supported but the key material does not decode
};

/// True for the algorithms the verifier implements: 5, 7, 8, 10, 13, 14, 15, 16.
bool algorithm_supported(uint8_t alg);

/// An RSA public key ready for the verifier's fast path (see Verifier::verify): the modulus with its
/// Montgomery context, built once per DNSKEY and shared read-only by all threads.
struct RsaModulus;

struct PublicKey {
  uint8_t algorithm = 0;
  KeyStatus status = KeyStatus::Unsupported;
  int bits = 0;             ///< RSA modulus size (0 for other algorithms)
  std::string error;        ///< why it is Invalid
  std::shared_ptr<EVP_PKEY> pkey;
  std::vector<uint8_t> ed25519;  ///< the raw Ed25519 key, for libsodium's faster verification
  std::shared_ptr<const RsaModulus> rsa;  ///< set for RSA keys whose exponent fits 64 bits
};

/// Decodes the public key field of a DNSKEY for its algorithm.
PublicKey decode_public_key(uint8_t algorithm, std::span<const uint8_t> key);

/// Per-thread verification state. `key_slot` identifies a key across calls (its index in the
/// zone's key table) so the initialised EVP_PKEY_CTX can be reused.
class Verifier {
 public:
  Verifier();
  ~Verifier();
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;

  /// True when `signature` (DNS wire form) verifies `data` under `key`.
  bool verify(const PublicKey& key, size_t key_slot, std::string_view data, std::span<const uint8_t> signature);

  /// RSA signatures the fast path accepted (so tests can see that it is taken).
  uint64_t rsa_fast_accepts() const { return rsa_fast_accepts_; }

 private:
  EVP_MD_CTX* md_ctx_ = nullptr;
  std::vector<EVP_PKEY_CTX*> pkey_ctx_;  ///< by key slot, lazily initialised (RSA, ECDSA)
  /// EdDSA: one digest-verify context per key slot. OpenSSL 3.0 keeps the EVP_PKEY_CTX of the first
  /// key in an EVP_MD_CTX across EVP_DigestVerifyInit calls, so contexts must not be shared by keys.
  std::vector<EVP_MD_CTX*> ed_ctx_;
  std::vector<uint8_t> der_;             ///< reusable buffer for ECDSA DER signatures
  struct RsaScratch;                     ///< BN_CTX and BIGNUMs of the RSA fast path
  std::unique_ptr<RsaScratch> rsa_;
  uint64_t rsa_fast_accepts_ = 0;
  bool rsa_pkcs1_matches(const RsaModulus& key, std::span<const uint8_t> prefix, std::span<const uint8_t> digest,
                         std::span<const uint8_t> sig);
};

}  // namespace danelint::dnssec
