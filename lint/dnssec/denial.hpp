// Denial of existence (NSEC, NSEC3): one shared analysis of a zone, from which the NSEC001-NSEC012
// rules each report their own kind of issue.
//
// What the zone should contain (RFC 4034 §4, RFC 4035 §2.3, RFC 5155 §7.1):
//   - the authoritative names in canonical order: names in the zone that are not below a zone cut or a
//     DNAME (delegation points included, glue and occluded data excluded), and for NSEC3 also the empty
//     non-terminals between them and the apex;
//   - per name, the type bitmap its NSEC/NSEC3 must carry: the types present at the name; at a delegation
//     only NS, DS and (when signed) RRSIG and NSEC (RFC 4035 §2.3); for NSEC3 an insecure delegation has
//     NS only and an empty non-terminal an empty bitmap;
//   - NSEC: one NSEC per name whose next owner is the following name, the last one pointing to the apex;
//   - NSEC3: one NSEC3 per name (hashed per RFC 5155 §5), linked in hash order, where insecure
//     delegations (and empty non-terminals derived only from them) may be left out under an opt-out NSEC3
//     that covers them (RFC 5155 §6, §7.1), and an NSEC3PARAM (flags 0, hash 1) naming a chain in use.
// Zones without any NSEC, NSEC3 or NSEC3PARAM record (unsigned zones) produce no issues.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.hpp"
#include "lint/model.hpp"

namespace danelint {

/// One problem found by the denial analysis, tagged with the code of the rule that reports it.
struct DenialIssue {
  std::string_view code;  ///< "NSEC001" ... "NSEC012"
  uint32_t record = 0;    ///< index into ZoneModel::records: the line to point at
  std::string message;
  std::optional<Severity> severity;  ///< for split-severity rules (nsec3-iterations)
};

/// Which parts to run (tests and tools may want only one; the rules share one full analysis).
enum DenialParts : unsigned { kDenialNsec = 1, kDenialNsec3 = 2, kDenialAll = 3 };

/// Runs the analysis over one zone. Issues come in a deterministic order.
std::vector<DenialIssue> analyze_denial(const ZoneModel& zone, unsigned parts = kDenialAll);

/// Reports the issues of one rule code for every zone of the run (the body of each NSEC rule). The analysis
/// runs once per zone (ZoneModel::memo) whichever rules are selected.
void report_denial(const LintContext& ctx, FindingSink& out, std::string_view code);

// ---- building blocks (exposed for tests) ----

/// Decodes an RFC 4034 §4.1.2 type bitmap; nullopt when malformed.
std::optional<std::vector<uint16_t>> decode_type_bitmap(std::span<const uint8_t> bitmap);
/// The same into a caller's buffer (cleared first), for loops over every NSEC3 of a zone; false when malformed.
bool decode_type_bitmap_into(std::span<const uint8_t> bitmap, std::vector<uint16_t>& out);

struct NsecView {
  std::string_view next_wire;  ///< uncompressed wire name
  std::vector<uint16_t> types;
};
std::optional<NsecView> decode_nsec(std::span<const uint8_t> rdata);

struct Nsec3View {
  uint8_t hash_algorithm = 0, flags = 0;
  uint16_t iterations = 0;
  std::span<const uint8_t> salt;
  std::span<const uint8_t> next_hashed;
  std::span<const uint8_t> bitmap;  ///< the type bitmap as it is in the RDATA
  std::vector<uint16_t> types;
  bool opt_out() const { return flags & 1; }
};
std::optional<Nsec3View> decode_nsec3(std::span<const uint8_t> rdata);
/// All but the types: the bitmap is left as bytes, unchecked (decode_type_bitmap_into reads it).
std::optional<Nsec3View> decode_nsec3_fields(std::span<const uint8_t> rdata);

struct Nsec3ParamView {
  uint8_t hash_algorithm = 0, flags = 0;
  uint16_t iterations = 0;
  std::span<const uint8_t> salt;
};
std::optional<Nsec3ParamView> decode_nsec3param(std::span<const uint8_t> rdata);

/// RFC 5155 §5: the SHA-1 NSEC3 hash of a canonical (lower-case) wire name.
std::string nsec3_hash(std::string_view canonical_wire, std::span<const uint8_t> salt, uint16_t iterations);
/// The same hash appended to `out`; false (and `out` unchanged) when SHA-1 is not available.
bool nsec3_hash_append(std::string_view canonical_wire, std::span<const uint8_t> salt, uint16_t iterations,
                       std::string& out);
/// RFC 4648 §7 base32hex, lower case, no padding (as NSEC3 owner labels are written).
std::string base32hex_encode(std::string_view bytes);
/// Inverse of base32hex_encode (case-insensitive); nullopt on a bad character or length.
std::optional<std::string> base32hex_decode(std::string_view text);
/// The same, appended to `out`; false (and `out` unchanged) on a bad character or length.
bool base32hex_decode_append(std::string_view text, std::string& out);

}  // namespace danelint
