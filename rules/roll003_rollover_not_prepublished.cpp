#include <ldns/ldns.h>

#include <algorithm>
#include <climits>

#include "gen/tlsa.hpp"
#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

constexpr int64_t kLongAgo = INT64_MIN;

// For each service: the records that match what it will serve must have been in the published TLSA
// RRset for 2 x TTL. "Published" is the previous zone (--previous/--previous-rev) when given, else the
// zone itself; since when comes from the state file, else --published-since.
void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  const History& h = ws.history;
  if (!h.have_previous && !h.state_loaded && !h.published_since) return;  // no history: nothing to say
  for (const Service& s : ws.services) {
    if (s.chains.empty() && s.keys.empty()) continue;
    std::string owner = s.tlsa_owner_wire();
    ServiceTlsa st = find_service_tlsa(ws, owner);
    if (!st.set) continue;
    const ZoneModel& zone = *ws.zones[static_cast<size_t>(st.zone)];
    const ZoneModel* prev = h.previous_of(static_cast<size_t>(st.zone));
    const RRset* prev_set = prev ? tlsa_rrset_at(*prev, owner) : nullptr;
    if (h.have_previous && !prev_set) continue;  // first DANE deployment, not a rollover
    std::vector<std::string> prev_keys = record_keys(*(prev ? prev : &zone), prev_set);
    if (!h.have_previous && h.state_loaded) {
      // The zone itself is the published one: an owner never seen before is a first deployment.
      bool known = false;
      for (const std::string& k : record_keys(zone, st.set)) known = known || h.first_seen.count(k);
      if (!known && !h.published_since) continue;
    }
    int64_t best = 0;
    bool any_match = false, any_published = false;
    uint32_t match_rec = UINT32_MAX;
    for (uint32_t i : st.set->records) {
      auto t = decode_tlsa(zone.rdata(zone.records[i]));
      if (!t || !matches_served(s, *t)) continue;
      any_match = true;
      match_rec = std::min(match_rec, i);
      std::string key = tlsa_record_key(zone.names[st.set->owner].wire, zone.rdata(zone.records[i]));
      std::optional<int64_t> since;
      auto seen = h.first_seen.find(key);
      if (h.have_previous) {
        if (std::find(prev_keys.begin(), prev_keys.end(), key) == prev_keys.end()) continue;  // not published
        since = seen != h.first_seen.end() ? seen->second : h.published_since.value_or(kLongAgo);
      } else if (seen != h.first_seen.end()) {
        since = seen->second;
      } else if (h.published_since) {
        since = *h.published_since;
      } else {
        since = ctx.now();  // new in the published zone (state file): first seen now
      }
      if (!any_published || *since < best) best = *since;
      any_published = true;
    }
    if (!any_match) continue;  // nothing matches at all: tlsa-no-match-current says so
    uint32_t ttl = rrset_ttl(zone, *st.set);
    if (prev_set) ttl = std::max(ttl, rrset_ttl(*prev, *prev_set));
    int64_t need = 2 * int64_t{ttl};
    const Record& rec = zone.records[match_rec];
    std::string served = !s.chains.empty() ? s.chains[0].path : s.keys[0].path;
    if (!any_published) {
      Finding& f = out.report(zone, rec, cat("service ", s.label(), ": the key in ", served,
                                             " matches no record of the published TLSA RRset (", prev->files[0],
                                             "); publish its record and wait ", format_duration(need),
                                             " (2 x TTL) before serving it"));
      f.related.emplace_back(prev->loc(prev->records[prev_set->first()]), "published TLSA RRset");
      // The record to pre-publish, as `danelint gen` writes it: 3 1 1 of the served key.
      const gen::Material& m = !s.chains.empty() ? s.chains[0].material : s.keys[0].material;
      if (EVP_PKEY* k = m.subject_key())
        if (auto d = gen::association_data(k, gen::kSpki, gen::kSha256))
          f.suggestion = cat(s.tlsa_owner_text(), ' ', rrset_ttl(zone, *st.set), " IN TLSA 3 1 1 ", to_hex(*d));
      continue;
    }
    if (best == kLongAgo || ctx.now() - best >= need) continue;
    out.report(zone, rec, cat("service ", s.label(), ": the key in ", served, " has been published only since ",
                              format_time(best), " (", format_duration(ctx.now() - best), "), less than 2 x TTL (",
                              format_duration(need), "); safe from ", format_time(best + need)));
  }
}

}  // namespace

extern const Rule kRoll003{
    .info = {.id = "ROLL003", .name = "rollover-not-prepublished", .severity = Severity::Error, .since = "0.1.0",
             .summary = "the key about to be served was not in the published TLSA RRset at least 2 x TTL before",
             .rationale = "Senders cache the TLSA RRset for its TTL. If the server switches to a key whose record "
                          "was published less than two TTLs ago, senders holding the old RRset fail DANE "
                          "authentication and defer mail (RFC 7671 §8.1; RFC 7672 §4). The rule compares the "
                          "deployment against the previously published zone (--previous, --previous-rev) and the "
                          "publication times from --state or --published-since.",
             .fix = "Publish the new key's record next to the old one first (`danelint gen`), wait two TTLs "
                    "(`danelint rollover-check` says when), and only then switch the server to the new key.",
             .bad_example = "previous zone: _25._tcp.mx.example. IN TLSA 3 1 1 <old key>; the service's chain now "
                            "holds the new key, and the zone adds 3 1 1 <new key> in the same commit",
             .good_example = "3 1 1 <new key> published next to the old record two TTLs before the switch",
             .references = "RFC 7671 §8.1; RFC 7672 §4",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
