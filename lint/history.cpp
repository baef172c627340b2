#include "lint/history.hpp"

#include <ldns/ldns.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "gen/tlsa.hpp"
#include "lint/context.hpp"
#include "lint/rule.hpp"
#include "lint/zone_loader.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"
#include "lint/atomic_file.hpp"

namespace danelint {

std::string tlsa_record_key(std::string_view owner_wire, std::span<const uint8_t> rdata) {
  std::string owner = ascii_lower(name_to_text(owner_wire));
  auto t = decode_tlsa(rdata);
  if (!t) return cat(owner, " ", to_hex(rdata.data(), rdata.size()));
  return cat(owner, ' ', int(t->usage), ' ', int(t->selector), ' ', int(t->matching_type), ' ',
             to_hex(t->data.data(), t->data.size()));
}

// ---------------------------------------------------------------- certbot renewal config

std::string read_renewal_config(const std::string& path, RenewalConfig& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return cat(path, ": cannot read certbot renewal config: ", std::strerror(errno));
  out.path = path;
  out.reuse_key = false;
  out.reuse_key_line = 0;
  std::string line, section;
  int n = 0;
  size_t total = 0;
  while (std::getline(in, line)) {
    ++n;
    total += line.size();
    if (total > (1u << 20)) return cat(path, ": certbot renewal config larger than 1 MiB");
    std::string_view l = trim(line);
    if (l.empty() || l[0] == '#') continue;
    if (l[0] == '[') {
      section = std::string(l);
      continue;
    }
    size_t eq = l.find('=');
    if (eq == std::string_view::npos) continue;
    std::string key = ascii_lower(trim(l.substr(0, eq)));
    std::string value = ascii_lower(trim(l.substr(eq + 1)));
    // certbot writes reuse_key under [renewalparams]; configobj booleans: true/yes/on/1.
    if (key == "reuse_key" && (section.empty() || section == "[renewalparams]")) {
      out.reuse_key = value == "true" || value == "yes" || value == "on" || value == "1";
      out.reuse_key_line = n;
    }
  }
  return {};
}

// ---------------------------------------------------------------- state file (JSON)

namespace {

// A small JSON reader for the state file: objects, arrays, strings, numbers, literals.
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  std::string text;  ///< string value, or number text
  std::vector<Json> items;
  // Object members as parallel vectors: a pair<string, Json> inside Json is an incomplete type,
  // which clang's libstdc++ checks reject (vector<Json> of an incomplete Json is fine since C++17).
  std::vector<std::string> member_keys;
  std::vector<Json> member_values;
  const Json* get(std::string_view k) const {
    for (size_t m = 0; m < member_keys.size(); ++m)
      if (member_keys[m] == k) return &member_values[m];
    return nullptr;
  }
};

struct JsonParser {
  std::string_view s;
  size_t i = 0;
  int depth = 0;
  std::string error;

