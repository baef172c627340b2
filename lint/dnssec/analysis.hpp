// The DNSSEC analysis of a Workspace: computed ONCE per run, before any rule runs, then read-only.
//
// Design. run_lint() calls dnssec::prepare(ws, jobs) when a DNSSEC rule (SIG, KEY, DS family) is
// selected; it fills Workspace::dnssec. Rules read it through dnssec::analysis(ctx) and never verify
// anything themselves, so every signature is checked exactly once however many rules look at it.
//  - keys: the apex DNSKEY records, each decoded once into an EVP_PKEY (verifier.hpp).
//  - sigs: every RRSIG record with its verification status and the key that verified it.
//    Verification runs on `jobs` threads: the RRsets that carry signatures are dealt out in chunks
//    through an atomic counter; each thread has its own Verifier (digest/verify contexts per key)
//    and reusable canonical-form buffers; every result goes to the RRSIG's own slot, so the result
//    is identical for any thread count. Each RRset is put in canonical form (RFC 4034 §6) once and
//    reused for all the signatures over it.
//  - covering: for each RRset of ZoneModel::rrsets(), the RRSIGs that cover it.
//  - ds: the parent-side DS data for the zone with what each DS matches. Sources, in order of
//    preference: --ds files and [[zone]] ds (DS records, or DNSKEY records from which DS are
//    computed), the delegation's DS RRset in a parent zone linted in the same run, and only when
//    none of those exists, CDS/CDNSKEY at the child's apex.
// Crypto validity does not depend on the clock: time windows stay with SIG001-SIG003.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lint/context.hpp"
#include "lint/dnssec/verifier.hpp"

namespace danelint::dnssec {

enum class SigStatus : uint8_t {
  Valid,          ///< verified with `key`
  Bogus,          ///< a matching key exists, the signature does not verify with any of them
  NoKey,          ///< no apex DNSKEY (zone key) with this key tag and algorithm
  Unsupported,    ///< the algorithm is not one the verifier implements
  KeyInvalid,     ///< the matching DNSKEY does not decode
  BadLabels,      ///< labels field larger than the owner's label count (RFC 4035 §5.3.1)
  SignerNotApex,  ///< signer name is not the zone apex: not verified here (rrsig-signer-name)
  NoRRset,        ///< no RRset of the covered type at the owner
  Malformed,      ///< RDATA does not decode
};

struct KeyEntry {
  uint32_t record = 0;  ///< index into ZoneModel::records
  uint16_t flags = 0, tag = 0;
  uint8_t protocol = 0, algorithm = 0;
  PublicKey key;
  bool duplicate = false;  ///< the same RDATA as an earlier record: the RRset holds it once, so it verifies nothing more
  bool zone_key() const { return flags & 0x0100; }
  bool sep() const { return flags & 0x0001; }
};

struct SigEntry {
  uint32_t record = 0;               ///< the RRSIG record
  uint32_t rrset = UINT32_MAX;       ///< index into ZoneModel::rrsets() of the covered RRset
  SigStatus status = SigStatus::Malformed;
  int32_t key = -1;                  ///< index into keys: the verifying key (Valid) or first candidate
};

enum class DsSource : uint8_t { File, ParentZone, Cds, Cdnskey };

struct DsEntry {
  DsSource source = DsSource::File;
  std::string source_name;  ///< the file it came from
  SourceLoc loc;
  uint16_t key_tag = 0;
  uint8_t algorithm = 0, digest_type = 0;
  std::vector<uint8_t> digest;
  bool from_dnskey = false;  ///< a DNSKEY/CDNSKEY record: matched by key, not by digest
  std::vector<uint8_t> dnskey_rdata;
  int32_t match = -1;        ///< index into keys of the DNSKEY it matches
  bool usable() const;       ///< digest type 1, 2 or 4 and a supported algorithm (else validators skip it)
};

/// For each RRset of the zone, the indices into ZoneDnssec::sigs of the RRSIGs covering it. One flat
/// array with offsets, not a vector per RRset: a 100k-name zone has half a million RRsets.
struct CoveringIndex {
  std::vector<uint32_t> start;  ///< RRset i's entries are sigs[start[i] .. start[i + 1])
  std::vector<uint32_t> sigs;
  std::span<const uint32_t> operator[](size_t rrset) const {
    if (rrset + 1 >= start.size()) return {};
    return {sigs.data() + start[rrset], start[rrset + 1] - start[rrset]};
  }
};

struct ZoneDnssec {
  bool has_rrsig = false;       ///< any RRSIG in the zone: the zone counts as signed
  bool has_dnskey = false;      ///< an apex DNSKEY RRset exists
  std::vector<KeyEntry> keys;   ///< apex DNSKEY records, file order
  std::vector<SigEntry> sigs;   ///< all RRSIG records, file order
  CoveringIndex covering;       ///< by RRset index: indices into sigs
  std::vector<DsEntry> ds;      ///< parent-side DS data (see header comment)
  DsSource ds_source = DsSource::File;
  bool has_ds_data() const { return !ds.empty(); }
  /// Index into keys of the DNSKEY record `record`, or -1.
  int32_t key_of_record(uint32_t record) const;
};

struct Analysis {
  std::vector<ZoneDnssec> zones;  ///< parallel to Workspace::zones
  size_t signatures_verified = 0;
  size_t verifications = 0;  ///< signature-against-key checks made (at least one per verified signature)
};

/// Computes the analysis with `jobs` threads (at least 1) if the workspace has none yet.
void prepare(const Workspace& ws, int jobs);
/// The analysis of the workspace; computes it single-threaded if prepare() was not called.
const Analysis& analysis(const Workspace& ws);
inline const Analysis& analysis(const LintContext& ctx) { return analysis(ctx.workspace()); }

/// Loads a DS/DNSKEY file (dsset-/keyset- files, or any zone-file fragment) into the workspace;
/// `origin` (may be empty) anchors relative names. Problems become load findings.
void add_ds_file(Workspace& ws, const std::string& path, const std::string& origin);

/// "RRSIG A (key 12345, ECDSAP256SHA256)": names the covered RRset and the key of a signature.
std::string describe_sig(const RrsigView& sig);

}  // namespace danelint::dnssec

namespace danelint::dnssec {
/// The rules that read the analysis; run_lint prepares it on all cores when one of them is selected.
bool rule_needs_analysis(std::string_view rule_id);
/// The codes of those rules (what `lint --no-verify` leaves out).
std::span<const std::string_view> analysis_rule_ids();
}  // namespace danelint::dnssec

namespace danelint::dnssec {
/// A DS record to judge on its own (ds-digest-*): in a zone (at a delegation) or in a --ds file.
struct DsRecordRef {
  const ZoneModel* zone;
  const Record* rec;
  DsView view;
};
/// DS RRsets to judge, grouped by owner: DS records of signed zones and of DS files, file order.
std::vector<std::vector<DsRecordRef>> ds_rrsets(const Workspace& ws);
}  // namespace danelint::dnssec
