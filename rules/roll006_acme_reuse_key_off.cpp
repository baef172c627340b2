#include <ldns/ldns.h>

#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  for (const RenewalConfig& rc : ws.renewals) {
    if (rc.reuse_key || rc.service >= ws.services.size()) continue;
    const Service& s = ws.services[rc.service];
    if (!s.spec.next_keys.empty()) continue;  // a staged next key: the renewal uses it
    ServiceTlsa st = find_service_tlsa(ws, s.tlsa_owner_wire());
    if (!st.set) continue;
    const ZoneModel& zone = *ws.zones[static_cast<size_t>(st.zone)];
    bool ee = false, ta = false;
    for (uint32_t i : st.set->records)
      if (auto t = decode_tlsa(zone.rdata(zone.records[i]))) {
        ee = ee || t->usage == 3;
        ta = ta || t->usage == 2;
      }
    if (!ee || ta) continue;
    Finding& f = out.report(SourceLoc{rc.path, rc.reuse_key_line, rc.reuse_key_line, 0},
                            cat("service ", s.label(), ": certbot renewal config ",
                                rc.reuse_key_line ? "sets reuse_key off" : "lacks reuse_key = True",
                                "; the next renewal makes a new key that no DANE-EE record at ",
                                name_to_text(zone.names[st.set->owner].wire), " matches"));
    f.owner = s.label();
    f.related.emplace_back(zone.loc(zone.records[st.set->first()]), "DANE-EE records");
  }
}

}  // namespace

extern const Rule kRoll006{
    .info = {.id = "ROLL006", .name = "acme-reuse-key-off", .severity = Severity::Error, .since = "0.1.0",
             .summary = "certbot renewal config lacks reuse_key = True while DANE-EE has no next key",
             .rationale = "certbot makes a new private key at every renewal unless reuse_key is set. With DANE-EE "
                          "(3 1 1) records and no staged next key, the renewed certificate matches no published "
                          "record and DANE mail delivery fails from the moment the server reloads (RFC 7671 §8.1). "
                          "The [[service]] key certbot_renewal names the renewal/<name>.conf file to check.",
             .fix = "Set `reuse_key = True` in the [renewalparams] section (certbot --reuse-key), or stage a next "
                    "key (next_keys) and publish its record before renewals switch keys.",
             .bad_example = "renewal/mx.example.conf without reuse_key, and _25._tcp.mx.example. IN TLSA 3 1 1 ...",
             .good_example = "[renewalparams]\nreuse_key = True",
             .references = "RFC 7671 §8.1; certbot documentation (--reuse-key)",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
