#include <ldns/ldns.h>

#include <algorithm>

#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  if (!ws.history.have_previous) return;
  for (const Service& s : ws.services) {
    if (s.chains.empty() && s.keys.empty()) continue;
    std::string owner = s.tlsa_owner_wire();
    for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
      const ZoneModel* prev = ws.history.previous_of(zi);
      const RRset* prev_set = prev ? tlsa_rrset_at(*prev, owner) : nullptr;
      if (!prev_set) continue;
      std::vector<std::string> now_keys = record_keys(*ws.zones[zi], tlsa_rrset_at(*ws.zones[zi], owner));
      for (uint32_t i : prev_set->records) {
        const Record& rec = prev->records[i];
        auto t = decode_tlsa(prev->rdata(rec));
        if (!t || !matches_served(s, *t)) continue;
        std::string key = tlsa_record_key(prev->names[prev_set->owner].wire, prev->rdata(rec));
        if (std::find(now_keys.begin(), now_keys.end(), key) != now_keys.end()) continue;
        Finding& f = out.report(*prev, rec, cat("service ", s.label(), ": ", tlsa_params(*t), " at ",
                                                prev->owner_text(rec), " matches the key still served (",
                                                !s.chains.empty() ? s.chains[0].path : s.keys[0].path,
                                                ") but is removed in ", ws.zones[zi]->files[0]));
        f.related.emplace_back(SourceLoc{ws.zones[zi]->files[0], 0, 0, 0}, "zone about to be published");
      }
    }
  }
}

}  // namespace

extern const Rule kRoll004{
    .info = {.id = "ROLL004", .name = "rollover-retire-early", .severity = Severity::Error, .since = "0.1.0",
             .summary = "a TLSA record for a key that is still served is removed",
             .rationale = "A record may be retired only after the server has stopped presenting its key, and the "
                          "key may only stop being served after the new record has been published for two TTLs "
                          "(RFC 7671 §8.4). Removing the record of the key still in use breaks authentication for "
                          "every sender that fetches the new RRset. The finding points at the removed record in "
                          "the previous zone version.",
             .fix = "Keep the record until the server presents the new key; remove it in a later step.",
             .bad_example = "previous zone: 3 1 1 <served key> and 3 1 1 <next key>; new zone: only 3 1 1 <next "
                            "key> while the server still presents the old key",
             .good_example = "the old record removed after the server switched to the next key",
             .references = "RFC 7671 §8.4; RFC 7672 §4",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
