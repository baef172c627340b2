// NSEC011 nsec3-optout-wrong: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC011"); }

}  // namespace

extern const Rule kNsec011{
    .info = {.id = "NSEC011", .name = "nsec3-optout-wrong", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an insecure delegation not covered by an opt-out NSEC3 when no NSEC3 exists for it",
             .rationale = "An insecure delegation may go without an NSEC3 only when the NSEC3 covering its hash has the opt-out flag (RFC 5155 §6, §7.1). Otherwise the covering NSEC3 proves that the delegation does not exist and resolvers cannot reach the child zone.",
             .fix = "Re-sign with opt-out (`dnssec-signzone -3 - -A`, `ldns-signzone -n -p`) or without it, but consistently for the whole chain.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
sub.example. 3600 IN NS ns.other.net.
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
sub.example. 3600 IN NS ns.other.net.
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 1 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 1 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 5155 §6, §7.1"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
