#include <ldns/ldns.h>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// The response that carries the RRset to a validating resolver: header, question, every TLSA and
// covering RRSIG with a compressed owner (2-octet pointer), and the EDNS OPT record of a DO query.
constexpr size_t kLimit = 1232;

void check(const LintContext& ctx, FindingSink& out) {
  for (const auto& zp : ctx.zones()) {
    const ZoneModel& zone = *zp;
    for (uint32_t k : zone.rrsets_of_type(LDNS_RR_TYPE_TLSA)) {
      const RRset& set = zone.rrsets()[k];
      if (!zone.is_authoritative(set.owner)) continue;
      size_t size = 12 + zone.names[set.owner].wire.size() + 4 + 11;
      uint32_t first = set.records[0];
      for (uint32_t i : set.records) {
        size += 2 + 10 + zone.records[i].rdata_len;
        first = std::min(first, i);
      }
      size_t sigs = 0;
      if (const RRset* rs = zone.find_rrset(set.owner, LDNS_RR_TYPE_RRSIG))
        for (uint32_t i : rs->records) {
          auto v = decode_rrsig(zone.rdata(zone.records[i]));
          if (!v || v->type_covered != LDNS_RR_TYPE_TLSA) continue;
          size += 2 + 10 + zone.records[i].rdata_len;
          ++sigs;
        }
      if (size <= kLimit) continue;
      out.report(zone, zone.records[first],
                 cat("TLSA RRset at ", zone.owner_text(zone.records[first]), " (", set.records.size(), " records, ",
                     sigs, " RRSIGs) needs a ", size, "-octet DNS response, over ", kLimit));
    }
  }
}

}  // namespace

extern const Rule kTlsa011{
    .info = {.id = "TLSA011", .name = "tlsa-rrset-size", .severity = Severity::Warning, .since = "0.1.0",
             .summary = "TLSA RRset plus its RRSIGs over 1232 octets in a DNS response",
             .rationale = "Responses over 1232 octets (the DNS flag day 2020 EDNS buffer size) are truncated or "
                          "fragmented; fragments are often dropped, and resolvers must retry over TCP. Slow or failed "
                          "TLSA lookups make DANE senders defer mail (RFC 7671 §10.1.1). The size is counted as the "
                          "response carrying the RRset: header, question, each TLSA and covering RRSIG with a "
                          "compressed owner, and the OPT record.",
             .fix = "Publish fewer records: one 3 1 1 per served key (plus the next key), SHA2-256 rather than full "
                    "data (matching type 0) or SHA2-512, and a smaller signing algorithm (ECDSA P-256 or Ed25519).",
             .exceptions = "Authoritative servers that answer over TCP reliably and senders that retry.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 01010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 02020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 03030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 04040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 05050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505050505\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 06060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606060606\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 07070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707070707\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 08080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808080808\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 09090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909090909\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f\n"
                            "_25._tcp.mx.example. 3600 IN TLSA 3 1 2 10101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010\n",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab\n"
                             "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
             .references = "RFC 7671 §10.1.1; DNS flag day 2020"},
    .check = &check};

}  // namespace danelint::rules
