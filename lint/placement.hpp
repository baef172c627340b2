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
  /// The same for a name already looked up (one lookup for several types).
  bool has(const Lookup& l, uint16_t type) const;
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

/// What the SMTP rules ask about the host of each MX record (RFC 7672 §2.2), worked out once per workspace:
/// three rules asked it of every MX record, each with its own lookups (most of their time). The host is the
/// end of the target's CNAME chain, or the target itself.
struct MxHost {
  uint32_t zone = 0;    ///< index into Workspace::zones
  uint32_t record = 0;  ///< index into that zone's records
  bool malformed = false;  ///< RDATA too short for a target; nothing below is set
  bool root = false;       ///< the target is "." ("no mail", RFC 7505)
  bool target_in_zone = false;        ///< the target lies in a loaded zone, not below a cut
  bool host_in_zone = false;          ///< the same for the host
  bool chain_loop = false;            ///< the CNAME chain from the target loops (ZoneSet::Chain::loop)
  bool tlsa_at_target = false;        ///< TLSA at _25._tcp.<target>
  bool tlsa_cname_at_target = false;  ///< a CNAME at _25._tcp.<target>
  bool tlsa_at_host = false;          ///< TLSA at _25._tcp.<host>
  bool host_has_address = false;      ///< A or AAAA at the host
  const std::string* target_cname = nullptr;  ///< the target's CNAME target (ZoneSet::cname), if any
};
class MxHosts {
 public:
  explicit MxHosts(const Workspace& ws);
  static const MxHosts& shared(const Workspace& ws);
  /// Every MX record of an authoritative owner: zone order, then the MX RRsets in canonical order, each
  /// RRset's records in file order. Names are not kept (memory): the calls below give them, for messages.
  std::vector<MxHost> hosts;
  /// hosts[rrset_begin[k]] .. hosts[rrset_begin[k + 1]] hold one RRset; the last entry is hosts.size().
  std::vector<uint32_t> rrset_begin;

  std::string target(const MxHost& h) const;  ///< canonical wire; not for a malformed one
  ZoneSet::Chain chain(const MxHost& h) const;  ///< ZoneSet::follow(target)

 private:
  const Workspace& ws_;
};

/// The MX target name (canonical wire) of an MX RDATA; nullopt when malformed.
std::optional<std::string> mx_target(std::span<const uint8_t> rdata);
/// The same into `out`, reusing its capacity (once per MX record of a zone); false when malformed.
bool mx_target(std::span<const uint8_t> rdata, std::string& out);
/// "_25._tcp." + host as canonical wire.
std::string smtp_tlsa_owner(std::string_view host_canon);

}  // namespace danelint