  int line() const { return 1 + static_cast<int>(std::count(s.begin(), s.begin() + std::min(i, s.size()), '\n')); }
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool fail(std::string msg) {
    if (error.empty()) error = cat(line(), ": ", msg);
    return false;
  }
  bool str(std::string& out) {
    if (i >= s.size() || s[i] != '"') return fail("expected a string");
    ++i;
    while (i < s.size() && s[i] != '"') {
      char c = s[i++];
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c == '\\') {
        if (i >= s.size()) break;
        char e = s[i++];
        switch (e) {
          case '"': case '\\': case '/': out += e; break;
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            if (i + 4 > s.size()) return fail("truncated \\u escape");
            unsigned v = 0;
            for (int k = 0; k < 4; ++k) {
              char h = s[i++];
              v <<= 4;
              if (h >= '0' && h <= '9') v |= h - '0';
              else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
              else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
              else return fail("bad \\u escape");
            }
            if (v < 0x80) out += static_cast<char>(v);
            else out += '?';  // names and times in the state file are ASCII
            break;
          }
          default: return fail("bad escape in string");
        }
      } else {
        out += c;
      }
    }
    if (i >= s.size()) return fail("unterminated string");
    ++i;
    return true;
  }
  bool value(Json& v) {
    if (++depth > 32) return fail("nesting too deep");
    ws();
    if (i >= s.size()) return fail("unexpected end of file");
    char c = s[i];
    bool ok = true;
    if (c == '{') {
      v.kind = Json::Object;
      ++i;
      ws();
      if (i < s.size() && s[i] == '}') {
        ++i;
      } else {
        for (;;) {
          ws();
          std::string k;
          if (!str(k)) return false;
          ws();
          if (i >= s.size() || s[i] != ':') return fail("expected ':'");
          ++i;
          Json m;
          if (!value(m)) return false;
          v.member_keys.push_back(std::move(k));
          v.member_values.push_back(std::move(m));
          ws();
          if (i < s.size() && s[i] == ',') { ++i; continue; }
          if (i < s.size() && s[i] == '}') { ++i; break; }
          return fail("expected ',' or '}'");
        }
      }
    } else if (c == '[') {
      v.kind = Json::Array;
      ++i;
      ws();
      if (i < s.size() && s[i] == ']') {
        ++i;
      } else {
        for (;;) {
          Json m;
          if (!value(m)) return false;
          v.items.push_back(std::move(m));
          ws();
          if (i < s.size() && s[i] == ',') { ++i; continue; }
          if (i < s.size() && s[i] == ']') { ++i; break; }
          return fail("expected ',' or ']'");
        }
      }
    } else if (c == '"') {
      v.kind = Json::String;
      ok = str(v.text);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Json::Number;
      size_t b = i;
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || strchr("+-.eE", s[i]))) ++i;
      v.text = std::string(s.substr(b, i - b));
    } else if (s.substr(i, 4) == "true" || s.substr(i, 4) == "null") {
      v.kind = s[i] == 't' ? Json::Bool : Json::Null;
      v.text = std::string(s.substr(i, 4));
      i += 4;
    } else if (s.substr(i, 5) == "false") {
      v.kind = Json::Bool;
      v.text = "false";
      i += 5;
    } else {
      return fail("unexpected character");
    }
    --depth;
    return ok;
  }
};

}  // namespace

std::string read_state(const std::string& path, std::map<std::string, int64_t, std::less<>>& out, bool& existed) {
  namespace fs = std::filesystem;
  out.clear();
  existed = false;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};  // first run: no state yet
  if (!fs::is_regular_file(path, ec)) return cat(path, ": state file is not a regular file");
  auto size = fs::file_size(path, ec);
  if (ec) return cat(path, ": cannot read state file: ", ec.message());
  if (size > (64u << 20)) return cat(path, ": state file larger than 64 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return cat(path, ": cannot read state file: ", std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  JsonParser p;
  p.s = text;
  Json root;
  if (!p.value(root)) return cat(path, ':', p.error);
  p.ws();
  if (p.i != text.size()) return cat(path, ':', p.line(), ": trailing data after the state object");
  auto bad = [&](const std::string& why) { return cat(path, ": not a danelint state file: ", why); };
  if (root.kind != Json::Object) return bad("top level is not an object");
  const Json* version = root.get("version");
  if (!version || version->kind != Json::Number || version->text != "1") return bad("\"version\" is not 1");
  const Json* records = root.get("records");
  if (!records || records->kind != Json::Array) return bad("\"records\" is not an array");
  for (const Json& r : records->items) {
    const Json* owner = r.get("owner");
    const Json* rdata = r.get("tlsa");
    const Json* seen = r.get("first_seen");
    if (r.kind != Json::Object || !owner || !rdata || !seen || owner->kind != Json::String ||
        rdata->kind != Json::String || seen->kind != Json::String)
      return bad("each record needs string \"owner\", \"tlsa\" and \"first_seen\"");
    auto t = parse_time(seen->text);
    if (!t) return bad(cat("first_seen '", seen->text, "' is not an RFC 3339 time"));
    std::string key = cat(ascii_lower(owner->text), ' ', ascii_lower(rdata->text));
    auto [it, inserted] = out.emplace(key, *t);
    if (!inserted) it->second = std::min(it->second, *t);
  }
  existed = true;
  return {};
}

std::string format_state(const std::map<std::string, int64_t, std::less<>>& state) {
  std::string s = "{\n  \"version\": 1,\n  \"records\": [";
  bool first = true;
  for (const auto& [key, when] : state) {
    size_t sp = key.find(' ');
    std::string owner = key.substr(0, sp);
    std::string rdata = sp == std::string::npos ? std::string() : key.substr(sp + 1);
    s += first ? "\n" : ",\n";
    first = false;
    s += cat("    {\"owner\": \"", json_escape(owner), "\", \"tlsa\": \"", json_escape(rdata),
             "\", \"first_seen\": \"", format_time(when), "\"}");
  }
  s += first ? "]\n}\n" : "\n  ]\n}\n";
  return s;
}

