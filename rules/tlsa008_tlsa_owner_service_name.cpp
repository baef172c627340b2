#include "lint/dane.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView&) {
    TlsaOwner owner = parse_tlsa_owner(zone.owner(rec).wire);
    if (owner.form != TlsaOwner::Form::ServiceName) return;
    out.report(zone, rec, cat("TLSA owner ", zone.owner_text(rec), " uses the service name _", owner.service,
                              " where a port number belongs", owner.service == "smtp" ? " (_25)" : ""));
  });
}

}  // namespace

extern const Rule kTlsa008{
    .info = {.id = "TLSA008", .name = "tlsa-owner-service-name", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA owner uses a service name (_smtp._tcp) instead of a port number",
             .rationale = "Unlike SRV, TLSA owners carry the decimal port (RFC 6698 §3); _smtp._tcp is never "
                          "queried, so DANE is silently off.",
             .fix = "Rename the owner to _25._tcp.<host> (or the service's port).",
             .bad_example = "_smtp._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §3"},
    .check = &check};

}  // namespace danelint::rules
