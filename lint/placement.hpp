// Name lookups across every loaded zone, for the placement rules (CNAME chains, MX hosts, TLSA owners).
// Built once per workspace, by the first rule that asks (ZoneSet::shared); read-only afterwards.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/context.hpp"

namespace danelint {

class ZoneSet {
 public:
  explicit ZoneSet(const Workspace& ws);
  /// The workspace's ZoneSet, built on first use and kept as long as the workspace: six rules read it, and
  /// building it reads every record.
  static const ZoneSet& shared(const Workspace& ws);

  enum class Where { NotLoaded, BelowCut, InZone };
  struct Lookup {
    Where where = Where::NotLoaded;
    int zone = -1;                  ///< index into Workspace::zones (deepest zone holding the name)
    std::optional<uint32_t> name;   ///< the name's index in that zone, when it owns records
  };
  /// Where a name (canonical wire) lives in the loaded zones.
  Lookup find(std::string_view canon) const;
  /// True when the name owns authoritative data of `type` in the loaded zones.
  bool has(std::string_view canon, uint16_t type) const;
  /// The CNAME target (canonical wire) of a name, if it owns a CNAME.
  const std::string* cname(std::string_view canon) const;

  struct Chain {
    std::vector<std::string> names;  ///< the start, every hop, and the final name (canonical wire)
    bool loop = false;
  };
  /// Follows CNAMEs from `canon` (at most 16 hops).
  Chain follow(std::string_view canon) const;

 private:
  const Workspace& ws_;
  struct StringHash {  // lets find() take a string_view without building a string
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  /// Owner -> target, both canonical wire. Hashed: every MX host and TLSA base name is looked up here.
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> cnames_;
  /// Origin (canonical wire) -> the first readable zone with it: find() walks a name's ancestors.
  std::map<std::string_view, int, std::less<>> by_origin_;
};

/// The MX target name (canonical wire) of an MX RDATA; nullopt when malformed.
std::optional<std::string> mx_target(std::span<const uint8_t> rdata);
/// "_25._tcp." + host as canonical wire.
std::string smtp_tlsa_owner(std::string_view host_canon);

}  // namespace danelint
