#include <ldns/ldns.h>

#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      if (!single_dane_ee_key(zone, set)) continue;
      // Most TLSA RRsets of a zone may say this: the message reuses the finding's owner text.
      Finding& f = out.report(zone, zone.records[set.first()], {});
      f.message = cat("TLSA RRset at ", f.owner, " names a single DANE-EE key and no next key or DANE-TA trust anchor");
    }
  }
}

}  // namespace

extern const Rule kRoll001{
    .info = {.id = "ROLL001", .name = "rollover-no-next", .severity = Severity::Info, .since = "0.1.0",
             .summary = "a single DANE-EE key and no next key or trust anchor published",
             .rationale = "When the server key changes, the new key must already be in the TLSA RRset for at least "
                          "two TTLs, or senders that cached the old RRset fail to authenticate (RFC 7672 §4; "
                          "RFC 7671 §8.1). A TLSA RRset that names only the current key leaves no room for an "
                          "unplanned or automated key change.",
             .fix = "Stage the next key now and publish its 3 1 1 record next to the current one (`danelint gen "
                    "--next-key`), or add a 2 1 1 record for the issuing CA as a fallback.",
             .exceptions = "Keys that never change (reuse_key) with a documented manual rollover procedure.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
                             "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
             .references = "RFC 7672 §4; RFC 7671 §8.1"},
    .check = &check};

}  // namespace danelint::rules
