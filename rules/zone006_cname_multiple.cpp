#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (const RRset& set : zone->rrsets()) {
      if (set.type != LDNS_RR_TYPE_CNAME || !zone->is_authoritative(set.owner)) continue;
      auto distinct = distinct_records(*zone, set);
      for (size_t i = 1; i < distinct.size(); ++i) {
        Finding& f = out.report(*zone, zone->records[distinct[i]],
                                cat("another CNAME at ", name_to_text(zone->names[set.owner].wire), " (",
                                    distinct.size(), " distinct CNAME records)"));
        f.related.emplace_back(zone->loc(zone->records[distinct[0]]), "first CNAME record");
      }
    }
  }
}

}  // namespace

extern const Rule kZone006{
    .info = {.id = "ZONE006", .name = "cname-multiple", .severity = Severity::Error, .since = "0.1.0",
             .summary = "more than one CNAME at an owner",
             .rationale = "A name can be an alias of only one other name (RFC 2181 §10.1): with several CNAMEs "
                          "name servers refuse the zone or pick one at random.",
             .fix = "Keep one CNAME; if the name must lead to several hosts, use address records instead.",
             .bad_example = "www 3600 IN CNAME a.example.net.\nwww 3600 IN CNAME b.example.net.",
             .good_example = "www 3600 IN CNAME a.example.net.",
             .references = "RFC 2181 §10.1; RFC 1034 §3.6.2"},
    .check = &check};

}  // namespace danelint::rules
