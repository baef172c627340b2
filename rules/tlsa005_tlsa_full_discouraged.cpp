#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (t.matching_type != 0) return;
    out.report(zone, rec, cat(tlsa_params(t), ": matching type 0 publishes the full ",
                              t.selector == 0 ? "certificate" : "public key", " (", t.data.size(), " octets)"));
  });
}

}  // namespace

extern const Rule kTlsa005{
    .info = {.id = "TLSA005", .name = "tlsa-full-discouraged", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "TLSA matching type 0 (full data) instead of a digest",
             .rationale = "Full certificates or keys make large RRsets that fragment UDP answers and force TCP "
                          "fallback; RFC 7671 §10.1.2 recommends digests.",
             .fix = "Publish the SHA2-256 digest instead (matching type 1): `danelint gen`.",
             .exceptions = "DANE-TA 2 0 0 when the trust anchor is deliberately not sent by the server.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 0 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7671 §10.1.2"},
    .check = &check};

}  // namespace danelint::rules
