#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (t.usage != 3 || t.selector != 0) return;
    out.report(zone, rec, cat(tlsa_params(t), ": DANE-EE with selector 0 pins the whole certificate, which "
                              "changes at every renewal even when the key stays"));
  });
}

}  // namespace

extern const Rule kTlsa009{
    .info = {.id = "TLSA009", .name = "daneee-selector-cert", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "DANE-EE record with selector 0 (3 0 x) changes at every certificate re-issue",
             .rationale = "A 3 0 1 record breaks at every renewal, even with the same key; 3 1 1 survives renewal "
                          "with key reuse (RFC 7671 §5.1, RFC 7672 §3.1.1).",
             .fix = "Publish 3 1 1 (SPKI, SHA2-256) for the key instead: `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 0 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7671 §5.1; RFC 7672 §3.1.1"},
    .check = &check};

}  // namespace danelint::rules
