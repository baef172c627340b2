// RSASHA256 (2048-bit, e = 65537) verifications per second on one core: with OpenSSL's EVP interface on
// a ready digest (what `openssl speed rsa2048` measures), and through danelint's own verifier on a
// 200-octet signed-data block, digest included (lint/dnssec/verifier.cpp, whose RSA path skips EVP's
// per-call set-up). bench/run.sh prints the bound both rates give. Built by `cmake --build BUILD
// --target rsa_speed`.
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bench/verify_rate.hpp"
#include "lint/dnssec/verifier.hpp"

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
  BIGNUM *n = nullptr, *e = nullptr;
  if (!key || EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n) != 1 ||
      EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e) != 1)
    return 1;
  std::vector<uint8_t> dnskey(1 + BN_num_bytes(e) + BN_num_bytes(n));  // RFC 3110
  dnskey[0] = static_cast<uint8_t>(BN_num_bytes(e));
  BN_bn2bin(e, dnskey.data() + 1);
  BN_bn2bin(n, dnskey.data() + 1 + dnskey[0]);

  std::string msg(200, 'Z');
  unsigned char digest[32], sig[256];
  size_t sig_len = sizeof sig;
  EVP_Digest(msg.data(), msg.size(), digest, nullptr, EVP_sha256(), nullptr);
  EVP_PKEY_CTX* sign = EVP_PKEY_CTX_new(key, nullptr);
  EVP_PKEY_CTX* verify = EVP_PKEY_CTX_new(key, nullptr);
  if (EVP_PKEY_sign_init(sign) != 1 || EVP_PKEY_CTX_set_rsa_padding(sign, RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_CTX_set_signature_md(sign, EVP_sha256()) != 1 || EVP_PKEY_sign(sign, sig, &sig_len, digest, 32) != 1 ||
      EVP_PKEY_verify_init(verify) != 1 || EVP_PKEY_CTX_set_rsa_padding(verify, RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_CTX_set_signature_md(verify, EVP_sha256()) != 1)
    return 1;

  danelint::dnssec::PublicKey pk = danelint::dnssec::decode_public_key(8, dnskey);
  danelint::dnssec::Verifier verifier;
  std::span<const uint8_t> s(sig, sig_len);
  double evp = rate(seconds, [&] { return EVP_PKEY_verify(verify, sig, sig_len, digest, 32) == 1; });
  double own = rate(seconds, [&] { return verifier.verify(pk, 0, msg, s); });
  if (verifier.rsa_fast_accepts() == 0) return 1;  // the fast path was not taken: the figure would lie
  std::printf("openssl-evp %.0f\ndanelint %.0f\n", evp, own);
  return 0;
}
