#include "lint/dnssec/grouping.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  dnssec::RrsetGrouper group(out);
  for_each_rrsig(ctx, [&](const ZoneModel& zone, const Record& rec, const RrsigView& sig) {
    // RFC 4035 §5.3.1: valid while now <= expiration, compared in serial arithmetic (RFC 4034 §3.1.5).
    if (!serial_before(sig.expiration, ctx.now32())) return;
    int64_t when = serial_to_time(sig.expiration, ctx.now());
    std::string facts = cat("expired ", format_time(when), ", ", format_duration(ctx.now() - when), " ago");
    group.add(zone, rec, sig, cat(dnssec::describe_rrsig(zone, rec, sig), ' ', facts),
              cat("RRSIG (key ", sig.key_tag, ", ", algorithm_name(sig.algorithm), ") ", facts));
  });
  group.finish();
}

}  // namespace

extern const Rule kSig001{
    .info = {.id = "SIG001", .name = "rrsig-expired", .severity = Severity::Error, .since = "0.1.0",
             .summary = "RRSIG expiration time is in the past",
             .rationale = "Validators treat the RRset as bogus, so names in the zone fail to resolve and DANE "
                          "senders defer mail (RFC 4035 §5.3.1). Expired signatures are the most common DANE outage.",
             .fix = "Re-sign the zone, and check that the signer runs and re-signs well before expiry.",
             .exceptions = "Never for a zone about to be published.",
             .bad_example = "example. 3600 IN RRSIG SOA 13 1 3600 20241231000000 20241201000000 1 example. AAAA",
             .good_example = "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4034 §3.1.5; RFC 4035 §5.3.1"},
    .check = &check};

}  // namespace danelint::rules
