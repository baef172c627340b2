#include "gen/cert_loader.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "lint/file_read.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::gen {
namespace {

using BioPtr = std::unique_ptr<BIO, CDeleter<BIO_free>>;

constexpr size_t kMaxMaterialBytes = 16u << 20;  // certificate files are small; refuse huge ones

struct PassContext {
  const Passphrase* pass;
  std::string error;
  bool asked = false;
};

/// Resolves a passphrase spec into its text; sets `error` when the spec is unusable.
std::optional<std::string> resolve_passphrase(const Passphrase& p, std::string& error) {
  const std::string& s = p.spec;
  if (s.rfind("env:", 0) == 0) {
    const char* v = getenv(s.c_str() + 4);
    if (!v) {
      error = cat("--passin ", s, ": environment variable is not set");
      return std::nullopt;
    }
    return std::string(v);
  }
  if (s.rfind("file:", 0) == 0) {
    std::ifstream in(s.substr(5));
    std::string line;
    if (!in || !std::getline(in, line)) {
      error = cat("--passin ", s, ": cannot read the passphrase file");
      return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (s.rfind("pass:", 0) == 0) return s.substr(5);
  error = cat("--passin ", s, ": expected env:VAR, file:PATH or pass:TEXT");
  return std::nullopt;
}

int pass_cb(char* buf, int size, int, void* u) {
  auto* ctx = static_cast<PassContext*>(u);
  ctx->asked = true;
  if (!ctx->pass) return -1;  // never prompt: renewal hooks run unattended
  auto text = resolve_passphrase(*ctx->pass, ctx->error);
  if (!text || static_cast<int>(text->size()) >= size) return -1;
  memcpy(buf, text->data(), text->size());
  return static_cast<int>(text->size());
}

std::string openssl_reason() {
  unsigned long e = ERR_peek_last_error();
  std::string r = e ? ERR_reason_error_string(e) ? ERR_reason_error_string(e) : "unknown error" : "malformed data";
  ERR_clear_error();
  return r;
}

bool full_der(const unsigned char* start, const unsigned char* p, size_t len) {
  return static_cast<size_t>(p - start) == len;
}

/// Key-agreement keys (X25519, X448, DH) cannot sign a TLS handshake: a file holding one is a mistake.
const char* unusable_key_type(EVP_PKEY* k) {
  switch (EVP_PKEY_get_base_id(k)) {
    case EVP_PKEY_X25519: return "X25519";
    case EVP_PKEY_X448: return "X448";
    case EVP_PKEY_DH: return "DH";
    case EVP_PKEY_DHX: return "DHX";
    default: return nullptr;
  }
}

LoadResult fail(std::string msg) {
  LoadResult r;
  r.error = std::move(msg);
  return r;
}

/// Refuses a file whose only key is one that cannot sign (see unusable_key_type).
LoadResult checked(Material m) {
  for (EVP_PKEY* k : {m.private_key.get(), m.public_key.get()})
    if (const char* t = k ? unusable_key_type(k) : nullptr)
      return fail(cat(m.path, ": unsupported key type ", t, " (a key-agreement key cannot sign for TLS)"));
  return {std::move(m), {}};
}

/// Decodes a DER blob: certificate, SPKI, private key (PKCS#8 or traditional) or CSR.
LoadResult load_der(std::string_view bytes, const std::string& path) {
  Material m;
  m.path = path;
  const auto* start = reinterpret_cast<const unsigned char*>(bytes.data());
  long len = static_cast<long>(bytes.size());
  const unsigned char* p = start;
  if (X509Ptr c{d2i_X509(nullptr, &p, len)}; c && full_der(start, p, bytes.size())) {
    m.certs.push_back(std::move(c));
    m.cert_lines.push_back(0);
    return {std::move(m), {}};
  }
  p = start;
  if (EvpPkeyPtr k{d2i_PUBKEY(nullptr, &p, len)}; k && full_der(start, p, bytes.size())) {
    m.public_key = std::move(k);
    return checked(std::move(m));
  }
  p = start;
  if (EvpPkeyPtr k{d2i_AutoPrivateKey(nullptr, &p, len)}; k && full_der(start, p, bytes.size())) {
    m.private_key = std::move(k);
    return checked(std::move(m));
  }
  p = start;
  if (X509ReqPtr r{d2i_X509_REQ(nullptr, &p, len)}; r && full_der(start, p, bytes.size())) {
    m.csr = std::move(r);
    return {std::move(m), {}};
  }
  ERR_clear_error();
  return fail(cat(path, ": not a PEM or DER certificate, key or CSR"));
}

}  // namespace

EVP_PKEY* Material::subject_key() const {
  if (!certs.empty()) return X509_get0_pubkey(certs.front().get());
  if (private_key) return private_key.get();
  if (public_key) return public_key.get();
  if (csr) return X509_REQ_get0_pubkey(csr.get());
  return nullptr;
}

LoadResult load_material_bytes(std::string_view bytes, const std::string& path, const Passphrase* pass) {
  ERR_clear_error();
  if (bytes.empty()) return fail(cat(path, ": empty file"));
  if (bytes.size() > kMaxMaterialBytes) return fail(cat(path, ": larger than ", kMaxMaterialBytes, " bytes"));
  size_t begin = bytes.find("-----BEGIN ");
  if (begin == std::string_view::npos) return load_der(bytes, path);

  Material m;
  m.path = path;
  // Walk the PEM blocks one by one so that each error names its line.
  size_t pos = begin;
  int line = 1;          // line of `pos`, counted incrementally (a file may hold thousands of blocks)
  size_t counted = 0;    // bytes [0, counted) have been counted
  while (pos != std::string_view::npos) {
    line += static_cast<int>(std::count(bytes.begin() + static_cast<long>(counted), bytes.begin() + static_cast<long>(pos), '\n'));
    counted = pos;
    size_t label_end = bytes.find("-----", pos + 11);
    if (label_end == std::string_view::npos) return fail(cat(path, ':', line, ": malformed PEM header"));
    std::string label(bytes.substr(pos + 11, label_end - pos - 11));
    // A label is a few printable words on the BEGIN line (RFC 7468 §2); anything else would also
    // end up verbatim, newlines and all, in the one-line error message.
    if (label.size() > 64 || std::any_of(label.begin(), label.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f;
        }))
      return fail(cat(path, ':', line, ": malformed PEM header"));
    std::string end_marker = cat("-----END ", label, "-----");
    size_t end = bytes.find(end_marker, label_end);
    if (end == std::string_view::npos)
      return fail(cat(path, ':', line, ": truncated PEM block (no END line for ", label, ")"));
    std::string_view block = bytes.substr(pos, end + end_marker.size() - pos);
    BioPtr bio{BIO_new_mem_buf(block.data(), static_cast<int>(block.size()))};
    if (label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
      X509Ptr c{label == "TRUSTED CERTIFICATE" ? PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr)
                                               : PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)};
      if (!c) return fail(cat(path, ':', line, ": bad certificate: ", openssl_reason()));
      m.certs.push_back(std::move(c));
      m.cert_lines.push_back(line);
    } else if (label == "PRIVATE KEY" || label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY" ||
               label == "ENCRYPTED PRIVATE KEY" || label == "DSA PRIVATE KEY") {
      if (m.private_key) return fail(cat(path, ':', line, ": more than one private key in one file"));
      PassContext ctx{pass, {}};
      EvpPkeyPtr k{PEM_read_bio_PrivateKey(bio.get(), nullptr, pass_cb, &ctx)};
      if (!k) {
        if (!ctx.error.empty()) return fail(cat(path, ':', line, ": ", ctx.error));
        if (ctx.asked && !pass)
          return fail(cat(path, ':', line, ": private key is encrypted; give its passphrase with --passin env:VAR or file:PATH"));
        if (ctx.asked) return fail(cat(path, ':', line, ": cannot decrypt the private key (wrong passphrase?)"));
        return fail(cat(path, ':', line, ": bad or unsupported private key: ", openssl_reason()));
      }
      m.private_key = std::move(k);
    } else if (label == "PUBLIC KEY") {
      EvpPkeyPtr k{PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr)};
      if (!k) return fail(cat(path, ':', line, ": bad public key: ", openssl_reason()));
      m.public_key = std::move(k);
    } else if (label == "RSA PUBLIC KEY") {
      // PKCS#1 RSAPublicKey: decode the base64 body, then the DER with d2i_PublicKey.
      char *name = nullptr, *header = nullptr;
      unsigned char* der = nullptr;
      long der_len = 0;
      EvpPkeyPtr k;
      if (PEM_read_bio(bio.get(), &name, &header, &der, &der_len) == 1) {
        const unsigned char* dp = der;
        k.reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &dp, der_len));
      }
      OPENSSL_free(name);
      OPENSSL_free(header);
      OPENSSL_free(der);
      if (!k) return fail(cat(path, ':', line, ": bad RSA public key: ", openssl_reason()));
      m.public_key = std::move(k);
    } else if (label == "CERTIFICATE REQUEST" || label == "NEW CERTIFICATE REQUEST") {
      X509ReqPtr r{PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr)};
      if (!r) return fail(cat(path, ':', line, ": bad certificate request: ", openssl_reason()));
      m.csr = std::move(r);
    } else if (label == "EC PARAMETERS" || label == "DH PARAMETERS" || label == "X509 CRL") {
      // Harmless companions some tools write next to keys.
    } else {
      return fail(cat(path, ':', line, ": unsupported PEM block '", label, "'"));
    }
    pos = bytes.find("-----BEGIN ", end + end_marker.size());
  }
  ERR_clear_error();
  if (m.certs.empty() && !m.private_key && !m.public_key && !m.csr)
    return fail(cat(path, ": no certificate, key or CSR found"));
  return checked(std::move(m));
}

