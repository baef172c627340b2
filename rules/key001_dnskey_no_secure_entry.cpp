#include <set>

#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

void check(const LintContext& ctx, FindingSink& out) {
  const auto& an = dnssec::analysis(ctx);
  for (size_t zi = 0; zi < ctx.zones().size(); ++zi) {
    const ZoneModel& z = *ctx.zones()[zi];
    const dnssec::ZoneDnssec& zd = an.zones[zi];
    if (!zd.has_rrsig || zd.keys.empty()) continue;
    auto apex = z.apex();
    const RRset* dnskeys = apex ? z.find_rrset(*apex, 48) : nullptr;
    if (!dnskeys) continue;
    size_t set_index = static_cast<size_t>(dnskeys - z.rrsets().data());
    if (zd.covering[set_index].empty()) continue;  // rrset-unsigned reports it
    // The keys a validator enters the zone with: those a usable DS matches (RFC 4035 §5.2), or,
    // without DS data, the SEP keys (all zone keys if none has the SEP flag).
    std::set<int32_t> entry;
    std::string what;
    if (zd.has_ds_data()) {
      bool usable = false;
      for (const dnssec::DsEntry& d : zd.ds) {
        if (!d.usable()) continue;
        usable = true;
        if (d.match >= 0) entry.insert(d.match);
      }
      if (!usable || entry.empty()) continue;  // nothing to enter with, or ds-all-mismatch reports it
      what = zd.ds_source == dnssec::DsSource::Cds ? "no key named by the zone's CDS/CDNSKEY records"
                                                   : "no key named by the parent's DS records";
    } else {
      for (size_t k = 0; k < zd.keys.size(); ++k)
        if (zd.keys[k].zone_key() && zd.keys[k].sep()) entry.insert(static_cast<int32_t>(k));
      what = "no SEP key (flags 257; no DS data given)";
      if (entry.empty()) {
        for (size_t k = 0; k < zd.keys.size(); ++k)
          if (zd.keys[k].zone_key()) entry.insert(static_cast<int32_t>(k));
        what = "no zone key (no DS data given and no key has the SEP flag)";
      }
    }
    // A signature by an entry key counts even when bogus: rrsig-bogus names that one.
    bool signed_by_entry = false;
    std::string signers;
    for (uint32_t si : zd.covering[set_index]) {
      const dnssec::SigEntry& e = zd.sigs[si];
      if (e.key >= 0 && entry.count(e.key)) signed_by_entry = true;
      if (auto v = decode_rrsig(z.rdata(z.records[e.record])))
        signers += cat(signers.empty() ? "" : ", ", v->key_tag);
    }
    if (signed_by_entry) continue;
    std::string tags;
    for (int32_t k : entry) tags += cat(tags.empty() ? "" : ", ", zd.keys[k].tag);
    uint32_t first = dnskeys->first();
    Finding& f = out.report(z, z.records[first],
                            cat("DNSKEY RRset of ", z.origin_text(), " is signed by ", what,
                                tags.empty() ? std::string() : cat(" (entry keys: ", tags, ")"),
                                "; it is signed by key ", signers));
    for (const dnssec::DsEntry& d : zd.ds)
      if (d.usable()) f.related.emplace_back(d.loc, cat("DS ", d.key_tag, " (", algorithm_name(d.algorithm), ")"));
  }
}

}  // namespace

extern const Rule kKey001{
    .info = {.id = "KEY001", .name = "dnskey-no-secure-entry", .severity = Severity::Error, .since = "0.1.0",
             .summary = "no key referenced by the parent's DS (or, without DS data, no SEP key) signs the DNSKEY RRset",
             .rationale = "Validation enters a zone through a DS at the parent that matches a DNSKEY which signs the "
                          "DNSKEY RRset (RFC 4035 §5.2). If that key does not sign the DNSKEY RRset, the chain of "
                          "trust breaks and the whole zone is bogus. Without DS data danelint checks the SEP keys, "
                          "the keys meant to be referenced by DS, and says so in a note.",
             .fix = "Sign the DNSKEY RRset with the key the DS refers to (the KSK or CSK), or update the DS at the "
                    "parent to the key that signs it. Pass the parent's DS with --ds or [[zone]] ds.",
             .bad_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN DNSKEY 257 3 15 f0rs4eOOR+gYAt/tBRNwvn0eM/sSEzCci43DdAL40tw=\n"
                            "example. 3600 IN RRSIG DNSKEY 15 1 3600 20350101000000 20250101000000 51312 example. HMKBlfLdKlJoPhdDMnw0dCUzNPgGxpl07nItSp10Im39isFqLLsBg6w5gyiJODCPbtXkLTvvN22Vu0EkKNcyAw==",
             .good_example = "example. 3600 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 3600\n"
                            "example. 3600 IN DNSKEY 256 3 15 lr6oe4BVJvxmfEzDF0X3hEAuEidPG+qHTZXijBeKSCc=\n"
                            "example. 3600 IN DNSKEY 257 3 15 f0rs4eOOR+gYAt/tBRNwvn0eM/sSEzCci43DdAL40tw=\n"
                            "example. 3600 IN RRSIG DNSKEY 15 1 3600 20350101000000 20250101000000 8725 example. HMKBlfLdKlJoPhdDMnw0dCUzNPgGxpl07nItSp10Im39isFqLLsBg6w5gyiJODCPbtXkLTvvN22Vu0EkKNcyAw==",
             .references = "RFC 4035 §5.2; RFC 4034 §2.1.1; RFC 6781 §3.1"},
    .check = &check};

}  // namespace danelint::rules
