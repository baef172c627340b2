#include <ldns/ldns.h>

#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const ZoneSet& zs = ZoneSet::shared(ctx.workspace());
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (const Record& rec : zone.records) {
      if (rec.type != LDNS_RR_TYPE_MX || !zone.is_authoritative(rec.owner)) continue;
      auto t = mx_target(zone.rdata(rec));
      if (!t || *t == std::string(1, '\0')) continue;
      ZoneSet::Chain c = zs.follow(*t);
      const std::string& host = c.names.back();
      if (c.loop || !(zs.has(smtp_tlsa_owner(host), LDNS_RR_TYPE_TLSA) || zs.has(smtp_tlsa_owner(*t), LDNS_RR_TYPE_TLSA)))
        continue;
      if (zs.find(host).where != ZoneSet::Where::InZone) continue;  // addresses live in another zone
      if (zs.has(host, LDNS_RR_TYPE_A) || zs.has(host, LDNS_RR_TYPE_AAAA)) continue;
      out.report(zone, rec, cat("MX host ", name_to_text(*t), host != *t ? cat(" (alias of ", name_to_text(host), ")") : "",
                                " has TLSA records but no A or AAAA records in the zone"));
    }
  }
}

}  // namespace

extern const Rule kSmtp007{
    .info = {.id = "SMTP007", .name = "smtp-mx-no-address", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "MX host with TLSA records but no A or AAAA records in the zone",
             .rationale = "A sender can only connect to an MX host that has addresses (RFC 7672 §2.2.1; RFC 5321 "
                          "§5.1). Records at a host without addresses protect nothing, and usually mean a typo in "
                          "the host name or addresses published under another name.",
             .fix = "Add the host's A/AAAA records, or correct the MX target or TLSA owner name.",
             .exceptions = "Addresses published in another zone that is not linted together with this one.",
             .bad_example = "example. 3600 IN MX 10 mx.example.\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "example. 3600 IN MX 10 mx.example.\n"
                             "mx.example. 3600 IN AAAA 2001:db8::25\n"
                             "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §2.2.1; RFC 5321 §5.1"},
    .check = &check};

}  // namespace danelint::rules
