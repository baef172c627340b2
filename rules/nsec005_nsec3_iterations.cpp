// NSEC005 nsec3-iterations: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC005"); }

}  // namespace

extern const Rule kNsec005{
    .info = {.id = "NSEC005", .name = "nsec3-iterations", .severity = Severity::Error,
             .split_severity = true, .since = "0.1.0",
             .summary = "NSEC3 uses additional hash iterations (warning above 0, error above 100)",
             .rationale = "Extra iterations cost validators and authoritative servers CPU without adding protection against zone walking (RFC 9276 §2.4). RFC 9276 §3.1 says iterations MUST be 0; validators may treat zones with more than 100 iterations as insecure or return SERVFAIL (RFC 9276 §3.2), which removes DANE protection. Above 150, the limit of common validators, danelint reports the chain without hashing the zone's names to check it.",
             .fix = "Re-sign with 0 iterations, e.g. `dnssec-signzone -3 - -H 0`, `ldns-signzone -n -t 0`, or `nsec3-iterations: 0` in Knot's policy.",
             .exceptions = "While a re-signing with new NSEC3 parameters is planned; the finding says what to change.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 0 IN NSEC3PARAM 1 0 10 -
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 9276 §3.1, §3.2; RFC 5155 §10.3"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
