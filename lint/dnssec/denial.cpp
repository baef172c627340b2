#include "lint/dnssec/denial.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <limits>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "lint/strings.hpp"
#include "lint/timings.hpp"

namespace danelint {

namespace {

constexpr uint16_t kNs = 2, kDs = 43, kRrsig = 46, kNsec = 47, kNsec3 = 50, kNsec3Param = 51;
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr size_t kSha1Len = 20;
// Validators in common use (BIND, Unbound, Knot Resolver, PowerDNS Recursor) treat NSEC3 answers with
// more iterations than this as insecure (RFC 9276 §3.2), so such a chain denies nothing securely. It is
// reported (NSEC005) but its names are not hashed: hashing every name up to 65 536 times is all a
// hostile 50 KB file needs to stall the linter for seconds (and a large zone for hours).
constexpr uint16_t kMaxHashedIterations = 150;

uint16_t get16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }

std::string types_text(const std::vector<uint16_t>& types) {
  if (types.empty()) return "(no types)";
  std::string out;
  for (uint16_t t : types) {
    if (!out.empty()) out += ' ';
    out += type_name(t);
  }
  return out;
}

std::string salt_text(std::span<const uint8_t> salt) {
  if (salt.empty()) return "-";
  std::string hex = to_hex(salt.data(), salt.size());
  for (char& c : hex) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return hex;
}

/// Differences between a bitmap and the expected types, for messages: "missing MX; extra AAAA".
std::string bitmap_diff(const std::vector<uint16_t>& have, const std::vector<uint16_t>& want) {
  std::vector<uint16_t> missing, extra;
  std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(missing));
  std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(extra));
  std::string out;
  if (!missing.empty()) out += cat("missing ", types_text(missing));
  if (!extra.empty()) out += cat(out.empty() ? "" : "; ", "extra ", types_text(extra));
  return out;
}

/// An NSEC's next owner name (wire), its types into `types`; nullopt when malformed.
std::optional<std::string_view> nsec_next_and_types(std::span<const uint8_t> rd, std::vector<uint16_t>& types) {
  size_t i = 0;
  while (i < rd.size() && rd[i] != 0) i += rd[i] + 1u;
  if (i >= rd.size()) return std::nullopt;
  ++i;
  if (!decode_type_bitmap_into(rd.subspan(i), types)) return std::nullopt;
  return std::string_view(reinterpret_cast<const char*>(rd.data()), i);
}

void add_type(std::vector<uint16_t>& v, uint16_t t) {
  auto it = std::lower_bound(v.begin(), v.end(), t);
  if (it == v.end() || *it != t) v.insert(it, t);
}

void remove_type(std::vector<uint16_t>& v, uint16_t t) {
  auto it = std::lower_bound(v.begin(), v.end(), t);
  if (it != v.end() && *it == t) v.erase(it);
}

/// Parameters that identify one NSEC3 chain: hash algorithm, iterations and salt.
struct ChainKey {
  uint8_t alg = 0;
  uint16_t iterations = 0;
  std::string salt;
  auto operator<=>(const ChainKey&) const = default;
  std::string text() const {
    std::span<const uint8_t> s(reinterpret_cast<const uint8_t*>(salt.data()), salt.size());
    return cat("hash ", int(alg), ", ", iterations, " iterations, salt ", salt_text(s));
  }
  std::span<const uint8_t> salt_bytes() const {
    return {reinterpret_cast<const uint8_t*>(salt.data()), salt.size()};
  }
};

class Analysis {
 public:
  Analysis(const ZoneModel& zone, unsigned parts) : z_(zone), parts_(parts) {}

  std::vector<DenialIssue> run() {
    auto apex = z_.apex();
    if (!apex) return {};
    // A zone without NSEC, NSEC3 or NSEC3PARAM records (an unsigned zone) gets no finding here: run_nsec
    // and run_nsec3 return at once. Skip prepare()'s per-name arrays too (2 ms at 100k names).
    if (std::none_of(z_.records.begin(), z_.records.end(), [](const Record& r) {
          return r.type == kNsec || r.type == kNsec3 || r.type == kNsec3Param;
        }))
      return {};
    apex_ = *apex;
    prepare();
    if (parts_ & kDenialNsec) run_nsec();
    if (parts_ & kDenialNsec3) run_nsec3();
    return std::move(issues_);
  }

 private:
  const ZoneModel& z_;
  unsigned parts_;
  uint32_t apex_ = 0;
  std::vector<DenialIssue> issues_;
  std::vector<uint32_t> first_rec_;   ///< per name: its first record in file order
  std::vector<uint8_t> hashed_only_;  ///< per name: holds only NSEC3 (and RRSIGs over NSEC3)
  std::vector<uint32_t> auth_;        ///< authoritative names in canonical order (no NSEC3 owners)
  bool signed_ = false;               ///< the zone holds RRSIGs: bitmaps must list RRSIG

  void add(std::string_view code, uint32_t rec, std::string msg, std::optional<Severity> sev = {}) {
    issues_.push_back(DenialIssue{code, rec, std::move(msg), sev});
  }

  std::string text(uint32_t name) const { return name_to_text(z_.names[name].wire); }

