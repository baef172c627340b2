// Shared by the bench's speed probes (ed25519_speed.cpp, rsa_speed.cpp).
#pragma once
#include <chrono>

/// Calls `verify` (which returns 1 for a valid signature) for `seconds` and returns calls per second.
template <typename Fn>
static double rate(double seconds, Fn&& verify) {
  auto start = std::chrono::steady_clock::now();
  long n = 0;
  double elapsed = 0;
  do {
    for (int i = 0; i < 64; ++i) n += verify();
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);
  return static_cast<double>(n) / elapsed;
}
