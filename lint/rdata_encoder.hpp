// Presentation-to-wire RDATA for the record types that make up most of a (signed) zone, without going
// through ldns_rr_new_frm_str. The fast path is exact against ldns 1.8.3 on the subset it accepts and
// declines everything else, so that ldns stays the one judge of what is valid and of every error text.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace danelint {

/// Appends the wire-form RDATA of `type`, written as presentation tokens, to `out`; several times
/// faster than ldns_rr_new_frm_str. Returns false and leaves `out` as it was for anything outside the
/// subset it encodes exactly (escapes, generic \# form, unknown mnemonics, unusual spellings, values out of
/// range); the caller then falls back to ldns, so what is accepted and every error message stay ldns's.
///
/// `tokens` are raw presentation tokens: quotes and backslash escapes as written, parentheses and comments
/// removed. `origin_wire` is the current $ORIGIN as uncompressed wire ("@" and relative names in RDATA are
/// completed with it); empty means no origin, and then relative names are declined.
///
/// Covered: RRSIG, NSEC, NSEC3, A, AAAA, NS, CNAME, MX, TXT, DS, CDS, DNSKEY, CDNSKEY, TLSA, SMIMEA, SOA,
/// NSEC3PARAM, PTR, DNAME, SRV, CAA. The contract: whenever this returns true, the appended bytes equal
/// the concatenated rdf data of the record ldns_rr_new_frm_str makes from "owner. 3600 IN TYPE <tokens
/// joined by single spaces>" with the same origin; whenever ldns rejects that text, this returns false.
bool encode_rdata_fast(uint16_t type, std::span<const std::string_view> tokens, std::string_view origin_wire,
                       std::vector<uint8_t>& out);

/// The reference: the same RDATA through ldns_rr_new_frm_str ("x. 3600 IN TYPE <tokens joined by spaces>",
/// origin as given). Appends and returns true when ldns accepts the text; otherwise leaves `out` alone,
/// returns false and, when `error` is given, stores ldns's status text there. Slow; tests and fallbacks.
bool encode_rdata_ldns(uint16_t type, std::span<const std::string_view> tokens, std::string_view origin_wire,
                       std::vector<uint8_t>& out, std::string* error = nullptr);

/// The RR type for a mnemonic as ldns_get_rr_type_by_name reads it (case-insensitive names, TYPEnnn),
/// through a table for the common names; 0 for names ldns does not know or TYPEnnn spellings it would
/// read differently (signs, more than five digits, values over 65535).
uint16_t rr_type_by_name_fast(std::string_view name);

/// Every octet a hex digit (isxdigit in the C locale); true for an empty text. Through the encoder's own
/// table, an OR per octet and no branch: the loader asks it of the hex tail of a record that the encoder
/// declined, to word an odd digit count.
bool all_hex_digits(std::string_view text);

}  // namespace danelint
