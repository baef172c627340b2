// Suppressions and baselines: inline `; danelint: disable=...` comments, `[lint.per-file-ignores]`,
// the unused-suppression rule (LINT001) and baseline files. Also the line-independent finding key
// that baselines, SARIF partialFingerprints and GitLab fingerprints share.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.hpp"
#include "lint/finding.hpp"

namespace danelint {

/// One `"glob" = ["RULE", ...]` entry of `[lint.per-file-ignores]`.
struct FileIgnore {
  std::string glob;  ///< resolved against the config file's directory (patterns without '/' match base names)
  std::vector<std::string> rules;  ///< codes, names or family prefixes
  std::string config_file;  ///< where it was written, for LINT001
  int line = 0;
};

struct SuppressOptions {
  std::vector<FileIgnore> per_file_ignores;
};

/// Filters `findings` in place (inline directives of every zone, then per-file ignores) and returns the
/// unused-suppression (LINT001) findings, which the caller adds when LINT001 is enabled. LINT001 findings
/// themselves honour `disable-file` and per-file ignores.
std::vector<Finding> apply_suppressions(const Workspace& ws, const SuppressOptions& opts, std::vector<Finding>& findings);

/// The finding's identity without line numbers: rule code, repo-relative file, owner, type and the message
/// with "line N" references removed, joined by U+001F.
std::string finding_key(const Finding& f);
/// `message` with each "line N", "line N-M", "lines N-M" reduced to "line" / "lines" (the word must
/// start a word), so that keys survive records moving.
std::string strip_line_numbers(std::string_view message);
/// A 16-hex-digit FNV-1a-64 hash of a key (stable across versions and platforms).
std::string fingerprint_hex(std::string_view key);
/// Per finding (in order): fingerprint of its key, with an occurrence number mixed in for repeats, so the
/// fingerprints of one run are unique and do not move when lines shift.
std::vector<std::string> unique_fingerprints(const std::vector<Finding>& findings);
/// `file` relative to the repository root (the nearest ancestor of the working directory holding `.git`)
/// with '/' separators; relative to the working directory outside a repository; absolute if outside both.
std::string stable_path(std::string_view file);

/// A baseline: how many findings of each key existed when it was written.
struct Baseline {
  std::map<std::string, size_t> counts;  ///< finding_key -> count
  size_t entries = 0;
};

/// Reads a baseline file; nullopt with `error` set ("PATH: reason") when it cannot be used.
std::optional<Baseline> load_baseline(const std::string& path, std::string& error);
/// The baseline document for these findings (JSON, sorted, no line numbers). INPUT001 is never baselined.
std::string baseline_json(const std::vector<Finding>& findings);
/// Removes findings covered by the baseline (each entry absorbs up to its count). Returns how many baseline
/// entries matched nothing any more (stale).
size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings, size_t* removed = nullptr);

}  // namespace danelint
