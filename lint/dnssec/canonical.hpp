// Canonical RR form and ordering for DNSSEC (RFC 4034 §6 as updated by RFC 6840 §5.1).
// Pure functions over wire data: no ldns handles, no OpenSSL, safe to call from any thread.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace danelint::dnssec {

/// True for the types whose RDATA names are lower-cased in canonical form: RFC 4034 §6.2 item 3
/// without HINFO (no names) and NSEC (RFC 6840 §5.1 keeps NSEC's next name as written).
bool type_has_canonical_names(uint16_t type);

/// Appends the canonical RDATA of one record to `out` (embedded names lower-cased where §6.2 says so).
/// Returns false when the RDATA does not decode for its type; then it is appended unchanged.
bool append_canonical_rdata(uint16_t type, std::span<const uint8_t> rdata, std::string& out);

/// The owner name a signature covers (RFC 4035 §5.3.2): the canonical owner when `labels` equals
/// its label count (a leading `*` label is not counted), else `*.` plus the rightmost `labels`
/// labels (wildcard expansion). nullopt when `labels` exceeds the owner's labels (always bogus).
std::optional<std::string> signed_owner(std::string_view canonical_owner, uint8_t labels);

/// Appends one RR in canonical wire form: owner | type | class | ttl | rdlength | rdata.
void append_rr(std::string& out, std::string_view owner_wire, uint16_t type, uint16_t rrclass, uint32_t ttl,
               std::string_view rdata);

/// DS digest (RFC 4034 §5.1.4, RFC 4509, RFC 6605) of a DNSKEY: digest_type 1, 2 or 4.
/// nullopt for other digest types.
std::optional<std::vector<uint8_t>> ds_digest(std::string_view canonical_owner, std::span<const uint8_t> dnskey_rdata,
                                              uint8_t digest_type);
/// Expected digest length for a digest type, 0 when unknown (1: 20, 2: 32, 3: 32, 4: 48).
size_t ds_digest_length(uint8_t digest_type);
/// "SHA-1", "SHA-256", "GOST R 34.11-94", "SHA-384", else "digest type N".
std::string ds_digest_name(uint8_t digest_type);

}  // namespace danelint::dnssec
