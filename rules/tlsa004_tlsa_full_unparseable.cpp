#include <openssl/x509.h>

#include "lint/c_ptr.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

/// True when the bytes are exactly one DER structure of the kind the selector names.
bool parses_as(uint8_t selector, std::span<const uint8_t> der) {
  const unsigned char* p = der.data();
  long len = static_cast<long>(der.size());
  if (selector == 0) {
    X509Ptr cert(d2i_X509(nullptr, &p, len));
    return cert && p == der.data() + der.size();
  }
  EvpPkeyPtr key(d2i_PUBKEY(nullptr, &p, len));
  return key && p == der.data() + der.size();
}

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (t.matching_type != 0 || t.selector > 1 || parses_as(t.selector, t.data)) return;
    out.report(zone, rec, cat(tlsa_params(t), ": data is not a DER-encoded ",
                              t.selector == 0 ? "X.509 certificate" : "SubjectPublicKeyInfo"));
  });
}

}  // namespace

extern const Rule kTlsa004{
    .info = {.id = "TLSA004", .name = "tlsa-full-unparseable", .severity = Severity::Error, .since = "0.1.0",
             .summary = "full-data TLSA (matching type 0) is not a DER certificate or public key",
             .rationale = "With matching type 0 the data must be the DER certificate (selector 0) or "
                          "SubjectPublicKeyInfo (selector 1); anything else matches nothing (RFC 6698 §2.1.2).",
             .fix = "Publish a digest record instead (`danelint gen`), or convert the PEM to DER before hex-encoding.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 0 abababababababababababababababababababababababababababababababab",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "RFC 6698 §2.1.2"},
    .check = &check};

}  // namespace danelint::rules
