// TLSA matching with the semantics of OpenSSL's DANE engine (OpenSSL 3.0 ssl/ssl_lib.c
// dane_tlsa_add, crypto/x509/x509_vfy.c dane_match / check_dane_issuer / check_dane_pkeys / dane_verify),
// shared by the deployment rules. Every association computation goes through gen/tlsa.hpp.
//
// What a client does with the TLSA RRset at the service owner:
//  - a record is unusable (ignored) when its usage > 3, selector > 1, matching type unknown, digest
//    length wrong, or Full(0) data that is not exactly one DER certificate / SubjectPublicKeyInfo;
//    at an SMTP owner (_25._tcp) usages 0 and 1 are unusable too (RFC 7672 §3.1.3);
//  - digest agility (RFC 7671 §9): per (usage, selector), only the strongest digest present among the
//    usable records is used (SHA2-512 over SHA2-256); Full(0) records are always used;
//  - DANE-EE(3) and PKIX-EE(1) match the leaf only (depth 0); DANE-TA(2) and PKIX-TA(0) only
//    certificates above it that the server sends (depth >= 1, on the path built from the leaf);
//    `2 0 0` may also supply the issuer of the top sent certificate, and `2 1 0` a bare key that
//    signed it (OpenSSL's check_dane_issuer / check_dane_pkeys);
//  - a DANE-EE match authenticates without name or date checks; a DANE-TA match still needs a valid
//    chain (dates, CA flags) and a leaf name matching the reference identifiers;
//  - PKIX usages also need a path to a public root: danelint cannot check that offline.
#pragma once
#include <openssl/x509.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.hpp"
#include "lint/deployment.hpp"
#include "lint/model.hpp"

namespace danelint::dane {

enum class Unusable : unsigned char { None, Usage, Selector, Matching, DigestLength, FullUnparseable, SmtpPkix };
/// Why a client ignores the record (OpenSSL's SSL_dane_tlsa_add, RFC 7672 §3.1.3), or None.
Unusable unusable_reason(const TlsaView& t, bool smtp_owner);
std::string unusable_text(Unusable u);

/// One TLSA record at a service owner.
struct OwnerRecord {
  const ZoneModel* zone = nullptr;
  const Record* rec = nullptr;
  TlsaView view;
  Unusable unusable = Unusable::None;
  bool effective = false;  ///< usable and not set aside by digest agility
};

/// Where the record is (file, lines).
inline SourceLoc record_loc(const OwnerRecord& r) { return r.zone->loc(*r.rec); }

/// The zones that can hold a name: those whose origin is the name or one of its ancestors, and those that
/// hold it outside their origin. For rules that look up many owners (asking every zone is quadratic in the
/// number of zone files).
class OwnerZones {
 public:
  explicit OwnerZones(const LintContext& ctx);
  /// Indices into ctx.zones(), ascending.
  std::vector<size_t> of(std::string_view owner_wire) const;

