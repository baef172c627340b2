#include <ldns/ldns.h>

#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// TLSA for an MX host: at _25._tcp. of its final CNAME target, else of the name itself (RFC 7672 §2.2.3).
bool host_has_tlsa(const ZoneSet& zs, const std::string& host) {
  ZoneSet::Chain c = zs.follow(host);
  return zs.has(smtp_tlsa_owner(c.names.back()), LDNS_RR_TYPE_TLSA) ||
         zs.has(smtp_tlsa_owner(host), LDNS_RR_TYPE_TLSA) || zs.cname(smtp_tlsa_owner(host));
}

void check(const LintContext& ctx, FindingSink& out) {
  const ZoneSet& zs = ZoneSet::shared(ctx.workspace());
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (const RRset& set : zone.rrsets()) {
      if (set.type != LDNS_RR_TYPE_MX || !zone.is_authoritative(set.owner)) continue;
      std::vector<std::pair<uint32_t, std::string>> without;
      std::string with;
      for (uint32_t i : set.records) {
        auto t = mx_target(zone.rdata(zone.records[i]));
        if (!t || *t == std::string(1, '\0')) continue;
        if (zs.find(*t).where != ZoneSet::Where::InZone) continue;  // only hosts in the zones given
        if (host_has_tlsa(zs, *t)) {
          if (with.empty()) with = name_to_text(*t);
        } else {
          without.emplace_back(i, *t);
        }
      }
      if (with.empty()) continue;
      for (const auto& [i, t] : without)
        out.report(zone, zone.records[i], cat("MX host ", name_to_text(t), " of ", zone.owner_text(zone.records[i]),
                                              " has no TLSA records while MX host ", with, " has"));
    }
  }
}

}  // namespace

extern const Rule kSmtp005{
    .info = {.id = "SMTP005", .name = "smtp-mx-without-tlsa", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "some MX hosts of a domain have TLSA records and others, in the zones given, do not",
             .rationale = "A DANE sender authenticates each MX host separately (RFC 7672 §2.2.1). An MX host "
                          "without TLSA is reached with unauthenticated TLS, so an attacker who can steer "
                          "delivery to it bypasses the protection the other hosts have. Usually a host was "
                          "forgotten when TLSA records were added.",
             .fix = "Publish TLSA records for every MX host (`danelint gen` from each host's certificate).",
             .exceptions = "A deliberately staged deployment, one MX host at a time.",
             .bad_example = "example. 3600 IN MX 10 mx1.example.\n"
                            "example. 3600 IN MX 20 mx2.example.\n"
                            "mx1.example. 3600 IN A 192.0.2.1\n"
                            "mx2.example. 3600 IN A 192.0.2.2\n"
                            "_25._tcp.mx1.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "example. 3600 IN MX 10 mx1.example.\n"
                             "example. 3600 IN MX 20 mx2.example.\n"
                             "mx1.example. 3600 IN A 192.0.2.1\n"
                             "mx2.example. 3600 IN A 192.0.2.2\n"
                             "_25._tcp.mx1.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
                             "_25._tcp.mx2.example. 3600 IN TLSA 3 1 1 cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
             .references = "RFC 7672 §2.2.1"},
    .check = &check};

}  // namespace danelint::rules
