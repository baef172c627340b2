// The in-memory zone: every record in file order, in wire form, with where it came from.
// Records are compact (no ldns handles kept) so that a 100k-name signed zone stays small.
#pragma once
#include <compare>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/finding.hpp"
#include "lint/memo.hpp"

namespace danelint {

/// A domain name, absolute, uncompressed wire form. The bytes live in the name storage of the model
/// that interned it, for the model's lifetime.
struct DnsName {
  std::string_view wire;       ///< as written (case preserved)
  std::string_view canonical;  ///< ASCII lower-cased wire (RFC 4034 §6.2): the same bytes when already lower case
  int label_count() const;     ///< labels excluding the root
};

/// Presentation form of a wire name, with trailing dot ("." for the root).
std::string name_to_text(std::string_view wire);
/// Parses presentation form (absolute or relative to `origin_wire`) into wire; nullopt when invalid.
std::optional<std::string> name_from_text(std::string_view text, std::string_view origin_wire = {});
/// The same into `out`, reusing its capacity; false (and `out` unchanged) when invalid.
bool name_from_text(std::string_view text, std::string_view origin_wire, std::string& out);
/// RFC 4034 §6.1 canonical order of two canonical (lower-cased) wire names: <0, 0, >0.
int canonical_compare(std::string_view a, std::string_view b);
/// True when `name` equals `ancestor` or lies below it (both canonical wire).
bool is_subdomain(std::string_view name, std::string_view ancestor);
/// Calls `fn` with the wire name itself, then each ancestor nearest first down to the root, then the empty
/// view (which is_subdomain treats as above everything); stops at the first call that returns true.
template <class Fn>
void for_name_and_ancestors(std::string_view wire, Fn&& fn) {
  for (size_t i = 0; i <= wire.size(); i += static_cast<unsigned char>(wire[i]) + 1u) {
    if (fn(wire.substr(i))) return;
    if (i == wire.size()) return;
  }
}

/// The label (without its length octet) that starts at offset `at` of a wire name; empty at the root, and
/// where the wire is cut short (a length octet that runs past the end).
inline std::string_view label_at(std::string_view wire, size_t at) {
  const size_t len = at < wire.size() ? static_cast<unsigned char>(wire[at]) : 0;
  return len == 0 || at + 1 + len > wire.size() ? std::string_view() : wire.substr(at + 1, len);
}

/// RR type mnemonic ("TLSA", "TYPE65534").
std::string type_name(uint16_t type);

struct Record {
  uint32_t owner = 0;     ///< index into ZoneModel::names
  uint16_t type = 0;
  uint16_t rrclass = 1;
  uint32_t ttl = 0;
  uint32_t line = 0;      ///< first line of the record, 1-based
  uint32_t end_line = 0;  ///< last line (multi-line records)
  uint16_t file = 0;      ///< index into ZoneModel::files (at most 1 + 1024 $INCLUDEs)
  uint16_t rdata_len = 0; ///< RDATA is at most 65535 octets
  uint64_t rdata_off = 0; ///< into ZoneModel::rdata_arena, or (part << 48 | offset) into a part's arena
};
static_assert(sizeof(Record) == 32, "a 100k-name signed zone holds ~700k records: keep them small");

/// Records sharing owner, class and type. `records` index into ZoneModel::records, in ascending order,
/// which is file order (build_index sorts stably): callers can report "the first record" without sorting.
struct RRset {
  uint32_t owner = 0;
  uint16_t type = 0;
  uint16_t rrclass = 1;
  std::span<const uint32_t> records;  ///< a slice of one index array of the model: no allocation per RRset
  /// The RRset's first record in the file (an RRset is never empty).
  uint32_t first() const { return records.front(); }
};

/// A `; danelint: ...` comment, kept for inline suppressions.
struct Directive {
  uint32_t file = 0;
  uint32_t line = 0;
  bool own_line = false;  ///< on a line of its own (applies to the next record) or trailing
  std::string text;       ///< what follows "danelint:"
};

class ZoneModel {
 public:
  std::vector<std::string> files;  ///< [0] is the zone file as given; $INCLUDEd files follow
  std::deque<DnsName> names;       ///< interned owner names; deque keeps references stable
  std::vector<Record> records;     ///< file order
  std::vector<uint8_t> rdata_arena;
  std::vector<Directive> directives;
  std::vector<Finding> load_findings;  ///< input-unreadable and zone-syntax from loading

  std::string origin_wire;  ///< the zone apex (canonical wire)
  std::string origin_source;  ///< "--origin", "SOA", "$ORIGIN", "file name"
  bool unreadable = false;    ///< the top file could not be read at all

