#include <algorithm>

#include "lint/dnssec/grouping.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.name = "min-remaining", .kind = OptionKind::Duration, .default_value = "3d",
     .help = "warn when less validity than this remains (at least 2 x the RRset TTL is always required)"},
};

void check(const LintContext& ctx, FindingSink& out) {
  const int64_t min_remaining = ctx.duration_option("min-remaining");
  dnssec::RrsetGrouper group(out);
  for_each_rrsig(ctx, [&](const ZoneModel& zone, const Record& rec, const RrsigView& sig) {
    if (serial_before(sig.expiration, ctx.now32())) return;  // rrsig-expired reports it
    int64_t remaining = serial_to_time(sig.expiration, ctx.now()) - ctx.now();
    // Caches may hold the RRset for its TTL after the last fetch, so a signature needs to outlive
    // twice the TTL to be safe.
    int64_t needed = std::max<int64_t>(min_remaining, 2 * static_cast<int64_t>(sig.original_ttl));
    if (remaining >= needed) return;
    std::string facts = cat("expires ", format_time(ctx.now() + remaining), ", in ", format_duration(remaining),
                            " (less than ", format_duration(needed), ")");
    group.add(zone, rec, sig, cat(dnssec::describe_rrsig(zone, rec, sig), ' ', facts),
              cat("RRSIG (key ", sig.key_tag, ", ", algorithm_name(sig.algorithm), ") ", facts));
  });
  group.finish();
}

}  // namespace

extern const Rule kSig003{
    .info = {.id = "SIG003", .name = "rrsig-expiring-soon", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "RRSIG expires within min-remaining (default 3 days) or 2 x the RRset TTL",
             .rationale = "A signature that expires before the next re-signing run, or while caches still hold "
                          "the RRset, turns the zone bogus for validators.",
             .fix = "Re-sign the zone now, and sign with a validity period well beyond the re-signing interval.",
             .exceptions = "Zones re-signed continuously by an online signer that is known to run.",
             .bad_example = "example. 3600 IN RRSIG SOA 13 1 3600 20250102000000 20241201000000 1 example. AAAA",
             .good_example = "example. 3600 IN RRSIG SOA 13 1 3600 20250201000000 20241201000000 1 example. AAAA",
             .references = "RFC 4035 §5.3.1; ldns-verify-zone -e",
             .options = kOptions},
    .check = &check};

}  // namespace danelint::rules
