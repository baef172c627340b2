#include "lint/dane.hpp"

#include "lint/model.hpp"
#include "lint/strings.hpp"

namespace danelint {

namespace {
/// The first two labels of a TLSA owner (_<port> and _<proto> when well formed) and the offset of the
/// host name after them; nullopt when the wire holds fewer than three labels. (Rules look at every TLSA
/// owner, some once per record: no vector of all the labels.)
struct OwnerPrefix {
  std::string_view first, second;
  size_t base_at = 0;
};
std::optional<OwnerPrefix> owner_prefix(std::string_view wire) {
  OwnerPrefix p;
  p.first = label_at(wire, 0);
  if (p.first.empty()) return std::nullopt;
  p.second = label_at(wire, 1 + p.first.size());
  p.base_at = 2 + p.first.size() + p.second.size();
  if (p.second.empty() || label_at(wire, p.base_at).empty()) return std::nullopt;
  return p;
}
}  // namespace

bool is_smtp_owner(std::string_view owner_wire) {
  const auto p = owner_prefix(owner_wire);
  return p && p->first == "_25" && equals_icase(p->second, "_tcp");
}

TlsaOwner parse_tlsa_owner(std::string_view owner_wire) {
  TlsaOwner o;
  const auto prefix = owner_prefix(owner_wire);
  if (!prefix) {
    o.problem = "needs _<port>._<proto>. followed by a host name";
    return o;
  }
  const auto [first, second, skip] = *prefix;
  // Lower-cased on the stack (a length octet allows at most 255): rules parse every TLSA owner of a zone.
  char port_buf[255], proto_buf[255];
  auto lower = [](std::string_view label, char* buf) {
    ascii_lower_copy(label.data(), label.size(), buf);
    return std::string_view(buf, label.size());
  };
  const std::string_view port_label = lower(first, port_buf), proto_label = lower(second, proto_buf);
  o.base_wire = owner_wire.substr(skip);
  bool proto_ok = proto_label == "_tcp" || proto_label == "_udp" || proto_label == "_sctp";
  if (port_label.size() < 2 || port_label[0] != '_') {
    o.problem = cat("first label '", first, "' is not _<port>");
    return o;
  }
  std::string_view digits = port_label.substr(1);
  uint64_t port = 0;
  bool numeric = parse_u64(digits, port);
  if (!numeric) {
    bool alpha = digits.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
    if (alpha && proto_ok) {
      o.form = TlsaOwner::Form::ServiceName;
      o.service.assign(digits);
      o.proto.assign(proto_label.substr(1));
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
  o.proto.assign(proto_label.substr(1));
  return o;
}

}  // namespace danelint