  /// Interns an owner name (wire form as written) and returns its index.
  uint32_t intern(std::string_view wire);
  /// Forgets every interned name (for a loader starting over).
  void clear_names();
  /// Moves the names of `other` (a part of a file read by several threads) into this model, in their
  /// order; returns each one's id here. Names already known keep their id.
  std::vector<uint32_t> absorb_names(ZoneModel& other);
  std::optional<uint32_t> find_name(std::string_view canonical_wire) const;

  std::span<const uint8_t> rdata(const Record& r) const {
    uint64_t part = r.rdata_off >> 48;
    const uint8_t* base = part ? rdata_parts[part - 1].data() : rdata_arena.data();
    return {base + (r.rdata_off & ((uint64_t{1} << 48) - 1)), r.rdata_len};
  }
  /// The arenas of the later parts of a file read by several threads, kept as they are (appending
  /// them to rdata_arena would hold two copies at the peak). Records address them as (part << 48).
  std::vector<std::vector<uint8_t>> rdata_parts;
  const DnsName& owner(const Record& r) const { return names[r.owner]; }
  std::string owner_text(const Record& r) const { return name_to_text(names[r.owner].wire); }
  SourceLoc loc(const Record& r) const;
  std::string origin_text() const { return name_to_text(origin_wire); }

  /// Builds the RRset index; call once after loading (the loader does).
  void build_index(int jobs = 1);  ///< jobs: threads for sorting the names
  /// RRsets sorted by canonical owner order, then type.
  const std::vector<RRset>& rrsets() const { return rrsets_; }
  /// Name indices sorted in canonical order (each owner once).
  const std::vector<uint32_t>& names_in_order() const { return ordered_names_; }
  /// The RRsets at one owner (a slice of rrsets()), empty if none.
  std::span<const RRset> rrsets_at(uint32_t owner) const;
  const RRset* find_rrset(uint32_t owner, uint16_t type) const;
  /// Records of one type, in file order, as indices into records. Built by the first caller and kept
  /// with the model: a dozen rules walk the TLSA records alone, and each walk over every record of a
  /// 100k-name zone was most of their time. Thread-safe.
  std::span<const uint32_t> records_of_type(uint16_t type) const;
  /// RRsets of one type, in canonical order, as indices into rrsets(); built and kept the same way.
  std::span<const uint32_t> rrsets_of_type(uint16_t type) const;
  /// True when the apex has a DNSKEY and the zone holds any RRSIG.
  bool is_signed() const;

  /// An analysis that several rules share (e.g. lint/dnssec/denial), computed once per zone on first use
  /// and kept for the zone's lifetime. Thread-safe (rules run in parallel); `key` names the analysis, whose
  /// result must depend on nothing but the zone.
  std::shared_ptr<const void> memo(std::string_view key,
                                   const std::function<std::shared_ptr<const void>()>& make) const;

  // ---- zone cuts (RFC 1034 §4.2.1, RFC 4035 §2.2, RFC 6672 §2.4); computed by build_index() ----
  /// The apex name's index, if any record sits there.
  std::optional<uint32_t> apex() const;
  /// A non-apex name with NS: a delegation point (its NS and glue are not authoritative; DS, NSEC are).
  bool is_delegation(uint32_t name) const { return flags_[name] & kDelegation; }
  /// Strictly below a delegation point: glue, or occluded data.
  bool below_cut(uint32_t name) const { return flags_[name] & kBelowCut; }
  /// Strictly below a DNAME owner: occluded data.
  bool below_dname(uint32_t name) const { return flags_[name] & kBelowDname; }
  /// Not at or below the apex.
  bool out_of_zone(uint32_t name) const { return flags_[name] & kOutOfZone; }
  /// The nearest name strictly above `name` that the model holds (the apex included), for names in the
  /// zone: walking these skips the labels in between, which no record owns, without a lookup per label.
  std::optional<uint32_t> closest_ancestor(uint32_t name) const {
    const uint32_t up = closest_ancestor_[name];
    return up == kNoName ? std::nullopt : std::optional<uint32_t>(up);
  }
  /// Holds authoritative data: in the zone and not below a cut or DNAME (delegation points count).
  bool is_authoritative(uint32_t name) const { return !(flags_[name] & (kBelowCut | kBelowDname | kOutOfZone)); }
  /// Is this RRset authoritative data, i.e. not glue/occluded and not the NS RRset of a delegation?
  bool is_authoritative(const RRset& set) const {
    return is_authoritative(set.owner) && !(is_delegation(set.owner) && set.type != 43 /*DS*/ &&
                                            set.type != 47 /*NSEC*/ && set.type != 46 /*RRSIG*/);
  }

