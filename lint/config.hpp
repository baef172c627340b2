// danelint.toml: rule selection, severities, options, and the planned deployment.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lint/deployment.hpp"
#include "lint/engine.hpp"
#include "lint/suppress.hpp"

namespace danelint {

/// A `[[zone]]` of the deployment file. Paths are already resolved against the config's directory.
struct ZoneEntry {
  std::string file;
  std::string ds;       ///< optional DS (or DNSKEY) file of the parent
  std::string signing;  ///< "offline" (default) or "online"
  std::string origin;   ///< optional
  int line = 0;         ///< where the table starts in the config file
};

struct Config {
  std::string path;  ///< empty when no config file is used
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::optional<Severity> fail_on;
  std::vector<std::pair<std::string, std::string>> severity;
  std::map<std::string, OptionValues, std::less<>> options;  ///< by rule id
  std::vector<ZoneEntry> zones;
  std::vector<ServiceSpec> services;  ///< [[service]]
  std::vector<std::string> spki_denylists;  ///< [lint] spki-denylist: extra SPKI denylist files (resolved)
  std::vector<FileIgnore> per_file_ignores;  ///< [lint.per-file-ignores]
};

/// A config problem, already formatted as `FILE:LINE:COL: error: MESSAGE`.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parses a config file. Unknown keys, rules and values are errors (ConfigError).
Config load_config(const std::string& path);
/// Parses config text (for tests); `path` names it in messages and anchors relative paths.
Config parse_config_text(std::string_view text, const std::string& path);

/// Looks for `.danelint.toml`, then `danelint.toml`, from `start_dir` up to the repository root
/// (the first directory holding `.git`) or the file-system root.
std::optional<std::string> discover_config(const std::string& start_dir);

}  // namespace danelint