std::map<std::string, int64_t, std::less<>> next_state(const std::map<std::string, int64_t, std::less<>>& old,
                                                      const std::vector<const ZoneModel*>& published,
                                                      int64_t seen_at) {
  std::map<std::string, int64_t, std::less<>> out;
  for (const ZoneModel* z : published) {
    if (!z) continue;
    for (const Record& r : z->records) {
      if (r.type != LDNS_RR_TYPE_TLSA) continue;
      std::string key = tlsa_record_key(z->owner(r).wire, z->rdata(r));
      auto it = old.find(key);
      out.emplace(key, it != old.end() ? it->second : seen_at);
    }
  }
  return out;
}

// ---------------------------------------------------------------- git

namespace {

// Runs argv (no shell) in `dir`; captures stdout (bounded) and stderr's first line.
int run_capture(const std::vector<std::string>& argv, const std::string& dir, std::string& out, std::string& err) {
  int po[2], pe[2];
  if (pipe(po) != 0) return -1;
  if (pipe(pe) != 0) {
    close(po[0]);
    close(po[1]);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
    return -1;
  }
  if (pid == 0) {
    dup2(po[1], 1);
    dup2(pe[1], 2);
    close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
    if (!dir.empty() && chdir(dir.c_str()) != 0) _exit(126);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(po[1]);
  close(pe[1]);
  // Read both pipes without deadlock: stderr is small; read stdout fully first while draining stderr
  // afterwards would block if stderr filled, so poll alternately.
  fd_set set;
  bool open_o = true, open_e = true;
  char buf[65536];
  while (open_o || open_e) {
    FD_ZERO(&set);
    if (open_o) FD_SET(po[0], &set);
    if (open_e) FD_SET(pe[0], &set);
    if (select(std::max(po[0], pe[0]) + 1, &set, nullptr, nullptr, nullptr) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (auto [fd, open, sink] : {std::tuple{po[0], &open_o, &out}, std::tuple{pe[0], &open_e, &err}}) {
      if (!*open || !FD_ISSET(fd, &set)) continue;
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) {
        *open = false;
      } else if (sink->size() < (size_t{1} << 31)) {
        sink->append(buf, static_cast<size_t>(n));
      }
    }
  }
  close(po[0]);
  close(pe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string first_line(std::string_view s) {
  s = trim(s);
  return std::string(s.substr(0, s.find('\n')));
}

}  // namespace

std::string git_show_file(const std::string& rev, const std::string& path, std::optional<std::string>& text) {
  namespace fs = std::filesystem;
  text.reset();
  if (rev.empty() || rev[0] == '-') return cat("--previous-rev: '", rev, "' is not a revision");
  fs::path p(path);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  std::string file = p.filename().string();
  std::string out, err;
  int rc = run_capture({"git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"}, dir, out, err);
  if (rc == 127 || rc < 0) return "--previous-rev: cannot run git";
  if (rc == 126) return cat(path, ": cannot enter directory ", dir);
  if (rc != 0)
    return cat("--previous-rev: '", rev, "' is not a commit in the repository of ", path,
               err.empty() ? std::string() : cat(" (", first_line(err), ")"));
  out.clear();
  err.clear();
  std::string object = cat(rev, ":./", file);
  rc = run_capture({"git", "cat-file", "-e", object}, dir, out, err);
  if (rc != 0) return {};  // the file did not exist in that revision: no previous version
  out.clear();
  err.clear();
  rc = run_capture({"git", "cat-file", "blob", object}, dir, out, err);
  if (rc != 0) return cat(path, ": git cannot read ", object, err.empty() ? std::string() : cat(": ", first_line(err)));
  text = std::move(out);
  return {};
}

// ---------------------------------------------------------------- matching

bool tlsa_matches_material(const TlsaView& t, const gen::Material& m) {
  auto eq = [&](const std::optional<std::vector<uint8_t>>& d) {
    return d && d->size() == t.data.size() && std::equal(d->begin(), d->end(), t.data.begin());
  };
  if (t.usage == gen::kPkixEe || t.usage == gen::kDaneEe) {
    if (!m.certs.empty()) return eq(gen::association_data(m.certs[0].get(), t.selector, t.matching_type));
    EVP_PKEY* k = m.subject_key();
    return k && t.selector == gen::kSpki && eq(gen::association_data(k, t.selector, t.matching_type));
  }
  if (t.usage == gen::kPkixTa || t.usage == gen::kDaneTa) {
    for (size_t i = 1; i < m.certs.size(); ++i)
      if (eq(gen::association_data(m.certs[i].get(), t.selector, t.matching_type))) return true;
  }
  return false;
}

}  // namespace danelint

// ---------------------------------------------------------------- loading for the CLI

namespace danelint {

std::string load_history(Workspace& ws, const std::vector<std::string>& zone_files,
                         const std::vector<std::string>& origins, const HistoryOptions& opts) {
  History& h = ws.history;
  h.previous.clear();
  h.previous.resize(ws.zones.size());
  if (!opts.previous.empty() && !opts.previous_rev.empty())
    return "--previous and --previous-rev are mutually exclusive";
  if (!opts.published_since.empty()) {
    auto t = parse_time(opts.published_since);
    if (!t) return cat("--published-since: '", opts.published_since, "' is not RFC 3339, YYYYMMDDHHMMSS or epoch seconds");
    h.published_since = *t;
  }
  if (!opts.previous.empty()) {
    h.have_previous = true;
    if (ws.zones.empty()) return "--previous needs a zone to compare with";
    LoadOptions lo;
    if (ws.zones.size() == 1 && !origins.empty()) lo.origin = origins[0];
    auto prev = load_zone_file(opts.previous, lo);
    if (prev->unreadable) {
      std::string why = prev->load_findings.empty() ? "cannot read" : prev->load_findings[0].message;
      return cat(opts.previous, ": ", why);
    }
    size_t target = 0;
    if (ws.zones.size() > 1) {
      target = ws.zones.size();
      for (size_t i = 0; i < ws.zones.size(); ++i)
        if (ws.zones[i]->origin_wire == prev->origin_wire) target = i;
      if (target == ws.zones.size())
        return cat("--previous ", opts.previous, ": origin ", prev->origin_text(), " matches none of the zones linted");
    }
    h.previous[target] = std::move(prev);
  }
  if (!opts.previous_rev.empty()) {
    h.have_previous = true;
    for (size_t i = 0; i < ws.zones.size() && i < zone_files.size(); ++i) {
      std::optional<std::string> text;
      if (std::string err = git_show_file(opts.previous_rev, zone_files[i], text); !err.empty()) return err;
      if (!text) continue;  // the zone is new in this commit
      LoadOptions lo;
      lo.origin = i < origins.size() && !origins[i].empty() ? origins[i] : ws.zones[i]->origin_text();
      h.previous[i] = load_zone_text(*text, cat(opts.previous_rev, ':', zone_files[i]), lo);
    }
  }
  if (!opts.state.empty()) {
    bool existed = false;
    if (std::string err = read_state(opts.state, h.first_seen, existed); !err.empty()) return err;
    h.state_loaded = existed;
  }
  return {};
}

std::string save_state(const Workspace& ws, const HistoryOptions& opts, int64_t now) {
  if (opts.state.empty()) return {};
  const History& h = ws.history;
  std::vector<const ZoneModel*> published;
  for (size_t i = 0; i < ws.zones.size(); ++i)
    published.push_back(h.have_previous ? h.previous_of(i) : ws.zones[i].get());
  std::string content = format_state(next_state(h.first_seen, published, h.published_since.value_or(now)));
  {
    std::ifstream in(opts.state, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      if (ss.str() == content) return {};  // unchanged: leave the file alone
    }
  }
  return write_file_atomic(opts.state, content);
}

void load_renewals(Workspace& ws) {
  for (size_t i = 0; i < ws.services.size(); ++i) {
    const std::string& path = ws.services[i].spec.certbot_renewal;
    if (path.empty()) continue;
    RenewalConfig rc;
    rc.service = i;
    if (std::string err = read_renewal_config(path, rc); !err.empty()) {
      Finding f;
      f.rule = find_rule("input-unreadable");
      f.severity = Severity::Error;
      f.loc = SourceLoc{path, 0, 0, 0};
      f.message = err.substr(std::min(err.size(), path.size() + 2));
      f.owner = ws.services[i].label();
      ws.load_findings.push_back(std::move(f));
      continue;
    }
    ws.renewals.push_back(std::move(rc));
  }
}

}  // namespace danelint
