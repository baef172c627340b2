#include "lint/timings.hpp"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace danelint {

bool timings_enabled() {
  static const bool on = [] {
    const char* v = std::getenv("DANELINT_TIMINGS");
    return v && *v && *v != '0';
  }();
  return on;
}

ScopedTiming::ScopedTiming(std::string what) {
  if (!timings_enabled()) return;
  what_ = std::move(what);
  start_ = std::chrono::steady_clock::now();
}

namespace {

/// Resident memory now and its peak so far, in MB (0 if /proc is not there): where the peak builds up.
std::pair<double, double> resident_and_peak_mb() {
  double now = 0, peak = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[128];
    long kb = 0;
    while (std::fgets(line, sizeof line, f)) {
      if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) peak = static_cast<double>(kb) / 1024.0;
      if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1) now = static_cast<double>(kb) / 1024.0;
    }
    std::fclose(f);
  }
  return {now, peak};
}

}  // namespace

ScopedTiming::~ScopedTiming() {
  if (!timings_enabled()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  // One write per line: rules time themselves on several threads.
  const auto [resident, peak] = resident_and_peak_mb();
  std::fprintf(stderr, "danelint: timing: %s %.1f ms (resident %.1f MB, peak %.1f MB)\n", what_.c_str(), ms, resident, peak);
}

}  // namespace danelint
