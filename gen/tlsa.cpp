#include "gen/tlsa.hpp"

#include <openssl/sha.h>

#include "lint/strings.hpp"

namespace danelint::gen {

std::vector<uint8_t> selected_bytes(X509* cert, uint8_t selector) {
  unsigned char* der = nullptr;
  int len = selector == kCert ? i2d_X509(cert, &der) : i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
  if (len <= 0) return {};
  std::vector<uint8_t> out(der, der + len);
  OPENSSL_free(der);
  return out;
}

std::vector<uint8_t> spki_der(EVP_PKEY* key) {
  // i2d_PUBKEY writes only the public part, also for a private key: exactly the SPKI a certificate
  // for this key would carry.
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(key, &der);
  if (len <= 0) return {};
  std::vector<uint8_t> out(der, der + len);
  OPENSSL_free(der);
  return out;
}

std::optional<std::vector<uint8_t>> apply_matching(std::span<const uint8_t> selected, uint8_t matching) {
  switch (matching) {
    case kFull:
      return std::vector<uint8_t>(selected.begin(), selected.end());
    case kSha256: {
      std::vector<uint8_t> out(SHA256_DIGEST_LENGTH);
      SHA256(selected.data(), selected.size(), out.data());
      return out;
    }
    case kSha512: {
      std::vector<uint8_t> out(SHA512_DIGEST_LENGTH);
      SHA512(selected.data(), selected.size(), out.data());
      return out;
    }
    default:
      return std::nullopt;
  }
}

std::optional<std::vector<uint8_t>> association_data(X509* cert, uint8_t selector, uint8_t matching) {
  if (selector > kSpki) return std::nullopt;
  std::vector<uint8_t> sel = selected_bytes(cert, selector);
  if (sel.empty()) return std::nullopt;
  return apply_matching(sel, matching);
}

std::optional<std::vector<uint8_t>> association_data(EVP_PKEY* key, uint8_t selector, uint8_t matching) {
  if (selector != kSpki) return std::nullopt;
  std::vector<uint8_t> sel = spki_der(key);
  if (sel.empty()) return std::nullopt;
  return apply_matching(sel, matching);
}

static std::optional<uint8_t> parse_param(std::string_view s, std::initializer_list<std::pair<std::string_view, uint8_t>> names,
                                          uint8_t max) {
  for (auto [name, value] : names)
    if (equals_icase(s, name)) return value;
  uint64_t v = 0;
  if (parse_u64(s, v) && v <= max) return static_cast<uint8_t>(v);
  return std::nullopt;
}

std::optional<uint8_t> parse_usage(std::string_view s) {
  return parse_param(s, {{"PKIX-TA", 0}, {"PKIX-EE", 1}, {"DANE-TA", 2}, {"DANE-EE", 3}, {"PrivCert", 255}}, 255);
}
std::optional<uint8_t> parse_selector(std::string_view s) {
  return parse_param(s, {{"CERT", 0}, {"SPKI", 1}, {"PrivSel", 255}}, 255);
}
std::optional<uint8_t> parse_matching(std::string_view s) {
  return parse_param(s, {{"FULL", 0}, {"SHA2-256", 1}, {"SHA2-512", 2}, {"PrivMatch", 255}}, 255);
}

std::string usage_mnemonic(uint8_t u) {
  static constexpr const char* k[] = {"PKIX-TA", "PKIX-EE", "DANE-TA", "DANE-EE"};
  return u < 4 ? k[u] : std::to_string(u);
}
std::string selector_mnemonic(uint8_t s) { return s == 0 ? "CERT" : s == 1 ? "SPKI" : std::to_string(s); }
std::string matching_mnemonic(uint8_t m) {
  return m == 0 ? "FULL" : m == 1 ? "SHA2-256" : m == 2 ? "SHA2-512" : std::to_string(m);
}

}  // namespace danelint::gen
