// DANELINT_TIMINGS=1 in the environment prints where a run's time goes (load, index, analysis, each
// rule, report) and the resident memory after each to standard error: the measurements behind
// bench/README.md. Off, it costs one branch.
#pragma once
#include <chrono>
#include <string>

namespace danelint {

bool timings_enabled();

/// Prints "danelint: timing: <what> <ms> ms (resident <MB> MB)" on destruction when timings are enabled.
class ScopedTiming {
 public:
  explicit ScopedTiming(std::string what);
  ~ScopedTiming();
  ScopedTiming(const ScopedTiming&) = delete;
  ScopedTiming& operator=(const ScopedTiming&) = delete;

 private:
  std::string what_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace danelint
