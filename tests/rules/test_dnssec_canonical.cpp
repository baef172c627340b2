#include <doctest/doctest.h>

#include "lint/dnssec/canonical.hpp"
#include "lint/dnssec/verifier.hpp"
#include "lint/model.hpp"

using namespace danelint;
using namespace danelint::dnssec;

static std::string w(const char* text) { return *name_from_text(text); }

TEST_CASE("canonical form: wildcard owner from the labels field") {
  CHECK(signed_owner(w("www.example."), 2) == w("www.example."));
  CHECK(signed_owner(w("a.b.example."), 2) == w("*.b.example."));
  CHECK(signed_owner(w("a.b.example."), 1) == w("*.example."));
  CHECK(signed_owner(w("*.b.example."), 2) == w("*.b.example."));  // '*' does not count
  CHECK(!signed_owner(w("www.example."), 3));
  CHECK(signed_owner(w("."), 0) == w("."));
}

TEST_CASE("canonical form: names in RDATA lower-cased for the RFC 4034 §6.2 types, not NSEC") {
  std::string mx("\x00\x0a\x04MAIL\x07" "Example\x00", 16);
  std::string out;
  CHECK(append_canonical_rdata(15, {reinterpret_cast<const uint8_t*>(mx.data()), mx.size()}, out));
  CHECK(out == std::string("\x00\x0a\x04mail\x07" "example\x00", 16));
  std::string nsec("\x03WWW\x00\x00\x01\x40", 8);
  out.clear();
  append_canonical_rdata(47, {reinterpret_cast<const uint8_t*>(nsec.data()), nsec.size()}, out);
  CHECK(out == nsec);
  // A name running past the RDATA is copied unchanged and reported.
  std::string bad("\x00\x0a\x09MAIL", 7);
  out.clear();
  CHECK(!append_canonical_rdata(15, {reinterpret_cast<const uint8_t*>(bad.data()), bad.size()}, out));
  CHECK(out == bad);
}

TEST_CASE("DS digests and key decoding") {
  CHECK(ds_digest_length(1) == 20);
  CHECK(ds_digest_length(2) == 32);
  CHECK(ds_digest_length(4) == 48);
  CHECK(ds_digest_length(9) == 0);
  CHECK(!ds_digest(w("example."), {}, 3));
  // Bad key material is Invalid, unknown algorithms Unsupported, never a crash.
  std::vector<uint8_t> junk(10, 0xff);
  CHECK(decode_public_key(13, junk).status == KeyStatus::Invalid);
  CHECK(decode_public_key(15, junk).status == KeyStatus::Invalid);
  CHECK(decode_public_key(8, {}).status == KeyStatus::Invalid);
  CHECK(decode_public_key(253, junk).status == KeyStatus::Unsupported);
  std::vector<uint8_t> off_curve(64, 0x01);
  CHECK(decode_public_key(13, off_curve).status == KeyStatus::Invalid);
}
