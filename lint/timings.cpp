#include "lint/timings.hpp"

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

ScopedTiming::~ScopedTiming() {
  if (!timings_enabled()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "danelint: timing: %s %.1f ms\n", what_.c_str(), ms);  // one write per line
}

}  // namespace danelint
