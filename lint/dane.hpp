// DANE naming (RFC 6698 §3): TLSA owners are _<port>._<proto>.<base domain>.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace danelint {

struct TlsaOwner {
  enum class Form { Valid, ServiceName, Malformed } form = Form::Malformed;
  uint16_t port = 0;
  std::string proto;      ///< "tcp", "udp", "sctp" (lower case)
  std::string service;    ///< for ServiceName: the label without '_', e.g. "smtp"
  std::string_view base_wire;  ///< the base domain (wire), when the prefix labels were found: a view into
                               ///< the owner passed to parse_tlsa_owner (rules call it for every TLSA owner)
  std::string problem;    ///< why it is malformed
};

/// Classifies a TLSA owner name (wire form).
TlsaOwner parse_tlsa_owner(std::string_view owner_wire);

/// True for an owner of the form _25._tcp.<host> (DANE for SMTP, RFC 7672).
inline bool is_smtp_owner(const TlsaOwner& o) {
  return o.form == TlsaOwner::Form::Valid && o.port == 25 && o.proto == "tcp";
}
/// The same test on the name itself, for rules that need nothing else of the parse.
bool is_smtp_owner(std::string_view owner_wire);

}  // namespace danelint
