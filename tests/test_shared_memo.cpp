// SharedMemo: one value per key, made once however many rule threads ask, and a lock per key.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "lint/memo.hpp"

namespace {

using danelint::SharedMemo;
using namespace std::chrono_literals;

/// Runs `fn` on a thread of its own and says whether it finished within `limit`. A deadlocked thread
/// is left behind (detached) so that the test fails instead of hanging the suite.
template <class Fn>
bool finishes_within(std::chrono::milliseconds limit, Fn fn) {
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> finished = done->get_future();
  std::thread([done, fn]() mutable {
    fn();
    done->set_value();
  }).detach();
  return finished.wait_for(limit) == std::future_status::ready;
}

}  // namespace

TEST_CASE("SharedMemo makes a key once, and every caller gets that one value") {
  SharedMemo memo;
  std::atomic<int> made{0};
  std::vector<std::shared_ptr<const int>> got(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      got[t] = memo.get_as<int>("key", [&] {
        ++made;
        std::this_thread::sleep_for(5ms);  // long enough for the other threads to arrive and wait
        return std::make_shared<const int>(42);
      });
    });
  for (auto& t : threads) t.join();
  CHECK(made == 1);
  for (const auto& p : got) {
    REQUIRE(p);
    CHECK(p == got[0]);
    CHECK(*p == 42);
  }
}

TEST_CASE("SharedMemo: making one value may ask for another key") {
  // With one lock for the whole memo this deadlocked: MxHosts asked for the placement index from inside
  // its own make.
  auto memo = std::make_shared<SharedMemo>();
  auto inner = std::make_shared<std::atomic<int>>(0);
  CHECK(finishes_within(5000ms, [memo, inner] {
    auto outer = memo->get_as<int>("outer", [&] {
      auto in = memo->get_as<int>("inner", [] { return std::make_shared<const int>(1); });
      return std::make_shared<const int>(*in + 1);
    });
    *inner = *outer;
  }));
  CHECK(*inner == 2);
}

TEST_CASE("SharedMemo: a slow value holds up only the callers of its own key") {
  // The value of "slow" cannot be finished until "fast" has been made on another thread: with one
  // lock for every key, "fast" would wait for "slow" for ever.
  auto memo = std::make_shared<SharedMemo>();
  auto fast_made = std::make_shared<std::promise<void>>();
  auto fast_done = fast_made->get_future().share();
  auto slow_started = std::make_shared<std::promise<void>>();
  auto slow_running = slow_started->get_future().share();
  CHECK(finishes_within(5000ms, [=] {
    std::thread slow([=] {
      memo->get_as<int>("slow", [&] {
        slow_started->set_value();
        fast_done.wait();
        return std::make_shared<const int>(1);
      });
    });
    slow_running.wait();
    memo->get_as<int>("fast", [] { return std::make_shared<const int>(2); });
    fast_made->set_value();
    slow.join();
  }));
}

TEST_CASE("SharedMemo: a make that throws leaves the key unmade, and the next caller makes it") {
  SharedMemo memo;
  CHECK_THROWS_AS(memo.get_as<int>("k", []() -> std::shared_ptr<const int> { throw std::runtime_error("no"); }),
                  std::runtime_error);
  auto v = memo.get_as<int>("k", [] { return std::make_shared<const int>(7); });
  REQUIRE(v);
  CHECK(*v == 7);
}
