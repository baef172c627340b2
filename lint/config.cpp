#include "lint/config.hpp"

#include <filesystem>
#include <toml++/toml.h>

#include "lint/model.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const toml::source_region& where, const std::string& msg) {
  throw ConfigError(cat(path, ':', where.begin.line, ':', where.begin.column, ": error: ", msg));
}

std::string resolve(const std::string& config_path, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute()) return p;
  fs::path dir = fs::path(config_path).parent_path();
  return (dir / p).lexically_normal().string();
}

std::vector<std::string> string_list(const std::string& path, const toml::node& node, std::string_view key) {
  const toml::array* arr = node.as_array();
  if (!arr) fail(path, node.source(), cat("'", key, "' must be an array of strings"));
  std::vector<std::string> out;
  for (const toml::node& el : *arr) {
    auto s = el.value<std::string>();
    if (!s || !el.is_string()) fail(path, el.source(), cat("'", key, "' must be an array of strings"));
    out.push_back(*s);
  }
  return out;
}

void check_rule_spec(const std::string& path, const toml::node& where, const std::string& spec) {
  if (!match_rule_spec(spec).empty()) return;
  fail(path, where.source(), cat("unknown rule or rule family '", spec, "' (see `danelint rules`)"));
}

void parse_lint(Config& cfg, const std::string& path, const toml::table& lint) {
  for (const auto& [k, node] : lint) {
    std::string key(k.str());
    if (key == "select" || key == "ignore") {
      auto specs = string_list(path, node, key);
      const toml::array& arr = *node.as_array();
      for (size_t i = 0; i < specs.size(); ++i) check_rule_spec(path, *arr.get(i), specs[i]);
      if (key == "select") cfg.select = specs;
      else cfg.ignore = specs;
    } else if (key == "fail-on") {
      auto s = node.value<std::string>();
      auto sev = s ? parse_severity(*s) : std::nullopt;
      if (!node.is_string() || !sev) fail(path, node.source(), "'fail-on' must be \"error\", \"warning\" or \"info\"");
      cfg.fail_on = sev;
    } else if (key == "severity") {
      const toml::table* t = node.as_table();
      if (!t) fail(path, node.source(), "[lint.severity] must be a table");
      for (const auto& [rk, rv] : *t) {
        std::string spec(rk.str());
        check_rule_spec(path, rv, spec);
        auto s = rv.value<std::string>();
        if (!rv.is_string() || !(parse_severity(*s) || *s == "off"))
          fail(path, rv.source(), cat("severity of '", spec, "' must be \"error\", \"warning\", \"info\" or \"off\""));
        cfg.severity.emplace_back(spec, *s);
      }
    } else if (key == "options") {
      const toml::table* t = node.as_table();
      if (!t) fail(path, node.source(), "[lint.options] must be a table of rule tables");
      for (const auto& [rk, rv] : *t) {
        std::string rule_spec(rk.str());
        const Rule* rule = find_rule(rule_spec);
        if (!rule) fail(path, rv.source(), cat("unknown rule '", rule_spec, "' in [lint.options]"));
        const toml::table* ot = rv.as_table();
        if (!ot) fail(path, rv.source(), cat("[lint.options.", rule_spec, "] must be a table"));
        for (const auto& [ok, ov] : *ot) {
          std::string opt_name(ok.str());
          const RuleOption* decl = nullptr;
          for (const RuleOption& o : rule->info.options)
            if (o.name == opt_name) decl = &o;
          if (!decl) fail(path, ok.source(), cat("rule ", rule->info.name, " has no option '", opt_name, "'"));
          std::string text;
          if (ov.is_string()) text = *ov.value<std::string>();
          else if (ov.is_integer()) text = std::to_string(*ov.value<int64_t>());
          else if (ov.is_boolean()) text = *ov.value<bool>() ? "true" : "false";
          else fail(path, ov.source(), cat("option '", opt_name, "' has a value of the wrong type"));
          auto parsed = parse_option_value(*decl, text);
          if (!parsed || (ov.is_integer() && *ov.value<int64_t>() < 0))
            fail(path, ov.source(), cat("option '", opt_name, "' of ", rule->info.name, ": invalid value '", text, "'"));
          cfg.options[std::string(rule->info.id)][opt_name] = *parsed;
        }
      }
    } else if (key == "spki-denylist") {
      for (std::string& f : string_list(path, node, key)) cfg.spki_denylists.push_back(resolve(path, f));
    } else if (key == "per-file-ignores") {
      const toml::table* t = node.as_table();
      if (!t) fail(path, node.source(), "[lint.per-file-ignores] must be a table of glob = [rules]");
      for (const auto& [gk, gv] : *t) {
        std::string glob(gk.str());
        auto specs = string_list(path, gv, glob);
        const toml::array& arr = *gv.as_array();
        for (size_t i = 0; i < specs.size(); ++i) check_rule_spec(path, *arr.get(i), specs[i]);
        // Globs with a '/' are relative to the config file, like [[zone]] paths; bare ones match base names.
        if (glob.find('/') != std::string::npos) glob = fs::path(resolve(path, glob)).lexically_normal().generic_string();
        cfg.per_file_ignores.push_back({glob, specs, path, static_cast<int>(gv.source().begin.line)});
      }
    } else {
      fail(path, k.source(), cat("unknown key '", key, "' in [lint]"));
    }
  }
}

