#include "lint/dane_match.hpp"

#include <ldns/ldns.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_set>

#include "gen/tlsa.hpp"
#include "lint/c_ptr.hpp"
#include "lint/dane.hpp"
#include "lint/strings.hpp"

namespace danelint::dane {
namespace {

bool parses_full(uint8_t selector, std::span<const uint8_t> der) {
  const unsigned char* p = der.data();
  long len = static_cast<long>(der.size());
  bool ok = false;
  if (selector == gen::kCert) {
    X509Ptr cert(d2i_X509(nullptr, &p, len));
    ok = cert && p == der.data() + der.size();
  } else {
    EvpPkeyPtr key(d2i_PUBKEY(nullptr, &p, len));
    ok = key && p == der.data() + der.size();
  }
  ERR_clear_error();
  return ok;
}

// OpenSSL's default digest ordinals (dane_ctx_enable): Full 0, SHA2-256 1, SHA2-512 2.
int ordinal(uint8_t m) { return m; }

bool same_data(const std::optional<std::vector<uint8_t>>& a, std::span<const uint8_t> b) {
  return a && a->size() == b.size() && std::equal(a->begin(), a->end(), b.begin());
}

}  // namespace

Unusable unusable_reason(const TlsaView& t, bool smtp_owner) {
  if (t.usage > gen::kDaneEe) return Unusable::Usage;
  if (t.selector > gen::kSpki) return Unusable::Selector;
  if (t.matching_type > gen::kSha512) return Unusable::Matching;
  if (t.matching_type == gen::kSha256 && t.data.size() != 32) return Unusable::DigestLength;
  if (t.matching_type == gen::kSha512 && t.data.size() != 64) return Unusable::DigestLength;
  if (t.matching_type == gen::kFull && !parses_full(t.selector, t.data)) return Unusable::FullUnparseable;
  if (smtp_owner && t.usage < gen::kDaneTa) return Unusable::SmtpPkix;
  return Unusable::None;
}

std::string unusable_text(Unusable u) {
  switch (u) {
    case Unusable::None: return "usable";
    case Unusable::Usage: return "unknown usage";
    case Unusable::Selector: return "unknown selector";
    case Unusable::Matching: return "unknown matching type";
    case Unusable::DigestLength: return "wrong digest length";
    case Unusable::FullUnparseable: return "full data not DER";
    case Unusable::SmtpPkix: return "PKIX usage at an SMTP owner";
  }
  return "unusable";
}

OwnerZones::OwnerZones(const LintContext& ctx) {
  for (size_t i = 0; i < ctx.zones().size(); ++i) {
    const ZoneModel& zone = *ctx.zones()[i];
    if (zone.unreadable) continue;
    by_origin_[zone.origin_wire].push_back(i);
    for (uint32_t id = 0; id < zone.names.size(); ++id)
      if (zone.out_of_zone(id)) stray_[zone.names[id].canonical].push_back(i);
  }
}

std::vector<size_t> OwnerZones::of(std::string_view owner_wire) const {
  std::vector<size_t> out;
  if (auto it = stray_.find(owner_wire); it != stray_.end()) out = it->second;
  for_name_and_ancestors(owner_wire, [&](std::string_view origin) {
    if (auto it = by_origin_.find(origin); it != by_origin_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    return false;
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {
/// Appends the decodable records of a TLSA RRset (file order), each classified for the owner.
void add_records(std::vector<OwnerRecord>& out, const ZoneModel& zone, const RRset& set, bool smtp_owner) {
  for (uint32_t i : set.records) {
    const Record& rec = zone.records[i];
    auto view = decode_tlsa(zone.rdata(rec));
    if (!view) continue;
    out.push_back(OwnerRecord{&zone, &rec, *view, unusable_reason(*view, smtp_owner), false});
  }
}

/// Digest agility over all the records of one owner: per (usage, selector), the strongest digest present
/// wins; Full(0) always counts.
void mark_effective(std::span<OwnerRecord> recs) {
  // Usable records have a usage of at most 3 and a selector of at most 1.
  int best[gen::kDaneEe + 1][gen::kSpki + 1] = {};
  for (const OwnerRecord& r : recs)
    if (r.unusable == Unusable::None && r.view.matching_type != gen::kFull) {
      int& b = best[r.view.usage][r.view.selector];
      b = std::max(b, ordinal(r.view.matching_type));
    }
  for (OwnerRecord& r : recs) {
    if (r.unusable != Unusable::None) continue;
    r.effective = r.view.matching_type == gen::kFull ||
                  ordinal(r.view.matching_type) == best[r.view.usage][r.view.selector];
  }
}
}  // namespace

std::vector<OwnerRecord> records_at(const LintContext& ctx, std::string_view owner_wire, bool smtp_owner,
                                    const OwnerZones* zones) {
  std::vector<OwnerRecord> out;
  auto add = [&](const ZoneModel& zone) {
    if (zone.unreadable) return;
    auto idx = zone.find_name(owner_wire);
    if (!idx) return;
    if (const RRset* set = zone.find_rrset(*idx, LDNS_RR_TYPE_TLSA)) add_records(out, zone, *set, smtp_owner);
  };
  if (zones) {
    for (size_t z : zones->of(owner_wire)) add(*ctx.zones()[z]);
  } else {
    for (const auto& zone : ctx.zones()) add(*zone);
  }
  mark_effective(out);
  return out;
}

void for_each_tlsa_owner(const LintContext& ctx, const std::function<void(std::string_view)>& fn) {
  std::unordered_set<std::string_view> seen;  // views into the zones' names
  for (const auto& zone : ctx.zones())
    for (uint32_t k : zone->rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone->rrsets()[k];
      if (seen.insert(zone->names[set.owner].canonical).second) fn(zone->names[set.owner].canonical);
    }
}

TlsaOwners::TlsaOwners(const LintContext& ctx) {
  if (ctx.zones().size() == 1) {
    // One zone: each TLSA RRset is one owner and all of its records (what the general path below finds
    // with a name lookup per owner).
    const ZoneModel& zone = *ctx.zones().front();
    if (zone.unreadable) return;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      const std::string_view owner = zone.names[set.owner].canonical;
      const bool smtp = is_smtp_owner(owner);
      const auto begin = static_cast<uint32_t>(records.size());
      add_records(records, zone, set, smtp);
      mark_effective(std::span<OwnerRecord>(records).subspan(begin));
      owners.push_back(Owner{owner, smtp, begin, static_cast<uint32_t>(records.size())});
    }
    return;
  }
  const OwnerZones zones(ctx);
  for_each_tlsa_owner(ctx, [&](std::string_view owner) {
    const bool smtp = is_smtp_owner(owner);
    const std::vector<OwnerRecord> recs = records_at(ctx, owner, smtp, &zones);
    owners.push_back(Owner{owner, smtp, static_cast<uint32_t>(records.size()),
                           static_cast<uint32_t>(records.size() + recs.size())});
    records.insert(records.end(), recs.begin(), recs.end());
  });
}

const TlsaOwners& TlsaOwners::shared(const LintContext& ctx) {
  return *ctx.workspace().shared->get_as<TlsaOwners>("tlsa-owners", [&] { return std::make_shared<const TlsaOwners>(ctx); });
}

bool owner_in_loaded_zone(const LintContext& ctx, std::string_view owner_wire) {
  for (const auto& zone : ctx.zones()) {
    if (zone->unreadable || !is_subdomain(owner_wire, zone->origin_wire)) continue;
    // Below a delegation the data lives in another zone.
    bool delegated = false;
    for (const RRset& set : zone->rrsets())
      if (set.type == LDNS_RR_TYPE_NS && zone->is_delegation(set.owner) &&
          is_subdomain(owner_wire, ascii_lower(zone->names[set.owner].wire)))
        delegated = true;
    if (!delegated) return true;
  }
  return false;
}

bool matches_cert(const TlsaView& t, X509* cert) {
  return cert && same_data(gen::association_data(cert, t.selector, t.matching_type), t.data);
}

bool matches_key(const TlsaView& t, EVP_PKEY* key) {
  return key && same_data(gen::association_data(key, t.selector, t.matching_type), t.data);
}

int Chain::line_of(size_t i) const {
  if (!file || i >= file->material.cert_lines.size()) return 0;
  return file->material.cert_lines[i];
}

bool issued_by(X509* subject, X509* issuer) {
  bool ok = X509_check_issued(issuer, subject) == X509_V_OK;
  if (ok) {
    EVP_PKEY* k = X509_get0_pubkey(issuer);
    ok = k && X509_verify(subject, k) == 1;
  }
  ERR_clear_error();
  return ok;
}

std::vector<Chain> chains_of(const Service& svc) {
  std::vector<Chain> out;
  // The issuer path from certs[start] through the other certificates of the file.
  auto build = [](const std::vector<X509*>& certs, size_t start, bool& self_issued) {
    std::vector<size_t> path{start};
    std::vector<bool> used(certs.size(), false);
    used[start] = true;
    self_issued = false;
    for (;;) {
      X509* cur = certs[path.back()];
      if (X509_check_issued(cur, cur) == X509_V_OK) {
        self_issued = true;
        break;
      }
      size_t next = certs.size();
      for (size_t j = 0; j < certs.size(); ++j)
        if (!used[j] && issued_by(cur, certs[j])) {
          next = j;
          break;
        }
      if (next == certs.size()) break;
      used[next] = true;
      path.push_back(next);
    }
    ERR_clear_error();
    return path;
  };
  auto add = [&](const LoadedMaterial& m) {
    Chain c;
    c.file = &m;
    for (const auto& x : m.material.certs) c.certs.push_back(x.get());
    c.leaf_key = m.material.subject_key();
    if (!c.certs.empty()) {
      c.path = build(c.certs, 0, c.top_self_issued);
      if (c.path.size() < c.certs.size())
        for (size_t k = 1; k < c.certs.size(); ++k) {
          bool ss = false;
          if (build(c.certs, k, ss).size() == c.certs.size()) {
            c.real_leaf = k;
            break;
          }
        }
    }
    if (c.leaf_key || !c.certs.empty()) out.push_back(std::move(c));
  };
  for (const LoadedMaterial& m : svc.chains) add(m);
  if (svc.chains.empty())
    for (const LoadedMaterial& m : svc.keys) add(m);
  return out;
}

RecordVsChain relate(const TlsaView& t, const Chain& c) {
  RecordVsChain r;
  if (c.certs.empty()) {
    r.leaf = matches_key(t, c.leaf_key);
    if (r.leaf) r.file_index = 0;
    return r;
  }
  for (size_t i = 0; i < c.certs.size(); ++i)
    if (matches_cert(t, c.certs[i])) {
      if (r.file_index < 0) r.file_index = static_cast<int>(i);
      if (i == 0) r.leaf = true;
    }
  for (size_t d = 1; d < c.path.size(); ++d)
    if (matches_cert(t, c.certs[c.path[d]])) {
      r.path_depth = static_cast<int>(d);
      break;
    }
  // OpenSSL: a DANE-TA Full(0) certificate may be the issuer of the top sent certificate
  // (check_dane_issuer), and a DANE-TA Full(0) key may have signed it (check_dane_pkeys).
  if (t.usage == gen::kDaneTa && t.matching_type == gen::kFull && !c.top_self_issued && c.top()) {
    const unsigned char* p = t.data.data();
    long len = static_cast<long>(t.data.size());
    if (t.selector == gen::kCert) {
      X509Ptr ta(d2i_X509(nullptr, &p, len));
      if (ta && p == t.data.data() + t.data.size()) r.outside_issuer = issued_by(c.top(), ta.get());
    } else if (t.selector == gen::kSpki) {
      EvpPkeyPtr key(d2i_PUBKEY(nullptr, &p, len));
      if (key && p == t.data.data() + t.data.size()) r.outside_issuer = X509_verify(c.top(), key.get()) == 1;
    }
    ERR_clear_error();
  }
  return r;
}

Verdict verify(const std::vector<OwnerRecord>& recs, const Chain& c) {
  Verdict v;
  // DANE-EE first: no chain building, no name or date checks (x509_vfy.c dane_verify).
  for (const OwnerRecord& r : recs)
    if (r.effective && r.view.usage == gen::kDaneEe && relate(r.view, c).leaf) {
      v.authenticated = v.via_ee = true;
      v.matched = &r;
      return v;
    }
  const OwnerRecord* pkix = nullptr;
  for (const OwnerRecord& r : recs)
    if (r.effective && r.view.usage == gen::kPkixEe && relate(r.view, c).leaf && !pkix) pkix = &r;
  // Trust anchors: the lowest depth above the leaf on the path the server sends.
  int best = -1;
  const OwnerRecord* ta = nullptr;
  for (const OwnerRecord& r : recs) {
    if (!r.effective) continue;
    RecordVsChain m = relate(r.view, c);
    int depth = m.path_depth >= 1 ? m.path_depth : m.outside_issuer ? static_cast<int>(c.path.size()) : -1;
    if (depth < 0) continue;
    if (r.view.usage == gen::kDaneTa && (best < 0 || depth < best)) {
      best = depth;
      ta = &r;
    }
    if (r.view.usage == gen::kPkixTa && !pkix && m.path_depth >= 1) pkix = &r;
  }
  if (ta) {
    v.authenticated = v.via_ta = true;
    v.ta_depth = best;
    v.matched = ta;
    return v;
  }
  if (pkix) {
    v.authenticated = v.via_pkix = true;
    v.matched = pkix;
  }
  return v;
}

bool ServiceView::any_authenticated() const {
  return std::any_of(verdicts.begin(), verdicts.end(), [](const Verdict& v) { return v.authenticated; });
}
bool ServiceView::all_authenticated() const {
  return std::all_of(verdicts.begin(), verdicts.end(), [](const Verdict& v) { return v.authenticated; });
}

ServiceView analyse(const LintContext& ctx, const Service& svc) {
  ServiceView v;
  v.svc = &svc;
  v.owner_wire = svc.tlsa_owner_wire();
  v.smtp = svc.spec.port == 25 && svc.spec.proto == "tcp";
  v.records = records_at(ctx, v.owner_wire, v.smtp);
  v.chains = chains_of(svc);
  for (const Chain& c : v.chains) v.verdicts.push_back(verify(v.records, c));
  if (!v.records.empty()) v.ttl = v.records.front().rec->ttl;
  return v;
}

namespace {

bool any_chain(const ServiceView& v, auto&& pred) {
  for (const Chain& c : v.chains)
    if (pred(c)) return true;
  return false;
}

}  // namespace

bool usage2_only_leaf(const ServiceView& v, const OwnerRecord& r) {
  if (r.unusable != Unusable::None || r.view.usage != gen::kDaneTa) return false;
  bool leaf = false, above = false;
  for (const Chain& c : v.chains) {
    RecordVsChain m = relate(r.view, c);
    leaf |= m.leaf;
    above |= m.path_depth >= 1 || m.outside_issuer || m.file_index >= 1;
  }
  return leaf && !above;
}

bool usage3_only_ca(const ServiceView& v, const OwnerRecord& r) {
  if (r.unusable != Unusable::None || r.view.usage != gen::kDaneEe) return false;
  bool leaf = false, above = false;
  for (const Chain& c : v.chains) {
    RecordVsChain m = relate(r.view, c);
    leaf |= m.leaf;
    above |= m.path_depth >= 1;
  }
  return above && !leaf;
}

std::optional<std::pair<const Chain*, size_t>> ta_off_path(const ServiceView& v, const OwnerRecord& r) {
  if (r.unusable != Unusable::None || r.view.usage != gen::kDaneTa) return std::nullopt;
  for (const Chain& c : v.chains)
    for (size_t i = 1; i < c.certs.size(); ++i) {
      if (std::find(c.path.begin(), c.path.end(), i) != c.path.end()) continue;
      if (matches_cert(r.view, c.certs[i])) return std::pair{&c, i};
    }
  return std::nullopt;
}

bool record_explained(const ServiceView& v, const OwnerRecord& r) {
  return usage2_only_leaf(v, r) || usage3_only_ca(v, r) || ta_not_sent(v, r) || ta_off_path(v, r) ||
         confused_params(v, r);
}

bool matches_current(const ServiceView& v, const OwnerRecord& r) {
  if (any_chain(v, [&](const Chain& c) {
        RecordVsChain m = relate(r.view, c);
        return m.file_index >= 0 || m.outside_issuer;
      }))
    return true;
  for (const LoadedMaterial& k : v.svc->keys)
    if (matches_key(r.view, k.material.subject_key())) return true;
  return false;
}

bool matches_next(const ServiceView& v, const OwnerRecord& r) {
  for (const LoadedMaterial& k : v.svc->next_keys) {
    for (const auto& c : k.material.certs)
      if (matches_cert(r.view, c.get())) return true;
    if (matches_key(r.view, k.material.subject_key())) return true;
    if (k.material.private_key && matches_key(r.view, k.material.private_key.get())) return true;
  }
  return false;
}

bool ta_not_sent(const ServiceView& v, const OwnerRecord& r) {
  if (r.unusable != Unusable::None || r.view.usage != gen::kDaneTa) return false;
  if (r.view.selector == gen::kCert && r.view.matching_type == gen::kFull) return false;  // 2 0 0 carries the TA
  if (v.chains.empty() || matches_current(v, r) || matches_next(v, r) || confused_params(v, r)) return false;
  // The record matches nothing the server sends; it can be a TA only if some chain stops below an
  // issuer that is not sent.
  return any_chain(v, [](const Chain& c) { return !c.certs.empty() && !c.top_self_issued; });
}

std::optional<std::pair<uint8_t, uint8_t>> confused_params(const ServiceView& v, const OwnerRecord& r) {
  if (r.unusable == Unusable::Usage || r.unusable == Unusable::Selector || r.unusable == Unusable::Matching)
    return std::nullopt;
  if (r.unusable == Unusable::None && matches_current(v, r)) return std::nullopt;
  auto try_params = [&](auto&& assoc) -> std::optional<std::pair<uint8_t, uint8_t>> {
    for (uint8_t s : {gen::kCert, gen::kSpki})
      for (uint8_t m : {gen::kSha256, gen::kSha512, gen::kFull}) {
        if (s == r.view.selector && m == r.view.matching_type) continue;
        if (same_data(assoc(s, m), r.view.data)) return std::pair{s, m};
      }
    return std::nullopt;
  };
  for (const Chain& c : v.chains) {
    for (X509* x : c.certs)
      if (auto p = try_params([&](uint8_t s, uint8_t m) { return gen::association_data(x, s, m); })) return p;
    if (c.certs.empty())
      if (auto p = try_params([&](uint8_t s, uint8_t m) { return gen::association_data(c.leaf_key, s, m); })) return p;
  }
  return std::nullopt;
}

bool combo_has_current(const ServiceView& v, uint8_t u, uint8_t s, uint8_t m) {
  for (const OwnerRecord& r : v.records) {
    if (r.unusable != Unusable::None || r.view.usage != u || r.view.selector != s || r.view.matching_type != m)
      continue;
    bool ee = u == gen::kDaneEe || u == gen::kPkixEe;
    if (any_chain(v, [&](const Chain& c) {
          RecordVsChain x = relate(r.view, c);
          return ee ? x.leaf : (x.path_depth >= 1 || x.outside_issuer);
        }))
      return true;
  }
  return false;
}

std::string tlsa_record_text(const ServiceView& v, uint8_t usage, uint8_t selector, uint8_t matching,
                             const std::vector<uint8_t>& data) {
  return cat(name_to_text(v.owner_wire), ' ', v.ttl, " IN TLSA ", int(usage), ' ', int(selector), ' ', int(matching), ' ',
             to_hex(data));
}

std::string suggest_for(const ServiceView& v, uint8_t usage, uint8_t selector, uint8_t matching, X509* cert,
                        EVP_PKEY* key) {
  std::optional<std::vector<uint8_t>> d =
      cert ? gen::association_data(cert, selector, matching) : gen::association_data(key, gen::kSpki, matching);
  if (!d) return {};
  return tlsa_record_text(v, usage, cert ? selector : static_cast<uint8_t>(gen::kSpki), matching, *d);
}

std::string service_text(const Service& s) { return cat("service ", s.label()); }

std::string chain_text(const Chain& c) {
  std::string name = c.file ? c.file->path : "?";
  if (c.leaf()) return cat(name, " (", gen::subject_line(c.leaf()), ')');
  return name;
}

}  // namespace danelint::dane
