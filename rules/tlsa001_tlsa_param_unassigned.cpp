#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    // RFC 6698 §7.2-7.4 with RFC 7218: usages 0-3, selectors 0-1, matching types 0-2; 255 is private use.
    std::string what;
    if (t.usage > 3 && t.usage != 255) what = cat("usage ", int(t.usage));
    else if (t.selector > 1 && t.selector != 255) what = cat("selector ", int(t.selector));
    else if (t.matching_type > 2 && t.matching_type != 255) what = cat("matching type ", int(t.matching_type));
    if (what.empty()) return;
    out.report(zone, rec, cat(tlsa_params(t), ": ", what, " is unassigned, so no client can use this record"));
  });
}

}  // namespace

extern const Rule kTlsa001{
    .info = {.id = "TLSA001", .name = "tlsa-param-unassigned", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA usage, selector or matching type has an unassigned value",
             .rationale = "Clients treat records with unknown parameters as unusable (RFC 6698 §4.1); if no usable "
                          "record remains, DANE authentication fails.",
             .fix = "Use usage 3 (DANE-EE) or 2 (DANE-TA), selector 1 (SPKI) and matching type 1 (SHA2-256); "
                    "`danelint gen` writes such records.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 3 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §2.1, §7.2-7.4; RFC 7218"},
    .check = &check};

}  // namespace danelint::rules
