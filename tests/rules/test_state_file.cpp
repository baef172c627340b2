// Rollover rules with history and services: ROLL002 (switch_wait), ROLL003, ROLL004, ROLL005, ROLL006;
// the state file. Keys are made in-process (OpenSSL EC P-256) and TLSA data comes from gen/tlsa.hpp.
#include "tests/rollover_fixture.hpp"

TEST_CASE("state file: round trip, deterministic, first-seen kept, removed records dropped") {
  Keys k;
  LoadOptions lo;
  lo.origin = "example.";
  auto z1 = load_zone_text(std::string(kSoa) + rec311(k.a) + rec311(k.b), "z", lo);
  auto z2 = load_zone_text(std::string(kSoa) + rec311(k.b), "z", lo);
  auto s1 = next_state({}, {z1.get()}, 1000);
  CHECK(s1.size() == 2);
  auto s2 = next_state(s1, {z2.get()}, 5000);
  REQUIRE(s2.size() == 1);
  CHECK(s2.begin()->second == 1000);
  std::string text = format_state(s1);
  CHECK(text == format_state(next_state({}, {z1.get()}, 1000)));
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / cat("danelint-state-", getpid(), ".json");
  std::ofstream(p) << text;
  std::map<std::string, int64_t, std::less<>> back;
  bool existed = false;
  CHECK(read_state(p.string(), back, existed).empty());
  CHECK(existed);
  CHECK(back == s1);
  std::ofstream(p) << "{\"version\": 1, \"records\": [ {\"owner\": 3} ]}";
  CHECK(read_state(p.string(), back, existed).find("not a danelint state file") != std::string::npos);
  std::ofstream(p) << "{\"version\": 1, \"records\": [";
  CHECK(!read_state(p.string(), back, existed).empty());
  // hostile input: deep nesting and a huge unterminated string end in an error, not a crash
  std::ofstream(p) << std::string(100000, '[');
  CHECK(read_state(p.string(), back, existed).find("nesting too deep") != std::string::npos);
  std::ofstream(p) << "{\"version\": 1, \"records\": [\"" << std::string(1 << 20, 'x');
  CHECK(read_state(p.string(), back, existed).find("unterminated string") != std::string::npos);
  fs::remove(p);
  CHECK(read_state(p.string(), back, existed).empty());
  CHECK(!existed);
}
