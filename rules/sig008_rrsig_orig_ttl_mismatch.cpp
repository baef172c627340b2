#include "lint/dnssec/analysis.hpp"
#include "lint/dnssec/grouping.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    for (const dnssec::SigEntry& e : an.zones[zi].sigs) {
      if (e.rrset == UINT32_MAX) continue;
      const Record& rec = z.records[e.record];
      auto sig = decode_rrsig(z.rdata(rec));
      if (!sig) continue;
      // RFC 4034 §3.1.4: the original TTL is the TTL of the covered RRset as it appears in the zone.
      for (uint32_t r : z.rrsets()[e.rrset].records) {
        if (z.records[r].ttl == sig->original_ttl) continue;
        Finding& f = out.report(z, rec, cat(dnssec::describe_rrsig(z, rec, *sig), " has original TTL ",
                                            sig->original_ttl, " but the RRset's TTL is ", z.records[r].ttl));
        f.related.emplace_back(z.loc(z.records[r]), cat("TTL ", z.records[r].ttl));
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kSig008{
    .info = {.id = "SIG008", .name = "rrsig-orig-ttl-mismatch", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "RRSIG original TTL differs from the TTL of the RRset it covers",
             .rationale = "The original TTL is the TTL the RRset was signed with (RFC 4034 §3.1.4). A difference "
                          "means the TTL was edited after signing; validators still verify with the original TTL "
                          "but cap the TTL to it, and some resolvers and tools treat the mismatch as an error.",
             .fix = "Change TTLs in the unsigned source and re-sign the zone.",
             .bad_example = "example. 300 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4034 §3.1.4; RFC 4035 §5.3.3"},
    .check = &check};

}  // namespace danelint::rules
