#include "lint/deployment.hpp"

#include <stdexcept>

#include "lint/model.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint {

std::string Service::tlsa_owner_text() const { return cat('_', spec.port, "._", spec.proto, '.', spec.host); }

std::string Service::tlsa_owner_wire() const {
  auto w = name_from_text(tlsa_owner_text());
  return w ? ascii_lower(*w) : std::string();
}

std::string Service::label() const { return cat(spec.host, ':', spec.port); }

ServiceSpec parse_service_flag(const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument(cat("--service '", text, "': expected HOST[:PORT]=CHAINFILE"));
  ServiceSpec s;
  std::string host = text.substr(0, eq);
  if (size_t colon = host.rfind(':'); colon != std::string::npos) {
    uint64_t port = 0;
    if (!parse_u64(host.substr(colon + 1), port) || port < 1 || port > 65535)
      throw std::invalid_argument(cat("--service '", text, "': port must be 1 to 65535"));
    s.port = static_cast<uint16_t>(port);
    host.resize(colon);
  }
  if (host.empty()) throw std::invalid_argument(cat("--service '", text, "': expected HOST[:PORT]=CHAINFILE"));
  if (host.back() != '.') host += '.';
  if (!name_from_text(host)) throw std::invalid_argument(cat("--service '", text, "': '", host, "' is not a host name"));
  s.host = ascii_lower(host);
  s.chains.push_back(text.substr(eq + 1));
  s.origin_file = "--service";
  return s;
}

Service load_service(const ServiceSpec& spec, std::vector<Finding>& problems) {
  Service svc;
  svc.spec = spec;
  auto load = [&](const std::vector<std::string>& paths, std::vector<LoadedMaterial>& into) {
    for (const std::string& p : paths) {
      gen::LoadResult r = gen::load_material(p);
      if (!r.material) {
        Finding f;
        f.rule = find_rule("input-unreadable");
        f.severity = Severity::Error;
        // The loader says "PATH[:LINE]: reason"; keep the place in loc and the reason in the message.
        f.loc = SourceLoc{p, 0, 0, 0};
        std::string_view rest = r.error;
        if (rest.starts_with(p + ":")) {
          rest.remove_prefix(p.size() + 1);
          uint64_t line = 0;
          size_t colon = rest.find(':');
          if (colon != std::string_view::npos && parse_u64(rest.substr(0, colon), line)) {
            f.loc.line = f.loc.end_line = static_cast<int>(line);
            rest.remove_prefix(colon + 1);
          }
        }
        f.message = std::string(trim(rest));
        f.owner = svc.label();
        problems.push_back(std::move(f));
        continue;
      }
      into.push_back(LoadedMaterial{p, std::move(*r.material)});
    }
  };
  load(spec.chains, svc.chains);
  load(spec.keys, svc.keys);
  load(spec.next_keys, svc.next_keys);
  return svc;
}

}  // namespace danelint