  void prepare() {
    const size_t n = z_.names.size();
    first_rec_.assign(n, kNone);
    for (uint32_t i = 0; i < z_.records.size(); ++i) {
      const Record& r = z_.records[i];
      if (first_rec_[r.owner] == kNone) first_rec_[r.owner] = i;
      if (r.type == kRrsig) signed_ = true;
    }
    hashed_only_.assign(n, 0);
    for (uint32_t id = 0; id < n; ++id) {
      auto sets = z_.rrsets_at(id);
      if (sets.empty()) continue;
      // Only a name with no type but NSEC3 and RRSIG can qualify: others skip decoding their RRSIGs.
      if (std::any_of(sets.begin(), sets.end(), [](const RRset& s) { return s.type != kNsec3 && s.type != kRrsig; }))
        continue;
      bool only = true, any = false;
      for (const RRset& s : sets) {
        if (s.type == kNsec3) {
          any = true;
          continue;
        }
        for (uint32_t ri : s.records) {  // RRSIG, the only other type left
          auto sig = decode_rrsig(z_.rdata(z_.records[ri]));
          if (!sig || sig->type_covered != kNsec3) only = false;
          else any = true;
        }
      }
      hashed_only_[id] = only && any;
    }
    for (uint32_t id : z_.names_in_order())
      if (z_.is_authoritative(id) && !hashed_only_[id] && !z_.rrsets_at(id).empty()) auth_.push_back(id);
  }

  std::vector<uint16_t> types_at(uint32_t name) const {
    std::vector<uint16_t> out;
    types_at(name, out);
    return out;
  }
  void types_at(uint32_t name, std::vector<uint16_t>& out) const {
    out.clear();
    for (const RRset& s : z_.rrsets_at(name)) add_type(out, s.type);
  }

  bool has_ds(uint32_t name) const { return z_.find_rrset(name, kDs) != nullptr; }
  bool insecure_delegation(uint32_t name) const { return z_.is_delegation(name) && !has_ds(name); }

  /// Why a name is not authoritative, for messages.
  std::string why_nonauth(uint32_t name) const {
    std::string_view anc = z_.names[name].canonical;
    const std::string& origin = z_.origin_wire;
    while (anc.size() > origin.size()) {
      anc.remove_prefix(static_cast<unsigned char>(anc[0]) + 1u);
      if (anc.size() <= origin.size()) break;
      if (auto a = z_.find_name(anc)) {
        if (z_.find_rrset(*a, kNs)) return cat("below the delegation ", text(*a));
        if (z_.find_rrset(*a, 39)) return cat("below the DNAME at ", text(*a));
      }
    }
    return "below the DNAME at the apex";
  }

  // ---------------------------------------------------------------- NSEC (RFC 4034 §4, RFC 4035 §2.3)

  /// Does the name hold an RRSIG over authoritative data? At a delegation only DS (and NSEC) are signed.
  bool auth_rrsig_at(uint32_t name, bool nsec3) const {
    const RRset* set = z_.find_rrset(name, kRrsig);
    if (!set) return false;
    for (uint32_t ri : set->records) {
      auto sig = decode_rrsig(z_.rdata(z_.records[ri]));
      if (!sig) continue;
      if (z_.is_delegation(name) ? sig->type_covered == kDs || (!nsec3 && sig->type_covered == kNsec)
                                 : sig->type_covered != kNsec3)
        return true;
    }
    return false;
  }

  /// RRSIG belongs in the bitmap when the name holds an authoritative signature. A bitmap that lists
  /// RRSIG where signatures are missing from data that needs them is left to rrset-unsigned: the bitmap
  /// describes the zone as signed, the data is what is wrong.
  void settle_rrsig(std::vector<uint16_t>& want, const std::vector<uint16_t>& have, uint32_t name, bool nsec3,
                    bool needs_sig) const {
    remove_type(want, kRrsig);
    const bool listed = std::binary_search(have.begin(), have.end(), kRrsig);
    if (auth_rrsig_at(name, nsec3) || (listed && signed_ && needs_sig)) add_type(want, kRrsig);
  }

  /// Into `want` (a buffer reused across the zone's names).
  void expected_nsec_types(uint32_t name, const std::vector<uint16_t>& have, std::vector<uint16_t>& want) const {
    if (z_.is_delegation(name)) {
      // RFC 4035 §2.3: at a delegation the NSEC lists NS, DS (if any), RRSIG and NSEC; glue is not listed.
      want.assign(1, kNs);
      if (has_ds(name)) add_type(want, kDs);
    } else {
      types_at(name, want);
      remove_type(want, kNsec3);
    }
    add_type(want, kNsec);
    settle_rrsig(want, have, name, false, true);
  }

