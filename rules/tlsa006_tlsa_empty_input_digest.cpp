#include <algorithm>
#include <array>

#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"

namespace danelint::rules {
namespace {

// SHA2-256 and SHA2-512 of the empty string: what a pipeline publishes when its extraction step
// produced nothing (for example `openssl rsa` run on an EC key).
constexpr std::array<uint8_t, 32> kEmptySha256 = {
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
constexpr std::array<uint8_t, 64> kEmptySha512 = {
    0xcf, 0x83, 0xe1, 0x35, 0x7e, 0xef, 0xb8, 0xbd, 0xf1, 0x54, 0x28, 0x50, 0xd6, 0x6d, 0x80, 0x07,
    0xd6, 0x20, 0xe4, 0x05, 0x0b, 0x57, 0x15, 0xdc, 0x83, 0xf4, 0xa9, 0x21, 0xd3, 0x6c, 0xe9, 0xce,
    0x47, 0xd0, 0xd1, 0x3c, 0x5d, 0x85, 0xf2, 0xb0, 0xff, 0x83, 0x18, 0xd2, 0x87, 0x7e, 0xec, 0x2f,
    0x63, 0xb9, 0x31, 0xbd, 0x47, 0x41, 0x7a, 0x81, 0xa5, 0x38, 0x32, 0x7a, 0xf9, 0x27, 0xda, 0x3e};

template <size_t N>
bool equal(std::span<const uint8_t> a, const std::array<uint8_t, N>& b) {
  return a.size() == N && std::equal(a.begin(), a.end(), b.begin());
}

void check(const LintContext& ctx, FindingSink& out) {
  for_each_tlsa(ctx, [&](const ZoneModel& zone, const Record& rec, const TlsaView& t) {
    if (equal(t.data, kEmptySha256))
      out.report(zone, rec, cat(tlsa_params(t), ": data is the SHA2-256 digest of empty input"));
    else if (equal(t.data, kEmptySha512))
      out.report(zone, rec, cat(tlsa_params(t), ": data is the SHA2-512 digest of empty input"));
  });
}

}  // namespace

extern const Rule kTlsa006{
    .info = {.id = "TLSA006", .name = "tlsa-empty-input-digest", .severity = Severity::Error, .since = "0.1.0",
             .summary = "TLSA data is the digest of empty input",
             .rationale = "No certificate or key hashes to this value: the pipeline that built the record hashed "
                          "nothing, typically `openssl rsa -pubout` run on an EC key, or a missing file.",
             .fix = "Regenerate the record from the real certificate or key with `danelint gen`.",
             .bad_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
             .good_example = "_25._tcp.mx.example. 3600 IN TLSA 3 1 1 abababababababababababababababababababababababababababababababab",
             .references = "danectl PR #5 (openssl rsa on an EC key)"},
    .check = &check};

}  // namespace danelint::rules
