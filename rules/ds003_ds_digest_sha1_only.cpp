#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& set : dnssec::ds_rrsets(ctx.workspace())) {
    bool only_sha1 = true;
    for (const auto& d : set) only_sha1 = only_sha1 && d.view.digest_type == 1;
    if (!only_sha1) continue;
    const auto& first = set.front();
    out.report(*first.zone, *first.rec,
               cat("DS RRset at ", first.zone->owner_text(*first.rec), " offers only SHA-1 digests (",
                   set.size(), set.size() == 1 ? " record)" : " records)"));
  }
}

}  // namespace

extern const Rule kDs003{
    .info = {.id = "DS003", .name = "ds-digest-sha1-only", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "DS RRset offers only digest type 1 (SHA-1)",
             .rationale = "RFC 8624 §3.3 says SHA-1 DS digests must not be used any more; validators that "
                          "disable SHA-1 treat a zone reachable only through SHA-1 DS as insecure.",
             .fix = "Publish a DS with digest type 2 (SHA-256) and remove the SHA-1 one.",
             .bad_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                            "sub.example. 3600 IN NS ns.sub.example.\n"
                            "sub.example. 3600 IN DS 12345 13 1 0123456789abcdef0123456789abcdef01234567",
             .good_example = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
                             "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA\n"
                             "sub.example. 3600 IN NS ns.sub.example.\n"
                             "sub.example. 3600 IN DS 12345 13 2 "
                             "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             .references = "RFC 8624 §3.3; RFC 4509"},
    .check = &check};

}  // namespace danelint::rules
