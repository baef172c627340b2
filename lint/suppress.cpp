#include "lint/suppress.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <sstream>
#include <toml++/toml.h>
#include <tuple>
#include <unordered_map>

#include "lint/engine.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint {

namespace rules {
extern const Rule kLint001;
}

namespace {

namespace fs = std::filesystem;

/// One parsed `disable` / `disable-file` directive and what it covers.
struct Suppression {
  std::string file;         ///< the file it sits in (as findings name it)
  int line = 0;             ///< the directive's line
  int from = 0, to = 0;     ///< covered lines; 0/0 with whole_file
  bool whole_file = false;
  std::string spec;         ///< one rule spec as written
  std::vector<const Rule*> rules;  ///< what the spec names (empty: unknown)
  bool used = false;
};

std::vector<const Rule*> suppressible(std::string_view spec) {
  std::vector<const Rule*> out;
  for (const Rule* r : match_rule_spec(spec))
    if (!r->info.always_on) out.push_back(r);
  return out;
}

/// Parses the directives of one zone into suppressions; malformed directives become LINT001 findings.
void collect_inline(const ZoneModel& zone, std::vector<Suppression>& out, std::vector<Finding>& bad) {
  if (zone.directives.empty()) return;  // the span index below sorts every record: ~40 ms at 100k signed names
  // Records per file, in line order, to find "the next record" and "the record on this line".
  std::vector<std::vector<std::pair<int, int>>> spans(zone.files.size());
  for (const Record& r : zone.records)
    if (r.file < spans.size()) spans[r.file].emplace_back(static_cast<int>(r.line), static_cast<int>(r.end_line));
  for (auto& v : spans) std::sort(v.begin(), v.end());
  // Per span, the nearest earlier span that ends later (-1: none). Spans in between end no later, so a walk
  // back for the last span reaching a line may jump there; records do not overlap, so walks are short.
  std::vector<std::vector<std::ptrdiff_t>> wider(spans.size());
  for (size_t f = 0; f < spans.size(); ++f) {
    wider[f].resize(spans[f].size());
    std::vector<std::ptrdiff_t> stack;
    for (size_t i = 0; i < spans[f].size(); ++i) {
      while (!stack.empty() && spans[f][static_cast<size_t>(stack.back())].second <= spans[f][i].second) stack.pop_back();
      wider[f][i] = stack.empty() ? -1 : stack.back();
      stack.push_back(static_cast<std::ptrdiff_t>(i));
    }
  }

  for (const Directive& d : zone.directives) {
    const std::string& file = d.file < zone.files.size() ? zone.files[d.file] : zone.files[0];
    int line = static_cast<int>(d.line);
    auto malformed = [&](std::string msg) {
      Finding f;
      f.rule = &rules::kLint001;
      f.severity = rules::kLint001.info.severity;
      f.loc = SourceLoc{file, line, line, 0};
      f.message = std::move(msg);
      bad.push_back(std::move(f));
    };
    std::string_view text = trim(d.text);
    size_t eq = text.find('=');
    std::string_view keyword = trim(text.substr(0, eq == std::string_view::npos ? text.size() : eq));
    bool whole_file = keyword == "disable-file";
    if ((keyword != "disable" && !whole_file) || eq == std::string_view::npos) {
      malformed(cat("danelint directive '", text, "' is not disable=RULE[,RULE] or disable-file=RULE[,RULE]"));
      continue;
    }
    // The rule list ends at the first blank; anything after it is a free-text reason.
    std::string_view list = trim(text.substr(eq + 1));
    if (size_t sp = list.find_first_of(" \t"); sp != std::string_view::npos) list = list.substr(0, sp);
    int from = 0, to = 0;
    if (!whole_file) {
      const auto& recs = d.file < spans.size() ? spans[d.file] : spans[0];
      const auto& back = d.file < spans.size() ? wider[d.file] : wider[0];
      // First record starting after the line, found by binary search (spans are sorted by first line).
      auto it = std::upper_bound(recs.begin(), recs.end(), line, [](int l, const auto& p) { return l < p.first; });
      if (d.own_line) {
        // Applies to the next record (all its lines, for a parenthesised multi-line record).
        from = line + 1;
        to = it == recs.end() ? line + 1 : it->second;
      } else {
        // Trailing: the last record (in span order) whose lines include this one. Records starting at or before
        // the line are those before `it`; walk back to the last one reaching the line, skipping via `back`.
        from = to = line;
        for (auto j = static_cast<std::ptrdiff_t>(it - recs.begin()) - 1; j >= 0; j = back[static_cast<size_t>(j)]) {
          if (recs[static_cast<size_t>(j)].second >= line) {
            from = recs[static_cast<size_t>(j)].first, to = recs[static_cast<size_t>(j)].second;
            break;
          }
        }
      }
    }
    for (const std::string& raw : split(list, ',')) {
      std::string spec(trim(raw));
      if (spec.empty()) continue;
      Suppression s{file, line, from, to, whole_file, spec, suppressible(spec), false};
      out.push_back(std::move(s));
    }
  }
}

bool glob_matches(const FileIgnore& fi, const std::string& file) {
  std::string path = fs::path(file).lexically_normal().generic_string();
  if (fnmatch(fi.glob.c_str(), path.c_str(), 0) == 0) return true;
  if (fi.glob.find('/') == std::string::npos) {
    std::string base = fs::path(file).filename().string();
    return fnmatch(fi.glob.c_str(), base.c_str(), 0) == 0;
  }
  return false;
}

}  // namespace