  void run_nsec() {
    // The NSEC records of each name in file order, as one flat array (a vector per name cost an
    // allocation for each of 100k names).
    std::vector<uint32_t> start(z_.names.size() + 1, 0);
    for (const Record& r : z_.records)
      if (r.type == kNsec && !z_.out_of_zone(r.owner)) ++start[r.owner + 1];
    for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    if (start.back() == 0) return;
    std::vector<uint32_t> flat(start.back());
    {
      std::vector<uint32_t> fill(start.begin(), start.end() - 1);
      for (uint32_t i = 0; i < z_.records.size(); ++i) {
        const Record& r = z_.records[i];
        if (r.type == kNsec && !z_.out_of_zone(r.owner)) flat[fill[r.owner]++] = i;
      }
    }
    auto nsec_at = [&](uint32_t name) {
      return std::span<const uint32_t>(flat.data() + start[name], start[name + 1] - start[name]);
    };

    // NSEC at names this zone is not authoritative for (RFC 4035 §2.3).
    for (uint32_t id : z_.names_in_order()) {
      if (z_.out_of_zone(id) || z_.is_authoritative(id)) continue;
      for (uint32_t ri : nsec_at(id))
        add("NSEC009", ri, cat("NSEC at ", text(id), ", which is not authoritative (", why_nonauth(id), ")"));
    }

    std::unordered_map<std::string_view, size_t> pos;  // built when the first broken link needs it
    std::vector<uint16_t> have, want;
    for (size_t i = 0; i < auth_.size(); ++i) {
      const uint32_t name = auth_[i];
      const auto recs = nsec_at(name);
      if (recs.empty()) {
        add("NSEC007", first_rec_[name], cat("no NSEC at ", text(name), " (", types_text(types_at(name)), ")"));
        continue;
      }
      if (recs.size() > 1)
        add("NSEC008", recs[1], cat(recs.size(), " NSEC records at ", text(name)));

      const size_t next_i = (i + 1) % auth_.size();
      const std::string_view want_next = z_.names[auth_[next_i]].canonical;
      std::optional<std::string_view> first_next;
      bool linked = false;
      for (uint32_t ri : recs) {
        auto next = nsec_next_and_types(z_.rdata(z_.records[ri]), have);
        if (!next) continue;
        if (!first_next) first_next = next;
        if (equals_icase(*next, want_next)) linked = true;
        expected_nsec_types(name, have, want);
        if (have != want)
          add("NSEC002", ri,
              cat("NSEC bitmap at ", text(name), " lists ", types_text(have), " but the name has ",
                  types_text(want), " (", bitmap_diff(have, want), ")"));
      }
      if (!first_next || linked) continue;
      if (pos.empty())
        for (size_t k = 0; k < auth_.size(); ++k) pos.emplace(z_.names[auth_[k]].canonical, k);
      const std::string actual = ascii_lower(*first_next);
      auto it = pos.find(actual);
      if (it != pos.end()) {
        // Skipping only names that have no NSEC at all is reported once, as nsec-missing, at those names.
        bool only_missing = true;
        // Stops at the first name with an NSEC: every NSEC of a chain pointing far back would otherwise
        // walk the whole zone (quadratic; 100k such names took seconds).
        for (size_t k = (i + 1) % auth_.size(); k != it->second; k = (k + 1) % auth_.size())
          if (!nsec_at(auth_[k]).empty()) {
            only_missing = false;
            break;
          }
        if (only_missing && it->second != next_i) continue;
      }
      std::string expect = next_i == 0 ? cat("the chain must close at the apex ", text(auth_[0]))
                                       : cat("the next name in canonical order is ", text(auth_[next_i]));
      std::string what = it == pos.end() ? cat(name_to_text(*first_next), ", which is not a name of the zone")
                                         : name_to_text(*first_next);
      add("NSEC001", recs[0], cat("NSEC at ", text(name), " points to ", what, "; ", expect));
    }
  }

  // ---------------------------------------------------------------- NSEC3 (RFC 5155)

  struct Node {
    std::string_view canonical;  ///< into the zone's names, or into ents_ for an empty non-terminal
    uint32_t name = kNone;       ///< kNone for an empty non-terminal
    uint32_t loc_rec = kNone;    ///< where to point: the name's (or first descendant's) first record
    bool auth = true;            ///< false for glue/occluded names
    bool ent_optout_ok = true;   ///< ENT: every authoritative name below is an insecure delegation
  };

  /// Into `want` (a buffer reused across the chain).
  void expected_nsec3_types(const Node& n, const std::vector<uint16_t>& have, std::vector<uint16_t>& want) const {
    want.clear();
    if (n.name == kNone) return;  // an empty non-terminal has an empty bitmap
    if (z_.is_delegation(n.name)) {
      // RFC 5155 §7.1 with RFC 4035 §2.3: NS, plus DS and its RRSIG for a secure delegation.
      want.push_back(kNs);
      if (has_ds(n.name)) add_type(want, kDs);
      settle_rrsig(want, have, n.name, true, has_ds(n.name));
      return;
    }
    types_at(n.name, want);
    remove_type(want, kNsec3);
    remove_type(want, kRrsig);
    settle_rrsig(want, have, n.name, true, !want.empty());
  }

  static bool covers(std::string_view owner, std::string_view next, std::string_view h) {
    if (owner < next) return owner < h && h < next;
    return h > owner || h < next;  // the last NSEC3 wraps around to the first
  }

