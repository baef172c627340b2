#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    size_t want = t.matching_type == 1 ? 32 : t.matching_type == 2 ? 64 : 0;
    if (want == 0 || t.data.size() == want) return;
    out.report(zone, rec, cat(tlsa_params(t), ": ", t.matching_type == 1 ? "SHA2-256" : "SHA2-512", " data is ",
                              t.data.size(), " octets, not ", want));
  });
}

}  // namespace

extern const Rule kTlsa003{
    .info = {.id = "TLSA003", .name = "tlsa-digest-length", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA digest length does not fit its matching type",
             .rationale = "A SHA2-256 digest is 32 octets and SHA2-512 is 64; any other length can never match, "
                          "and clients treat the record as unusable (RFC 7671 §9).",
             .fix = "Regenerate the record with `danelint gen`; check that the hash was not truncated or "
                    "pasted twice.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §2.1.3; RFC 7671 §9"},
    .check = &check};

}  // namespace danelint::rules
