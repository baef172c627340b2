#include "lint/dnssec/analysis.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "lint/dnssec/canonical.hpp"
#include "lint/strings.hpp"
#include "lint/timings.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::dnssec {

namespace {

constexpr uint16_t kDS = 43, kRRSIG = 46, kDNSKEY = 48, kCDS = 59, kCDNSKEY = 60;

std::mutex g_mutex;  // guards Workspace::dnssec while it is being set

/// Runs fn(i, worker) for i in [0, n) on `jobs` threads; chunks handed out through an atomic counter.
template <typename Fn>
void parallel_for(size_t n, int jobs, Fn&& fn) {
  constexpr size_t kChunk = 64;
  int threads = static_cast<int>(std::min<size_t>(std::max(1, jobs), (n + kChunk - 1) / kChunk));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (;;) {
      size_t b = next.fetch_add(kChunk);
      if (b >= n) return;
      for (size_t i = b, e = std::min(n, b + kChunk); i < e; ++i) fn(i, worker);
    }
  };
  std::vector<std::jthread> pool;  // joined on the way out, also by an exception (see engine.cpp)
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
}

/// Per-thread scratch: verification contexts and canonical-form buffers, reused across RRsets.
struct Scratch {
  Verifier verifier;
  size_t verifications = 0;  // calls into the verifier (one signature against one key)
  std::vector<std::string> rdatas;
  std::vector<uint32_t> order;
  std::string data;
};

void collect_keys(const ZoneModel& z, ZoneDnssec& out) {
  auto apex = z.apex();
  if (!apex) return;
  const RRset* set = z.find_rrset(*apex, kDNSKEY);
  if (!set) return;
  out.has_dnskey = true;
  // Copies of one key would each be tried against every signature with their tag: K copies and S
  // bogus signatures made K x S verifications (13 s for a 63 KB file of 3072-bit keys).
  std::unordered_map<std::string_view, size_t> first_of;
  for (uint32_t r : set->records) {
    const auto rd = z.rdata(z.records[r]);
    auto v = decode_dnskey(rd);
    if (!v) continue;
    KeyEntry k;
    k.record = r;
    k.flags = v->flags;
    k.tag = v->key_tag;
    k.protocol = v->protocol;
    k.algorithm = v->algorithm;
    auto [it, fresh] = first_of.try_emplace(std::string_view(reinterpret_cast<const char*>(rd.data()), rd.size()),
                                            out.keys.size());
    k.duplicate = !fresh;
    k.key = fresh ? decode_public_key(v->algorithm, v->public_key) : out.keys[it->second].key;
    out.keys.push_back(std::move(k));
  }
}

/// RFC 6840 §5.1 keeps NSEC next names as written; signers following RFC 4034 §6.2 lower-cased them.
/// Validators disagree, so a failed NSEC signature is retried in the older form before it is bogus.
bool retry_nsec_lowercase(const ZoneModel& z, ZoneDnssec& zd, const RRset& set, const RrsigView& sig,
                          const std::string& signer, const std::string& owner, SigEntry& e, Scratch& s) {
  std::vector<std::string> rdatas;
  bool changed = false;
  for (uint32_t r : set.records) {
    auto rd = z.rdata(z.records[r]);
    std::string c(reinterpret_cast<const char*>(rd.data()), rd.size());
    for (size_t i = 0; i < c.size() && c[i] != 0; i += static_cast<unsigned char>(c[i]) + 1u)
      for (size_t k = i + 1; k <= i + static_cast<unsigned char>(c[i]) && k < c.size(); ++k)
        if (c[k] >= 'A' && c[k] <= 'Z') c[k] = static_cast<char>(c[k] + 32), changed = true;
    rdatas.push_back(std::move(c));
  }
  if (!changed) return false;
  std::sort(rdatas.begin(), rdatas.end());
  rdatas.erase(std::unique(rdatas.begin(), rdatas.end()), rdatas.end());
  std::string data;
  std::span<const uint8_t> rd = z.rdata(z.records[e.record]);
  data.append(reinterpret_cast<const char*>(rd.data()), 18);
  data.append(signer);
  for (const std::string& r : rdatas) append_rr(data, owner, set.type, set.rrclass, sig.original_ttl, r);
  for (size_t k = 0; k < zd.keys.size(); ++k) {
    const KeyEntry& key = zd.keys[k];
    if (key.tag != sig.key_tag || key.algorithm != sig.algorithm || !key.zone_key() || key.key.status != KeyStatus::Ok ||
        key.duplicate)
      continue;
    ++s.verifications;
    if (s.verifier.verify(key.key, k, data, sig.signature)) {
      e.status = SigStatus::Valid;
      e.key = static_cast<int32_t>(k);
      return true;
    }
  }
  return false;
}

