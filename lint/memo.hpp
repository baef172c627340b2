// Results that several rules share, computed once on first use and kept: the zone's denial analysis,
// the placement index of the whole workspace.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace danelint {

/// Thread-safe (rules run in parallel): the first caller of a key computes it while later callers wait,
/// then every caller gets the same value. The value must depend on nothing but the memo's owner.
class SharedMemo {
 public:
  std::shared_ptr<const void> get(std::string_view key, const std::function<std::shared_ptr<const void>()>& make) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = values_.find(key); it != values_.end()) return it->second;
    auto value = make();
    values_.emplace(std::string(key), value);
    return value;
  }

  /// The same, typed: `make` returns a std::shared_ptr<const T>.
  template <class T, class Make>
  std::shared_ptr<const T> get_as(std::string_view key, Make&& make) const {
    return std::static_pointer_cast<const T>(get(key, [&]() -> std::shared_ptr<const void> { return make(); }));
  }

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const void>, std::less<>> values_;
};

}  // namespace danelint
