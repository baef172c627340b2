// Inline suppressions, per-file ignores, unused-suppression (LINT001), finding keys and baselines.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include <unistd.h>

#include "lint/atomic_file.hpp"
#include "lint/strings.hpp"
#include "lint/suppress.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

namespace {

std::vector<Finding> lint_with(std::string_view text, std::vector<FileIgnore> ignores = {},
                               std::vector<std::string> select = {"ALL"}) {
  LoadOptions lo;
  lo.origin = "example.";
  Workspace ws;
  ws.zones.push_back(load_zone_text(text, "test.zone", lo));
  EngineOptions eng;
  eng.now = *parse_time("2025-01-01T00:00:00Z");
  eng.rules.select = std::move(select);
  eng.suppress.per_file_ignores = std::move(ignores);
  return run_lint(ws, eng).findings;
}

constexpr std::string_view kSoa = "example. 3600 IN SOA ns.example. host.example. 1 7200 3600 1209600 300\n";
constexpr std::string_view kPkix = "_25._tcp.mx.example. 3600 IN TLSA 1 1 1 "
                                   "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1";
constexpr std::string_view kShort = "_465._tcp.mx.example. 3600 IN TLSA 3 1 1 0011";

std::string zone(std::initializer_list<std::string_view> lines) {
  std::string z(kSoa);
  for (std::string_view l : lines) z += cat(l, '\n');
  return z;
}

}  // namespace

TEST_CASE("LINT001 unused-suppression") {
  SUBCASE("own-line disable applies to the next record only") {
    auto found = lint_with(zone({"; danelint: disable=smtp-pkix-usage", kPkix, kPkix}));
    CHECK(lines_of(found, "SMTP001") == std::vector<int>{4});
    CHECK(of_rule(found, "LINT001").empty());
  }
  SUBCASE("own-line disable covers every line of a multi-line record") {
    auto found = lint_with(zone({"; danelint: disable=SMTP001", "_25._tcp.mx.example. 3600 IN TLSA 1 1 1 (",
                                 "   8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1 )"}));
    CHECK(of_rule(found, "SMTP001").empty());
    CHECK(of_rule(found, "LINT001").empty());
  }
  SUBCASE("trailing disable applies to its own record, by code or name, several at once") {
    auto found = lint_with(zone({cat(kShort, " ; danelint: disable=TLSA003,smtp-pkix-usage"), kShort}));
    CHECK(lines_of(found, "TLSA003") == std::vector<int>{3});
    // smtp-pkix-usage never fired on that record: reported as unused, on the directive's line
    CHECK(lines_of(found, "LINT001") == std::vector<int>{2});
    CHECK(of_rule(found, "LINT001")[0].message == "suppression disable=smtp-pkix-usage suppressed nothing on its record");
  }
  SUBCASE("trailing disable on the last line of a parenthesised record") {
    auto found = lint_with(zone({"_25._tcp.mx.example. 3600 IN TLSA 1 1 1 (",
                                 "   8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1 ) ; danelint: disable=SMTP001"}));
    CHECK(of_rule(found, "SMTP001").empty());
    CHECK(of_rule(found, "LINT001").empty());
  }
  SUBCASE("disable-file covers the whole file, before and after the comment") {
    auto found = lint_with(zone({kPkix, "; danelint: disable-file=smtp-pkix-usage", kPkix}));
    CHECK(of_rule(found, "SMTP001").empty());
    CHECK(of_rule(found, "LINT001").empty());
  }
  SUBCASE("a family prefix suppresses the family") {
    auto found = lint_with(zone({cat(kShort, " ; danelint: disable=TLSA")}));
    CHECK(of_rule(found, "TLSA003").empty());
    CHECK(of_rule(found, "LINT001").empty());
  }
  SUBCASE("unused, unknown and malformed directives are reported; a reason after the list is allowed") {
    auto found = lint_with(zone({"; danelint: disable=tlsa-duplicate  -- kept for the migration",
                                 "www.example. 3600 IN A 192.0.2.1", "; danelint: disable=no-such-rule",
                                 "www2.example. 3600 IN A 192.0.2.2", "; danelint: enable=SIG001",
                                 "; danelint: disable-file=rrsig-expired"}));
    auto l = of_rule(found, "LINT001");
    REQUIRE(l.size() == 4);
    CHECK(l[0].loc.line == 2);
    CHECK(l[0].message == "suppression disable=tlsa-duplicate suppressed nothing on its record");
    CHECK(l[1].message == "suppression disable=no-such-rule names no rule");
    CHECK(l[2].message.find("is not disable=RULE") != std::string::npos);
    CHECK(l[3].message == "suppression disable-file=rrsig-expired suppressed nothing in this file");
    CHECK(l[0].severity == Severity::Warning);
  }
  SUBCASE("input rules cannot be suppressed") {
    auto found = lint_with(zone({"; danelint: disable=zone-syntax", "www.example. 3600 IN A 999.1.1.1"}));
    CHECK(lines_of(found, "PARSE001") == std::vector<int>{3});
    auto l = of_rule(found, "LINT001");
    REQUIRE(l.size() == 1);
    CHECK(l[0].message.find("input rules cannot be suppressed") != std::string::npos);
  }
  SUBCASE("LINT001 is quiet when not selected, and can be disabled for a file") {
    auto z = zone({"; danelint: disable=tlsa-duplicate", "www.example. 3600 IN A 192.0.2.1"});
    CHECK(of_rule(lint_with(z, {}, {"TLSA", "SMTP"}), "LINT001").empty());
    auto z2 = zone({"; danelint: disable-file=unused-suppression", "; danelint: disable=tlsa-duplicate",
                    "www.example. 3600 IN A 192.0.2.1"});
    CHECK(of_rule(lint_with(z2), "LINT001").empty());
  }
  SUBCASE("per-file ignores: globs on paths and base names, unused entries reported at the config line") {
    auto z = zone({kPkix, kShort});
    auto found = lint_with(z, {FileIgnore{"*.zone", {"SMTP001"}, "danelint.toml", 7},
                               FileIgnore{"other/*.zone", {"TLSA003"}, "danelint.toml", 8}});
    CHECK(of_rule(found, "SMTP001").empty());
    CHECK(lines_of(found, "TLSA003") == std::vector<int>{3});
    auto l = of_rule(found, "LINT001");
    REQUIRE(l.size() == 1);
    CHECK(l[0].loc.file == "danelint.toml");
    CHECK(l[0].loc.line == 8);
    CHECK(l[0].message == "per-file-ignores 'other/*.zone' = TLSA003 suppressed nothing");
  }
}

