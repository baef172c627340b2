#include "lint/dnssec/analysis.hpp"
#include "lint/dnssec/canonical.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& set : dnssec::ds_rrsets(ctx.workspace()))
    for (const auto& d : set) {
      uint8_t t = d.view.digest_type;
      if (t == 1 || t == 2 || t == 4) continue;
      out.report(*d.zone, *d.rec, cat("DS ", d.view.key_tag, " at ", d.zone->owner_text(*d.rec), " uses ",
                                      dnssec::ds_digest_name(t), t == 3 ? " (digest type 3)" : "",
                                      ", which validators do not support"));
    }
}

}  // namespace

extern const Rule kDs004{
    .info = {.id = "DS004", .name = "ds-digest-unsupported", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "DS digest type is not 1, 2 or 4",
             .rationale = "Validators ignore a DS whose digest type they do not implement (RFC 4035 §5.2); GOST "
                          "(3) must not be used (RFC 8624 §3.3) and unassigned types mean nothing. If it is the only "
                          "DS, the zone is insecure.",
             .fix = "Publish a DS with digest type 2 (SHA-256).",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                            "sub.example. 3600 IN NS ns.sub.example.\n"
                            "sub.example. 3600 IN DS 12345 13 3 "
                            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                             "sub.example. 3600 IN NS ns.sub.example.\n"
                             "sub.example. 3600 IN DS 12345 13 2 "
                             "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             .references = "RFC 8624 §3.3; RFC 4035 §5.2"},
    .check = &check};

}  // namespace danelint::rules