  void run_nsec3() {
    // One NSEC3 of a chain. Its other fields are read from the RDATA again where needed: 8 bytes instead
    // of 40 with views, for 100k records that live through the whole analysis.
    struct Rec3 {
      uint32_t rec;
      uint8_t flags;
      bool opt_out() const { return flags & 1; }
    };
    auto fields = [&](const Rec3& r) { return *decode_nsec3_fields(z_.rdata(z_.records[r.rec])); };  // read before
    auto next_hashed = [&](const Rec3& r) {
      const auto h = fields(r).next_hashed;
      return std::string_view(reinterpret_cast<const char*>(h.data()), h.size());
    };
    std::map<ChainKey, std::vector<Rec3>> groups;
    std::vector<std::pair<uint32_t, Nsec3ParamView>> params;
    std::vector<uint16_t> have, want;  // bitmaps, reused for every NSEC3
    std::vector<Rec3>* last_group = nullptr;  // NSEC3 records come in runs of one chain: skip the map lookup
    ChainKey last_key;
    // Reserved whole (untouched pages cost nothing): growing by doubling briefly held two copies.
    const size_t nsec3_count = std::count_if(z_.records.begin(), z_.records.end(),
                                             [](const Record& r) { return r.type == kNsec3; });
    for (uint32_t i = 0; i < z_.records.size(); ++i) {
      const Record& r = z_.records[i];
      if (z_.out_of_zone(r.owner)) continue;
      if (r.type == kNsec3) {
        auto v = decode_nsec3_fields(z_.rdata(r));
        if (v && decode_type_bitmap_into(v->bitmap, have)) {
          std::span<const uint8_t> salt(reinterpret_cast<const uint8_t*>(last_key.salt.data()), last_key.salt.size());
          if (!last_group || v->hash_algorithm != last_key.alg || v->iterations != last_key.iterations ||
              !std::equal(v->salt.begin(), v->salt.end(), salt.begin(), salt.end())) {
            last_key = ChainKey{v->hash_algorithm, v->iterations, std::string(v->salt.begin(), v->salt.end())};
            last_group = &groups[last_key];
            if (last_group->empty()) last_group->reserve(nsec3_count);
          }
          last_group->push_back({i, v->flags});
        }
      } else if (r.type == kNsec3Param) {
        if (auto v = decode_nsec3param(z_.rdata(r))) params.emplace_back(i, *v);
      }
    }
    if (groups.empty() && params.empty()) return;

    // ---- NSEC3PARAM (RFC 5155 §4) ----
    std::optional<ChainKey> active;
    std::set<ChainKey> announced;
    for (const auto& [ri, p] : params) {
      const Record& r = z_.records[ri];
      ChainKey k{p.hash_algorithm, p.iterations, std::string(p.salt.begin(), p.salt.end())};
      announced.insert(k);
      if (r.owner != apex_)
        add("NSEC012", ri, cat("NSEC3PARAM at ", text(r.owner), ", not at the zone apex"));
      if (p.flags != 0)
        add("NSEC012", ri, cat("NSEC3PARAM flags ", int(p.flags), " (must be 0)"));
      if (p.hash_algorithm != 1)
        add("NSEC012", ri, cat("NSEC3PARAM hash algorithm ", int(p.hash_algorithm), " is not SHA-1 (1)"));
      else if (!groups.count(k))
        add("NSEC012", ri, cat("NSEC3PARAM (", k.text(), ") matches no NSEC3 chain of the zone"));
      if (!active && r.owner == apex_ && p.hash_algorithm == 1 && groups.count(k)) active = k;
    }

    // ---- iterations and salt (RFC 9276 §3.1): once per NSEC3PARAM, else once per chain ----
    auto report_params = [&](uint32_t ri, uint16_t iterations, std::span<const uint8_t> salt, const char* what) {
      if (iterations > kMaxHashedIterations)
        add("NSEC005", ri,
            cat(what, " uses ", iterations, " additional iterations (more than ", kMaxHashedIterations,
                ": validators treat its denials as insecure, and the chain is not checked against the names)"),
            Severity::Error);
      else if (iterations > 100)
        add("NSEC005", ri, cat(what, " uses ", iterations, " additional iterations (more than 100)"), Severity::Error);
      else if (iterations > 0)
        add("NSEC005", ri, cat(what, " uses ", iterations, " additional iterations"), Severity::Warning);
      if (!salt.empty())
        add("NSEC006", ri, cat(what, " uses a ", salt.size(), "-octet salt ", salt_text(salt)));
    };
    for (const auto& [ri, p] : params) report_params(ri, p.iterations, p.salt, "NSEC3PARAM");
    for (const auto& [k, recs] : groups)
      if (!announced.count(k)) report_params(recs.front().rec, k.iterations, k.salt_bytes(), "NSEC3 chain");

    if (!active) {
      size_t best = 0;
      for (const auto& [k, recs] : groups)
        if (k.alg == 1 && (recs.size() > best ||
                           (recs.size() == best && active && recs.front().rec < groups[*active].front().rec))) {
          best = recs.size();
          active = k;
        }
    }
    if (!active) {
      for (const auto& [k, recs] : groups)
        add("NSEC003", recs.front().rec,
            cat("NSEC3 hash algorithm ", int(k.alg), " is not SHA-1 (1): the chain cannot be checked"));
      return;
    }

    if (active->iterations > kMaxHashedIterations) return;  // said by NSEC005

    std::optional<ScopedTiming> step(std::in_place, "NSEC3 analysis: the names the chain must describe");
    // ---- the names the chain must describe ----
    std::vector<Node> nodes;  // authoritative names and ENTs (canonical order), then non-authoritative names
    // Empty non-terminals, keyed by views into the names they are suffixes of (which outlive the nodes).
    std::unordered_map<std::string_view, Node> ent_map;
    std::vector<Node> ents;
    {
      for (uint32_t id : auth_) {
        const std::string_view canon = z_.names[id].canonical;
        const bool insecure = insecure_delegation(id);
        std::string_view anc = canon;
        while (anc.size() > z_.origin_wire.size()) {
          anc.remove_prefix(static_cast<unsigned char>(anc[0]) + 1u);
          if (anc.size() <= z_.origin_wire.size()) break;
          if (z_.find_name(anc)) continue;
          auto [it, fresh] = ent_map.try_emplace(anc);
          Node& e = it->second;
          if (fresh) e.canonical = anc;
          // An ENT's ENT ancestors already hold a flag at least as strict and a location at least as
          // early (each walk updates all of them), so the walk ends at the first ENT it would not
          // change: walking every ancestor of 3600 names 118 labels deep took 2 s.
          if (!fresh && (insecure || !e.ent_optout_ok) && e.loc_rec <= first_rec_[id]) break;
          if (!insecure) e.ent_optout_ok = false;
          if (first_rec_[id] < e.loc_rec) e.loc_rec = first_rec_[id];
        }
      }
      ents.reserve(ent_map.size());
      for (const auto& [canon, e] : ent_map) ents.push_back(e);
      std::unordered_map<std::string_view, Node>().swap(ent_map);
      std::sort(ents.begin(), ents.end(),
                [](const Node& a, const Node& b) { return canonical_compare(a.canonical, b.canonical) < 0; });
      // auth_ and ents are each in canonical order already: merge them (names before ENTs on ties,
      // which cannot occur: an ENT is by definition not an owner).
      auto glue_or_occluded = [&](uint32_t id) {
        return !z_.out_of_zone(id) && !z_.is_authoritative(id) && !hashed_only_[id];
      };
      nodes.reserve(auth_.size() + ents.size() +
                    std::count_if(z_.names_in_order().begin(), z_.names_in_order().end(),
                                  glue_or_occluded));
      auto ent = ents.begin();
      for (uint32_t id : auth_) {
        const std::string_view canon = z_.names[id].canonical;
        for (; ent != ents.end() && canonical_compare(ent->canonical, canon) < 0; ++ent) nodes.push_back(*ent);
        Node n;
        n.canonical = canon;
        n.name = id;
        n.loc_rec = first_rec_[id];
        nodes.push_back(n);
      }
      for (; ent != ents.end(); ++ent) nodes.push_back(*ent);
      for (uint32_t id : z_.names_in_order()) {
        if (!glue_or_occluded(id)) continue;
        Node n;
        n.canonical = z_.names[id].canonical;
        n.name = id;
        n.loc_rec = first_rec_[id];
        n.auth = false;
        nodes.push_back(std::move(n));
      }
    }

    step.emplace("NSEC3 analysis: chains other than the active one");
    // ---- chains that are not the active one: complete second chains are fine (parameter rollover) ----
    for (const auto& [k, recs] : groups) {
      if (k == *active) continue;
      bool complete = k.alg == 1 && k.iterations <= kMaxHashedIterations;
      if (complete) {
        std::set<std::string> have;
        for (const Rec3& r : recs) {
          auto h = owner_hash(z_.records[r.rec]);
          if (h) have.insert(*h);
        }
        for (const Node& n : nodes)
          if (n.auth && (n.name == kNone ? !n.ent_optout_ok : !insecure_delegation(n.name)) &&
              !have.count(nsec3_hash(n.canonical, k.salt_bytes(), k.iterations))) {
            complete = false;
            break;
          }
      }
      if (complete) continue;
      for (const Rec3& r : recs)
        add("NSEC003", r.rec,
            cat("NSEC3 at ", z_.owner_text(z_.records[r.rec]), " uses parameters (", k.text(),
                ") that differ from the zone's chain (", active->text(), ")"));
    }

    step.emplace("NSEC3 analysis: the active chain in hash order");
    // ---- the active chain ----
    // hash -> records, in hash order: sorted flat arrays (a std::map node, a string and a vector per
    // NSEC3 came to ~15 MB at 100k names).
    struct ChainEntry {  // 12 bytes (views were 32)
      uint32_t hash_off;     // the hash, at this offset in hashes
      uint32_t begin, count;  // its NSEC3 records, chain_recs[begin .. begin + count), file order
    };
    std::string hashes;
    std::vector<std::pair<uint32_t, const Rec3*>> by_owner;  // (offset of the hash in hashes, record)
    hashes.reserve(groups[*active].size() * kSha1Len);
    by_owner.reserve(groups[*active].size());
    for (const Rec3& r : groups[*active]) {
      const Record& rec = z_.records[r.rec];
      const auto at = static_cast<uint32_t>(hashes.size());
      if (!owner_hash_append(rec, hashes)) {  // kSha1Len octets each
        add("NSEC003", r.rec,
            cat("NSEC3 owner ", z_.owner_text(rec), " is not a base32hex SHA-1 hash directly below the apex"));
        continue;
      }
      by_owner.emplace_back(at, &r);
    }
    auto hash_at = [&](uint32_t off) { return std::string_view(hashes).substr(off, kSha1Len); };
    auto owner_less = [&](const auto& a, const auto& b) { return hash_at(a.first) < hash_at(b.first); };
    // Signers write the chain in hash order; sort only when it is not.
    if (!std::is_sorted(by_owner.begin(), by_owner.end(), owner_less))
      std::stable_sort(by_owner.begin(), by_owner.end(), owner_less);
    std::vector<const Rec3*> chain_recs;
    chain_recs.reserve(by_owner.size());
    for (const auto& p : by_owner) chain_recs.push_back(p.second);
    std::vector<ChainEntry> chain;
    chain.reserve(by_owner.size());
    // Each entry's first bitmap, read here in hash order (the records' order in a signed file): the
    // bitmap check walks names in canonical order, where reaching it through the entry, its records
    // and their RDATA was a cache miss at each step.
    std::vector<std::span<const uint8_t>> first_bitmap;
    first_bitmap.reserve(by_owner.size());
    for (size_t i = 0; i < by_owner.size();) {
      size_t j = i + 1;
      while (j < by_owner.size() && hash_at(by_owner[j].first) == hash_at(by_owner[i].first)) ++j;
      chain.push_back({by_owner[i].first, static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)});
      first_bitmap.push_back(fields(*by_owner[i].second).bitmap);
      i = j;
    }
    std::vector<std::pair<uint32_t, const Rec3*>>().swap(by_owner);
    auto entry_hash = [&](const ChainEntry& e) { return hash_at(e.hash_off); };
    auto entry_recs = [&](const ChainEntry& e) {
      return std::span<const Rec3* const>(chain_recs.data() + e.begin, e.count);
    };
    for (const ChainEntry& e : chain) {
      const auto rs = entry_recs(e);
      for (size_t i = 1; i < rs.size(); ++i)
        add("NSEC003", rs[i]->rec, cat(rs.size(), " NSEC3 records at ", z_.owner_text(z_.records[rs[i]->rec])));
    }

