#include "lint/dane.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (t.usage > 1 || !is_smtp_owner(zone.owner(rec).wire)) return;
    out.report(zone, rec, cat(tlsa_params(t), ": ", t.usage == 0 ? "PKIX-TA" : "PKIX-EE",
                              " usage at an SMTP owner; MTAs treat it as unusable"));
  });
}

}  // namespace

extern const Rule kSmtp001{
    .info = {.id = "SMTP001", .name = "smtp-pkix-usage", .severity = Severity::Error, .since = "0.1.0",
             .summary = "PKIX usage (0 or 1) in a TLSA record for SMTP (_25._tcp)",
             .rationale = "SMTP senders have no agreed set of public CAs, so RFC 7672 §3.1.3 makes usages 0 and 1 "
                          "unusable; if nothing else is published, DANE authentication fails.",
             .fix = "Publish 3 1 1 for the server key (or 2 1 1 for the issuing CA): `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 1 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 7672 §3.1.3"},
    .check = &check};

}  // namespace danelint::rules
