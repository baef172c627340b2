#include "lint/dnssec/grouping.hpp"

#include "lint/strings.hpp"

namespace danelint::dnssec {

std::string describe_rrsig(const ZoneModel& zone, const Record& rec, const RrsigView& sig) {
  return cat("RRSIG for ", zone.owner_text(rec), ' ', type_name(sig.type_covered), " (key ", sig.key_tag, ", ",
             algorithm_name(sig.algorithm), ")");
}

void RrsetGrouper::add(const ZoneModel& zone, const Record& rec, const RrsigView& sig, std::string message,
                       std::string detail) {
  auto key = std::make_tuple(&zone, rec.owner, sig.type_covered);
  auto it = index_.find(key);
  if (it == index_.end()) {
    index_.emplace(key, sink_.findings().size());
    sink_.report(zone, rec, std::move(message));
    return;
  }
  sink_.findings()[it->second].related.emplace_back(zone.loc(rec), std::move(detail));
}

void RrsetGrouper::finish() {
  for (const auto& [key, i] : index_) {
    Finding& f = sink_.findings()[i];
    if (!f.related.empty()) f.message += cat(" (", f.related.size() + 1, " RRSIGs over this RRset)");
  }
}

}  // namespace danelint::dnssec
