#include "lint/dane.hpp"

#include "lint/model.hpp"
#include "lint/strings.hpp"

namespace danelint {

TlsaOwner parse_tlsa_owner(std::string_view owner_wire) {
  TlsaOwner o;
  auto labels = name_labels(owner_wire);
  if (labels.size() < 3) {
    o.problem = "needs _<port>._<proto>. followed by a host name";
    return o;
  }
  std::string port_label = ascii_lower(labels[0]);
  std::string proto_label = ascii_lower(labels[1]);
  size_t skip = 2 + labels[0].size() + labels[1].size();
  o.base_wire = std::string(owner_wire.substr(skip));
  bool proto_ok = proto_label == "_tcp" || proto_label == "_udp" || proto_label == "_sctp";
  if (port_label.size() < 2 || port_label[0] != '_') {
    o.problem = cat("first label '", labels[0], "' is not _<port>");
    return o;
  }
  std::string_view digits = std::string_view(port_label).substr(1);
  uint64_t port = 0;
  bool numeric = parse_u64(digits, port);
  if (!numeric) {
    bool alpha = digits.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
    if (alpha && proto_ok) {
      o.form = TlsaOwner::Form::ServiceName;
      o.service = std::string(digits);
      o.proto = proto_label.substr(1);
      return o;
    }
    o.problem = cat("first label '", labels[0], "' is not _<port>");
    return o;
  }
  if (port < 1 || port > 65535 || (digits.size() > 1 && digits[0] == '0')) {
    o.problem = cat("port ", digits, " is not a decimal number from 1 to 65535");
    return o;
  }
  if (!proto_ok) {
    o.problem = cat("second label '", labels[1], "' is not _tcp, _udp or _sctp");
    return o;
  }
  o.form = TlsaOwner::Form::Valid;
  o.port = static_cast<uint16_t>(port);
  o.proto = proto_label.substr(1);
  return o;
}

}  // namespace danelint
