#include <map>
#include <tuple>
#include <unordered_set>

#include "gen/tlsa.hpp"
#include "lint/dane.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  struct Use {
    const ZoneModel* zone;
    const Record* rec;
    std::string owner_text() const { return name_to_text(ascii_lower(zone->owner(*rec).wire)); }
  };
  struct Group {
    std::vector<Use> uses;
    std::unordered_set<std::string> owners;  ///< of `uses` (lower case): an owner counts once, whatever its records
  };
  std::map<std::tuple<uint8_t, uint8_t, std::vector<uint8_t>>, Group> groups;
  std::vector<std::tuple<uint8_t, uint8_t, std::vector<uint8_t>>> order;
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (t.usage != gen::kDaneEe || t.matching_type > gen::kSha512) return;
    std::string owner = ascii_lower(zone.owner(rec).wire);
    if (!is_smtp_owner(parse_tlsa_owner(owner))) return;
    auto key = std::tuple{t.selector, t.matching_type, std::vector<uint8_t>(t.data.begin(), t.data.end())};
    Group& g = groups[key];
    if (g.uses.empty()) order.push_back(key);
    if (!g.owners.insert(std::move(owner)).second) return;
    g.uses.push_back({&zone, &rec});
  });
  for (const auto& key : order) {
    const auto& uses = groups[key].uses;
    if (uses.size() < 2) continue;
    std::string others;
    for (size_t i = 1; i < uses.size(); ++i) others += (others.empty() ? "" : ", ") + uses[i].owner_text();
    Finding& f = out.report(*uses[0].zone, *uses[0].rec,
                            cat("the DANE-EE ", std::get<0>(key) == gen::kSpki ? "key" : "certificate", " of ",
                                uses[0].owner_text(), " is also published at ", others));
    for (size_t i = 1; i < uses.size(); ++i)
      f.related.push_back({uses[i].zone->loc(*uses[i].rec), "the same key"});
  }
}

}  // namespace

extern const Rule kTlsa024{
    .info = {.id = "TLSA024", .name = "tlsa-shared-ee", .severity = Severity::Info, .since = "0.1.0",
             .summary = "the same DANE-EE key is published for several MX hosts",
             .rationale = "Sharing one key across MX hosts couples their fate: a compromise or a rotation of one host "
                          "touches all of them, and rollovers must be coordinated (RFC 7672 §2.2.3). It is allowed; "
                          "this note makes it visible.",
             .fix = "Use a key per MX host if the hosts are managed separately; otherwise rotate them together.",
             .bad_example = "_25._tcp.mx1.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
                            "_25._tcp.mx2.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx1.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
                             "_25._tcp.mx2.example. 3600 IN TLSA 3 1 1 cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
             .references = "RFC 7672 §2.2.3"},
    .check = &check};

}  // namespace danelint::rules
