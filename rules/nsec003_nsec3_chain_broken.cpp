// NSEC003 nsec3-chain-broken: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC003"); }

}  // namespace

extern const Rule kNsec003{
    .info = {.id = "NSEC003", .name = "nsec3-chain-broken", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC3 hashed-owner chain is broken, or a name has no NSEC3",
             .rationale = "NSEC3 records must form one closed loop in hash order with the same parameters (RFC 5155 §7.1). A next-hashed-owner that skips or misorders a hash, an NSEC3 whose owner is not a hash below the apex, an NSEC3 standing for no name, or records with stray parameters make denial answers unprovable or false.",
             .fix = "Re-sign the zone with a signer that rebuilds the NSEC3 chain; remove NSEC3 records left over from old parameters unless they form a complete second chain.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 A
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 5155 §7.1, §8.2"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
