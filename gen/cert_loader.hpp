// Loads certificates, chains, private and public keys and CSRs, recognised by content (PEM or DER),
// never by file name. Bad input yields a one-line error naming the file (and the line for PEM).
#pragma once
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/c_ptr.hpp"

namespace danelint::gen {

using X509ReqPtr = std::unique_ptr<X509_REQ, CDeleter<X509_REQ_free>>;

/// Where an encrypted key's passphrase comes from: "env:VAR", "file:PATH" or "pass:TEXT".
struct Passphrase {
  std::string spec;
};

/// Everything one file held, in file order.
struct Material {
  std::string path;
  std::vector<X509Ptr> certs;      ///< a chain file lists the leaf first
  std::vector<int> cert_lines;     ///< PEM line of each certificate (0 for DER)
  EvpPkeyPtr private_key;          ///< at most one per file
  EvpPkeyPtr public_key;           ///< a bare public key (PEM SPKI, DER SPKI)
  X509ReqPtr csr;
  /// The key that TLSA selector 1 covers: the leaf's, else the private key's, public key's or CSR's.
  EVP_PKEY* subject_key() const;
};

struct LoadResult {
  std::optional<Material> material;
  std::string error;  ///< "PATH:LINE: message" or "PATH: message" when material is empty
};

/// Reads and decodes one file. `pass` is consulted only for an encrypted private key.
LoadResult load_material(const std::string& path, const Passphrase* pass = nullptr);
/// Decodes bytes already in memory (for tests and fuzzing); `path` only names them in messages.
LoadResult load_material_bytes(std::string_view bytes, const std::string& path, const Passphrase* pass = nullptr);

/// "CN=mx.example.com,O=Example": the subject in one line, RFC 2253 order.
std::string subject_line(X509* cert);
/// notAfter as RFC 3339 ("2030-01-01T00:00:00Z"), and as epoch seconds.
std::string not_after_text(X509* cert);
int64_t not_after_epoch(X509* cert);
int64_t not_before_epoch(X509* cert);
/// Key type and size for messages: "RSA-2048", "EC-P-256", "ED25519".
std::string key_description(EVP_PKEY* key);
/// True when the private key belongs to the certificate (same public key).
bool key_matches_cert(EVP_PKEY* key, X509* cert);

}  // namespace danelint::gen
