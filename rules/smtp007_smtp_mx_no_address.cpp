#include <ldns/ldns.h>

#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const MxHosts& mx = MxHosts::shared(ctx.workspace());
  for (const MxHost& h : mx.hosts) {
    if (h.malformed || h.root) continue;
    if (h.chain_loop || !(h.tlsa_at_host || h.tlsa_at_target)) continue;
    if (!h.host_in_zone) continue;  // addresses live in another zone
    if (h.host_has_address) continue;
    const ZoneModel& zone = *ctx.zones()[h.zone];
    const ZoneSet::Chain c = mx.chain(h);
    const std::string &target = c.names.front(), &host = c.names.back();
    out.report(zone, zone.records[h.record],
               cat("MX host ", name_to_text(target), host != target ? cat(" (alias of ", name_to_text(host), ")") : "",
                   " has TLSA records but no A or AAAA records in the zone"));
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
    .check = &check,
    .shared_analysis = "mx-hosts"};

}  // namespace danelint::rules
