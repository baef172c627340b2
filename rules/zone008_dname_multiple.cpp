#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (const RRset& set : zone->rrsets()) {
      if (set.type != LDNS_RR_TYPE_DNAME || !zone->is_authoritative(set.owner)) continue;
      auto distinct = distinct_records(*zone, set);
      for (size_t i = 1; i < distinct.size(); ++i) {
        Finding& f = out.report(*zone, zone->records[distinct[i]],
                                cat("another DNAME at ", name_to_text(zone->names[set.owner].wire), " (",
                                    distinct.size(), " distinct DNAME records)"));
        f.related.emplace_back(zone->loc(zone->records[distinct[0]]), "first DNAME record");
      }
    }
  }
}

}  // namespace

extern const Rule kZone008{
    .info = {.id = "ZONE008", .name = "dname-multiple", .severity = Severity::Error, .since = "0.1.0",
             .summary = "more than one DNAME at an owner",
             .rationale = "A subtree can be redirected to only one target (RFC 6672 §2.4): with several DNAMEs "
                          "name servers refuse the zone or rewrite names at random.",
             .fix = "Keep one DNAME per owner.",
             .bad_example = "old 3600 IN DNAME a.example.\nold 3600 IN DNAME b.example.",
             .good_example = "old 3600 IN DNAME a.example.",
             .references = "RFC 6672 §2.4"},
    .check = &check};

}  // namespace danelint::rules
