// NSEC002 nsec-bitmap-mismatch: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC002"); }

}  // namespace

extern const Rule kNsec002{
    .info = {.id = "NSEC002", .name = "nsec-bitmap-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC type bitmap differs from the types present at the owner",
             .rationale = "A validator believes the bitmap: a type listed there but absent gets a bogus NODATA, and a type present but not listed can be denied by an attacker replaying the NSEC (RFC 4034 §4.1.2). At a delegation the bitmap lists only NS, DS, RRSIG and NSEC; glue is not listed (RFC 4035 §2.3).",
             .fix = "Re-sign the zone so that the signer recomputes the NSEC records after the last change to the data.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A AAAA NSEC
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
)zone",
             .references = "RFC 4034 §4.1.2; RFC 4035 §2.3"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
