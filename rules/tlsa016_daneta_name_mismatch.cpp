#include <ldns/ldns.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "gen/tlsa.hpp"
#include "lint/dane_match.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

std::string no_dot(std::string s) {
  if (s.size() > 1 && s.back() == '.') s.pop_back();
  return s;
}

// Reference identifiers of RFC 7672 §3.2.2: the TLSA base domain (the MX host) and the next-hop
// domains, i.e. the mail domains whose MX points at the host in the zones given.
std::vector<std::string> reference_ids(const LintContext& ctx, const Service& svc) {
  std::vector<std::string> ids{no_dot(svc.spec.host)};
  auto host_wire = name_from_text(svc.spec.host);
  for (const auto& zone : ctx.zones())
    for (const Record& rec : zone->records) {
      if (rec.type != LDNS_RR_TYPE_MX || rec.rdata_len < 3 || !host_wire) continue;
      auto rd = zone->rdata(rec);
      std::string target(reinterpret_cast<const char*>(rd.data()) + 2, rd.size() - 2);
      if (ascii_lower(target) == ascii_lower(*host_wire)) ids.push_back(no_dot(zone->owner_text(rec)));
    }
  return ids;
}

void check(const LintContext& ctx, FindingSink& out) {
  for (const Service& svc : ctx.services()) {
    dane::ServiceView v = dane::analyse(ctx, svc);
    for (size_t i = 0; i < v.chains.size(); ++i) {
      const dane::Verdict& verdict = v.verdicts[i];
      const dane::Chain& c = v.chains[i];
      if (!verdict.via_ta || !c.leaf()) continue;
      std::vector<std::string> ids = reference_ids(ctx, svc);
      bool ok = false;
      for (const std::string& id : ids) ok |= X509_check_host(c.leaf(), id.c_str(), id.size(), 0, nullptr) == 1;
      ERR_clear_error();
      if (ok) continue;
      std::string list;
      for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
      Finding& f = out.report(SourceLoc{c.file->path, c.line_of(0), c.line_of(0), 0},
                              cat(dane::service_text(svc), ": under DANE-TA the leaf ", gen::subject_line(c.leaf()),
                                  " must name ", list, " but does not"));
      f.owner = svc.label();
      f.related.push_back({dane::record_loc(*verdict.matched), "the DANE-TA record in use"});
    }
  }
}

}  // namespace

extern const Rule kTlsa016{
    .info = {.id = "TLSA016", .name = "daneta-name-mismatch", .severity = Severity::Error, .since = "0.1.0",
             .summary = "with DANE-TA, the leaf's names cover neither the TLSA base domain nor the next-hop domain",
             .rationale = "A DANE-TA match still requires the leaf to carry a reference identifier: the MX host "
                          "(TLSA base domain) or the next-hop (mail) domain (RFC 7672 §3.2.2-3.2.3). OpenSSL checks "
                          "it with X509_check_host; the connection fails.",
             .fix = "Reissue the certificate with the MX host name in subjectAltName, or publish DANE-EE "
                    "(3 1 1) for the leaf, which needs no name check.",
             .bad_example = "DANE-TA 2 1 1 for the CA; leaf SAN DNS:www.example.com, service host mx.example.com",
             .good_example = "DANE-TA 2 1 1 for the CA; leaf SAN DNS:mx.example.com",
             .references = "RFC 7672 §3.2.2, §3.2.3; RFC 7671 §5.2",
             .zone_examples = false},
    .check = &check};

}  // namespace danelint::rules
