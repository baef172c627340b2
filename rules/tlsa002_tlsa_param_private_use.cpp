#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    std::string what = t.usage == 255      ? "usage 255 (PrivCert)"
                       : t.selector == 255 ? "selector 255 (PrivSel)"
                       : t.matching_type == 255 ? "matching type 255 (PrivMatch)"
                                                : "";
    if (what.empty()) return;
    out.report(zone, rec, cat(tlsa_params(t), ": ", what, " is reserved for private use"));
  });
}

}  // namespace

extern const Rule kTlsa002{
    .info = {.id = "TLSA002", .name = "tlsa-param-private-use", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "TLSA uses a private-use value (255) in a public zone",
             .rationale = "Private-use values only mean something between parties that agreed on them; public "
                          "clients ignore such records.",
             .fix = "Publish a standard record (3 1 1) instead, or keep private-use records out of public zones.",
             .exceptions = "Closed deployments whose clients agree on the private meaning.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 255 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §7.2-7.4"},
    .check = &check};

}  // namespace danelint::rules
