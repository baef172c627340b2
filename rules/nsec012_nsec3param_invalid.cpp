// NSEC012 nsec3param-invalid: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC012"); }

}  // namespace

extern const Rule kNsec012{
    .info = {.id = "NSEC012", .name = "nsec3param-invalid", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC3PARAM flags not 0, unknown hash algorithm, or parameters that no NSEC3 chain uses",
             .rationale = "Authoritative servers pick the NSEC3 chain named by the NSEC3PARAM at the apex (RFC 5155 §4). Its flags must be 0 (§4.1.2), its hash algorithm known (§4.1.1), and its parameters must match a complete chain; otherwise the server answers with no usable NSEC3 and denials fail.",
             .fix = "Re-sign the zone so that the NSEC3PARAM and the NSEC3 chain agree; do not edit NSEC3PARAM by hand.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 1 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 5155 §4, §4.1.1, §4.1.2"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
