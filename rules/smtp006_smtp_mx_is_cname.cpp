#include <ldns/ldns.h>

#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const MxHosts& mx = MxHosts::shared(ctx.workspace());
  for (const MxHost& h : mx.hosts) {
    if (h.malformed || !h.target_cname) continue;
    const ZoneModel& zone = *ctx.zones()[h.zone];
    const Record& rec = zone.records[h.record];
    const ZoneSet::Chain c = mx.chain(h);
    out.report(zone, rec, cat("MX of ", zone.owner_text(rec), " points to ", name_to_text(c.names.front()),
                              ", a CNAME to ", name_to_text(*h.target_cname),
                              c.names.size() > 2 ? cat(" (chain ends at ", name_to_text(c.names.back()), ")") : ""));
  }
}

}  // namespace

extern const Rule kSmtp006{
    .info = {.id = "SMTP006", .name = "smtp-mx-is-cname", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "MX target is a CNAME",
             .rationale = "An MX RDATA must name a host with addresses, not an alias (RFC 2181 §10.3). Some MTAs "
                          "refuse such MX hosts, and DANE clients then look up TLSA under the expanded name first "
                          "and need every hop to be DNSSEC-signed (RFC 7671 §7; RFC 7672 §2.2.3), so the TLSA "
                          "records are easily published at the wrong name.",
             .fix = "Point the MX at the canonical host name (the CNAME's final target) and publish TLSA there.",
             .bad_example = "example. 3600 IN MX 10 mail.example.\n"
                            "mail.example. 3600 IN CNAME mx.example.\n"
                            "mx.example. 3600 IN A 192.0.2.1",
             .good_example = "example. 3600 IN MX 10 mx.example.\n"
                             "mx.example. 3600 IN A 192.0.2.1",
             .references = "RFC 2181 §10.3; RFC 7671 §7; RFC 7672 §2.2.3"},
    .check = &check,
    .shared_analysis = "mx-hosts"};

}  // namespace danelint::rules
