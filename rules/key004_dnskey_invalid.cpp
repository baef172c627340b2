#include <unordered_map>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

struct PkeyFree { void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); } };
struct CtxFree { void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); } };
struct BldFree { void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamFree { void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); } };
struct BnFree { void operator()(BIGNUM* p) const { BN_free(p); } };

/// Builds a public key from parameters and runs OpenSSL's public-key check; empty string when fine.
std::string from_params(const char* type, OSSL_PARAM* params) {
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) <= 0 || !raw)
    return "OpenSSL rejects the key";
  std::unique_ptr<EVP_PKEY, PkeyFree> key(raw);
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return "the public key fails OpenSSL's key check";
  return {};
}

/// RFC 3110 §2: exponent length (1 octet, or 0 and 2 octets), exponent, modulus.
std::string check_rsa(std::span<const uint8_t> k) {
  if (k.empty()) return "empty RSA public key";
  size_t elen = k[0], off = 1;
  if (elen == 0) {
    if (k.size() < 3) return "RSA exponent length truncated";
    elen = (size_t(k[1]) << 8) | k[2];
    off = 3;
  }
  if (elen == 0) return "RSA exponent length is zero";
  if (k.size() < off + elen + 1) return cat("RSA key too short for its ", elen, "-octet exponent and a modulus");
  auto e = k.subspan(off, elen), n = k.subspan(off + elen);
  if (n[0] == 0) return "RSA modulus has a leading zero octet";
  std::unique_ptr<BIGNUM, BnFree> bn_n(BN_bin2bn(n.data(), int(n.size()), nullptr));
  std::unique_ptr<BIGNUM, BnFree> bn_e(BN_bin2bn(e.data(), int(e.size()), nullptr));
  if (!bn_n || !bn_e) return "RSA key cannot be decoded";
  if (BN_is_zero(bn_e.get()) || !BN_is_odd(bn_e.get())) return "RSA exponent is not an odd number";
  if (!BN_is_odd(bn_n.get())) return "RSA modulus is even";
  // Also what keeps OpenSSL's check affordable: its Miller-Rabin round took 1.3 s on a 16384-bit modulus.
  if (int bits = BN_num_bits(bn_n.get()); bits > 4096)
    return cat("RSA modulus is ", bits, " bits; RFC 3110 §2 limits it to 4096");
  if (int bits = BN_num_bits(bn_e.get()); bits > 4096)
    return cat("RSA exponent is ", bits, " bits; RFC 3110 §2 limits it to 4096");
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
      !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()))
    return "RSA key cannot be decoded";
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  return from_params("RSA", params.get());
}

/// RFC 6605 §4: X | Y, 32 octets each for P-256, 48 for P-384; the point must be on the curve.
std::string check_ecdsa(std::span<const uint8_t> k, const char* group, size_t half) {
  if (k.size() != 2 * half) return cat("ECDSA ", group, " key is ", k.size(), " octets, not ", 2 * half);
  std::vector<uint8_t> point{0x04};
  point.insert(point.end(), k.begin(), k.end());
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()))
    return "ECDSA key cannot be decoded";
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::string err = from_params("EC", params.get());
  return err.empty() ? err : "ECDSA public key is not a point on the curve";
}

/// RFC 8080 §3: the raw public key, 32 octets (Ed25519) or 57 (Ed448).
std::string check_eddsa(std::span<const uint8_t> k, int type, const char* name, size_t len) {
  if (k.size() != len) return cat(name, " key is ", k.size(), " octets, not ", len);
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_PKEY_new_raw_public_key(type, nullptr, k.data(), k.size()));
  if (!key) return cat(name, " key cannot be decoded");
  return {};
}

/// RFC 2536 §2: T, Q (20), P, G, Y (64 + 8T each), T at most 8.
std::string check_dsa(std::span<const uint8_t> k) {
  if (k.empty()) return "empty DSA public key";
  if (k[0] > 8) return cat("DSA key parameter T is ", unsigned(k[0]), ", at most 8 allowed");
  size_t want = 1 + 20 + 3 * (64 + 8 * size_t(k[0]));
  if (k.size() != want) return cat("DSA key is ", k.size(), " octets, T=", unsigned(k[0]), " needs ", want);
  return {};
}

std::string key_problem(const DnskeyView& v) {
  switch (v.algorithm) {
    case 1: case 5: case 7: case 8: case 10: return check_rsa(v.public_key);
    case 3: case 6: return check_dsa(v.public_key);
    case 13: return check_ecdsa(v.public_key, "P-256", 32);
    case 14: return check_ecdsa(v.public_key, "P-384", 48);
    case 15: return check_eddsa(v.public_key, EVP_PKEY_ED25519, "Ed25519", 32);
    case 16: return check_eddsa(v.public_key, EVP_PKEY_ED448, "Ed448", 57);
    default: return {};  // GOST, SM2, private and unknown algorithms: no decoder to judge by
  }
}

void check(const LintContext& ctx, FindingSink& out) {
  // Each distinct key is judged once: copies of one RSA key would each pay OpenSSL's check again.
  std::unordered_map<std::string, std::string> judged;
  for (const auto& zone : ctx.zones()) {
    for (const Record& rec : zone->records) {
      if (rec.type != LDNS_RR_TYPE_DNSKEY) continue;
      auto v = decode_dnskey(zone->rdata(rec));
      if (!v) {
        out.report(*zone, rec, "DNSKEY RDATA is shorter than flags, protocol and algorithm");
        continue;
      }
      std::string what = cat("DNSKEY ", v->key_tag, " (", algorithm_name(v->algorithm), ")");
      if (v->protocol != 3) {
        out.report(*zone, rec, cat(what, " has protocol ", unsigned(v->protocol), ", not 3"));
        continue;
      }
      auto rd = zone->rdata(rec);
      auto [it, fresh] = judged.try_emplace(std::string(reinterpret_cast<const char*>(rd.data()), rd.size()));
      if (fresh) it->second = key_problem(*v);
      if (!it->second.empty()) out.report(*zone, rec, cat(what, ": ", it->second));
    }
  }
}

}  // namespace

extern const Rule kKey004{
    .info = {.id = "KEY004", .name = "dnskey-invalid", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DNSKEY protocol not 3, or a key that cannot be decoded for its algorithm",
             .rationale = "A DNSKEY whose protocol field is not 3 MUST be treated as invalid during signature "
                          "verification (RFC 4034 §2.1.2), and a public key that does not decode for its "
                          "algorithm (RFC 3110, RFC 6605, RFC 8080) verifies nothing: every RRSIG made with it is "
                          "bogus and a DS pointing at it breaks the chain of trust.",
             .fix = "Republish the key as the signer exported it (dnssec-keygen, ldns-keygen, keymgr); do not "
                    "edit DNSKEY records by hand.",
             .bad_example = "@ 3600 IN DNSKEY 257 5 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
             .good_example = "@ 3600 IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
             .references = "RFC 4034 §2.1.2; RFC 3110 §2; RFC 6605 §4; RFC 8080 §3; RFC 2536 §2"},
    .check = &check};

}  // namespace danelint::rules
