// NSEC007 nsec-missing: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC007"); }

}  // namespace

extern const Rule kNsec007{
    .info = {.id = "NSEC007", .name = "nsec-missing", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an authoritative name (or a delegation) without its NSEC",
             .rationale = "Every authoritative name, including delegation points, needs an NSEC (RFC 4035 §2.3). Without it, NODATA answers for the name and denials of the names after it cannot be proven, so validators reject them.",
             .fix = "Re-sign the zone; do not add names to a signed zone without re-signing it.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
)zone",
             .references = "RFC 4035 §2.3; RFC 4034 §4"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
