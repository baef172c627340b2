#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    auto apex = zone->apex();
    if (!apex) continue;
    const RRset* soa = zone->find_rrset(*apex, LDNS_RR_TYPE_SOA);
    if (!soa) continue;
    // A byte-identical copy is the same record (RFC 2181 §5) and collapses; only distinct ones count.
    auto distinct = distinct_records(*zone, *soa);
    for (size_t i = 1; i < distinct.size(); ++i) {
      const Record& rec = zone->records[distinct[i]];
      Finding& f = out.report(*zone, rec, cat("second SOA record at the apex ", zone->origin_text(), " (",
                                              distinct.size(), " distinct SOA records)"));
      f.related.emplace_back(zone->loc(zone->records[distinct[0]]), "first SOA record");
    }
  }
}

}  // namespace

extern const Rule kZone002{
    .info = {.id = "ZONE002", .name = "soa-multiple", .severity = Severity::Error, .since = "0.1.0",
             .summary = "more than one SOA record at the apex",
             .rationale = "A zone has exactly one SOA record (RFC 1035 §5.2); an SOA RRset of several records is "
                          "refused by name servers or served with an arbitrary serial, which breaks zone transfers.",
             .fix = "Keep one SOA record; usually an old one was left behind when the serial was bumped.",
             .exceptions = "A byte-identical copy of the SOA is the same record and is not reported.",
             .bad_example = "@ 3600 IN SOA ns.example.net. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "@ 3600 IN NS ns.example.net.\n"
                            "@ 3600 IN SOA ns.example.net. hostmaster.example. 2 7200 3600 1209600 3600",
             .good_example = "@ 3600 IN SOA ns.example.net. hostmaster.example. 2 7200 3600 1209600 3600\n"
                             "@ 3600 IN NS ns.example.net.",
             .references = "RFC 1035 §5.2; RFC 2181 §5"},
    .check = &check};

}  // namespace danelint::rules