LoadResult load_material(const std::string& path, const Passphrase* pass) {
  // Bounded read: no hang on a FIFO without a writer, no endless read of /dev/zero.
  std::string data;
  std::string why = read_input_file(path, kMaxMaterialBytes, data);
  if (!why.empty()) {
    if (why.starts_with("larger than")) return fail(cat(path, ": ", why));
    return fail(cat(path, ": cannot read: ", why));
  }
  return load_material_bytes(data, path, pass);
}

std::string subject_line(X509* cert) {
  BioPtr bio{BIO_new(BIO_s_mem())};
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

static int64_t asn1_epoch(const ASN1_TIME* t) {
  struct tm tm {};
  if (!ASN1_TIME_to_tm(t, &tm)) return 0;
  return days_from_civil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday)) *
             86400 +
         tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

int64_t not_after_epoch(X509* cert) { return asn1_epoch(X509_get0_notAfter(cert)); }
int64_t not_before_epoch(X509* cert) { return asn1_epoch(X509_get0_notBefore(cert)); }
std::string not_after_text(X509* cert) { return format_time(not_after_epoch(cert)); }

std::string key_description(EVP_PKEY* key) {
  int id = EVP_PKEY_get_base_id(key);
  int bits = EVP_PKEY_get_bits(key);
  switch (id) {
    case EVP_PKEY_RSA: return cat("RSA-", bits);
    case EVP_PKEY_DSA: return cat("DSA-", bits);
    case EVP_PKEY_ED25519: return "ED25519";
    case EVP_PKEY_ED448: return "ED448";
    case EVP_PKEY_EC: {
      char group[64] = {0};
      size_t len = 0;
      if (EVP_PKEY_get_group_name(key, group, sizeof group, &len)) return cat("EC-", group);
      return cat("EC-", bits);
    }
    default: return cat(OBJ_nid2sn(id), '-', bits);
  }
}

bool key_matches_cert(EVP_PKEY* key, X509* cert) {
  EVP_PKEY* pub = X509_get0_pubkey(cert);
  bool ok = pub && EVP_PKEY_eq(key, pub) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace danelint::gen
