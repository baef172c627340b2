#include <ldns/ldns.h>

#include <algorithm>
#include <set>

#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

using Combo = std::tuple<int, int, int>;

std::string combos_text(const std::set<Combo>& c) {
  std::string s;
  for (const auto& [u, sel, m] : c) s += cat(s.empty() ? "" : ", ", u, ' ', sel, ' ', m);
  return s;
}

// At one owner, the previous and the new TLSA RRsets share no record and no (usage, selector, matching)
// combination: keys and parameters changed in one step. When every removed record still matches a
// served key, only the parameters changed (rollover-retire-early reports that).
void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  if (!ws.history.have_previous) return;
  for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
    const ZoneModel& zone = *ws.zones[zi];
    const ZoneModel* prev = ws.history.previous_of(zi);
    if (!prev) continue;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      const std::string_view owner = zone.names[set.owner].canonical;
      const RRset* prev_set = tlsa_rrset_at(*prev, owner);
      if (!prev_set || prev_set->records.empty()) continue;
      std::vector<std::string> now_keys = record_keys(zone, &set), old_keys = record_keys(*prev, prev_set);
      bool shared = false;
      for (const std::string& k : now_keys) shared = shared || std::count(old_keys.begin(), old_keys.end(), k);
      if (shared) continue;
      std::set<Combo> now_c, old_c;
      for (uint32_t i : set.records)
        if (auto t = decode_tlsa(zone.rdata(zone.records[i]))) now_c.insert({t->usage, t->selector, t->matching_type});
      bool all_old_served = true;
      const Service* svc = nullptr;
      for (const Service& s : ws.services)
        if (s.tlsa_owner_wire() == owner) svc = &s;
      for (uint32_t i : prev_set->records)
        if (auto t = decode_tlsa(prev->rdata(prev->records[i]))) {
          old_c.insert({t->usage, t->selector, t->matching_type});
          all_old_served = all_old_served && svc && matches_served(*svc, *t);
        }
      bool common = false;
      for (const Combo& c : now_c) common = common || old_c.count(c);
      if (common || all_old_served) continue;
      const Record& rec = zone.records[set.first()];
      Finding& f = out.report(zone, rec, cat("TLSA RRset at ", zone.owner_text(rec), " replaces every record (",
                                             combos_text(old_c), ") with new keys under new parameters (",
                                             combos_text(now_c), ") in one step"));
      f.related.emplace_back(prev->loc(prev->records[prev_set->first()]), "previously published TLSA RRset");
    }
  }
}

}  // namespace

extern const Rule kRoll005{
    .info = {.id = "ROLL005", .name = "rollover-one-change", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a key change and a parameter change (e.g. 3 0 1 to 3 1 1, EE to TA) in one step",
             .rationale = "Each rollover step must leave senders with a cached old RRset and senders with the new "
                          "one both able to authenticate the server (RFC 7671 §8.1, §8.4). Replacing every record by "
                          "records under different parameters for different keys in one step changes two things at "
                          "once: no cached RRset matches the new setup, and clients that do not support the new "
                          "parameters have nothing to fall back to.",
             .fix = "Do one change per step: publish the new parameters (or the new key) alongside the old "
                    "records, wait two TTLs, switch, then retire the old records.",
             .bad_example = "previous zone: _25._tcp.mx.example. IN TLSA 3 0 1 <old cert>; new zone: only "
                            "2 1 1 <new CA>",
             .good_example = "new zone: 3 0 1 <old cert> and 2 1 1 <new CA> side by side",
             .references = "RFC 7671 §8.1, §8.4",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
