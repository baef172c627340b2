// Deployment rules that work on zone data alone (tlsa-digest-agility, tlsa-shared-ee, smtp-all-unusable),
// the "unusable" classification shared with the certificate rules, and the SPKI denylist parser.
// The certificate rules are exercised end to end by tests/cli/test_deploy_scenarios.sh.
#include <doctest/doctest.h>

#include "lint/dane_match.hpp"
#include "lint/rule.hpp"
#include "lint/spki_denylist.hpp"
#include "tests/helpers.hpp"

namespace danelint::test {
namespace {

const std::string kApex = "@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600\n@ 3600 IN NS ns1\n";
const std::string h32(char c) { return std::string(64, c); }
const std::string h64(char c) { return std::string(128, c); }

}  // namespace

TEST_CASE("zone examples of the zone-only deployment rules") {
  for (std::string_view id : {"TLSA020", "TLSA024", "SMTP003"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CAPTURE(id);
    CHECK(r->info.zone_examples);
    CHECK(!of_rule(lint_zone_text(kApex + std::string(r->info.bad_example) + "\n", only(std::string(id))), id).empty());
    CHECK(of_rule(lint_zone_text(kApex + std::string(r->info.good_example) + "\n", only(std::string(id))), id).empty());
  }
}

TEST_CASE("certificate rules declare that their examples are not zone text") {
  for (std::string_view id : {"TLSA012", "TLSA013", "TLSA014", "TLSA015", "TLSA016", "TLSA017", "TLSA018", "TLSA019",
                              "TLSA021", "TLSA022", "TLSA023", "CERT001", "CERT002", "CERT003", "CERT004", "CERT005",
                              "CERT006"}) {
    const Rule* r = find_rule(id);
    REQUIRE(r);
    CHECK_MESSAGE(!r->info.zone_examples, id);
    CHECK(lint_zone_text(kApex, only(std::string(id))).empty());  // no services: nothing to say
  }
}

TEST_CASE("tlsa-digest-agility: same number of keys under both digests is quiet, per (usage, selector)") {
  std::string z = kApex + "_25._tcp.mx 3600 IN TLSA 3 1 1 " + h32('1') + "\n_25._tcp.mx 3600 IN TLSA 3 1 2 " + h64('2') +
                  "\n_25._tcp.mx 3600 IN TLSA 2 1 1 " + h32('3') + "\n_25._tcp.mx 3600 IN TLSA 2 1 1 " + h32('4') + "\n";
  CHECK(lines_of(lint_zone_text(z, only("TLSA020")), "TLSA020").empty());
  // Two keys under SHA2-256, one under SHA2-512 for (3, 1): reported at the SHA2-512 record.
  z += "_25._tcp.mx 3600 IN TLSA 3 1 1 " + h32('5') + "\n";
  CHECK(lines_of(lint_zone_text(z, only("TLSA020")), "TLSA020") == std::vector<int>{4});
  // A wrong-length SHA2-512 record is unusable and does not take part.
  std::string bad = kApex + "_25._tcp.mx 3600 IN TLSA 3 1 1 " + h32('1') + "\n_25._tcp.mx 3600 IN TLSA 3 1 1 " + h32('2') +
                    "\n_25._tcp.mx 3600 IN TLSA 3 1 2 " + h32('3') + "\n";
  CHECK(lines_of(lint_zone_text(bad, only("TLSA020")), "TLSA020").empty());
}

TEST_CASE("smtp-all-unusable: one usable record is enough, only port 25 owners") {
  std::string pkix = kApex + "_25._tcp.mx 3600 IN TLSA 1 1 1 " + h32('a') + "\n_25._tcp.mx 3600 IN TLSA 3 1 1 " +
                     h32('b').substr(0, 40) + "\n";
  CHECK(lines_of(lint_zone_text(pkix, only("SMTP003")), "SMTP003") == std::vector<int>{3});
  CHECK(lines_of(lint_zone_text(pkix + "_25._tcp.mx 3600 IN TLSA 2 1 1 " + h32('c') + "\n", only("SMTP003")), "SMTP003")
            .empty());
  std::string https = kApex + "_443._tcp.www 3600 IN TLSA 1 1 1 " + h32('a') + "\n";
  CHECK(lines_of(lint_zone_text(https, only("SMTP003")), "SMTP003").empty());
}

TEST_CASE("tlsa-shared-ee: different keys, or other usages, are quiet") {
  std::string z = kApex + "_25._tcp.mx1 3600 IN TLSA 3 1 1 " + h32('a') + "\n_25._tcp.mx2 3600 IN TLSA 2 1 1 " + h32('a') +
                  "\n_25._tcp.mx3 3600 IN TLSA 3 1 1 " + h32('b') + "\n";
  CHECK(lint_zone_text(z, only("TLSA024")).empty());
  z += "_25._tcp.mx4 3600 IN TLSA 3 1 1 " + h32('a') + "\n_25._tcp.mx5 3600 IN TLSA 3 1 1 " + h32('a') + "\n";
  auto f = of_rule(lint_zone_text(z, only("TLSA024")), "TLSA024");
  REQUIRE(f.size() == 1);
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].related.size() == 2);
}

