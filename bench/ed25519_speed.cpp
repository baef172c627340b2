// Ed25519 verifications per second on one core, with libsodium (what danelint verifies with first) and
// with OpenSSL's EVP interface (what `openssl speed ed25519` measures), on a 200-octet message like a
// DNSSEC signed-data block. bench/run.sh uses the libsodium figure as the crypto bound for Ed25519 zones.
//   g++ -O2 bench/ed25519_speed.cpp -lsodium -lcrypto && ./a.out [seconds]
#include <openssl/evp.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "verify_rate.hpp"

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  if (sodium_init() < 0) return 1;
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], msg[200], sig[crypto_sign_BYTES];
  std::memset(msg, 0x5a, sizeof msg);
  crypto_sign_keypair(pk, sk);
  crypto_sign_detached(sig, nullptr, msg, sizeof msg, sk);
  double sodium = rate(seconds, [&] { return crypto_sign_verify_detached(sig, msg, sizeof msg, pk) == 0; });
  EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, pk, sizeof pk);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  double openssl = rate(seconds, [&] {
    return EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key) == 1 &&
           EVP_DigestVerify(ctx, sig, sizeof sig, msg, sizeof msg) == 1;
  });
  std::printf("libsodium %.0f\nopenssl %.0f\n", sodium, openssl);
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(key);
  return 0;
}
