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

/// Thread-safe (rules run in parallel): the first caller of a key computes it while later callers of
/// that key wait, then every caller gets the same value. Each key has its own lock, so a slow value
/// holds up only the rules that want it, and `make` may itself ask for another key. The value must
/// depend on nothing but the memo's owner.
class SharedMemo {
 public:
  std::shared_ptr<const void> get(std::string_view key, const std::function<std::shared_ptr<const void>()>& make) const {
    Slot& slot = slot_for(key);
    std::lock_guard<std::mutex> lock(slot.mutex);
    if (!slot.made) {  // a `make` that throws leaves the slot empty, and the next caller tries again
      slot.value = make();
      slot.made = true;
    }
    return slot.value;
  }

  /// The same, typed: `make` returns a std::shared_ptr<const T>.
  template <class T, class Make>
  std::shared_ptr<const T> get_as(std::string_view key, Make&& make) const {
    return std::static_pointer_cast<const T>(get(key, [&]() -> std::shared_ptr<const void> { return make(); }));
  }

 private:
  struct Slot {
    std::mutex mutex;
    bool made = false;
    std::shared_ptr<const void> value;
  };

  Slot& slot_for(std::string_view key) const {
    std::lock_guard<std::mutex> lock(slots_mutex_);
    auto it = slots_.find(key);
    if (it == slots_.end()) it = slots_.emplace(std::string(key), std::make_unique<Slot>()).first;
    return *it->second;  // the Slot lives on the heap, so it stays put while the map grows
  }

  mutable std::mutex slots_mutex_;
  mutable std::map<std::string, std::unique_ptr<Slot>, std::less<>> slots_;
};

}  // namespace danelint