    step.emplace("NSEC3 analysis: hash every name");
    // Each node's hash, in one buffer; the nodes by hash as a sorted array (not a hash map of 100k nodes).
    std::string node_hashes;
    node_hashes.reserve(nodes.size() * kSha1Len);
    for (const Node& n : nodes)
      if (!nsec3_hash_append(n.canonical, active->salt_bytes(), active->iterations, node_hashes))
        node_hashes.append(kSha1Len, '\0');  // SHA-1 failed (no provider): keep the offsets below right
    step.emplace("NSEC3 analysis: pair names and chain");
    // Nodes and chain are both walked in hash order once, which pairs each NSEC3 with the first node of
    // its hash and marks the nodes that have an NSEC3 (a binary search per node and per NSEC3 cost more).
    auto node_hash = [&](uint32_t i) { return std::string_view(node_hashes).substr(size_t{i} * kSha1Len, kSha1Len); };
    // Sorted by the hash's first 8 octets held inline, then the rest, then the node (a stable order):
    // comparing through the index into node_hashes missed the cache at nearly every step.
    std::vector<std::pair<uint64_t, uint32_t>> by_hash(nodes.size());
    for (uint32_t i = 0; i < by_hash.size(); ++i) {
      uint64_t head = 0;
      for (unsigned char c : node_hash(i).substr(0, 8)) head = head << 8 | c;
      by_hash[i] = {head, i};
    }
    std::sort(by_hash.begin(), by_hash.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      const int c = node_hash(a.second).substr(8).compare(node_hash(b.second).substr(8));
      return c != 0 ? c < 0 : a.second < b.second;
    });
    std::vector<uint32_t> chain_node(chain.size(), kNone);  // per chain entry: the first node of its hash
    std::vector<uint8_t> in_chain(nodes.size(), 0);        // per node: an NSEC3 has its hash
    for (size_t ci = 0; const auto& [head, ni] : by_hash) {
      const std::string_view h = node_hash(ni);
      while (ci < chain.size() && entry_hash(chain[ci]) < h) ++ci;
      if (ci == chain.size()) break;
      if (entry_hash(chain[ci]) != h) continue;
      in_chain[ni] = 1;
      if (chain_node[ci] == kNone) chain_node[ci] = ni;
    }
    std::vector<std::pair<uint64_t, uint32_t>>().swap(by_hash);
    auto covering = [&](std::string_view h) -> const Rec3* {
      if (chain.empty()) return nullptr;
      auto it = std::lower_bound(chain.begin(), chain.end(), h,
                                 [&](const ChainEntry& e, std::string_view v) { return entry_hash(e) < v; });
      if (it == chain.begin()) it = chain.end();
      --it;
      const Rec3* r = entry_recs(*it).front();
      return covers(entry_hash(*it), next_hashed(*r), h) ? r : nullptr;
    };

    step.emplace("NSEC3 analysis: opt-out empty non-terminals");
    // RFC 5155 §7.1: an empty non-terminal may go without NSEC3 only when it is derived solely from insecure
    // delegations that are themselves left out under opt-out; one delegation below it with an NSEC3 is enough
    // to require the ENT's NSEC3.
    {
      std::unordered_map<std::string_view, Node*> ent_by_name;
      for (Node& n : nodes)
        if (n.name == kNone) ent_by_name.emplace(n.canonical, &n);
      for (size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (!n.auth || n.name == kNone || !in_chain[i] || !insecure_delegation(n.name)) continue;
        std::string_view anc = n.canonical;
        while (anc.size() > z_.origin_wire.size()) {
          anc.remove_prefix(static_cast<unsigned char>(anc[0]) + 1u);
          if (auto e = ent_by_name.find(anc); e != ent_by_name.end()) e->second->ent_optout_ok = false;
        }
      }
    }

    step.emplace("NSEC3 analysis: names without NSEC3");
    std::set<std::string> missing;
    const std::string apex_text = text(apex_);
    for (size_t i = 0; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      if (!n.auth || in_chain[i]) continue;
      const std::string what = n.name == kNone ? cat("empty non-terminal ", name_to_text(n.canonical)) : text(n.name);
      const std::string_view hash = node_hash(static_cast<uint32_t>(i));
      const std::string hashed = cat(base32hex_encode(hash), '.', apex_text);
      const Rec3* cover = covering(hash);
      const bool optout = cover && cover->opt_out();
      if (n.name != kNone && insecure_delegation(n.name)) {
        if (optout) continue;  // RFC 5155 §6: opt-out lets insecure delegations go without NSEC3
        missing.insert(std::string(hash));
        add("NSEC011", n.loc_rec,
            cat("insecure delegation ", what, " has no NSEC3 (", hashed, ") and ",
                cover ? cat("the NSEC3 covering it, ", z_.owner_text(z_.records[cover->rec]), ", has opt-out clear")
                      : std::string("no NSEC3 covers it")));
        continue;
      }
      if (n.name == kNone && n.ent_optout_ok && optout) continue;  // RFC 5155 §7.1: ENT only from opt-out deleg.
      missing.insert(std::string(hash));
      add("NSEC010", n.loc_rec,
          cat("no NSEC3 for ", what, n.name != kNone && z_.is_delegation(n.name) ? " (delegation with DS)" : "",
              " (expected owner ", hashed, ")"));
    }

    step.emplace("NSEC3 analysis: bitmaps, then the chain order");
    // What each NSEC3 says about its name, walked in the nodes' (canonical) order: the names' RRsets and
    // signatures then come in memory order, where hash order made nearly every access a cache miss.
    std::vector<uint32_t> node_chain(nodes.size(), kNone);  // per node: the chain entry of its hash, if first
    for (uint32_t ci = 0; ci < chain.size(); ++ci)
      if (chain_node[ci] != kNone) node_chain[chain_node[ci]] = ci;
    for (uint32_t ni = 0; ni < nodes.size(); ++ni) {
      const uint32_t ci = node_chain[ni];
      if (ci == kNone) continue;
      const ChainEntry& entry = chain[ci];
      const Node& n = nodes[ni];
      auto what = [&] { return n.name == kNone ? cat("empty non-terminal ", name_to_text(n.canonical)) : text(n.name); };
      auto owner_text = [&] { return z_.owner_text(z_.records[entry_recs(entry).front()->rec]); };
      if (!n.auth) {
        add("NSEC009", entry_recs(entry).front()->rec,
            cat("NSEC3 at ", owner_text(), " stands for ", what(), ", which is not authoritative (",
                why_nonauth(n.name), ")"));
        continue;
      }
      for (uint32_t k = 0; k < entry.count; ++k) {
        const Rec3& each = *chain_recs[entry.begin + k];
        decode_type_bitmap_into(k == 0 ? first_bitmap[ci] : fields(each).bitmap, have);  // checked when read
        expected_nsec3_types(n, have, want);
        if (have != want)
          add("NSEC004", each.rec,
              cat("NSEC3 bitmap at ", owner_text(), " (", what(), ") lists ", types_text(have),
                  " but the name has ", types_text(want), " (", bitmap_diff(have, want), ")"));
      }
    }
    std::vector<uint32_t>().swap(node_chain);

    for (auto it = chain.begin(); it != chain.end(); ++it) {
      const auto recs = entry_recs(*it);
      const Rec3& r = *recs.front();
      const Record& rec = z_.records[r.rec];
      if (chain_node[it - chain.begin()] == kNone)
        add("NSEC003", r.rec, cat("NSEC3 at ", z_.owner_text(rec), " matches no name of the zone"));
      // The next hashed owner is the following NSEC3 in hash order, the last one wrapping to the first.
      auto succ = std::next(it);
      if (succ == chain.end()) succ = chain.begin();
      for (const Rec3* each : recs) {
        const std::string_view next = next_hashed(*each);
        if (next == entry_hash(*succ)) continue;
        if (missing.count(std::string(next))) continue;  // the missing NSEC3 is reported at its name
        std::string next_text = next.size() == kSha1Len ? base32hex_encode(next)
                                                        : cat("a ", next.size(), "-octet value");
        add("NSEC003", each->rec,
            cat("NSEC3 at ", z_.owner_text(rec), " points to ", next_text, "; the next NSEC3 in hash order is ",
                z_.owner_text(z_.records[entry_recs(*succ).front()->rec])));
      }
    }
  }

  /// The hash an NSEC3 owner stands for: its first label, base32hex-decoded, directly below the apex.
  /// Appended to `out`, which is left as it was when the owner is not such a name.
  bool owner_hash_append(const Record& rec, std::string& out) const {
    const std::string_view canon = z_.names[rec.owner].canonical;
    if (canon.empty()) return false;
    size_t len = static_cast<unsigned char>(canon[0]);
    if (canon.size() != 1 + len + z_.origin_wire.size() || canon.compare(1 + len, std::string::npos, z_.origin_wire) != 0)
      return false;
    const size_t before = out.size();
    if (!base32hex_decode_append(canon.substr(1, len), out)) return false;
    if (out.size() - before != kSha1Len) return out.resize(before), false;
    return true;
  }
  std::optional<std::string> owner_hash(const Record& rec) const {
    std::string h;
    if (!owner_hash_append(rec, h)) return std::nullopt;
    return h;
  }
};

}  // namespace

