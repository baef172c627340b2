#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    if (zone->unreadable) continue;  // input-unreadable says it all
    auto apex = zone->apex();
    if (apex && zone->find_rrset(*apex, LDNS_RR_TYPE_SOA)) continue;
    std::string msg = cat("no SOA record at the zone apex ", zone->origin_text(), " (origin from ",
                          zone->origin_source, ")");
    if (apex) {
      if (auto first = first_record_at(*zone, *apex)) {
        out.report(*zone, zone->records[*first], std::move(msg));
        continue;
      }
    }
    Finding& f = out.report(SourceLoc{zone->files.empty() ? std::string() : zone->files[0], 1, 1, 0}, std::move(msg));
    f.owner = zone->origin_text();
    f.type = "SOA";
  }
}

}  // namespace

extern const Rule kZone001{
    .info = {.id = "ZONE001", .name = "soa-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "no SOA at the zone apex",
             .rationale = "Every zone starts with exactly one SOA record at its apex (RFC 1035 §5.2). Without it "
                          "name servers refuse to load the zone, and the file's origin may not be what was meant.",
             .fix = "Add the SOA record at the apex, or pass the right --origin if the file's names are relative.",
             .bad_example = "@ 3600 IN NS ns.example.net.",
             .good_example = "@ 3600 IN SOA ns.example.net. hostmaster.example. 1 7200 3600 1209600 3600\n"
                             "@ 3600 IN NS ns.example.net.",
             .references = "RFC 1035 §5.2; RFC 1034 §4.2.1"},
    .check = &check};

}  // namespace danelint::rules
