#include "lint/dane.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView&) {
    TlsaOwner owner = parse_tlsa_owner(zone.owner(rec).wire);
    if (owner.form != TlsaOwner::Form::Malformed) return;
    out.report(zone, rec, cat("TLSA owner ", zone.owner_text(rec), " is not _<port>._<proto>.<host>: ", owner.problem));
  });
}

}  // namespace

extern const Rule kTlsa007{
    .info = {.id = "TLSA007", .name = "tlsa-owner-format", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA owner is not _<port>._<tcp|udp|sctp>.<host> with a port from 1 to 65535",
             .rationale = "Clients look TLSA up only at _<port>._<proto>.<host> (RFC 6698 §3); a record anywhere "
                          "else is never queried, so DANE is silently off for the service.",
             .fix = "Move the record to _25._tcp.<mx host>. (or the service's port and protocol).",
             .bad_example = "_25.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §3"},
    .check = &check};

}  // namespace danelint::rules
