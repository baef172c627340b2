// History for the rollover rules: the previously published zone (--previous / --previous-rev), since
// when it has been published (--published-since), and the state file (--state) that records when each
// TLSA record was first seen in the published zone. Also the deployment inputs the rollover rules read
// (zone signing modes, certbot renewal configs). Loaded by the CLI; rules only read it.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lint/deployment.hpp"
#include "lint/model.hpp"

namespace danelint {

/// How a zone reaches the Internet ([[zone]] signing). Zones named on the command line are Unknown.
enum class ZoneSigning : unsigned char { Unknown, Offline, Online };

/// A TLSA record's identity across zone versions: "owner. usage selector matching hex" (lower case).
std::string tlsa_record_key(std::string_view owner_wire, std::span<const uint8_t> rdata);

struct History {
  /// Parallel to Workspace::zones: the previously published version of each zone (null when not given
  /// or the zone did not exist then).
  std::vector<std::unique_ptr<ZoneModel>> previous;
  bool have_previous = false;  ///< --previous or --previous-rev was given
  std::optional<int64_t> published_since;  ///< the published zone has been live since then
  /// From the state file as read before this run: record key -> first seen (epoch seconds).
  std::map<std::string, int64_t, std::less<>> first_seen;
  bool state_loaded = false;  ///< a state file existed and was read

  /// The previous zone of zone `i`, or null.
  const ZoneModel* previous_of(size_t i) const { return i < previous.size() ? previous[i].get() : nullptr; }
};

/// A certbot renewal config (renewal/<name>.conf) named by a [[service]]'s certbot_renewal.
struct RenewalConfig {
  size_t service = 0;  ///< index into Workspace::services
  std::string path;
  bool reuse_key = false;
  int reuse_key_line = 0;  ///< line of the reuse_key setting, 0 when absent
};

/// Parses a certbot renewal config (configobj syntax). Returns an error "PATH: reason" or empty.
std::string read_renewal_config(const std::string& path, RenewalConfig& out);

// ---- state file ----

/// Record key -> first-seen time. Parses the JSON written by write_state; error "PATH[:LINE]: reason".
std::string read_state(const std::string& path, std::map<std::string, int64_t, std::less<>>& out, bool& existed);
/// Deterministic JSON (sorted keys, RFC 3339 times) of the state.
std::string format_state(const std::map<std::string, int64_t, std::less<>>& state);
/// The new state: every TLSA record of `published` keeps its first-seen time from `old`, or gets
/// `seen_at`; records no longer published are dropped (a re-added record starts afresh).
std::map<std::string, int64_t, std::less<>> next_state(const std::map<std::string, int64_t, std::less<>>& old,
                                                      const std::vector<const ZoneModel*>& published,
                                                      int64_t seen_at);

// ---- loading, for the CLI ----

struct Workspace;

struct HistoryOptions {
  std::string previous;         ///< --previous FILE
  std::string previous_rev;     ///< --previous-rev REV
  std::string published_since;  ///< --published-since TIME (as given)
  std::string state;            ///< --state FILE
};

/// Fills ws.history for ws.zones (loaded from `zone_files` with `origins`, same order). Returns a
/// one-line error (usage or input) or an empty string.
std::string load_history(Workspace& ws, const std::vector<std::string>& zone_files,
                         const std::vector<std::string>& origins, const HistoryOptions& opts);
/// Writes the updated state file (when --state was given): the TLSA records of the published zones
/// (the previous versions when given, else the zones themselves) with their first-seen times.
std::string save_state(const Workspace& ws, const HistoryOptions& opts, int64_t now);
/// Reads the certbot renewal config of every service that names one; problems become input-unreadable.
void load_renewals(Workspace& ws);

// ---- git ----

/// Reads `path` as committed in `rev` (`git show REV:./FILE` run in the file's directory).
/// Returns nullopt in `text` when the file does not exist in that revision; error "..." otherwise.
std::string git_show_file(const std::string& rev, const std::string& path, std::optional<std::string>& text);

// ---- matching, for the rollover rules and rollover-check (via gen/tlsa.hpp) ----

/// True when a TLSA record matches a certificate chain as a server would present it (usage 1/3 at the
/// leaf, usage 0/2 at any certificate of the chain) or, for a bare key, the key (selector 1 only).
bool tlsa_matches_material(const TlsaView& t, const gen::Material& m);

}  // namespace danelint
