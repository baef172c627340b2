#include "lint/timings.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

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

/// Resident memory now, in MB (0 if /proc is not there): where the peak builds up.
double resident_mb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace

ScopedTiming::~ScopedTiming() {
  if (!timings_enabled()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  // One write per line: rules time themselves on several threads.
  std::fprintf(stderr, "danelint: timing: %s %.1f ms (resident %.0f MB)\n", what_.c_str(), ms, resident_mb());
}

}  // namespace danelint
