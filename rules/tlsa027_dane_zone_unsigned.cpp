#include <ldns/ldns.h>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// Only zones whose [[zone]] entry says how they are published: "offline" means the file is what goes
// out, so an unsigned file publishes unsigned TLSA records; "online" zones are signed by the server.
void check(const LintContext& ctx, FindingSink& out) {
  const Workspace& ws = ctx.workspace();
  for (size_t i = 0; i < ws.zones.size(); ++i) {
    const ZoneModel& zone = *ws.zones[i];
    if (zone.unreadable || ws.signing_of(i) != ZoneSigning::Offline || zone.is_signed()) continue;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      const Record& rec = zone.records[set.first()];
      out.report(zone, rec, cat("TLSA at ", zone.owner_text(rec), " in ", zone.origin_text(),
                                ", an unsigned zone published as is (signing = \"offline\"): clients ignore TLSA "
                                "without DNSSEC"));
    }
  }
}

}  // namespace

extern const Rule kTlsa027{
    .info = {.id = "TLSA027", .name = "dane-zone-unsigned", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA records in a zone that will not be DNSSEC-signed",
             .rationale = "DANE clients use TLSA records only when they validate as secure (RFC 6698 §4.1; "
                          "RFC 7672 §2.2.3). In an unsigned zone the records are ignored and DANE is silently off, "
                          "while the records suggest otherwise. The rule applies to zones listed in the deployment "
                          "file with signing = \"offline\" (the default): the file as given is what gets published. "
                          "Zones with signing = \"online\" are signed by the server and are skipped.",
             .fix = "Sign the zone before publishing it (dnssec-signzone, ldns-signzone, kzonesign), or declare "
                    "signing = \"online\" in its [[zone]] entry if the server signs it.",
             .bad_example = "[[zone]] file = \"example.zone\" (unsigned, signing = \"offline\") holding\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abab...",
             .good_example = "the same zone with signing = \"online\", or signed by dnssec-signzone",
             .references = "RFC 6698 §4.1; RFC 7672 §2.2.3",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
