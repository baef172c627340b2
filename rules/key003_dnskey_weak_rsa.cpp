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
      if (k.key.bits == 0 || k.key.bits >= 2048) continue;  // not RSA, or strong enough
      Finding& f = out.report(z, z.records[k.record],
                              cat("DNSKEY ", k.tag, " (", algorithm_name(k.algorithm), ") has a ", k.key.bits,
                                  "-bit RSA modulus", k.key.bits < 1024 ? ", below 1024 bits" : ", below 2048 bits"));
      f.severity = k.key.bits < 1024 ? Severity::Error : Severity::Warning;
    }
  }
}

}  // namespace

extern const Rule kKey003{
    .info = {.id = "KEY003", .name = "dnskey-weak-rsa", .severity = Severity::Error, .split_severity = true,
             .since = "0.1.0",
             .summary = "RSA DNSKEY modulus below 1024 bits (error) or below 2048 bits (warning)",
             .rationale = "RSA keys under 1024 bits can be factored with modest resources; 1024-bit keys are below "
                          "current guidance (NIST SP 800-57 asks for 2048 bits), and some validators refuse short "
                          "keys (RFC 8624 §3.1).",
             .fix = "Roll to a 2048-bit RSA key, or better to ECDSAP256SHA256 or ED25519.",
             .bad_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 8 AwEAAZjn1QyREaQkxcf6+wkW03H3pAppQaOsLhOo9O2RAYBar4PwMuyi46+POXblnJy5Et82pfXxEZkRjGYdVCqg2E6oxlfAlVoakLI7rfFUwOKHiZVps9HMjbQ3zjAWdQM1eQjEVKWimIKxPG2q0IkLgDMflkeKPVtRyoe/YNztDwPP\n"
                            "example. 3600 IN RRSIG SOA 8 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .good_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN RRSIG SOA 15 1 3600 20350101000000 20250101000000 51312 example. meRigP2B98fzG0abYysA65avFodM7qcB+SQijEueP/e5FSWRtqSwaQF0f0Go4Cw2mz75Ib9YrpUcmnX/+eAxBg==",
             .references = "RFC 8624 §3.1; NIST SP 800-57 Part 1"},
    .check = &check};

}  // namespace danelint::rules
