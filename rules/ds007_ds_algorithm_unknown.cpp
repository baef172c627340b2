#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

// IANA "DNS Security Algorithm Numbers": assigned for zone signing or once assigned (1-3, 5-8, 10,
// 12-17, 23) plus the private algorithms 253/254. Everything else is reserved or unassigned.
bool algorithm_assigned(uint8_t a) {
  switch (a) {
    case 1: case 2: case 3: case 5: case 6: case 7: case 8: case 10: case 12: case 13: case 14: case 15:
    case 16: case 17: case 23: case 253: case 254:
      return true;
    default:
      return false;
  }
}

// IANA "Delegation Signer (DS) Resource Record (RR) Type Digest Algorithms": 1 SHA-1, 2 SHA-256,
// 3 GOST R 34.11-94, 4 SHA-384, 5 GOST R 34.11-2012, 6 SM3. 0 is reserved, the rest unassigned.
bool digest_assigned(uint8_t d) { return d >= 1 && d <= 6; }

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (const Record& rec : zone->records) {
      if (rec.type != LDNS_RR_TYPE_DS) continue;
      auto v = decode_ds(zone->rdata(rec));
      if (!v) continue;
      bool alg_ok = algorithm_assigned(v->algorithm), dig_ok = digest_assigned(v->digest_type);
      if (alg_ok && dig_ok) continue;
      std::string what;
      if (!alg_ok) what = cat("DNSSEC algorithm ", unsigned(v->algorithm));
      if (!dig_ok) what += cat(what.empty() ? "" : " and ", "digest algorithm ", unsigned(v->digest_type));
      out.report(*zone, rec, cat("DS ", v->key_tag, " ", unsigned(v->algorithm), " ", unsigned(v->digest_type),
                                 " names unassigned ", what, ": validators ignore this DS"));
    }
  }
}

}  // namespace

extern const Rule kDs007{
    .info = {.id = "DS007", .name = "ds-algorithm-unknown", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "a DS names an unassigned algorithm: validators ignore it",
             .rationale = "Validators skip DS records whose DNSKEY algorithm or digest algorithm they do not know "
                          "(RFC 4035 §5.2, RFC 6840 §5.2); if no other DS is usable the child is treated as "
                          "insecure, so DNSSEC and DANE silently stop protecting it. An unassigned number usually "
                          "means fields were swapped or mistyped.",
             .fix = "Regenerate the DS from the child's KSK (for example with dnssec-dsfromkey or "
                    "ldns-key2ds) using digest type 2 (SHA-256).",
             .exceptions = "Private algorithms 253 and 254 are assigned and not reported.",
             .bad_example = "child 3600 IN NS ns.example.net.\n"
                            "child 3600 IN DS 12345 99 2 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             .good_example = "child 3600 IN NS ns.example.net.\n"
                             "child 3600 IN DS 12345 13 2 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
             .references = "RFC 4034 §5.1; RFC 4035 §5.2; RFC 6840 §5.2; RFC 8624; IANA DNSSEC algorithm and "
                           "DS digest registries"},
    .check = &check};

}  // namespace danelint::rules