TEST_CASE("tlsa-shared-ee: keys that differ only after their first octets are different keys") {
  // The rule sorts by the first six octets before it compares whole records: keys alike that far
  // must still be told apart, and one key's records brought together among them.
  const std::string alike = "0102030405060708";
  std::string z = kApex;
  int host = 0;
  for (char tail : {'1', '2', '3', '1', '4', '2'})
    z += cat("_25._tcp.mx", ++host, " 3600 IN TLSA 3 1 1 ", alike, std::string(47, '0'), tail, '\n');
  auto f = of_rule(lint_zone_text(z, only("TLSA024")), "TLSA024");
  REQUIRE(f.size() == 2);  // the keys ending in 1 and in 2, each at two owners; 3 and 4 are alone
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].related.size() == 1);
  CHECK(f[0].related[0].first.line == 6);
  CHECK(f[1].loc.line == 4);
  CHECK(f[1].related.size() == 1);
  CHECK(f[1].related[0].first.line == 8);
}

TEST_CASE("tlsa-shared-ee: thousands of owners, each named once however many records it has") {
  constexpr int kOwners = 3000;
  std::string z = kApex;
  for (int i = 0; i < kOwners; ++i) {
    z += cat("_25._tcp.mx", i, " 3600 IN TLSA 3 1 1 ", h32('a'), '\n');
    z += cat("_25._tcp.MX", i, " 3600 IN TLSA 3 1 2 ", h64('c'), '\n');  // one owner, written in another case
    z += cat("_25._tcp.Mx", i, " 3600 IN TLSA 3 1 2 ", h64('c'), '\n');
  }
  auto f = of_rule(lint_zone_text(z, only("TLSA024")), "TLSA024");
  REQUIRE(f.size() == 2);
  CHECK(f[0].loc.line == 3);
  CHECK(f[0].related.size() == kOwners - 1);
  CHECK(f[0].related.back().first.line == 3 + 3 * (kOwners - 1));
  CHECK(f[1].loc.line == 4);
  CHECK(f[1].related.size() == kOwners - 1);
  CHECK(f[1].related[0].first.line == 7);
  CHECK(f[1].message.ends_with(cat("_25._tcp.mx", kOwners - 1, ".example.")));
}

TEST_CASE("unusable records as OpenSSL's SSL_dane_tlsa_add and RFC 7672 see them") {
  std::vector<uint8_t> d32(32, 1), d64(64, 1), d20(20, 1);
  auto view = [](uint8_t u, uint8_t s, uint8_t m, const std::vector<uint8_t>& d) {
    return TlsaView{u, s, m, std::span<const uint8_t>(d)};
  };
  using dane::Unusable;
  CHECK(dane::unusable_reason(view(3, 1, 1, d32), true) == Unusable::None);
  CHECK(dane::unusable_reason(view(2, 0, 2, d64), true) == Unusable::None);
  CHECK(dane::unusable_reason(view(4, 1, 1, d32), false) == Unusable::Usage);
  CHECK(dane::unusable_reason(view(3, 2, 1, d32), false) == Unusable::Selector);
  CHECK(dane::unusable_reason(view(3, 1, 3, d32), false) == Unusable::Matching);
  CHECK(dane::unusable_reason(view(3, 1, 1, d20), false) == Unusable::DigestLength);
  CHECK(dane::unusable_reason(view(3, 1, 2, d32), false) == Unusable::DigestLength);
  CHECK(dane::unusable_reason(view(3, 1, 0, d32), false) == Unusable::FullUnparseable);
  CHECK(dane::unusable_reason(view(1, 1, 1, d32), true) == Unusable::SmtpPkix);
  CHECK(dane::unusable_reason(view(0, 1, 1, d32), true) == Unusable::SmtpPkix);
  CHECK(dane::unusable_reason(view(1, 1, 1, d32), false) == Unusable::None);
}

TEST_CASE("SPKI denylist: shipped entries and the file format") {
  const SpkiDenylist& builtin = builtin_spki_denylist();
  CHECK(builtin.size() >= 7);
  CHECK(builtin.count("2e753ed5cc4f38513460b0546d3ed83c925ad58028bf28a7e2237b5bf5bc0ba3"));  // hyper-h2 example
  SpkiDenylist l;
  CHECK(parse_spki_denylist("# c\n\n" + h32('A') + "  # upper case is fine\n", "x.txt", l).empty());
  REQUIRE(l.size() == 1);
  CHECK(l.begin()->first == h32('a'));
  CHECK(l.begin()->second == "x.txt:3: upper case is fine");
  CHECK(parse_spki_denylist("abc\n", "y.txt", l) == "y.txt:1: expected a 64-digit hex SHA-256 of an SPKI, got 'abc'");
  CHECK(parse_spki_denylist(h32('g') + "\n", "z.txt", l).starts_with("z.txt:1:"));
  CHECK(load_spki_denylist("/nonexistent/deny.txt", l) == "/nonexistent/deny.txt: cannot read SPKI denylist");
}

}  // namespace danelint::test