std::vector<DenialIssue> analyze_denial(const ZoneModel& zone, unsigned parts) {
  return Analysis(zone, parts).run();
}

void report_denial(const LintContext& ctx, FindingSink& out, std::string_view code) {
  for (const auto& zone : ctx.zones()) {
    // One analysis per zone, shared by the twelve rules.
    auto issues = std::static_pointer_cast<const std::vector<DenialIssue>>(zone->memo("denial", [&] {
      return std::make_shared<const std::vector<DenialIssue>>(analyze_denial(*zone, kDenialAll));
    }));
    for (const DenialIssue& issue : *issues) {
      if (issue.code != code) continue;
      Finding& f = out.report(*zone, zone->records[issue.record], issue.message);
      if (issue.severity) f.severity = *issue.severity;
    }
  }
}

// ---- building blocks ----

std::optional<std::vector<uint16_t>> decode_type_bitmap(std::span<const uint8_t> bm) {
  std::vector<uint16_t> out;
  if (!decode_type_bitmap_into(bm, out)) return std::nullopt;
  return out;
}

bool decode_type_bitmap_into(std::span<const uint8_t> bm, std::vector<uint16_t>& out) {
  out.clear();
  size_t i = 0;
  int last_window = -1;
  while (i < bm.size()) {
    if (i + 2 > bm.size()) return false;
    int window = bm[i];
    size_t len = bm[i + 1];
    if (window <= last_window || len == 0 || len > 32 || i + 2 + len > bm.size()) return false;
    for (size_t b = 0; b < len; ++b)
      for (int bit = 0; bit < 8; ++bit)
        if (bm[i + 2 + b] & (0x80 >> bit)) out.push_back(static_cast<uint16_t>(window * 256 + b * 8 + bit));
    last_window = window;
    i += 2 + len;
  }
  return true;
}

