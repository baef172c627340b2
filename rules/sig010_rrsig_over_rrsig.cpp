#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  for_each_rrsig(ctx, [&](const ZoneModel& zone, const Record& rec, const RrsigView& sig) {
    if (sig.type_covered != LDNS_RR_TYPE_RRSIG) return;
    out.report(zone, rec, cat("RRSIG at ", zone.owner_text(rec), " covers type RRSIG (key ", sig.key_tag, ", ",
                              algorithm_name(sig.algorithm), ")"));
  });
}

}  // namespace

extern const Rule kSig010{
    .info = {.id = "SIG010", .name = "rrsig-over-rrsig", .severity = Severity::Error, .since = "0.1.0",
             .summary = "an RRSIG covering type RRSIG",
             .rationale = "RRSIG RRsets are never signed (RFC 4035 §2.2: \"an RRSIG RR itself MUST NOT be "
                          "signed\"); such a record points to a signer or a zone-editing script gone wrong and is "
                          "refused by some servers.",
             .fix = "Remove the record and re-sign the zone with a standard signer.",
             .bad_example = "www 3600 IN RRSIG RRSIG 13 2 3600 20300101000000 20241201000000 1 example. AAAA",
             .good_example = "www 3600 IN RRSIG A 13 2 3600 20300101000000 20241201000000 1 example. AAAA",
             .references = "RFC 4035 §2.2; RFC 4034 §3"},
    .check = &check};

}  // namespace danelint::rules
