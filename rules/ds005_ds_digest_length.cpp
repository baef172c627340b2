#include "lint/dnssec/analysis.hpp"
#include "lint/dnssec/canonical.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& set : dnssec::ds_rrsets(ctx.workspace()))
    for (const auto& d : set) {
      size_t want = dnssec::ds_digest_length(d.view.digest_type);
      if (want == 0 || d.view.digest.size() == want) continue;
      out.report(*d.zone, *d.rec, cat("DS ", d.view.key_tag, " at ", d.zone->owner_text(*d.rec), " has a ",
                                      d.view.digest.size(), "-octet ", dnssec::ds_digest_name(d.view.digest_type),
                                      " digest; ", want, " octets expected"));
    }
}

}  // namespace

extern const Rule kDs005{
    .info = {.id = "DS005", .name = "ds-digest-length", .severity = Severity::Error, .since = "0.1.0",
             .summary = "DS digest length is wrong for its digest type",
             .rationale = "A SHA-1 digest has 20 octets, SHA-256 32, GOST 32 and SHA-384 48 (RFC 4034 §5.1.4, "
                          "RFC 4509, RFC 5933, RFC 6605). A truncated or padded digest can never match, usually a "
                          "copy-and-paste accident at the registrar.",
             .fix = "Copy the DS again from dnssec-dsfromkey, ldns-key2ds or keymgr output.",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                            "sub.example. 3600 IN NS ns.sub.example.\n"
                            "sub.example. 3600 IN DS 12345 13 2 0123456789abcdef0123456789abcdef",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                             "sub.example. 3600 IN NS ns.sub.example.\n"
                             "sub.example. 3600 IN DS 12345 13 2 "
                             "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             .references = "RFC 4034 §5.1.4; RFC 4509 §2.2; RFC 6605 §2"},
    .check = &check};

}  // namespace danelint::rules
