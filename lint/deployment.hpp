// The planned DANE deployment: services ([[service]] in danelint.toml, or --service) with the
// certificate chains, keys and next keys they will present. Loaded once into the Workspace.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "gen/cert_loader.hpp"
#include "lint/finding.hpp"

namespace danelint {

/// As written in config or on the command line, paths already resolved against the config's directory.
struct ServiceSpec {
  std::string host;  ///< absolute presentation form, e.g. "mx1.example.com."
  uint16_t port = 25;
  std::string proto = "tcp";
  std::vector<std::string> chains;     ///< every chain the server may present, leaf first
  std::vector<std::string> keys;       ///< private keys (to check they match)
  std::vector<std::string> next_keys;  ///< keys staged for the next rollover
  // rollover (issue 5): optional [[service]] keys
  int64_t switch_wait = -1;            ///< switch_wait: planned wait before switching keys (s); -1 unset
  std::string certbot_renewal;         ///< certbot_renewal: path of renewal/<name>.conf
  int switch_wait_line = 0;            ///< config line of switch_wait
  std::string origin_file;             ///< config file or "--service"
  int line = 0;                        ///< line of the [[service]] table
};

/// One loaded file of a service.
struct LoadedMaterial {
  std::string path;
  gen::Material material;
};

struct Service {
  ServiceSpec spec;
  std::vector<LoadedMaterial> chains;
  std::vector<LoadedMaterial> keys;
  std::vector<LoadedMaterial> next_keys;
  /// "_25._tcp.mx1.example.com." and its canonical wire form.
  std::string tlsa_owner_text() const;
  std::string tlsa_owner_wire() const;
  /// "mx1.example.com.:25", for messages.
  std::string label() const;
};

/// Parses "HOST[:PORT]=CHAINFILE" (the --service flag); throws std::invalid_argument with a message.
ServiceSpec parse_service_flag(const std::string& text);

/// Loads every file of a service. Unreadable or malformed files become input-unreadable findings.
Service load_service(const ServiceSpec& spec, std::vector<Finding>& problems);

}  // namespace danelint
