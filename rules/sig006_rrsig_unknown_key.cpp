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
      if (e.status != dnssec::SigStatus::NoKey) continue;
      const Record& rec = z.records[e.record];
      auto sig = decode_rrsig(z.rdata(rec));
      if (!sig) continue;
      out.report(z, rec, cat(dnssec::describe_rrsig(z, rec, *sig), ": no DNSKEY at ", z.origin_text(),
                             " has key tag ", sig->key_tag, " and algorithm ", int(sig->algorithm)));
    }
  }
}

}  // namespace

extern const Rule kSig006{
    .info = {.id = "SIG006", .name = "rrsig-unknown-key", .severity = Severity::Error, .since = "0.1.0",
             .summary = "RRSIG key tag and algorithm match no DNSKEY at the zone apex",
             .rationale = "A validator can only use a signature whose key is in the apex DNSKEY RRset (RFC 4035 "
                          "§5.3.1). A signature by a removed or never-published key is useless; if it is the only "
                          "one, the RRset is bogus.",
             .fix = "Publish the key in the DNSKEY RRset, or re-sign with the keys that are published.",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600",
             .references = "RFC 4035 §5.3.1"},
    .check = &check};

}  // namespace danelint::rules