/// Verifies every RRSIG over one RRset (RFC 4035 §5.3): the canonical RRset is built once.
void verify_rrset(const ZoneModel& z, ZoneDnssec& zd, uint32_t set_index, Scratch& s) {
  const RRset& set = z.rrsets()[set_index];
  const std::string_view owner = z.names[set.owner].canonical;
  // Canonical RDATA of each record, sorted as octet strings, duplicates removed (RFC 4034 §6.3).
  if (s.rdatas.size() < set.records.size()) s.rdatas.resize(set.records.size());
  s.order.clear();
  for (uint32_t i = 0; i < set.records.size(); ++i) {
    s.rdatas[i].clear();
    append_canonical_rdata(set.type, z.rdata(z.records[set.records[i]]), s.rdatas[i]);
    s.order.push_back(i);
  }
  std::sort(s.order.begin(), s.order.end(), [&](uint32_t a, uint32_t b) { return s.rdatas[a] < s.rdatas[b]; });
  s.order.erase(std::unique(s.order.begin(), s.order.end(),
                            [&](uint32_t a, uint32_t b) { return s.rdatas[a] == s.rdatas[b]; }),
                s.order.end());

  for (uint32_t si : zd.covering[set_index]) {
    SigEntry& e = zd.sigs[si];
    const Record& rec = z.records[e.record];
    auto sig = decode_rrsig(z.rdata(rec));
    if (!sig) continue;  // Malformed already
    std::string signer = ascii_lower(sig->signer_wire);
    if (signer != z.origin_wire) {
      e.status = SigStatus::SignerNotApex;
      continue;
    }
    auto signed_name = signed_owner(owner, sig->labels);
    if (!signed_name) {
      e.status = SigStatus::BadLabels;
      continue;
    }
    // Candidate keys: zone keys with this tag and algorithm (RFC 4035 §5.3.1).
    e.status = SigStatus::NoKey;
    bool any_supported = false, any_valid_key = false;
    for (size_t k = 0; k < zd.keys.size(); ++k) {
      const KeyEntry& key = zd.keys[k];
      if (key.tag != sig->key_tag || key.algorithm != sig->algorithm || !key.zone_key() || key.protocol != 3 ||
          key.duplicate)
        continue;
      if (e.key < 0) e.key = static_cast<int32_t>(k);
      if (key.key.status == KeyStatus::Unsupported) continue;
      any_supported = true;
      if (key.key.status != KeyStatus::Ok) continue;
      if (!any_valid_key) {
        // Build the signed data once for this signature: RRSIG RDATA without the signature, signer
        // lower-cased, then each RR with the original TTL.
        any_valid_key = true;
        s.data.clear();
        std::span<const uint8_t> rd = z.rdata(rec);
        s.data.append(reinterpret_cast<const char*>(rd.data()), 18);
        s.data.append(signer);
        for (uint32_t i : s.order) append_rr(s.data, *signed_name, set.type, set.rrclass, sig->original_ttl, s.rdatas[i]);
      }
      ++s.verifications;
      if (s.verifier.verify(key.key, k, s.data, sig->signature)) {
        e.status = SigStatus::Valid;
        e.key = static_cast<int32_t>(k);
        break;
      }
    }
    if (e.status == SigStatus::Valid || e.key < 0) continue;
    if (any_valid_key && set.type == 47 && retry_nsec_lowercase(z, zd, set, *sig, signer, *signed_name, e, s)) continue;
    if (any_valid_key) e.status = SigStatus::Bogus;
    else if (any_supported) e.status = SigStatus::KeyInvalid;
    else e.status = SigStatus::Unsupported;
  }
}

