#include "lint/dane.hpp"

#include "lint/model.hpp"
#include "lint/strings.hpp"

namespace danelint {

namespace {
/// The label at an offset of a wire name; empty at the root or where the wire is cut short. (Rules
/// parse every TLSA owner, some once per record: no vector of all the labels.)
std::string_view label_at(std::string_view wire, size_t at) {
  const size_t len = at < wire.size() ? static_cast<unsigned char>(wire[at]) : 0;
  return len == 0 || at + 1 + len > wire.size() ? std::string_view() : wire.substr(at + 1, len);
}
}  // namespace

bool is_smtp_owner(std::string_view owner_wire) {
  const std::string_view first = label_at(owner_wire, 0);
  const std::string_view second = label_at(owner_wire, 1 + first.size());
  return first == "_25" && equals_icase(second, "_tcp") && !label_at(owner_wire, 2 + first.size() + second.size()).empty();
}

TlsaOwner parse_tlsa_owner(std::string_view owner_wire) {
  TlsaOwner o;
  auto label_at = [&](size_t at) { return danelint::label_at(owner_wire, at); };
  const std::string_view first = label_at(0);
  const std::string_view second = first.empty() ? std::string_view() : label_at(1 + first.size());
  const size_t skip = 2 + first.size() + second.size();
  if (second.empty() || label_at(skip).empty()) {
    o.problem = "needs _<port>._<proto>. followed by a host name";
    return o;
  }
  std::string port_label = ascii_lower(first);
  std::string proto_label = ascii_lower(second);
  o.base_wire = std::string(owner_wire.substr(skip));
  bool proto_ok = proto_label == "_tcp" || proto_label == "_udp" || proto_label == "_sctp";
  if (port_label.size() < 2 || port_label[0] != '_') {
    o.problem = cat("first label '", first, "' is not _<port>");
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
    o.problem = cat("first label '", first, "' is not _<port>");
    return o;
  }
  if (port < 1 || port > 65535 || (digits.size() > 1 && digits[0] == '0')) {
    o.problem = cat("port ", digits, " is not a decimal number from 1 to 65535");
    return o;
  }
  if (!proto_ok) {
    o.problem = cat("second label '", second, "' is not _tcp, _udp or _sctp");
    return o;
  }
  o.form = TlsaOwner::Form::Valid;
  o.port = static_cast<uint16_t>(port);
  o.proto = proto_label.substr(1);
  return o;
}

}  // namespace danelint
