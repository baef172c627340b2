// NSEC008 nsec-multiple: see lint/dnssec/denial.hpp for the shared analysis.
#include "lint/dnssec/denial.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) { report_denial(ctx, out, "NSEC008"); }

}  // namespace

extern const Rule kNsec008{
    .info = {.id = "NSEC008", .name = "nsec-multiple", .severity = Severity::Error, .since = "0.1.0",
             .summary = "more than one NSEC at an owner",
             .rationale = "An owner has exactly one NSEC record (RFC 4035 §2.3). A second one, usually left over from an earlier signing, makes the NSEC RRset claim two different next names and type sets.",
             .fix = "Remove the stale NSEC and re-sign the zone.",
             .exceptions = "Never for a signed zone about to be published.",
             .bad_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
www.example. 3600 IN NSEC zzz.example. A NSEC
)zone",
             .good_example = R"zone(example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600
example. 3600 IN NS ns.example.
example. 3600 IN NSEC ns.example. NS SOA NSEC
ns.example. 3600 IN A 192.0.2.1
ns.example. 3600 IN NSEC www.example. A NSEC
www.example. 3600 IN A 192.0.2.2
www.example. 3600 IN NSEC example. A NSEC
)zone",
             .references = "RFC 4035 §2.3"},
    .check = &check,
    .shared_analysis = "denial"};

}  // namespace danelint::rules
