#include <ldns/ldns.h>

#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const MxHosts& mx = MxHosts::shared(ctx.workspace());
  for (size_t k = 0; k + 1 < mx.rrset_begin.size(); ++k) {
    std::vector<const MxHost*> without;
    std::string with;
    for (uint32_t j = mx.rrset_begin[k]; j < mx.rrset_begin[k + 1]; ++j) {
      const MxHost& h = mx.hosts[j];
      if (h.malformed || h.root) continue;
      if (!h.target_in_zone) continue;  // only hosts in the zones given
      // TLSA for an MX host: at _25._tcp. of its final CNAME target, else of the name itself (RFC 7672 §2.2.3).
      if (h.tlsa_at_host || h.tlsa_at_target || h.tlsa_cname_at_target) {
        if (with.empty()) with = name_to_text(mx.target(h));
      } else {
        without.push_back(&h);
      }
    }
    if (with.empty()) continue;
    for (const MxHost* h : without) {
      const ZoneModel& zone = *ctx.zones()[h->zone];
      const Record& rec = zone.records[h->record];
      out.report(zone, rec, cat("MX host ", name_to_text(mx.target(*h)), " of ", zone.owner_text(rec),
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
    .check = &check,
    .shared_analysis = "mx-hosts"};

}  // namespace danelint::rules