void collect_ds_from(const ZoneModel& src, const std::string& child, DsSource source, std::vector<DsEntry>& out,
                     bool dnskeys_too) {
  auto id = src.find_name(child);
  if (!id) return;
  for (const RRset& set : src.rrsets_at(*id)) {
    bool ds_type = set.type == kDS || set.type == kCDS;
    bool key_type = dnskeys_too ? (set.type == kDNSKEY || set.type == kCDNSKEY) : set.type == kCDNSKEY;
    if (!ds_type && !key_type) continue;
    if (source == DsSource::ParentZone && set.type != kDS) continue;
    for (uint32_t r : set.records) {
      const Record& rec = src.records[r];
      DsEntry e;
      e.source = source;
      if (source == DsSource::Cds || source == DsSource::Cdnskey)
        e.source = set.type == kCDNSKEY ? DsSource::Cdnskey : DsSource::Cds;
      e.source_name = src.files.empty() ? std::string() : src.files[0];
      e.loc = src.loc(rec);
      if (ds_type) {
        auto v = decode_ds(src.rdata(rec));
        if (!v) continue;
        if (set.type == kCDS && v->algorithm == 0) continue;  // CDS delete (RFC 8078 §4)
        e.key_tag = v->key_tag;
        e.algorithm = v->algorithm;
        e.digest_type = v->digest_type;
        e.digest.assign(v->digest.begin(), v->digest.end());
      } else {
        auto v = decode_dnskey(src.rdata(rec));
        if (!v) continue;
        if (set.type == kCDNSKEY && v->algorithm == 0) continue;  // CDNSKEY delete
        e.from_dnskey = true;
        e.key_tag = v->key_tag;
        e.algorithm = v->algorithm;
        auto rd = src.rdata(rec);
        e.dnskey_rdata.assign(rd.begin(), rd.end());
      }
      out.push_back(std::move(e));
    }
  }
}

void collect_ds(const Workspace& ws, size_t zi, ZoneDnssec& zd) {
  const ZoneModel& z = *ws.zones[zi];
  const std::string& child = z.origin_wire;
  std::vector<DsEntry> ds;
  for (const auto& f : ws.ds_files) collect_ds_from(*f, child, DsSource::File, ds, true);
  zd.ds_source = DsSource::File;
  if (ds.empty()) {
    zd.ds_source = DsSource::ParentZone;
    for (size_t pi = 0; pi < ws.zones.size(); ++pi) {
      const ZoneModel& p = *ws.zones[pi];
      if (pi == zi || p.unreadable || p.origin_wire == child || !is_subdomain(child, p.origin_wire)) continue;
      auto id = p.find_name(child);
      if (!id || !p.is_delegation(*id)) continue;
      collect_ds_from(p, child, DsSource::ParentZone, ds, false);
    }
  }
  if (ds.empty()) {
    zd.ds_source = DsSource::Cds;
    collect_ds_from(z, child, DsSource::Cds, ds, false);
    // collect_ds_from also takes the apex's own DS RRset (ds-at-apex is another rule): keep CDS/CDNSKEY only.
    std::erase_if(ds, [](const DsEntry& e) { return e.source != DsSource::Cds && e.source != DsSource::Cdnskey; });
  }
  // What each DS matches: a DNSKEY of the zone with the same tag, algorithm and digest.
  for (DsEntry& e : ds) {
    for (size_t k = 0; k < zd.keys.size() && e.match < 0; ++k) {
      const KeyEntry& key = zd.keys[k];
      auto rd = z.rdata(z.records[key.record]);
      if (e.from_dnskey) {
        if (e.dnskey_rdata.size() == rd.size() && std::equal(rd.begin(), rd.end(), e.dnskey_rdata.begin()))
          e.match = static_cast<int32_t>(k);
        continue;
      }
      if (key.tag != e.key_tag || key.algorithm != e.algorithm) continue;
      auto d = ds_digest(child, rd, e.digest_type);
      if (d && *d == e.digest) e.match = static_cast<int32_t>(k);
    }
  }
  zd.ds = std::move(ds);
}

