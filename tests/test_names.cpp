// Wire names as findings show them, and TLSA owner names as the DANE rules classify them. Both walk the
// labels of the wire themselves, so the cases include wire cut short and escapes.
#include <doctest/doctest.h>

#include <string>

#include "lint/dane.hpp"
#include "lint/model.hpp"

using namespace danelint;
using namespace std::string_literals;

TEST_CASE("name_to_text: labels with dots, escapes, the root, and wire cut short") {
  CHECK(name_to_text("\x04mail\x07""example\x00"s) == "mail.example.");
  CHECK(name_to_text("\x00"s) == ".");
  CHECK(name_to_text("") == ".");
  CHECK(name_to_text("\x03""a.b\x01@\x00"s) == "a\\.b.\\@.");
  CHECK(name_to_text("\x02\x00\xff\x00"s) == "\\000\\255.");
  CHECK(name_to_text("\x03""a b\x00"s) == "a\\032b.");
  // A label longer than what is left ends the name there, as does a missing root.
  CHECK(name_to_text("\x02ok\x09short"s) == "ok.");
  CHECK(name_to_text("\x02ok"s) == "ok.");
}

TEST_CASE("parse_tlsa_owner: port and protocol labels, service names, and owners too short") {
  const std::string host = "\x02mx\x07""example\x00"s;
  TlsaOwner smtp = parse_tlsa_owner("\x03_25\x04_TCP"s + host);
  CHECK(smtp.form == TlsaOwner::Form::Valid);
  CHECK(smtp.port == 25);
  CHECK(smtp.proto == "tcp");
  CHECK(smtp.base_wire == host);
  CHECK(is_smtp_owner(smtp));

  TlsaOwner named = parse_tlsa_owner("\x05_smtp\x04_tcp"s + host);
  CHECK(named.form == TlsaOwner::Form::ServiceName);
  CHECK(named.service == "smtp");
  CHECK(named.base_wire == host);

  CHECK(parse_tlsa_owner("\x03_25\x04_tls"s + host).problem == "second label '_tls' is not _tcp, _udp or _sctp");
  CHECK(parse_tlsa_owner("\x03_00\x04_tcp"s + host).problem == "port 00 is not a decimal number from 1 to 65535");
  CHECK(parse_tlsa_owner("\x02mx\x04_tcp"s + host).problem == "first label 'mx' is not _<port>");

  // Fewer than three labels, counting only those the wire really holds.
  const std::string too_short = "needs _<port>._<proto>. followed by a host name";
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x00"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x05mx"s).problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x09_tcp\x02mx\x00"s).problem == too_short);
  CHECK(parse_tlsa_owner("").problem == too_short);
  CHECK(parse_tlsa_owner("\x03_25\x04_tcp\x02mx"s).form == TlsaOwner::Form::Valid);  // no root octet: three labels
}
