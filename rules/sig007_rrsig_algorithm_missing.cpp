#include <set>

#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    if (!zd.has_rrsig) continue;
    // RFC 4035 §2.2: each RRset is signed with at least one key of every algorithm in the apex DNSKEY RRset.
    std::set<uint8_t> algs;
    for (const dnssec::KeyEntry& k : zd.keys)
      if (k.zone_key() && k.protocol == 3) algs.insert(k.algorithm);
    if (algs.size() == 0) continue;
    for (size_t i = 0; i < z.rrsets().size(); ++i) {
      const RRset& set = z.rrsets()[i];
      if (set.type == 46 || !z.is_authoritative(set) || zd.covering[i].empty()) continue;  // unsigned: SIG005
      std::set<uint8_t> have;
      for (uint32_t si : zd.covering[i]) {
        const dnssec::SigEntry& e = zd.sigs[si];
        if (e.status == dnssec::SigStatus::SignerNotApex || e.status == dnssec::SigStatus::Malformed) continue;
        if (auto v = decode_rrsig(z.rdata(z.records[e.record]))) have.insert(v->algorithm);
      }
      std::string missing;
      for (uint8_t a : algs)
        if (!have.count(a)) missing += cat(missing.empty() ? "" : ", ", int(a), " (", algorithm_name(a), ")");
      if (missing.empty()) continue;
      uint32_t first = set.first();
      out.report(z, z.records[first], cat(type_name(set.type), " RRset at ", z.owner_text(z.records[first]),
                                          " has no RRSIG of algorithm ", missing,
                                          " although the DNSKEY RRset holds keys of it"));
    }
  }
}

}  // namespace

extern const Rule kSig007{
    .info = {.id = "SIG007", .name = "rrsig-algorithm-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an algorithm of the DNSKEY RRset has no signature over some RRset",
             .rationale = "RFC 4035 §2.2 requires a signature of every algorithm in the apex DNSKEY RRset over "
                          "every RRset; strict validators (RFC 6840 §5.11 discusses them) fail otherwise. It "
                          "happens mid algorithm rollover or when a signer skips a key.",
             .fix = "Sign every RRset with every algorithm published in the DNSKEY RRset, or remove the "
                    "algorithm's keys only after its signatures are gone from caches.",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "example. 3600 IN DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=\n"
                             "example. 3600 IN RRSIG SOA 15 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4035 §2.2; RFC 6840 §5.11"},
    .check = &check};

}  // namespace danelint::rules