std::string strip_line_numbers(std::string_view message) {
  // By hand, not std::regex: this runs for every finding of a SARIF, GitLab or baseline report, and
  // the regex took ~20 us each (12.5k findings: a quarter of a second).
  auto digit = [&](size_t i) { return i < message.size() && message[i] >= '0' && message[i] <= '9'; };
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size();) {
    size_t word_end = 0;  // end of "line" / "lines" when a number follows
    if (message.compare(i, 4, "line") == 0 && (i == 0 || !word(message[i - 1]))) {
      if (message.compare(i + 4, 2, "s ") == 0 && digit(i + 6)) word_end = i + 5;
      else if (message.compare(i + 4, 1, " ") == 0 && digit(i + 5)) word_end = i + 4;
    }
    if (word_end == 0) {
      out += message[i++];
      continue;
    }
    out.append(message.substr(i, word_end - i));
    i = word_end + 1;
    while (digit(i)) ++i;
    if (i < message.size() && message[i] == '-' && digit(i + 1))
      for (++i; digit(i); ++i) {}
  }
  return out;
}

std::vector<Finding> apply_suppressions(const Workspace& ws, const SuppressOptions& opts, std::vector<Finding>& findings) {
  std::vector<Suppression> inline_sups;
  std::vector<Finding> lint001;
  for (const auto& zone : ws.zones) collect_inline(*zone, inline_sups, lint001);

  struct FileRule {
    const FileIgnore* entry;
    std::string spec;
    std::vector<const Rule*> rules;
    bool used = false;
  };
  std::vector<FileRule> file_rules;
  for (const FileIgnore& fi : opts.per_file_ignores)
    for (const std::string& spec : fi.rules) file_rules.push_back({&fi, spec, suppressible(spec), false});

  // The inline suppressions by (file, rule): a finding is looked up in its bucket instead of being checked
  // against every suppression, which a zone with a directive per record makes quadratic.
  struct Bucket {
    std::vector<size_t> whole;                         ///< disable-file suppressions
    std::vector<std::tuple<int, int, size_t>> spans;   ///< (from, to, suppression), sorted
    std::vector<int> reach;                            ///< reach[i]: the largest `to` among spans[0..i]
    std::vector<int> lines;                            ///< lines of the findings filtered against this bucket
  };
  std::map<std::pair<std::string_view, const Rule*>, Bucket> buckets;
  for (size_t i = 0; i < inline_sups.size(); ++i) {
    const Suppression& s = inline_sups[i];
    for (const Rule* r : s.rules) {
      Bucket& b = buckets[{s.file, r}];
      if (s.whole_file) b.whole.push_back(i);
      else b.spans.emplace_back(s.from, s.to, i);
    }
  }
  for (auto& [key, b] : buckets) {
    std::sort(b.spans.begin(), b.spans.end());
    b.reach.reserve(b.spans.size());
    for (const auto& [from, to, i] : b.spans) b.reach.push_back(b.reach.empty() ? to : std::max(b.reach.back(), to));
  }
  auto bucket_of = [&](const Finding& f) -> Bucket* {
    auto it = buckets.find({f.loc.file, f.rule});
    return it == buckets.end() ? nullptr : &it->second;
  };
  auto covered_inline = [&](const Bucket& b, int line) {
    if (!b.whole.empty()) return true;
    // Spans starting at or before the line; one of them covers it if the farthest of them reaches it.
    auto it = std::upper_bound(b.spans.begin(), b.spans.end(), line,
                               [](int l, const auto& sp) { return l < std::get<0>(sp); });
    return it != b.spans.begin() && b.reach[static_cast<size_t>(it - b.spans.begin()) - 1] >= line;
  };

  auto suppressed = [&](const Finding& f, bool mark) {
    bool hit = false;
    if (Bucket* b = bucket_of(f)) {
      hit = covered_inline(*b, f.loc.line);
      if (mark) b->lines.push_back(f.loc.line);
    }
    for (FileRule& fr : file_rules) {
      if (std::find(fr.rules.begin(), fr.rules.end(), f.rule) != fr.rules.end() && glob_matches(*fr.entry, f.loc.file)) {
        hit = true;
        if (mark) fr.used = true;
      }
    }
    return hit;
  };
  std::erase_if(findings, [&](const Finding& f) { return suppressed(f, true); });
  // A suppression is used when any finding of its file and rule fell on its lines.
  for (auto& [key, b] : buckets) {
    if (b.lines.empty()) continue;
    for (size_t i : b.whole) inline_sups[i].used = true;
    std::sort(b.lines.begin(), b.lines.end());
    for (const auto& [from, to, i] : b.spans) {
      auto it = std::lower_bound(b.lines.begin(), b.lines.end(), from);
      if (it != b.lines.end() && *it <= to) inline_sups[i].used = true;
    }
  }

  auto report = [&](SourceLoc loc, std::string msg) {
    Finding f;
    f.rule = &rules::kLint001;
    f.severity = rules::kLint001.info.severity;
    f.loc = std::move(loc);
    f.message = std::move(msg);
    lint001.push_back(std::move(f));
  };
  for (const Suppression& s : inline_sups) {
    if (s.used) continue;
    std::string what = s.whole_file ? "disable-file" : "disable";
    if (s.rules.empty()) {
      bool always_on = !match_rule_spec(s.spec).empty();
      report(SourceLoc{s.file, s.line, s.line, 0},
             always_on ? cat("suppression ", what, '=', s.spec, " has no effect: input rules cannot be suppressed")
                       : cat("suppression ", what, '=', s.spec, " names no rule"));
    } else {
      report(SourceLoc{s.file, s.line, s.line, 0},
             cat("suppression ", what, '=', s.spec, (s.whole_file ? " suppressed nothing in this file" : " suppressed nothing on its record")));
    }
  }
  for (const FileRule& fr : file_rules) {
    if (fr.used) continue;
    SourceLoc loc{fr.entry->config_file, fr.entry->line, fr.entry->line, 0};
    if (fr.rules.empty()) report(loc, cat("per-file-ignores '", fr.entry->glob, "' = ", fr.spec, " has no effect: input rules cannot be suppressed"));
    else report(loc, cat("per-file-ignores '", fr.entry->glob, "' = ", fr.spec, " suppressed nothing"));
  }
  // LINT001 can itself be silenced per file (disable-file=unused-suppression, or per-file-ignores).
  std::erase_if(lint001, [&](const Finding& f) { return suppressed(f, false); });
  return lint001;
}

