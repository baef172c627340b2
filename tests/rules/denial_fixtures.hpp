// Small zones for the NSEC001-NSEC012 tests (origin example., unsigned so that bitmaps carry no RRSIG).
// NSEC3 hashes: 0 iterations, empty salt (computed with ldns-nsec3-hash).
#pragma once
#include <string>
#include <string_view>

#include <doctest/doctest.h>

namespace danelint::test::denial {

// 1 SOA, 2 NS, 3 apex NSEC, 4-5 ns, 6-7 www, 8-9 delegation sub with glue ns.sub (no NSEC at the glue)
inline const std::string kNsec =
    "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
    "example. 3600 IN NS ns.example.\n"
    "example. 3600 IN NSEC ns.example. NS SOA NSEC\n"
    "ns.example. 3600 IN A 192.0.2.1\n"
    "ns.example. 3600 IN NSEC sub.example. A NSEC\n"
    "sub.example. 3600 IN NS ns.sub.example.\n"
    "sub.example. 3600 IN NSEC www.example. NS NSEC\n"
    "ns.sub.example. 3600 IN A 192.0.2.53\n"
    "www.example. 3600 IN A 192.0.2.2\n"
    "www.example. 3600 IN NSEC example. A NSEC\n";

// Hash order: sub 1ocu < apex 3mse < www 9kqn < sec d1mq < ent n3mi < a.ent t95e.
// Lines: 1 SOA, 2 NS, 3 NSEC3PARAM, 4 www A, 5-6 sec NS+DS, 7 a.ent A, 8 sub NS, 9-14 NSEC3.
inline const std::string kNsec3 =
    "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 3600\n"
    "example. 3600 IN NS ns.other.net.\n"
    "example. 0 IN NSEC3PARAM 1 0 0 -\n"
    "www.example. 3600 IN A 192.0.2.2\n"
    "sec.example. 3600 IN NS ns.other.net.\n"
    "sec.example. 3600 IN DS 12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
    "a.ent.example. 3600 IN A 192.0.2.3\n"
    "sub.example. 3600 IN NS ns.other.net.\n"
    "3msev9usmd4br9s97v51r2tdvmr9iqo1.example. 3600 IN NSEC3 1 0 0 - 9kqnrpnekplbct2m3k9jh3cljviok2b5 NS SOA NSEC3PARAM\n"
    "9kqnrpnekplbct2m3k9jh3cljviok2b5.example. 3600 IN NSEC3 1 0 0 - d1mq62m4mjgk65mgmkd443ev3mkv9vnb A\n"
    "d1mq62m4mjgk65mgmkd443ev3mkv9vnb.example. 3600 IN NSEC3 1 0 0 - n3mivjm8dklobh7r7f4rd46cg6f4stom NS DS\n"
    "n3mivjm8dklobh7r7f4rd46cg6f4stom.example. 3600 IN NSEC3 1 0 0 - t95e7unrpnc3airc8q4n4s6tf1idh3gj\n"
    "t95e7unrpnc3airc8q4n4s6tf1idh3gj.example. 3600 IN NSEC3 1 0 0 - 1ocurhhekmgijb12o4fl1rfb1he35098 A\n"
    "1ocurhhekmgijb12o4fl1rfb1he35098.example. 3600 IN NSEC3 1 0 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1 NS\n";

/// The NSEC3 zone with the insecure delegation sub left out under opt-out (t95e covers its hash).
inline std::string nsec3_optout() {
  std::string z = kNsec3;
  z = z.substr(0, z.find("1ocurhhekmgijb12o4fl1rfb1he35098.example. 3600 IN NSEC3"));
  auto p = z.find("t95e7unrpnc3airc8q4n4s6tf1idh3gj.example. 3600 IN NSEC3 1 0 0 - 1ocurhhekmgijb12o4fl1rfb1he35098");
  z.replace(p, std::string("t95e7unrpnc3airc8q4n4s6tf1idh3gj.example. 3600 IN NSEC3 1 0 0 - 1ocurhhekmgijb12o4fl1rfb1he35098").size(),
            "t95e7unrpnc3airc8q4n4s6tf1idh3gj.example. 3600 IN NSEC3 1 1 0 - 3msev9usmd4br9s97v51r2tdvmr9iqo1");
  return z;
}

/// Replaces the one occurrence of `from` (which must exist) by `to`.
inline std::string edit(std::string text, std::string_view from, std::string_view to) {
  auto p = text.find(from);
  REQUIRE_MESSAGE(p != std::string::npos, from);
  text.replace(p, from.size(), to);
  return text;
}

/// Drops the line containing `needle`.
inline std::string drop_line(std::string text, std::string_view needle) {
  auto p = text.find(needle);
  REQUIRE_MESSAGE(p != std::string::npos, needle);
  auto b = text.rfind('\n', p);
  b = b == std::string::npos ? 0 : b + 1;
  auto e = text.find('\n', p);
  text.erase(b, e - b + 1);
  return text;
}

}  // namespace danelint::test::denial
