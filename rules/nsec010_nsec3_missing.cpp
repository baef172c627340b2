// NSEC010 nsec3-missing: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC010"); }

}  // namespace

extern const Rule kNsec010{
    .info = {.id = "NSEC010", .name = "nsec3-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an authoritative name, delegation with DS, or empty non-terminal without NSEC3",
             .rationale = "Every authoritative name, secure delegation and empty non-terminal needs an NSEC3 (RFC 5155 §7.1); only insecure delegations (and empty non-terminals that exist only because of them) may be left out, under opt-out. Without it, NODATA answers and closest-encloser proofs fail validation.",
             .fix = "Re-sign the zone; do not add names to a signed zone without re-signing it.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 NS SOA NSEC3PARAM
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 5155 §7.1"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
