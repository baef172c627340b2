#include <ldns/ldns.h>

#include <optional>
#include <set>

#include "lint/dane.hpp"
#include "lint/placement.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// RFC 7672 §2.2.3: a client looks for TLSA at the fully expanded CNAME target of the host and, failing
// that, at the original name. A host name in the middle of a CNAME chain is never used for TLSA.
void check(const LintContext& ctx, FindingSink& out) {
  const ZoneSet& zs = ZoneSet::shared(ctx.workspace());
  // The names some CNAME points to, gathered when a TLSA base first turns out to be a CNAME (rare).
  std::optional<std::set<std::string, std::less<>>> targets;
  auto is_target = [&](std::string_view name) {
    if (!targets) {
      targets.emplace();
      for (const auto& z : ctx.zones())
        for (const Record& r : z->records)
          if (r.type == LDNS_RR_TYPE_CNAME && z->is_authoritative(r.owner)) {
            auto rd = z->rdata(r);
            targets->insert(ascii_lower(std::string_view(reinterpret_cast<const char*>(rd.data()), rd.size())));
          }
    }
    return targets->count(name) > 0;
  };
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      const TlsaOwner o = parse_tlsa_owner(zone.names[set.owner].canonical);
      if (o.form != TlsaOwner::Form::Valid) continue;
      const std::string_view base = o.base_wire;  // lower case: cut from the canonical owner
      const std::string* next = zs.cname(base);
      if (!next || !is_target(base)) continue;
      ZoneSet::Chain chain = zs.follow(base);
      const Record& rec = zone.records[set.first()];
      out.report(zone, rec, cat("TLSA at ", zone.owner_text(rec), ": ", name_to_text(base),
                                " is a CNAME target and itself a CNAME to ", name_to_text(*next),
                                "; clients look up TLSA under the chain's final name ", name_to_text(chain.names.back()),
                                " or at its first, never here"));
    }
  }
}

}  // namespace

extern const Rule kTlsa025{
    .info = {.id = "TLSA025", .name = "tlsa-cname-intermediate", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA records at a host in the middle of a CNAME chain, where no client looks",
             .rationale = "When a service host is an alias, DANE clients expand the CNAME chain fully and look up "
                          "TLSA at the final target, then at the original name (RFC 7672 §2.2.3). Records at a "
                          "middle hop are never queried, so the server is not DANE-authenticated as intended.",
             .fix = "Publish the TLSA records at _port._proto. of the final CNAME target (or of the name the "
                    "chain starts from), and remove them from the middle hop.",
             .bad_example = "mx.example. 3600 IN CNAME mid.example.\n"
                            "mid.example. 3600 IN CNAME host.example.\n"
                            "host.example. 3600 IN A 192.0.2.1\n"
                            "_25._tcp.mid.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "mx.example. 3600 IN CNAME mid.example.\n"
                             "mid.example. 3600 IN CNAME host.example.\n"
                             "host.example. 3600 IN A 192.0.2.1\n"
                             "_25._tcp.host.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §2.2.3; RFC 6698 §3"},
    .check = &check};

}  // namespace danelint::rules
