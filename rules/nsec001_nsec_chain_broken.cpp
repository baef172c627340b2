// NSEC001 nsec-chain-broken: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC001"); }

}  // namespace

extern const Rule kNsec001{
    .info = {.id = "NSEC001", .name = "nsec-chain-broken", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC next-owner links skip or misorder names, or do not close the loop",
             .rationale = "Each NSEC proves that no name exists between its owner and its next owner (RFC 4034 §4.1.1). A link that skips a name makes validators accept a false denial of that name; a link to a name out of order or a chain that does not end at the apex leaves gaps in which no answer can be proven, so validators treat the answers as bogus (RFC 4035 §2.3, §5.4).",
             .fix = "Re-sign the zone with a signer that rebuilds the NSEC chain (dnssec-signzone, ldns-signzone, kzonesign), instead of editing NSEC records by hand.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
)zone",
             .references = "RFC 4034 §4, §6.1; RFC 4035 §2.3"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
