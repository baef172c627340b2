#include "lint/dnssec/grouping.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  dnssec::RrsetGrouper group(out);
  for_each_rrsig(ctx, [&](const ZoneModel& zone, const Record& rec, const RrsigView& sig) {
    // RFC 4035 §5.3.1: now must be >= inception.
    if (!serial_before(ctx.now32(), sig.inception)) return;
    int64_t when = serial_to_time(sig.inception, ctx.now());
    std::string facts = cat("is not valid before ", format_time(when), ", ", format_duration(when - ctx.now()), " from now");
    group.add(zone, rec, sig, cat(dnssec::describe_rrsig(zone, rec, sig), ' ', facts),
              cat("RRSIG (key ", sig.key_tag, ", ", algorithm_name(sig.algorithm), ") ", facts));
  });
  group.finish();
}

}  // namespace

extern const Rule kSig002{
    .info = {.id = "SIG002", .name = "rrsig-not-yet-valid", .severity = Severity::Error, .since = "0.1.0",
             .summary = "RRSIG inception time is in the future",
             .rationale = "Validators reject a signature before its inception (RFC 4035 §5.3.1); usually the "
                          "signer's clock is wrong or the zone was signed with a future start time.",
             .fix = "Fix the signer's clock, or re-sign with an inception in the past (many signers back-date "
                    "inception by an hour for clock skew).",
             .bad_example = "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20250102000000 1 example. AAAA",
             .good_example = "example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4035 §5.3.1"},
    .check = &check};

}  // namespace danelint::rules