std::string stable_path(std::string_view file) {
  static const std::optional<fs::path> root = []() -> std::optional<fs::path> {
    std::error_code ec;
    fs::path dir = fs::current_path(ec);
    if (ec) return std::nullopt;
    for (;;) {
      if (fs::exists(dir / ".git", ec)) return dir;
      if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
      dir = dir.parent_path();
    }
  }();
  // Reports ask once per finding, nearly always for the file of the one before (getcwd and three
  // path rewrites each time otherwise).
  thread_local std::string last_file, last_path;
  thread_local bool have_last = false;
  if (have_last && file == last_file) return last_path;
  fs::path p(file);
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec).lexically_normal();
  std::string path;
  if (!ec && root) {
    fs::path rel = abs.lexically_relative(*root);
    if (!rel.empty() && *rel.begin() != "..") path = rel.generic_string();
  }
  if (path.empty()) path = p.is_relative() ? p.lexically_normal().generic_string() : abs.generic_string();
  last_file.assign(file);
  last_path = path;
  have_last = true;
  return path;
}

std::string finding_key(const Finding& f) {
  constexpr char kSep = '\x1f';
  return cat(f.rule ? f.rule->info.id : std::string_view(), kSep, stable_path(f.loc.file), kSep, f.owner, kSep, f.type,
             kSep, strip_line_numbers(f.message));
}

