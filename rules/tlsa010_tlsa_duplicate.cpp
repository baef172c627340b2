#include <string>
#include <unordered_map>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (uint32_t k : zone->rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone->rrsets()[k];
      // Keyed by the RDATA bytes (hashing, not ordering: GCC 12 -O3 misreports ordered byte-vector compares).
      std::unordered_map<std::string, const Record*> seen;
      for (uint32_t idx : set.records) {  // file order: the first occurrence is seen first
        const Record& rec = zone->records[idx];
        auto rd = zone->rdata(rec);
        auto [it, fresh] = seen.emplace(std::string(reinterpret_cast<const char*>(rd.data()), rd.size()), &rec);
        if (fresh) continue;
        auto t = decode_tlsa(rd);
        Finding& f = out.report(*zone, rec, cat(tlsa_params(*t), " record appears twice in the RRset"));
        f.related.emplace_back(zone->loc(*it->second), "first occurrence");
      }
    }
  }
}

}  // namespace

extern const Rule kTlsa010{
    .info = {.id = "TLSA010", .name = "tlsa-duplicate", .severity = Severity::Info, .since = "0.1.0",
             .summary = "the same TLSA record twice in one RRset",
             .rationale = "Servers collapse duplicate records, so the copy adds nothing; it often means a renewal "
                          "script appended the record instead of replacing the RRset.",
             .fix = "Remove the duplicate; have the renewal script replace the whole RRset.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "Internet.nl #1206"},
    .check = &check};

}  // namespace danelint::rules
