#include <map>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "rules/zone_helpers.hpp"

namespace danelint::rules {
namespace {

constexpr RuleOption kOptions[] = {
    {.name = "max-keys-per-tag", .kind = OptionKind::Integer, .default_value = "3",
     .help = "report when more DNSKEYs than this share one algorithm and key tag"},
};

// How many of the keys within the limit a finding names as related locations.
constexpr size_t kMaxRelated = 8;

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zone : ctx.zones()) {
    for (const RRset& set : zone->rrsets()) {
      if (set.type != LDNS_RR_TYPE_DNSKEY) continue;
      std::map<std::pair<uint8_t, uint16_t>, std::vector<uint32_t>> groups;  // (algorithm, tag) -> records
      for (uint32_t idx : distinct_records(*zone, set))
        if (auto v = decode_dnskey(zone->rdata(zone->records[idx]))) groups[{v->algorithm, v->key_tag}].push_back(idx);
      const auto limit = static_cast<size_t>(std::max<int64_t>(1, ctx.int_option("max-keys-per-tag")));
      for (const auto& [key, recs] : groups) {
        if (recs.size() <= limit) continue;
        // Each key beyond the limit is one too many. The first keys of the tag (those within the limit, at most
        // kMaxRelated) are its related locations: naming every earlier key made K^2/2 entries for K keys.
        for (size_t i = limit; i < recs.size(); ++i) {
          Finding& f = out.report(*zone, zone->records[recs[i]],
                                  cat("DNSKEY ", key.second, " (", algorithm_name(key.first), ") shares its key tag with ",
                                      recs.size() - 1, " other key", recs.size() > 2 ? "s" : "", " of the same algorithm"));
          for (size_t j = 0; j < std::min(limit, kMaxRelated); ++j)
            f.related.emplace_back(zone->loc(zone->records[recs[j]]), "key with the same tag");
        }
      }
    }
  }
}

}  // namespace

extern const Rule kKey005{
    .info = {.id = "KEY005", .name = "dnskey-keytag-collision", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "several DNSKEYs of one algorithm share a key tag (validators must try each)",
             .rationale = "Key tags are not unique (RFC 4034 App. B); an RRSIG or DS that names a colliding tag "
                          "makes validators try every matching key. Since CVE-2023-50387 (KeyTrap) validators cap "
                          "that work, so colliding keys can make valid signatures fail to validate. By default "
                          "more than three keys on one tag are reported (Knot DNS's threshold); set "
                          "max-keys-per-tag = 1 to report every collision.",
             .fix = "Generate a new key to replace one of the colliding keys (most signers avoid collisions "
                    "when they create keys) and roll it in.",
             .bad_example = "@ 3600 IN DNSKEY 256 3 253 AQAAAA==\n@ 3600 IN DNSKEY 256 3 253 AAABAA==\n"
                            "@ 3600 IN DNSKEY 256 3 253 AP8AAQ==\n@ 3600 IN DNSKEY 256 3 253 AAEA/w==",
             .good_example = "@ 3600 IN DNSKEY 256 3 253 AQAAAA==\n@ 3600 IN DNSKEY 256 3 253 AAABAA==\n"
                             "@ 3600 IN DNSKEY 256 3 253 AP8AAQ==\n@ 3600 IN DNSKEY 256 3 253 AAAAAA==",
             .references = "RFC 4034 App. B; CVE-2023-50387",
             .options = kOptions},
    .check = &check};

}  // namespace danelint::rules