std::optional<NsecView> decode_nsec(std::span<const uint8_t> rd) {
  std::vector<uint16_t> types;
  auto next = nsec_next_and_types(rd, types);
  if (!next) return std::nullopt;
  return NsecView{*next, std::move(types)};
}

std::optional<Nsec3View> decode_nsec3(std::span<const uint8_t> rd) {
  auto v = decode_nsec3_fields(rd);
  if (!v) return std::nullopt;
  auto types = decode_type_bitmap(v->bitmap);
  if (!types) return std::nullopt;
  v->types = std::move(*types);
  return v;
}

std::optional<Nsec3View> decode_nsec3_fields(std::span<const uint8_t> rd) {
  if (rd.size() < 5) return std::nullopt;
  Nsec3View v;
  v.hash_algorithm = rd[0];
  v.flags = rd[1];
  v.iterations = get16(rd.data() + 2);
  size_t salt_len = rd[4];
  if (5 + salt_len + 1 > rd.size()) return std::nullopt;
  v.salt = rd.subspan(5, salt_len);
  size_t hash_len = rd[5 + salt_len];
  size_t off = 6 + salt_len;
  if (off + hash_len > rd.size()) return std::nullopt;
  v.next_hashed = rd.subspan(off, hash_len);
  v.bitmap = rd.subspan(off + hash_len);
  return v;
}

