// NSEC004 nsec3-bitmap-mismatch: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC004"); }

}  // namespace

extern const Rule kNsec004{
    .info = {.id = "NSEC004", .name = "nsec3-bitmap-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC3 type bitmap differs from the types present at the original owner",
             .rationale = "The bitmap of an NSEC3 states which types exist at the name it stands for (RFC 5155 §3.2.1, §7.1). A wrong bitmap turns real data into a bogus NODATA, or lets an attacker deny data that exists. At an insecure delegation only NS is listed; at a secure one NS, DS and RRSIG; an empty non-terminal has an empty bitmap.",
             .fix = "Re-sign the zone so that the NSEC3 records are recomputed after the last change to the data.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A AAAA
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 0 IN NSEC3PARAM 1 0 0 -
www.example. 3600 IN A 192.0.2.2
3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM
9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 A
)zone",
             .references = "RFC 5155 §3.2.1, §7.1; RFC 4035 §2.3"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