void parse_zones(Config& cfg, const std::string& path, const toml::node& node) {
  const toml::array* arr = node.as_array();
  if (!arr || !arr->is_array_of_tables()) fail(path, node.source(), "'zone' must be an array of tables ([[zone]])");
  for (const toml::node& el : *arr) {
    const toml::table& t = *el.as_table();
    ZoneEntry z;
    z.line = static_cast<int>(t.source().begin.line);
    z.signing = "offline";
    for (const auto& [k, v] : t) {
      std::string key(k.str());
      auto s = v.value<std::string>();
      if (!v.is_string()) fail(path, v.source(), cat("'", key, "' in [[zone]] must be a string"));
      if (key == "file") z.file = resolve(path, *s);
      else if (key == "ds") z.ds = resolve(path, *s);
      else if (key == "origin") z.origin = *s;
      else if (key == "signing") {
        if (*s != "offline" && *s != "online") fail(path, v.source(), "'signing' must be \"offline\" or \"online\"");
        z.signing = *s;
      } else {
        fail(path, k.source(), cat("unknown key '", key, "' in [[zone]]"));
      }
    }
    if (z.file.empty()) fail(path, t.source(), "[[zone]] needs a 'file'");
    cfg.zones.push_back(std::move(z));
  }
}

// Rollover keys of [[service]] (issue 5): switch_wait, certbot_renewal. True when `key` was one.
bool parse_rollover_service_key(const std::string& path, const std::string& key, const toml::node& v, ServiceSpec& s) {
  if (key == "switch_wait") {
    auto text = v.value<std::string>();
    auto d = v.is_string() ? parse_duration(*text) : std::nullopt;
    if (!d || *d < 0) fail(path, v.source(), "'switch_wait' must be a duration string such as \"48h\" or \"2d\"");
    s.switch_wait = *d;
    s.switch_wait_line = static_cast<int>(v.source().begin.line);
    return true;
  }
  if (key == "certbot_renewal") {
    auto text = v.value<std::string>();
    if (!v.is_string() || text->empty()) fail(path, v.source(), "'certbot_renewal' must be a file path string");
    s.certbot_renewal = resolve(path, *text);
    return true;
  }
  return false;
}