std::optional<Nsec3ParamView> decode_nsec3param(std::span<const uint8_t> rd) {
  if (rd.size() < 5) return std::nullopt;
  size_t salt_len = rd[4];
  if (5 + salt_len != rd.size()) return std::nullopt;
  return Nsec3ParamView{rd[0], rd[1], get16(rd.data() + 2), rd.subspan(5, salt_len)};
}

bool nsec3_hash_append(std::string_view name, std::span<const uint8_t> salt, uint16_t iterations, std::string& out) {
  // RFC 5155 §5: IH(salt, x, 0) = H(x || salt); IH(salt, x, k) = H(IH(salt, x, k-1) || salt).
  // The digest is fetched once and a context kept per thread: EVP_Digest with EVP_sha1() looks the
  // algorithm up and builds a context on every call, which was most of the cost of hashing every name
  // of a 100k-name zone.
  static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  auto digest = [&](const void* a, size_t an) {
    return ctx && sha1 && EVP_DigestInit_ex2(ctx.get(), sha1, nullptr) == 1 && EVP_DigestUpdate(ctx.get(), a, an) == 1 &&
           EVP_DigestUpdate(ctx.get(), salt.data(), salt.size()) == 1 && EVP_DigestFinal_ex(ctx.get(), md, &len) == 1;
  };
  if (!digest(name.data(), name.size())) return false;
  for (uint32_t k = 0; k < iterations; ++k) {
    unsigned char prev[EVP_MAX_MD_SIZE];
    std::memcpy(prev, md, len);
    if (!digest(prev, len)) return false;
  }
  out.append(reinterpret_cast<const char*>(md), len);
  return true;
}

std::string nsec3_hash(std::string_view name, std::span<const uint8_t> salt, uint16_t iterations) {
  std::string out;
  nsec3_hash_append(name, salt, iterations, out);
  return out;
}

std::string base32hex_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuv";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (5 - bits)) & 31];
  return out;
}

bool base32hex_decode_append(std::string_view text, std::string& out) {
  const size_t before = out.size();
  uint32_t acc = 0;
  int bits = 0;
  for (char ch : text) {
    int c = static_cast<unsigned char>(ch);
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'v') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'V') v = c - 'A' + 10;
    else return out.resize(before), false;
    acc = (acc << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((acc >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0) return out.resize(before), false;  // leftover must be zero padding
  return true;
}

std::optional<std::string> base32hex_decode(std::string_view text) {
  std::string out;
  if (!base32hex_decode_append(text, out)) return std::nullopt;
  return out;
}

}  // namespace danelint
