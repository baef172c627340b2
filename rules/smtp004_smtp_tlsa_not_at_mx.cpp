#include <ldns/ldns.h>

#include <algorithm>

#include "lint/dane.hpp"
#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// RFC 7672 §2.2.3: SMTP clients look up TLSA at _25._tcp.<MX host>, never at the mail domain. A TLSA
// RRset at _25._tcp.<domain> where <domain> has an MX RRset that points elsewhere is never used.
void check(const LintContext& ctx, FindingSink& out) {
  const ZoneSet& zs = ZoneSet::shared(ctx.workspace());
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      TlsaOwner o = parse_tlsa_owner(zone.names[set.owner].canonical);
      if (!is_smtp_owner(o)) continue;
      const std::string_view base = o.base_wire;  // lower case: cut from the canonical owner
      ZoneSet::Lookup l = zs.find(base);
      if (l.where != ZoneSet::Where::InZone || !l.name) continue;
      const ZoneModel& hz = *ctx.zones()[static_cast<size_t>(l.zone)];
      const RRset* mx = hz.find_rrset(*l.name, LDNS_RR_TYPE_MX);
      if (!mx) continue;
      std::vector<std::string> targets;
      bool self = false;
      for (uint32_t i : mx->records)
        if (auto t = mx_target(hz.rdata(hz.records[i]))) {
          self = self || *t == base;
          targets.push_back(name_to_text(*t));
        }
      if (self || targets.empty()) continue;
      std::sort(targets.begin(), targets.end());
      std::string list;
      for (const std::string& t : targets) list += (list.empty() ? "" : ", ") + t;
      const Record& rec = zone.records[set.first()];
      out.report(zone, rec, cat("TLSA at ", zone.owner_text(rec), ", but ", name_to_text(base),
                                " is a mail domain whose MX points to ", list, "; clients look up TLSA at "
                                "_25._tcp. of each MX host"));
    }
  }
}

}  // namespace

extern const Rule kSmtp004{
    .info = {.id = "SMTP004", .name = "smtp-tlsa-not-at-mx", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA at _25._tcp.<mail domain> while the domain's MX points to other hosts",
             .rationale = "DANE for SMTP looks up TLSA records at _25._tcp. of each MX host name (after CNAME "
                          "expansion), never at the mail domain itself unless it is its own MX host (RFC 7672 "
                          "§2.2.3). Records at the mail domain protect nothing, and the MX hosts stay without DANE.",
             .fix = "Publish the TLSA records at _25._tcp.<MX host> for every MX host (`danelint gen`), and remove "
                    "them from the mail domain.",
             .bad_example = "example. 3600 IN MX 10 mx.example.\n"
                            "mx.example. 3600 IN A 192.0.2.1\n"
                            "_25._tcp.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "example. 3600 IN MX 10 mx.example.\n"
                             "mx.example. 3600 IN A 192.0.2.1\n"
                             "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §2.2.3"},
    .check = &check};

}  // namespace danelint::rules
