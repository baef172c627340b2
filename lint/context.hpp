// What a rule sees: the loaded inputs, the evaluation time and its own options. Read-only.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lint/deployment.hpp"
#include "lint/finding.hpp"
#include "lint/history.hpp"
#include "lint/memo.hpp"
#include "lint/model.hpp"
#include "lint/rule.hpp"
#include "lint/spki_denylist.hpp"

namespace danelint {

namespace dnssec {
struct Analysis;
}

/// A resolved rule option (durations and integers in `number`, durations in seconds).
struct OptionValue {
  OptionKind kind = OptionKind::Integer;
  int64_t number = 0;
  bool flag = false;
  std::string text;
};
using OptionValues = std::map<std::string, OptionValue, std::less<>>;

/// Parses an option value written as text (config or default) for its declared kind.
std::optional<OptionValue> parse_option_value(const RuleOption& opt, std::string_view text);

/// Everything one lint run looks at. Loaded once; rules never read files themselves.
struct Workspace {
  std::vector<std::unique_ptr<ZoneModel>> zones;
  std::vector<Service> services;        ///< the planned deployment ([[service]], --service)
  std::vector<Finding> load_findings;   ///< input problems outside zones (certificates, keys, DS files)
  /// SPKI digests of keys known to be public (cert-stock-sample): built in, plus user files.
  SpkiDenylist spki_denylist = builtin_spki_denylist();
  /// Parent-side DS data: --ds files and [[zone]] ds (DS records, or DNSKEYs to compute DS from).
  std::vector<std::unique_ptr<ZoneModel>> ds_files;
  /// The DNSSEC analysis (lint/dnssec/analysis.hpp): set once by run_lint before rules run, then read-only.
  mutable std::shared_ptr<const dnssec::Analysis> dnssec;
  /// Indexes over every zone that several rules read (e.g. ZoneSet::shared): built by the first rule that
  /// asks. A pointer, so that the workspace stays movable.
  std::unique_ptr<SharedMemo> shared = std::make_unique<SharedMemo>();
  // ---- rollover and placement inputs (lint/history.hpp) ----
  std::vector<ZoneSigning> zone_signing;  ///< parallel to zones ([[zone]] signing); missing: Unknown
  History history;                        ///< previous zones, publication times (--previous, --state)
  std::vector<RenewalConfig> renewals;    ///< certbot renewal configs named by [[service]]
  ZoneSigning signing_of(size_t zone) const {
    return zone < zone_signing.size() ? zone_signing[zone] : ZoneSigning::Unknown;
  }
};

class LintContext {
 public:
  LintContext(const Workspace& ws, int64_t now, const Rule& rule, const OptionValues* configured)
      : ws_(ws), now_(now), rule_(rule), configured_(configured) {}

  const Workspace& workspace() const { return ws_; }
  const std::vector<std::unique_ptr<ZoneModel>>& zones() const { return ws_.zones; }
  const std::vector<Service>& services() const { return ws_.services; }
  /// Evaluation time in seconds since the epoch (`--now`, or the system clock).
  int64_t now() const { return now_; }
  uint32_t now32() const { return static_cast<uint32_t>(now_); }

  /// The rule's option, as configured or by its declared default.
  int64_t duration_option(std::string_view name) const { return option(name).number; }
  int64_t int_option(std::string_view name) const { return option(name).number; }
  bool bool_option(std::string_view name) const { return option(name).flag; }
  std::string string_option(std::string_view name) const { return option(name).text; }

 private:
  OptionValue option(std::string_view name) const;
  const Workspace& ws_;
  int64_t now_;
  const Rule& rule_;
  const OptionValues* configured_;
};

/// Collects one rule's findings; stamps the rule and its default severity.
class FindingSink {
 public:
  explicit FindingSink(const Rule& rule) : rule_(rule) {}
  Finding& report(SourceLoc loc, std::string message);
  /// A finding about one record: location, owner and type come from the record.
  Finding& report(const ZoneModel& zone, const Record& rec, std::string message);
  std::vector<Finding>& findings() { return findings_; }

 private:
  const Rule& rule_;
  std::vector<Finding> findings_;
};

}  // namespace danelint
