// Atomic writes under SIGKILL: a writer killed at a random moment must leave either the old file or
// the new one, never a truncated or mixed file (lint/atomic_file.hpp).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "lint/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Distinct contents of different sizes, so that a partial or mixed file cannot pass for either.
std::string content(char fill, size_t size) {
  std::string s(size, fill);
  s.replace(0, 12, "BEGIN-CONTENT");
  s.replace(s.size() - 11, 11, "END-CONTENT");
  return s;
}

}  // namespace

TEST_CASE("atomic write: SIGKILL at random moments leaves the old or the new file, never a partial one") {
  fs::path dir = fs::temp_directory_path() / ("danelint-atomic-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path target = dir / "state.json";
  const std::string a = content('a', 1 << 20), b = content('b', (700 << 10) + 12345);
  REQUIRE(danelint::write_file_atomic(target.string(), a).empty());

  // Calibrate: how long does one complete write take here? Kill within twice that.
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(danelint::write_file_atomic(target.string(), b).empty());
  auto write_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  std::string current = b;

  std::random_device rd;
  const unsigned seed = rd();
  INFO("seed " << seed << ", one write takes " << write_us << " us");
  std::mt19937 rng(seed);
  std::uniform_int_distribution<long> delay(0, std::max<long>(2 * write_us, 2000));
  int killed = 0, finished = 0, replaced = 0;
  constexpr int kRounds = 40;
  for (int i = 0; i < kRounds; ++i) {
    const std::string& next = current == a ? b : a;
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      std::string err = danelint::write_file_atomic(target.string(), next);
      _exit(err.empty() ? 0 : 3);
    }
    usleep(static_cast<useconds_t>(delay(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    if (WIFSIGNALED(status)) ++killed;
    else {
      REQUIRE(WEXITSTATUS(status) == 0);
      ++finished;
    }
    std::string now = slurp(target);
    bool is_old = now == current, is_new = now == next;
    INFO("round " << i << ": file has " << now.size() << " bytes");
    REQUIRE((is_old || is_new));
    if (is_new) {
      ++replaced;
      current = next;
    }
  }
  MESSAGE("atomic write: " << killed << " writers killed, " << finished << " finished, " << replaced
                           << " replacements seen, never a partial file");
  CHECK(killed > 0);  // the test must actually interrupt writers
  // A killed writer may leave its temporary file behind; it never takes the target's name.
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    CHECK((name == "state.json" || name.rfind(".state.json.tmp.", 0) == 0));
  }
  fs::remove_all(dir);
}