TEST_CASE("LINT001 with a directive on every record and many specs in one comment") {
  // Thousands of directives: each finding is matched to its own record's directive, not to its neighbours'.
  std::string z(kSoa);
  int line = 1;
  std::vector<int> kept, unused;
  constexpr int kRecords = 3000;
  for (int i = 0; i < kRecords; ++i) {
    std::string tlsa = cat("_465._tcp.h", i, ".example. 3600 IN TLSA 3 1 1 0011");
    if (i % 3 == 0) {
      z += cat(tlsa, " ; danelint: disable=TLSA003\n");
      ++line;
    } else if (i % 3 == 1) {
      z += cat("; danelint: disable=TLSA003\n", tlsa, '\n');
      line += 2;
    } else {
      z += cat(tlsa, " ; danelint: disable=SMTP001\n");
      ++line;
      kept.push_back(line);
      unused.push_back(line);
    }
  }
  z += "; danelint: disable-file=";
  for (int i = 0; i < 2000; ++i) z += i ? ",nope" : "nope";
  z += '\n';
  ++line;
  auto found = lint_with(z);
  CHECK(lines_of(found, "TLSA003") == kept);
  auto l = of_rule(found, "LINT001");
  REQUIRE(l.size() == unused.size() + 2000);
  std::vector<int> got;
  for (size_t i = 0; i < unused.size(); ++i) got.push_back(l[i].loc.line);
  CHECK(got == unused);
  CHECK(l[0].message == "suppression disable=SMTP001 suppressed nothing on its record");
  CHECK(l[unused.size()].loc.line == line);
  CHECK(l.back().message == "suppression disable-file=nope names no rule");
}

