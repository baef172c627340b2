#include <ldns/ldns.h>

#include <algorithm>
#include <map>
#include <set>

#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const dane::TlsaOwners& all = dane::TlsaOwners::shared(ctx);
  for (const dane::TlsaOwners::Owner& o : all.owners) {
    const std::string_view owner = o.wire;
    const std::span<const dane::OwnerRecord> recs = all.records_of(o);
    // Only SHA2-512 records can be left behind by SHA2-256 ones: most owners have none.
    if (std::none_of(recs.begin(), recs.end(), [](const dane::OwnerRecord& r) {
          return r.unusable == dane::Unusable::None && r.view.matching_type == gen::kSha512;
        }))
      continue;
    const Service* svc = nullptr;
    for (const Service& s : ctx.services())
      if (s.tlsa_owner_wire() == owner) svc = &s;
    // Per (usage, selector): the distinct data under SHA2-256 and under SHA2-512.
    std::map<std::pair<uint8_t, uint8_t>, std::pair<std::set<std::vector<uint8_t>>, std::set<std::vector<uint8_t>>>> g;
    std::map<std::pair<uint8_t, uint8_t>, const dane::OwnerRecord*> first512;
    for (const dane::OwnerRecord& r : recs) {
      if (r.unusable != dane::Unusable::None || r.view.matching_type == gen::kFull) continue;
      auto& slot = g[{r.view.usage, r.view.selector}];
      std::vector<uint8_t> d(r.view.data.begin(), r.view.data.end());
      (r.view.matching_type == gen::kSha256 ? slot.first : slot.second).insert(d);
      if (r.view.matching_type == gen::kSha512 && !first512.count({r.view.usage, r.view.selector}))
        first512[{r.view.usage, r.view.selector}] = &r;
    }
    for (const auto& [us, sets] : g) {
      if (sets.first.empty() || sets.second.empty()) continue;
      // With the deployment known, compare which certificates/keys each digest covers.
      std::string missing, suggestion;
      size_t cover256 = sets.first.size(), cover512 = sets.second.size();
      bool differ = cover256 != cover512;
      if (svc) {
        dane::ServiceView v = dane::analyse(ctx, *svc);
        std::vector<X509*> certs;
        for (const dane::Chain& c : v.chains) certs.insert(certs.end(), c.certs.begin(), c.certs.end());
        for (X509* x : certs) {
          auto h256 = gen::association_data(x, us.second, gen::kSha256);
          auto h512 = gen::association_data(x, us.second, gen::kSha512);
          bool a = h256 && sets.first.count(*h256), b = h512 && sets.second.count(*h512);
          if (a != b) {
            differ = true;
            if (missing.empty()) {
              missing = cat("; ", gen::subject_line(x), " is covered only under ", a ? "SHA2-256" : "SHA2-512");
              if (a) suggestion = dane::suggest_for(v, us.first, us.second, gen::kSha512, x);
            }
          }
        }
      }
      if (!differ) continue;
      const dane::OwnerRecord& r = *first512[us];
      Finding& f = out.report(*r.zone, *r.rec,
                              cat(svc ? dane::service_text(*svc) + ": " : std::string(), "TLSA ", int(us.first), ' ',
                                  int(us.second), " x at ", name_to_text(owner), " covers ", cover256,
                                  " key(s) under SHA2-256 but ", cover512,
                                  " under SHA2-512; clients use only the SHA2-512 records", missing));
      if (!suggestion.empty()) f.suggestion = suggestion;
    }
  }
}

}  // namespace

extern const Rule kTlsa020{
    .info = {.id = "TLSA020", .name = "tlsa-digest-agility", .severity = Severity::Error, .since = "0.1.0",
             .summary = "for a (usage, selector), the keys covered under SHA2-512 differ from those under SHA2-256",
             .rationale = "Digest algorithm agility (RFC 7671 §9): a client that supports SHA2-512 uses only the "
                          "SHA2-512 records of a (usage, selector) and ignores the SHA2-256 ones (OpenSSL does "
                          "exactly this). A key published only under SHA2-256 is then invisible.",
             .fix = "Publish every key under both digests, or drop one digest type entirely.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 0101010101010101010101010101010101010101010101010101010101010101\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 0202020202020202020202020202020202020202020202020202020202020202\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 "
                            "03030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 0101010101010101010101010101010101010101010101010101010101010101\n"
                             "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 "
                             "03030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303",
             .references = "RFC 7671 §8.3, §9; OpenSSL crypto/x509/x509_vfy.c dane_match"},
    .check = &check,
    .shared_analysis = "tlsa-owners"};

}  // namespace danelint::rules
