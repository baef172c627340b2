// One finding per RRset for rules that judge individual RRSIGs (validity windows): a zone with
// 244k expired signatures gets one finding per (owner, covered type), not one per RRSIG.
// The finding sits on the first such RRSIG (file order); every further RRSIG of the same RRset
// becomes a `related` entry (its own file:line and facts), so JSON stays complete, and the message
// ends with "(N RRSIGs over this RRset)" when there is more than one.
#pragma once
#include <map>
#include <string>
#include <tuple>

#include "lint/context.hpp"
#include "lint/model.hpp"

namespace danelint::dnssec {

/// "RRSIG for www.example. A (key 123, ECDSAP256SHA256)".
std::string describe_rrsig(const ZoneModel& zone, const Record& rec, const RrsigView& sig);

class RrsetGrouper {
 public:
  explicit RrsetGrouper(FindingSink& sink) : sink_(sink) {}
  /// `message` is the finding's text when this RRSIG is the first of its RRset; `detail` describes it as related.
  void add(const ZoneModel& zone, const Record& rec, const RrsigView& sig, std::string message, std::string detail);
  /// Appends the counts; call once after the last add().
  void finish();

 private:
  FindingSink& sink_;
  std::map<std::tuple<const ZoneModel*, uint32_t, uint16_t>, size_t> index_;  ///< -> finding index
};

}  // namespace danelint::dnssec