void parse_services(Config& cfg, const std::string& path, const toml::node& node) {
  const toml::array* arr = node.as_array();
  if (!arr || !arr->is_array_of_tables())
    fail(path, node.source(), "'service' must be an array of tables ([[service]])");
  for (const toml::node& el : *arr) {
    const toml::table& t = *el.as_table();
    ServiceSpec s;
    s.origin_file = path;
    s.line = static_cast<int>(t.source().begin.line);
    for (const auto& [k, v] : t) {
      std::string key(k.str());
      if (key == "host") {
        auto h = v.value<std::string>();
        if (!v.is_string() || h->empty()) fail(path, v.source(), "'host' must be a host name string");
        std::string host = *h;
        if (host.back() != '.') host += '.';
        if (!name_from_text(host)) fail(path, v.source(), cat("'", *h, "' is not a valid host name"));
        s.host = ascii_lower(host);
      } else if (key == "port") {
        // value_exact: value<int64_t>() converts a float such as 7e200 to an integer, which overflows.
        auto p = v.value_exact<int64_t>();
        if (!p || *p < 1 || *p > 65535) fail(path, v.source(), "'port' must be an integer from 1 to 65535");
        s.port = static_cast<uint16_t>(*p);
      } else if (key == "proto") {
        auto p = v.value<std::string>();
        if (!v.is_string() || (*p != "tcp" && *p != "udp" && *p != "sctp"))
          fail(path, v.source(), "'proto' must be \"tcp\", \"udp\" or \"sctp\"");
        s.proto = *p;
      } else if (key == "chains" || key == "keys" || key == "next_keys") {
        std::vector<std::string> files = string_list(path, v, key);
        for (std::string& f : files) f = resolve(path, f);
        (key == "chains" ? s.chains : key == "keys" ? s.keys : s.next_keys) = std::move(files);
      } else if (parse_rollover_service_key(path, key, v, s)) {
      } else {
        fail(path, k.source(), cat("unknown key '", key, "' in [[service]]"));
      }
    }
    if (s.host.empty()) fail(path, t.source(), "[[service]] needs a 'host'");
    cfg.services.push_back(std::move(s));
  }
}

Config from_table(const toml::table& root, const std::string& path) {
  Config cfg;
  cfg.path = path;
  for (const auto& [k, node] : root) {
    std::string key(k.str());
    if (key == "lint") {
      const toml::table* t = node.as_table();
      if (!t) fail(path, node.source(), "[lint] must be a table");
      parse_lint(cfg, path, *t);
    } else if (key == "zone") {
      parse_zones(cfg, path, node);
    } else if (key == "service") {
      parse_services(cfg, path, node);
    } else {
      fail(path, k.source(), cat("unknown key '", key, "'"));
    }
  }
  return cfg;
}

}  // namespace

Config parse_config_text(std::string_view text, const std::string& path) {
  try {
    toml::table root = toml::parse(text, std::string_view(path));
    return from_table(root, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(cat(path, ':', e.source().begin.line, ':', e.source().begin.column, ": error: ", e.description()));
  }
}

Config load_config(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw ConfigError(cat(path, ": error: cannot read config file"));
  // A configuration is a few hundred bytes; refuse sizes that only hostile or wrong files have.
  constexpr uintmax_t kMaxConfigBytes = 1u << 20;
  if (uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxConfigBytes)
    throw ConfigError(cat(path, ": error: larger than ", kMaxConfigBytes, " bytes: not a danelint config file"));
  try {
    toml::table root = toml::parse_file(path);
    return from_table(root, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(cat(path, ':', e.source().begin.line, ':', e.source().begin.column, ": error: ", e.description()));
  }
}

std::optional<std::string> discover_config(const std::string& start_dir) {
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec);
  if (ec) return std::nullopt;
  for (;;) {
    for (const char* name : {".danelint.toml", "danelint.toml"}) {
      fs::path p = dir / name;
      if (fs::is_regular_file(p, ec)) return p.lexically_relative(fs::current_path(ec)).string();
    }
    if (fs::exists(dir / ".git", ec)) return std::nullopt;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace danelint
