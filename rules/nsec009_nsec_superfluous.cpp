// NSEC009 nsec-superfluous: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC009"); }

}  // namespace

extern const Rule kNsec009{
    .info = {.id = "NSEC009", .name = "nsec-superfluous", .severity = Severity::Error, .since = "0.1.0",
             .summary = "NSEC/NSEC3 at a non-authoritative name (below a delegation, glue)",
             .rationale = "Names below a zone cut or a DNAME are not part of the zone (RFC 1034 §4.2.1, RFC 6672 §2.4) and get no NSEC or NSEC3 (RFC 4035 §2.3, RFC 5155 §7.1); such a record describes data the zone does not own and breaks the chain.",
             .fix = "Remove the record and re-sign; check that the signer knows about the delegation.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 3600 IN NSEC sub.example. NS SOA NSEC
sub.example. 3600 IN NS ns.sub.example.
sub.example. 3600 IN NSEC example. NS NSEC
ns.sub.example. 3600 IN A 192.0.2.1
ns.sub.example. 3600 IN NSEC example. A NSEC
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.other.net.
example. 3600 IN NSEC sub.example. NS SOA NSEC
sub.example. 3600 IN NS ns.sub.example.
sub.example. 3600 IN NSEC example. NS NSEC
ns.sub.example. 3600 IN A 192.0.2.1
)zone",
             .references = "RFC 4035 §2.3; RFC 5155 §7.1"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
