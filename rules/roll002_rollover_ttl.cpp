#include <ldns/ldns.h>

#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.name = "max-ttl", .kind = OptionKind::Duration, .default_value = "1d",
     .help = "Largest TLSA TTL that still allows a timely rollover"},
};

void check(const LintContext& ctx, FindingSink& out) {
  const int64_t max_ttl = ctx.duration_option("max-ttl");
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      uint32_t ttl = rrset_ttl(zone, set);
      if (ttl <= max_ttl) continue;
      const Record& rec = zone.records[set.first()];
      out.report(zone, rec, cat("TLSA RRset at ", zone.owner_text(rec), " has TTL ", ttl, " (",
                                format_duration(ttl), "), over ", format_duration(max_ttl),
                                "; a key switch must wait ", format_duration(2 * int64_t{ttl})));
    }
  }
  // A declared switch wait ([[service]] switch_wait) shorter than two TTLs of the service's TLSA RRset.
  const Workspace& ws = ctx.workspace();
  for (const Service& s : ws.services) {
    if (s.spec.switch_wait < 0) continue;
    ServiceTlsa st = find_service_tlsa(ws, s.tlsa_owner_wire());
    if (!st.set) continue;
    const ZoneModel& zone = *ws.zones[static_cast<size_t>(st.zone)];
    int64_t need = 2 * int64_t{rrset_ttl(zone, *st.set)};
    if (s.spec.switch_wait >= need) continue;
    const Record& rec = zone.records[st.set->first()];
    Finding& f = out.report(SourceLoc{s.spec.origin_file, s.spec.switch_wait_line, s.spec.switch_wait_line, 0},
                            cat("service ", s.label(), ": switch_wait ", format_duration(s.spec.switch_wait),
                                " is shorter than 2 x TTL of its TLSA RRset (", format_duration(need), ", TTL ",
                                rrset_ttl(zone, *st.set), ")"));
    f.owner = s.label();
    f.type = "TLSA";
    f.related.emplace_back(zone.loc(rec), cat("TLSA RRset at ", zone.owner_text(rec)));
  }
}

}  // namespace

extern const Rule kRoll002{
    .info = {.id = "ROLL002", .name = "rollover-ttl", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "TLSA TTL over one day, or a declared switch wait shorter than 2 x TTL",
             .rationale = "Caches keep a TLSA RRset for its TTL, so a new key may only be put into service once "
                          "its record has been published for at least two TTLs (RFC 7671 §8.1). Long TTLs make "
                          "every rollover, and every emergency key change, take days; a planned switch wait "
                          "(switch_wait in [[service]]) below two TTLs breaks delivery from senders with the old "
                          "RRset cached.",
             .fix = "Lower the TLSA TTL (an hour is common), or lengthen switch_wait to at least twice the TTL.",
             .bad_example = "_25._tcp.mx.example. 172800 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7671 §8.1; RFC 7672 §4",
             .options = kOptions},
    .check = &check};

}  // namespace danelint::rules
