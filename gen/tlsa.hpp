// TLSA association data (RFC 6698 §2.1): the ONE implementation that `gen` and the lint rules share.
#pragma once
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace danelint::gen {

enum Usage : uint8_t { kPkixTa = 0, kPkixEe = 1, kDaneTa = 2, kDaneEe = 3 };
enum Selector : uint8_t { kCert = 0, kSpki = 1 };
enum Matching : uint8_t { kFull = 0, kSha256 = 1, kSha512 = 2 };

/// DER of the certificate (selector 0) or of its SubjectPublicKeyInfo (selector 1).
std::vector<uint8_t> selected_bytes(X509* cert, uint8_t selector);
/// DER SubjectPublicKeyInfo of a key (private or public).
std::vector<uint8_t> spki_der(EVP_PKEY* key);
/// Applies the matching type to the selected bytes; nullopt for an unknown matching type.
std::optional<std::vector<uint8_t>> apply_matching(std::span<const uint8_t> selected, uint8_t matching);

/// Association data for a certificate under (selector, matching).
std::optional<std::vector<uint8_t>> association_data(X509* cert, uint8_t selector, uint8_t matching);
/// Association data for a bare key: only selector 1 (SPKI) is defined for keys.
std::optional<std::vector<uint8_t>> association_data(EVP_PKEY* key, uint8_t selector, uint8_t matching);

/// Parses a parameter as number or RFC 7218 mnemonic ("DANE-EE", "SPKI", "SHA2-256"); nullopt if invalid.
std::optional<uint8_t> parse_usage(std::string_view s);
std::optional<uint8_t> parse_selector(std::string_view s);
std::optional<uint8_t> parse_matching(std::string_view s);
std::string usage_mnemonic(uint8_t u);     ///< "DANE-EE", or the number
std::string selector_mnemonic(uint8_t s);  ///< "SPKI"
std::string matching_mnemonic(uint8_t m);  ///< "SHA2-256"

}  // namespace danelint::gen