std::shared_ptr<const Analysis> compute(const Workspace& ws, int jobs) {
  auto a = std::make_shared<Analysis>();
  a->zones.resize(ws.zones.size());
  for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
    const ZoneModel& z = *ws.zones[zi];
    ZoneDnssec& zd = a->zones[zi];
    if (z.unreadable) continue;
    std::optional<ScopedTiming> prelude(std::in_place, "analysis: keys and the RRSIG -> RRset index");
    collect_keys(z, zd);
    // Index of each RRset by (owner, type) for the RRSIG -> RRset link.
    size_t n_sets = z.rrsets().size();
    std::vector<uint32_t>& start = zd.covering.start;
    start.assign(n_sets + 1, 0);
    // Room for a signature per record: the pages past the real count are never touched, so this costs
    // address space only, where growing by doubling briefly held two copies (4 MB each at 100k names).
    zd.sigs.reserve(z.records.size());
    for (uint32_t r = 0; r < z.records.size(); ++r) {
      const Record& rec = z.records[r];
      if (rec.type != kRRSIG) continue;
      zd.has_rrsig = true;
      SigEntry e;
      e.record = r;
      auto v = decode_rrsig(z.rdata(rec));
      if (v) {
        e.status = SigStatus::NoRRset;
        if (const RRset* set = z.find_rrset(rec.owner, v->type_covered); set && v->type_covered != kRRSIG) {
          e.rrset = static_cast<uint32_t>(set - z.rrsets().data());
          ++start[e.rrset + 1];
        }
      }
      zd.sigs.push_back(e);
    }
    std::vector<uint32_t> with_sigs;
    for (size_t i = 0; i < n_sets; ++i) {
      if (start[i + 1]) with_sigs.push_back(static_cast<uint32_t>(i));
      start[i + 1] += start[i];
    }
    zd.covering.sigs.resize(start[n_sets]);
    {
      std::vector<uint32_t> fill(start.begin(), start.end() - 1);
      for (uint32_t si = 0; si < zd.sigs.size(); ++si) {
        const SigEntry& e = zd.sigs[si];
        if (e.status == SigStatus::NoRRset && e.rrset != UINT32_MAX) zd.covering.sigs[fill[e.rrset]++] = si;
      }
    }
    std::sort(with_sigs.begin(), with_sigs.end());
    prelude.reset();
    ScopedTiming verify_time("analysis: verify signatures");
    int threads = std::max(1, jobs);
    std::vector<std::unique_ptr<Scratch>> scratch(static_cast<size_t>(threads));
    parallel_for(with_sigs.size(), threads, [&](size_t i, int worker) {
      auto& s = scratch[static_cast<size_t>(worker)];
      if (!s) s = std::make_unique<Scratch>();
      verify_rrset(z, zd, with_sigs[i], *s);
    });
    for (const SigEntry& e : zd.sigs) a->signatures_verified += e.status == SigStatus::Valid || e.status == SigStatus::Bogus;
    for (const auto& s : scratch)
      if (s) a->verifications += s->verifications;
  }
  for (size_t zi = 0; zi < ws.zones.size(); ++zi)
    if (!ws.zones[zi]->unreadable) collect_ds(ws, zi, a->zones[zi]);
  return a;
}

}  // namespace

bool DsEntry::usable() const {
  bool digest_ok = from_dnskey || ((digest_type == 1 || digest_type == 2 || digest_type == 4) &&
                                   digest.size() == ds_digest_length(digest_type));
  return digest_ok && algorithm_supported(algorithm);
}

int32_t ZoneDnssec::key_of_record(uint32_t record) const {
  for (size_t k = 0; k < keys.size(); ++k)
    if (keys[k].record == record) return static_cast<int32_t>(k);
  return -1;
}

void prepare(const Workspace& ws, int jobs) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!ws.dnssec) ws.dnssec = compute(ws, jobs);
}

const Analysis& analysis(const Workspace& ws) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!ws.dnssec) ws.dnssec = compute(ws, 1);
  return *ws.dnssec;
}

void add_ds_file(Workspace& ws, const std::string& path, const std::string& origin) {
  LoadOptions lo;
  lo.origin = origin;
  auto model = load_zone_file(path, lo);
  for (Finding& f : model->load_findings) ws.load_findings.push_back(std::move(f));
  model->load_findings.clear();
  ws.ds_files.push_back(std::move(model));
}

std::string describe_sig(const RrsigView& sig) {
  return cat("RRSIG ", type_name(sig.type_covered), " (key ", sig.key_tag, ", ", algorithm_name(sig.algorithm), ")");
}

}  // namespace danelint::dnssec

namespace danelint::dnssec {
namespace {
constexpr std::string_view kAnalysisIds[] = {"SIG004", "SIG005", "SIG006", "SIG007", "SIG008", "KEY001", "KEY002",
                                             "KEY003", "DS001",  "DS002",  "DS003",  "DS004",  "DS005"};
}
std::span<const std::string_view> analysis_rule_ids() { return kAnalysisIds; }
bool rule_needs_analysis(std::string_view id) {
  return std::find(std::begin(kAnalysisIds), std::end(kAnalysisIds), id) != std::end(kAnalysisIds);
}
}  // namespace danelint::dnssec

namespace danelint::dnssec {

std::vector<std::vector<DsRecordRef>> ds_rrsets(const Workspace& ws) {
  std::vector<std::vector<DsRecordRef>> out;
  auto take = [&](const ZoneModel& z) {
    for (const RRset& set : z.rrsets()) {
      if (set.type != kDS) continue;
      std::vector<DsRecordRef> refs;
      for (uint32_t r : set.records)
        if (auto v = decode_ds(z.rdata(z.records[r]))) refs.push_back({&z, &z.records[r], *v});
      if (!refs.empty()) out.push_back(std::move(refs));
    }
  };
  for (const auto& z : ws.zones) {
    if (z->unreadable) continue;
    if (std::any_of(z->records.begin(), z->records.end(), [](const Record& r) { return r.type == kRRSIG; })) take(*z);
  }
  for (const auto& f : ws.ds_files) take(*f);
  return out;
}
}  // namespace danelint::dnssec