TEST_CASE("finding keys and fingerprints do not depend on line numbers") {
  auto a = lint_with(zone({kShort}));
  auto b = lint_with(zone({"", "; a comment", "", kShort}));
  auto fa = of_rule(a, "TLSA003"), fb = of_rule(b, "TLSA003");
  REQUIRE(fa.size() == 1);
  REQUIRE(fb.size() == 1);
  CHECK(fa[0].loc.line != fb[0].loc.line);
  CHECK(finding_key(fa[0]) == finding_key(fb[0]));
  CHECK(unique_fingerprints(fa) == unique_fingerprints(fb));
  CHECK(fingerprint_hex("") == "cbf29ce484222325");  // FNV-1a 64 offset basis: the hash is the documented one

  Finding f = fa[0];
  f.message = "duplicate of the record on line 12";
  Finding g = f;
  g.message = "duplicate of the record on line 40";
  CHECK(finding_key(f) == finding_key(g));
  SUBCASE("repeats get distinct fingerprints") {
    std::vector<Finding> two{f, g};
    auto p = unique_fingerprints(two);
    CHECK(p[0] != p[1]);
  }
}

TEST_CASE("strip_line_numbers removes exactly what the documented pattern matches") {
  // The pattern of the key's definition, as a regex: the hand-written scanner must agree with it.
  const std::regex pattern(R"(\b(lines?) [0-9]+(-[0-9]+)?)");
  auto oracle = [&](const std::string& m) { return std::regex_replace(m, pattern, "$1"); };
  for (std::string m : {"duplicate of the record on line 12", "lines 3-14 and line 7", "line 12-", "line 12-x",
                        "lines 5", "linesx 5", "xline 5", "_line 5", "-line 5", "line5", "line  5", "lines s 5",
                        "line 12abc", "baseline 4", "line 1-2-3", "line", "line ", "lines ", "", "line 0-0 line 9"}) {
    CAPTURE(m);
    CHECK(strip_line_numbers(m) == oracle(m));
  }
  std::mt19937 rng(7);
  const std::string alphabet = "lines 0-9x_.";
  for (int n = 0; n < 20000; ++n) {
    std::string m;
    for (size_t len = rng() % 24; len > 0; --len) m += alphabet[rng() % alphabet.size()];
    if (rng() % 2) m.insert(rng() % (m.size() + 1), rng() % 2 ? "line " : "lines ");
    CAPTURE(m);
    REQUIRE(strip_line_numbers(m) == oracle(m));
  }
}

TEST_CASE("baselines absorb known findings and report only new ones") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / cat("danelint-baseline-", getpid());
  fs::create_directories(dir);
  std::string path = (dir / "baseline.toml").string();
  const std::vector<std::string> sel{"SMTP001", "TLSA003"};
  auto before = lint_with(zone({kPkix, kShort, kShort}), {}, sel);
  REQUIRE(write_file_atomic(path, baseline_json(before)).empty());
  std::string err;
  auto b = load_baseline(path, err);
  REQUIRE_MESSAGE(b, err);
  CHECK(b->entries == 2);  // SMTP001 once, TLSA003 with count = 2

  SUBCASE("same findings on other lines: all absorbed") {
    auto now = lint_with(zone({"", "", kShort, kPkix, kShort}), {}, sel);
    size_t removed = 0;
    CHECK(apply_baseline(*b, now, &removed) == 0);
    CHECK(now.empty());
    CHECK(removed == 3);
  }
  SUBCASE("a third copy is new; a fixed one is stale") {
    auto now = lint_with(zone({kShort, kShort, kShort}), {}, sel);
    size_t stale = apply_baseline(*b, now);
    CHECK(lines_of(now, "TLSA003").size() == 1);
    CHECK(stale == 1);  // the SMTP001 finding is gone
  }
  SUBCASE("bad baseline files are errors") {
    REQUIRE(write_file_atomic(path, "version = 2\n").empty());
    CHECK_FALSE(load_baseline(path, err));
    CHECK(err.find("not a danelint baseline") != std::string::npos);
    REQUIRE(write_file_atomic(path, "version = 1\n[[finding]]\nrule = \"SIG001\"\n").empty());
    CHECK_FALSE(load_baseline(path, err));
    CHECK_FALSE(load_baseline((dir / "missing.toml").string(), err));
  }
  fs::remove_all(dir);
}
