// NSEC006 nsec3-salt: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC006"); }

}  // namespace

extern const Rule kNsec006{
    .info = {.id = "NSEC006", .name = "nsec3-salt", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "NSEC3 uses a non-empty salt",
             .rationale = "A salt does not stop zone walking and must be changed on every re-signing to have any effect; it only makes responses larger. RFC 9276 §3.1 says operators SHOULD NOT use a salt.",
             .fix = "Re-sign with an empty salt, e.g. `dnssec-signzone -3 -`, `ldns-signzone -n -s ''`, or `nsec3-salt-length: 0` in Knot's policy.",
             .exceptions = "While a re-signing with new NSEC3 parameters is planned; the finding says what to change.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 0 IN NSEC3PARAM 1 0 0 AABBCCDD
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 9276 §3.1"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
