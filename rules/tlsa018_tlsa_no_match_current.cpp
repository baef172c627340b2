#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// Another rule already names the cause for this owner: stay quiet to avoid noise.
bool explained_elsewhere(const dane::ServiceView& v) {
  bool all_unusable = true;
  for (const dane::OwnerRecord& r : v.records) all_unusable &= r.unusable != dane::Unusable::None;
  if (v.smtp && all_unusable) return true;  // smtp-all-unusable
  for (const dane::Chain& c : v.chains)
    if (c.real_leaf != 0) return true;  // cert-chain-order: the file does not start with its leaf
  for (const dane::OwnerRecord& r : v.records)
    if (dane::usage2_only_leaf(v, r) || dane::usage3_only_ca(v, r) || dane::ta_not_sent(v, r) ||
        dane::confused_params(v, r))
      return true;  // errors of their own; daneta-not-ancestor is only a warning
  return false;
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    if (v.chains.empty() || v.any_authenticated()) continue;
    const dane::Chain& first = v.chains.front();
    std::string served;
    for (const dane::Chain& c : v.chains) served += (served.empty() ? "" : ", ") + dane::chain_text(c);
    std::string suggestion = first.leaf() ? dane::suggest_for(v, gen::kDaneEe, gen::kSpki, gen::kSha256,
                                                              first.certs[first.real_leaf])
                                          : dane::suggest_for(v, gen::kDaneEe, gen::kSpki, gen::kSha256, nullptr, first.leaf_key);
    if (v.records.empty()) {
      if (!dane::owner_in_loaded_zone(ctx, v.owner_wire)) continue;
      Finding& f = out.report(SourceLoc{svc.spec.origin_file, svc.spec.line, svc.spec.line, 0},
                              cat(dane::service_text(svc), ": no TLSA record at ", name_to_text(v.owner_wire),
                                  " in the zones given; the server presents ", served));
      f.owner = name_to_text(v.owner_wire);
      f.suggestion = suggestion;
      continue;
    }
    if (explained_elsewhere(v)) continue;
    // Point out records that would match but are set aside by digest agility.
    std::string agility;
    for (const dane::OwnerRecord& r : v.records)
      if (r.unusable == dane::Unusable::None && !r.effective && dane::matches_current(v, r))
        agility = cat("; ", tlsa_params(r.view), " (line ", r.rec->line, ") would match but clients ignore it because ",
                      "a stronger digest is published for the same usage and selector");
    const dane::OwnerRecord& r0 = v.records.front();
    Finding& f = out.report(*r0.zone, *r0.rec,
                            cat(dane::service_text(svc), ": none of the ", v.records.size(), " TLSA records at ",
                                name_to_text(v.owner_wire), " matches what the server presents: ", served, agility));
    for (const dane::Chain& c : v.chains)
      if (c.file) f.related.push_back({SourceLoc{c.file->path, c.line_of(0), c.line_of(0), 0}, "served chain"});
    f.suggestion = suggestion;
  }
}

}  // namespace

extern const Rule kTlsa018{
    .info = {.id = "TLSA018", .name = "tlsa-no-match-current", .severity = Severity::Error, .since = "0.1.0",
             .summary = "no usable TLSA record matches the chain or key about to be served",
             .rationale = "DANE clients (OpenSSL's DANE verifier, Postfix, Exim) fail the connection when no usable "
                          "TLSA record matches the presented chain: the classic outage after a key rotation that "
                          "left the TLSA RRset stale.",
             .fix = "Publish the record for the current key (the suggestion, as `danelint gen` writes it), wait "
                    "2 x TTL, then deploy; keep the old record until the new key is live.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 <sha256 of the previous key>",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 <sha256 of the key being deployed>",
             .references = "RFC 7671 §8; RFC 7672 §3.1",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
