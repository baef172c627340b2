// unique_ptr wrappers for the C handles of ldns and OpenSSL, so that no early return leaks one.
#pragma once
#include <ldns/ldns.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <memory>

namespace danelint {

template <auto Fn>
struct CDeleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    if (p) Fn(p);
  }
};

using LdnsRr = std::unique_ptr<ldns_rr, CDeleter<ldns_rr_free>>;
using LdnsRdf = std::unique_ptr<ldns_rdf, CDeleter<ldns_rdf_deep_free>>;
using LdnsBuffer = std::unique_ptr<ldns_buffer, CDeleter<ldns_buffer_free>>;
using LdnsRrList = std::unique_ptr<ldns_rr_list, CDeleter<ldns_rr_list_deep_free>>;
using X509Ptr = std::unique_ptr<X509, CDeleter<X509_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, CDeleter<EVP_PKEY_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, CDeleter<EVP_MD_CTX_free>>;

}  // namespace danelint
