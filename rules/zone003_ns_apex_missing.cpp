#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    auto apex = zone->apex();
    // Nothing at the apex at all: soa-missing already names the problem (likely a wrong origin).
    if (!apex) continue;
    if (zone->find_rrset(*apex, LDNS_RR_TYPE_NS)) continue;
    auto first = first_record_at(*zone, *apex);
    if (!first) continue;
    out.report(*zone, zone->records[*first], cat("no NS records at the zone apex ", zone->origin_text()));
  }
}

}  // namespace

extern const Rule kZone003{
    .info = {.id = "ZONE003", .name = "ns-apex-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "no NS RRset at the apex",
             .rationale = "The apex NS RRset names the zone's authoritative servers (RFC 1034 §4.2.1); name "
                          "servers refuse a zone without it, and resolvers need it to follow referrals.",
             .fix = "Add the NS records of the zone's name servers at the apex, matching the delegation in "
                    "the parent.",
             .bad_example = "@ 3600 IN SOA ns.example.net. hostmaster.example. 1 7200 3600 1209600 3600",
             .good_example = "@ 3600 IN SOA ns.example.net. hostmaster.example. 1 7200 3600 1209600 3600\n"
                             "@ 3600 IN NS ns.example.net.",
             .references = "RFC 1034 §4.2.1; RFC 1035 §5.2"},
    .check = &check};

}  // namespace danelint::rules
