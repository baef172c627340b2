// Reads RFC 1035 master files into a ZoneModel. We own the scanning (lines, parentheses, comments,
// directives, $INCLUDE) and hand each complete record to ldns to parse, because ldns 1.8.3's own reader
// loses comments, reports the last line of a record rather than its first, does not follow $INCLUDE,
// and silently wraps out-of-range numbers.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "lint/model.hpp"

namespace danelint {

struct LoadOptions {
  std::string origin;              ///< --origin; empty: from the SOA, else from the file name
  int max_include_depth = 8;       ///< nested $INCLUDE levels
  size_t max_file_bytes = size_t{1} << 31;
  size_t max_syntax_findings = 1000;  ///< per zone, then one "too many errors" finding
  int jobs = 1;                       ///< threads for one large file (split at record boundaries)
  size_t parallel_min_bytes = size_t{1} << 20;  ///< each thread gets at least this much text
};

/// Loads a zone file. Never throws for bad input: problems become load_findings.
std::unique_ptr<ZoneModel> load_zone_file(const std::string& path, const LoadOptions& opts = {});
/// Loads zone text held in memory; `display_name` is used as its file name (and for $INCLUDE paths).
std::unique_ptr<ZoneModel> load_zone_text(std::string_view text, const std::string& display_name,
                                          const LoadOptions& opts = {});

/// Parses a TTL or duration as zone files write it: "3600", "1h30m", "2w". False when invalid/over 2^32-1.
bool parse_zone_ttl(std::string_view s, uint64_t& seconds);

}  // namespace danelint
