#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/cds_match.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    cds::Apex a = cds::collect(*zone);
    if (a.any_delete || a.cds.empty() || !a.cdnskey.empty()) continue;
    out.report(*zone, zone->records[a.cds[0]],
               cat("CDS RRset at ", zone->origin_text(), " (", a.cds.size(), " record", a.cds.size() > 1 ? "s" : "",
                   ") is published without a CDNSKEY RRset"));
  }
}

}  // namespace

extern const Rule kDs010{
    .info = {.id = "DS010", .name = "cdnskey-missing", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "CDS published without CDNSKEY",
             .rationale = "Some parents (registries that compute DS themselves) read only CDNSKEY (RFC 7344 §4, "
                          "RFC 8078); with CDS alone they never see the child's keys, so automated DS maintenance "
                          "silently does nothing there.",
             .fix = "Publish the matching CDNSKEY records next to the CDS (dnssec-dsfromkey -C, ldns-key2ds), "
                    "or let the signer manage both.",
             .bad_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                            "@ 3600 IN CDS 1534 253 2 cf6ccc613ce987e0320854be5ad38b5fbe42d9c6301faf4fadbeb28234c6a4c1",
             .good_example = "@ 3600 IN DNSKEY 257 3 253 AQAA\n"
                             "@ 3600 IN CDNSKEY 257 3 253 AQAA\n"
                             "@ 3600 IN CDS 1534 253 2 cf6ccc613ce987e0320854be5ad38b5fbe42d9c6301faf4fadbeb28234c6a4c1",
             .references = "RFC 7344 §4; RFC 8078 §3"},
    .check = &check};

}  // namespace danelint::rules
