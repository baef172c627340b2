#include <ldns/ldns.h>

#include "lint/dane.hpp"
#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// A TLSA owner (_port._proto.host) that is an alias: the TLSA RRset is whatever the chain ends in.
void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  const ZoneSet& zs = ZoneSet::shared(ws);
  // is_signed() looks at every record of the zone: asked once per zone, not once per CNAME.
  std::vector<int8_t> zone_signed(ws.zones.size(), -1);
  auto is_signed = [&](size_t z) {
    if (zone_signed[z] < 0) zone_signed[z] = ws.zones[z]->is_signed();
    return zone_signed[z] == 1;
  };
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (const Record& rec : zone.records) {
      if (rec.type != LDNS_RR_TYPE_CNAME || !zone.is_authoritative(rec.owner)) continue;
      if (parse_tlsa_owner(zone.owner(rec).canonical).form != TlsaOwner::Form::Valid) continue;
      ZoneSet::Chain chain = zs.follow(zone.owner(rec).canonical);
      const std::string& last = chain.names.back();
      std::string why;
      if (chain.loop) {
        why = "the CNAME chain loops";
      } else {
        ZoneSet::Lookup l = zs.find(last);
        if (l.where == ZoneSet::Where::NotLoaded)
          why = cat("the chain ends at ", name_to_text(last), ", outside the zones given");
        else if (l.where == ZoneSet::Where::BelowCut)
          why = cat("the chain ends at ", name_to_text(last), ", below a delegation of ",
                    ws.zones[static_cast<size_t>(l.zone)]->origin_text(), ", outside the zones given");
        else if (!zs.has(last, LDNS_RR_TYPE_TLSA))
          why = cat("the chain ends at ", name_to_text(last), ", which has no TLSA records");
        else if (!is_signed(static_cast<size_t>(l.zone)) &&
                 ws.signing_of(static_cast<size_t>(l.zone)) == ZoneSigning::Offline)
          why = cat("the chain ends at ", name_to_text(last), " in ", ws.zones[static_cast<size_t>(l.zone)]->origin_text(),
                    ", which will not be signed");
      }
      if (why.empty()) continue;
      out.report(zone, rec, cat("TLSA owner ", zone.owner_text(rec), " is a CNAME to ",
                                name_to_text(chain.names.size() > 1 ? chain.names[1] : last), "; ", why));
    }
  }
}

}  // namespace

extern const Rule kTlsa026{
    .info = {.id = "TLSA026", .name = "tlsa-cname-dangling", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA owner is a CNAME whose target has no TLSA records, or leaves the zones given",
             .rationale = "A TLSA owner may be an alias (RFC 6698 §3; RFC 7672 §2.2.3), but then the records come "
                          "from the end of the chain. If that name has no TLSA RRset, or lies in a zone that is not "
                          "signed, DANE is silently off or, with a bogus answer, mail is deferred. danelint can only "
                          "vouch for chains that end in the zones it is given.",
             .fix = "Publish the TLSA records at the CNAME target (in a signed zone), or replace the CNAME with the "
                    "TLSA records themselves; lint the target zone together with this one.",
             .exceptions = "A target in a signed zone that is linted separately.",
             .bad_example = "_25._tcp.mx.example. 3600 IN CNAME _25._tcp.host.example.\n"
                            "host.example. 3600 IN A 192.0.2.1",
             .good_example = "_25._tcp.mx.example. 3600 IN CNAME _25._tcp.host.example.\n"
                             "_25._tcp.host.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §2.2.3; RFC 6698 §3"},
    .check = &check};

}  // namespace danelint::rules
