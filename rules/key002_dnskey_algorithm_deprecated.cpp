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
    for (const dnssec::KeyEntry& k : zd.keys) {
      // RFC 8624 §3.1: 1, 3, 6, 12 MUST NOT be used for signing; 5, 7, 10 NOT RECOMMENDED.
      Severity sev;
      std::string_view why;
      switch (k.algorithm) {
        case 1: case 3: case 6: case 12: sev = Severity::Error; why = "must not be used for signing"; break;
        case 5: case 7: case 10: sev = Severity::Warning; why = "is not recommended for signing"; break;
        default: continue;
      }
      Finding& f = out.report(z, z.records[k.record], cat("DNSKEY ", k.tag, " uses algorithm ", int(k.algorithm), " (",
                                                          algorithm_name(k.algorithm), "), which ", why, " (RFC 8624)"));
      f.severity = sev;
    }
  }
}

}  // namespace

extern const Rule kKey002{
    .info = {.id = "KEY002", .name = "dnskey-algorithm-deprecated", .severity = Severity::Error, .split_severity = true,
             .since = "0.1.0",
             .summary = "DNSKEY algorithm 1, 3, 6 or 12 (error) or 5, 7 or 10 (warning)",
             .rationale = "RFC 8624 §3.1 says RSAMD5, DSA, DSA-NSEC3-SHA1 and ECC-GOST must not be used for "
                          "signing, and RSASHA1, RSASHA1-NSEC3-SHA1 and RSASHA512 are not recommended. Validators "
                          "increasingly treat SHA-1 algorithms as insecure (some distributions already do), so "
                          "the zone silently loses its protection.",
             .fix = "Roll the zone to ECDSAP256SHA256 (13) or ED25519 (15) with an algorithm rollover (RFC 6781 §4.1.4).",
             .bad_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 5 AwEAAdNvgwve3V5S+gkP5J/+INDGN6+AGSq8bGE/+zVe/tJbmQp9oa+7rmo4sNCol+8SPgmvCSPusMAerVslgmdrBdTUnPcKlgefKrDWwGXLS2loZs0YckA+JQQtsSZuLxVLGtAcRaLQpqLuOddXymOCKYxnxNlcI3GU0NZQ3R8gNWKBIA+Enkm2tEVotULnFycoWjPNpys91+HWFQ1YBDlM7E4EAz14/WYNS4dZptEJVuxatO6KQWcB4Qbk+sjzuNeU+AioohhTQbwxWtP9T8Nz0V+DwREoqxKCrLYUy6y82ejaaYvTLD0XYzIc9Xl5sx20cUSNiFMmvXO+YgnMkgcDW3M=\n"
                            "example. 3600 IN RRSIG SOA 5 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .good_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN RRSIG SOA 15 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .references = "RFC 8624 §3.1; RFC 6781 §4.1.4"},
    .check = &check};

}  // namespace danelint::rules