 private:
  std::map<std::string_view, std::vector<size_t>, std::less<>> by_origin_;  ///< readable zones only
  std::map<std::string_view, std::vector<size_t>, std::less<>> stray_;  ///< out-of-zone names -> zones holding them
};

/// The TLSA records at an owner (canonical wire), across all zones, in zone/file order. With `zones`, only
/// the zones it names are asked.
std::vector<OwnerRecord> records_at(const LintContext& ctx, std::string_view owner_wire, bool smtp_owner,
                                    const OwnerZones* zones = nullptr);
/// Calls `fn` with each owner (canonical wire) of a TLSA RRset in the zones, once: an owner that a parent and
/// its child zone both hold is one owner, whose records records_at gathers from both. Zone order, then
/// canonical order.
void for_each_tlsa_owner(const LintContext& ctx, const std::function<void(std::string_view)>& fn);
/// Every TLSA owner of the workspace with its records, worked out once: SMTP003 and TLSA020 each read the
/// records of every owner (for_each_tlsa_owner, records_at), which was most of their time.
struct TlsaOwners {
  struct Owner {
    std::string_view wire;  ///< canonical wire, a view into a zone's names
    bool smtp = false;      ///< is_smtp_owner(wire); the records were classified for it
    uint32_t begin = 0, end = 0;  ///< into records
  };
  std::vector<Owner> owners;          ///< for_each_tlsa_owner order
  std::vector<OwnerRecord> records;   ///< records_at(owner, smtp) of each owner, one after another
  std::span<const OwnerRecord> records_of(const Owner& o) const {
    return std::span<const OwnerRecord>(records).subspan(o.begin, o.end - o.begin);
  }
  explicit TlsaOwners(const LintContext& ctx);
  /// Built by the first rule that asks (it depends on the zones only); kept for the workspace.
  static const TlsaOwners& shared(const LintContext& ctx);
};
/// True when some loaded zone is authoritative for the name (so a missing RRset is really missing).
bool owner_in_loaded_zone(const LintContext& ctx, std::string_view owner_wire);

/// Association data of the record's selector and matching type equals the record's data.
bool matches_cert(const TlsaView& t, X509* cert);
bool matches_key(const TlsaView& t, EVP_PKEY* key);

/// A served chain: the certificates of one chain file, and the issuer path built from its leaf.
struct Chain {
  const LoadedMaterial* file = nullptr;
  std::vector<X509*> certs;  ///< file order; empty for a key-only service entry
  EVP_PKEY* leaf_key = nullptr;  ///< leaf's key (or the bare key of a key-only entry)
  std::vector<size_t> path;  ///< indices into certs: leaf, its issuer, ... (only certs the server sends)
  bool top_self_issued = false;  ///< the path ends at a self-issued certificate
  /// When the file is misordered: the certificate from which every other one chains (the real leaf);
  /// 0 when the file is in order or no certificate chains them all.
  size_t real_leaf = 0;
  X509* leaf() const { return certs.empty() ? nullptr : certs[0]; }
  X509* top() const { return path.empty() ? nullptr : certs[path.back()]; }
  int line_of(size_t i) const;   ///< PEM line of certs[i] (0 for DER)
};

/// True when `issuer` issued `subject`: names/AKID agree (X509_check_issued) and the signature verifies.
bool issued_by(X509* subject, X509* issuer);

/// The served chains of a service (one per chain file; keys stand in when no chain is given).
std::vector<Chain> chains_of(const Service& svc);

/// How a single record relates to a chain, in OpenSSL's terms.
struct RecordVsChain {
  bool leaf = false;            ///< matches the certificate at depth 0
  int path_depth = -1;          ///< lowest depth >= 1 on the path it matches (-1: none)
  bool outside_issuer = false;  ///< `2 0 0`/`2 1 0` supplying the issuer of the top sent certificate
  int file_index = -1;          ///< some certificate of the file it matches (any position)
};
RecordVsChain relate(const TlsaView& t, const Chain& c);

/// OpenSSL's verdict for one chain against the owner's records (ignoring PKIX path validation).
struct Verdict {
  bool authenticated = false;
  bool via_ee = false;      ///< a DANE-EE record matched the leaf: no name or date checks
  bool via_ta = false;      ///< a DANE-TA record matched at depth ta_depth
  bool via_pkix = false;    ///< only a PKIX record matched (non-SMTP): needs a public CA path
  int ta_depth = -1;        ///< path depth of the trust anchor (path.size() for an issuer outside)
  const OwnerRecord* matched = nullptr;
};
Verdict verify(const std::vector<OwnerRecord>& recs, const Chain& c);

/// Everything the deployment rules need about one service.
struct ServiceView {
  const Service* svc = nullptr;
  std::string owner_wire;
  bool smtp = false;
  std::vector<OwnerRecord> records;
  std::vector<Chain> chains;
  std::vector<Verdict> verdicts;  ///< one per chain
  uint32_t ttl = 3600;            ///< TTL of the TLSA RRset, or 3600 when there is none
  bool any_authenticated() const;
  bool all_authenticated() const;
};
ServiceView analyse(const LintContext& ctx, const Service& svc);

/// Per-record diagnoses shared by several rules (so that one rule can stay quiet when another names it).
bool usage2_only_leaf(const ServiceView& v, const OwnerRecord& r);    ///< TLSA012
bool usage3_only_ca(const ServiceView& v, const OwnerRecord& r);      ///< TLSA013
bool ta_not_sent(const ServiceView& v, const OwnerRecord& r);         ///< TLSA014
/// TLSA015: a DANE-TA record matching a sent CA that is not on the leaf's issuer path; the chain and index.
std::optional<std::pair<const Chain*, size_t>> ta_off_path(const ServiceView& v, const OwnerRecord& r);
/// Any of the record-level diagnoses above (TLSA012-015, TLSA022) applies.
bool record_explained(const ServiceView& v, const OwnerRecord& r);
/// TLSA022: matches current material only under another (selector, matching); returns them.
std::optional<std::pair<uint8_t, uint8_t>> confused_params(const ServiceView& v, const OwnerRecord& r);
/// Matches some certificate or key the service serves now (any position, ignoring usage semantics).
bool matches_current(const ServiceView& v, const OwnerRecord& r);
/// Matches a declared next key (next_keys: keys, certificates or chains).
bool matches_next(const ServiceView& v, const OwnerRecord& r);
/// The combination has no record matching current material in the way its usage requires.
bool combo_has_current(const ServiceView& v, uint8_t u, uint8_t s, uint8_t m);

/// "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 <hex>": the record `danelint gen` writes.
std::string tlsa_record_text(const ServiceView& v, uint8_t usage, uint8_t selector, uint8_t matching,
                             const std::vector<uint8_t>& data);
/// The record for a certificate (or for the key when cert is null) under the given parameters.
std::string suggest_for(const ServiceView& v, uint8_t usage, uint8_t selector, uint8_t matching, X509* cert,
                        EVP_PKEY* key = nullptr);

/// "service mx1.example.com.:25"
std::string service_text(const Service& s);
/// "mx1-rsa.pem (CN=mx1.example.com)"
std::string chain_text(const Chain& c);

}  // namespace danelint::dane