 private:
  // Name lookup: open addressing over name ids with the hash kept beside them. std::unordered_map
  // (a node per name, a pointer chase per probe) was a tenth of the load time of a 100k-name zone.
  /// Per slot: the high half of the name's hash over id + 1, 0 = empty; size a power of two. The hash
  /// beside the id lets a probe reject another name without reading it (a cache miss per probe).
  std::vector<uint64_t> name_slots_;
  static uint64_t slot_tag(uint64_t hash) { return hash & ~uint64_t{0xffffffff}; }
  // The bytes of the names, in chunks that never move (two std::strings per name, with their heap
  // blocks, came to ~100 bytes more per name: 23 MB on a 100k-name NSEC3 zone).
  std::vector<std::unique_ptr<char[]>> name_chunks_;
  char* chunk_pos_ = nullptr;
  size_t chunk_left_ = 0;
  std::string_view store_name_bytes(std::string_view bytes);
  std::vector<uint64_t> name_hashes_;  ///< by name id
  static uint64_t name_hash(std::string_view canonical);
  std::optional<uint32_t> lookup(std::string_view canonical, uint64_t h) const;
  void grow_slots(size_t room_for = 0);  ///< at least doubles, and to room for `room_for` names
  void add_slot(uint32_t id);  ///< places a just-added name (its hash already in name_hashes_)
  std::vector<RRset> rrsets_;
  std::vector<uint32_t> rrset_records_;  ///< record indices in RRset order; RRset::records are slices
  std::vector<uint32_t> ordered_names_;
  std::vector<std::pair<uint32_t, uint32_t>> owner_slices_;  ///< per name: [begin, end) into rrsets_
  enum : uint8_t { kDelegation = 1, kBelowCut = 2, kBelowDname = 4, kOutOfZone = 8 };
  std::vector<uint8_t> flags_;
  static constexpr uint32_t kNoName = UINT32_MAX;
  std::vector<uint32_t> closest_ancestor_;  ///< per name; kNoName at the top and out of the zone
  enum : uint8_t { kHasNs = 1, kHasDname = 2 };
  void compute_cuts(const std::vector<uint8_t>& ns_or_dname);  ///< per name: kHasNs, kHasDname
  void occlude_below_apex_dname();
  std::unique_ptr<SharedMemo> memo_ = std::make_unique<SharedMemo>();  // a pointer: the model stays movable
  bool only_nsec3(uint32_t name) const;  ///< holds NSEC3 (and its RRSIGs) and nothing else
};

// ---- typed views of RDATA (decoded from wire on demand; spans point into the arena) ----

struct TlsaView {
  uint8_t usage = 0, selector = 0, matching_type = 0;
  std::span<const uint8_t> data;
};
std::optional<TlsaView> decode_tlsa(std::span<const uint8_t> rdata);
/// Selector, matching type, then association data (the usage is not compared): sorted by it, the records
/// that name one key or certificate the same way sit together.
std::strong_ordering association_order(const TlsaView& a, const TlsaView& b);

struct RrsigView {
  uint16_t type_covered = 0;
  uint8_t algorithm = 0, labels = 0;
  uint32_t original_ttl = 0, expiration = 0, inception = 0;
  uint16_t key_tag = 0;
  std::string_view signer_wire;  ///< uncompressed wire name
  std::span<const uint8_t> signature;
  size_t header_len = 0;  ///< bytes of RDATA before the signature (for verification)
};
std::optional<RrsigView> decode_rrsig(std::span<const uint8_t> rdata);

struct DnskeyView {
  uint16_t flags = 0;
  uint8_t protocol = 0, algorithm = 0;
  std::span<const uint8_t> public_key;
  uint16_t key_tag = 0;  ///< RFC 4034 App. B over the whole RDATA
  bool zone_key() const { return flags & 0x0100; }
  bool sep() const { return flags & 0x0001; }
  bool revoked() const { return flags & 0x0080; }
};
std::optional<DnskeyView> decode_dnskey(std::span<const uint8_t> rdata);
uint16_t key_tag(std::span<const uint8_t> dnskey_rdata);

struct DsView {
  uint16_t key_tag = 0;
  uint8_t algorithm = 0, digest_type = 0;
  std::span<const uint8_t> digest;
};
std::optional<DsView> decode_ds(std::span<const uint8_t> rdata);

/// DNSSEC algorithm mnemonic ("ECDSAP256SHA256", "ALG200").
std::string algorithm_name(uint8_t alg);

}  // namespace danelint
