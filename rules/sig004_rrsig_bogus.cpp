#include "lint/dnssec/analysis.hpp"
#include "lint/dnssec/grouping.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    for (const dnssec::SigEntry& e : zd.sigs) {
      if (e.status != dnssec::SigStatus::Bogus && e.status != dnssec::SigStatus::BadLabels) continue;
      const Record& rec = z.records[e.record];
      auto sig = decode_rrsig(z.rdata(rec));
      if (!sig) continue;
      if (e.status == dnssec::SigStatus::BadLabels) {
        out.report(z, rec, cat(dnssec::describe_rrsig(z, rec, *sig), " has labels ", int(sig->labels),
                               ", more than the owner's ", z.names[rec.owner].label_count(), " labels"));
        continue;
      }
      Finding& f = out.report(z, rec, cat(dnssec::describe_rrsig(z, rec, *sig), " does not verify with DNSKEY ",
                                          sig->key_tag, " over the RRset"));
      if (e.key >= 0) f.related.emplace_back(z.loc(z.records[zd.keys[e.key].record]), cat("DNSKEY ", sig->key_tag));
      if (e.rrset != UINT32_MAX)
        f.related.emplace_back(z.loc(z.records[z.rrsets()[e.rrset].records.front()]),
                               cat("the ", type_name(sig->type_covered), " RRset it covers"));
    }
  }
}

}  // namespace

extern const Rule kSig004{
    .info = {.id = "SIG004", .name = "rrsig-bogus", .severity = Severity::Error, .since = "0.1.0",
             .summary = "RRSIG does not verify over its RRset with the DNSKEY it names",
             .rationale = "A validator that cannot verify any signature over an RRset treats it as bogus and "
                          "answers SERVFAIL (RFC 4035 §5.3). A record edited after signing, a corrupted copy or a "
                          "signer bug all look like this.",
             .fix = "Re-sign the zone from its unsigned source; never edit signed records by hand.",
             .bad_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 2 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN RRSIG SOA 15 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .good_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN RRSIG SOA 15 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .references = "RFC 4034 §3.1.8.1, §6; RFC 4035 §5.3"},
    .check = &check};

}  // namespace danelint::rules