std::string fingerprint_hex(std::string_view key) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

std::vector<std::string> unique_fingerprints(const std::vector<Finding>& findings) {
  std::unordered_map<std::string, size_t> seen;  // counts only: no order needed
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& f : findings) {
    std::string key = finding_key(f);
    size_t n = seen[key]++;
    out.push_back(fingerprint_hex(n == 0 ? key : cat(key, '\x1f', n)));
  }
  return out;
}

std::optional<Baseline> load_baseline(const std::string& path, std::string& error) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    error = cat(path, ": cannot read baseline file");
    return std::nullopt;
  }
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    error = cat(path, ':', e.source().begin.line, ':', e.source().begin.column, ": ", e.description());
    return std::nullopt;
  }
  if (root["version"].value_exact<int64_t>() != 1) {
    error = cat(path, ": not a danelint baseline (version = 1 missing)");
    return std::nullopt;
  }
  Baseline b;
  if (const toml::array* arr = root["finding"].as_array()) {
    for (const toml::node& n : *arr) {
      const toml::table* t = n.as_table();
      auto field = [&](const char* k) -> std::optional<std::string> { return t ? (*t)[k].value<std::string>() : std::nullopt; };
      auto rule = field("rule"), file = field("file"), owner = field("owner"), type = field("type"), msg = field("message");
      int64_t count = t ? (*t)["count"].value_or<int64_t>(1) : 0;
      if (!rule || !file || !owner || !type || !msg || count < 1) {
        error = cat(path, ':', n.source().begin.line, ": baseline entry needs rule, file, owner, type, message and count >= 1");
        return std::nullopt;
      }
      constexpr char kSep = '\x1f';
      b.counts[cat(*rule, kSep, *file, kSep, *owner, kSep, *type, kSep, *msg)] += static_cast<size_t>(count);
      ++b.entries;
    }
  }
  return b;
}

std::string baseline_json(const std::vector<Finding>& findings) {
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, int64_t> counts;
  for (const Finding& f : findings) {
    if (!f.rule || f.rule->info.name == "input-unreadable") continue;
    ++counts[{std::string(f.rule->info.id), stable_path(f.loc.file), f.owner, f.type, strip_line_numbers(f.message)}];
  }
  toml::array entries;
  for (const auto& [k, n] : counts) {
    const auto& [rule, file, owner, type, msg] = k;
    entries.push_back(toml::table{{"rule", rule}, {"file", file}, {"owner", owner}, {"type", type}, {"message", msg}, {"count", n}});
  }
  std::ostringstream out;
  out << "# danelint baseline: findings that existed when it was written. `danelint lint --baseline FILE`\n"
         "# reports only findings not listed here. Keyed without line numbers; regenerate with --write-baseline.\n";
  toml::table root{{"version", 1}};
  out << root << "\n\n";
  if (!entries.empty()) {
    toml::table doc{{"finding", std::move(entries)}};
    out << doc << '\n';
  }
  return out.str();
}

size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings, size_t* removed) {
  std::map<std::string, size_t> left = baseline.counts;
  size_t gone = 0;
  std::erase_if(findings, [&](const Finding& f) {
    if (!f.rule || f.rule->info.name == "input-unreadable") return false;
    auto it = left.find(finding_key(f));
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    ++gone;
    return true;
  });
  if (removed) *removed = gone;
  size_t stale = 0;
  for (const auto& [k, n] : left) stale += n;
  return stale;
}

}  // namespace danelint
