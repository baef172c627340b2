// The catalogue is the public interface: codes and names are stable, docs are complete, examples
// behave as documented, every rule has tests, and the README table is generated from it.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "lint/catalogue_docs.hpp"
#include "tests/helpers.hpp"

using namespace danelint;
using namespace danelint::test;

TEST_CASE("catalogue: codes and names") {
  std::set<std::string_view> ids, names;
  const std::regex id_re("^[A-Z]+[0-9]{3}$"), name_re("^[a-z0-9]+(-[a-z0-9]+)*$");
  std::string_view prev;
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    CAPTURE(i.id);
    CHECK(std::regex_match(std::string(i.id), id_re));
    CHECK(std::regex_match(std::string(i.name), name_re));
    CHECK(ids.insert(i.id).second);
    CHECK(names.insert(i.name).second);
    CHECK(prev < i.id);  // sorted by code
    prev = i.id;
    CHECK(find_rule(i.id) == r);
    CHECK(find_rule(i.name) == r);
  }
}

TEST_CASE("catalogue: codes follow docs/rule-ids.md and names the specification") {
  std::string ids = read_source_file("docs/rule-ids.md");
  for (const Rule* r : all_rules()) {
    CAPTURE(r->info.id);
    CHECK(ids.find(cat("| ", r->info.id, " | ", r->info.name, " |")) != std::string::npos);
  }
  // The specification lives beside the repository (../shared) when it is checked out there.
  std::string spec_path = std::string(DANELINT_SOURCE_DIR) + "/../shared/rules-catalogue.md";
  if (!std::filesystem::exists(spec_path)) return;
  std::string spec = read_source_file_abs(spec_path);
  for (const Rule* r : all_rules()) {
    CAPTURE(r->info.name);
    CHECK(spec.find(cat("| ", r->info.name, " |")) != std::string::npos);
  }
}

namespace {
/// Codes named by the `expect` files of the deployment scenarios.
std::set<std::string> scenario_codes() {
  std::set<std::string> out;
  std::string dir = std::string(DANELINT_SOURCE_DIR) + "/testdata/deploy";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().filename() != "expect") continue;
    std::string text = read_source_file_abs(entry.path().string());
    static const std::regex code_re("[A-Z]+[0-9]{3}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code_re); it != std::sregex_iterator(); ++it)
      out.insert(it->str());
  }
  return out;
}
}  // namespace

/// Codes named in the titles of doctest TEST_CASEs under tests/.
std::set<std::string> test_case_codes() {
  std::set<std::string> out;
  static const std::regex title_re("TEST_CASE\\(\"([^\"]*)\""), code_re("[A-Z]+[0-9]{3}");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(DANELINT_SOURCE_DIR) + "/tests")) {
    if (entry.path().extension() != ".cpp") continue;
    std::string text = read_source_file_abs(entry.path().string());
    for (auto t = std::sregex_iterator(text.begin(), text.end(), title_re); t != std::sregex_iterator(); ++t) {
      std::string title = (*t)[1];
      for (auto c = std::sregex_iterator(title.begin(), title.end(), code_re); c != std::sregex_iterator(); ++c)
        out.insert(c->str());
    }
  }
  return out;
}

TEST_CASE("catalogue: every rule is documented and has a test file") {
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    CAPTURE(i.id);
    CHECK_FALSE(i.summary.empty());
    CHECK_FALSE(i.rationale.empty());
    CHECK_FALSE(i.fix.empty());
    CHECK_FALSE(i.bad_example.empty());
    CHECK_FALSE(i.good_example.empty());
    CHECK_FALSE(i.references.empty());
    CHECK_FALSE(i.since.empty());
    // unused-suppression is computed by the engine after suppressions are applied.
    CHECK((r->check != nullptr || i.always_on || i.name == "unused-suppression"));
    for (const RuleOption& o : i.options) {
      CAPTURE(o.name);
      CHECK(parse_option_value(o, o.default_value).has_value());
      CHECK_FALSE(o.help.empty());
    }
    // Zone rules have a doctest TEST_CASE named after the code (tests/rules/test_<code>.cpp); rules that
    // need certificates are exercised by the scenario directories of testdata/deploy/ (an `expect` file
    // per scenario names the codes that must fire).
    bool tested = test_case_codes().count(std::string(i.id)) > 0 || scenario_codes().count(std::string(i.id)) > 0;
    CHECK_MESSAGE(tested, "no TEST_CASE named ", i.id, " and no testdata/deploy scenario expects it");
  }
}

TEST_CASE("catalogue: each bad example fires and each good example stays quiet") {
  for (const Rule* r : all_rules()) {
    const RuleInfo& i = r->info;
    if (!i.zone_examples) continue;
    CAPTURE(i.id);
    auto bad = lint_zone_text(std::string(i.bad_example) + "\n", only(std::string(i.id)));
    CHECK_MESSAGE(!of_rule(bad, i.id).empty(), "bad example: ", i.bad_example);
    auto good = lint_zone_text(std::string(i.good_example) + "\n", only(std::string(i.id)));
    CHECK_MESSAGE(of_rule(good, i.id).empty(), "good example: ", i.good_example);
  }
}

TEST_CASE("catalogue: the README rules table is generated from the catalogue") {
  std::ostringstream md;
  write_rules_markdown(md);
  std::string readme = read_source_file("README.md");
  const std::string begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->";
  auto b = readme.find(begin), e = readme.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  CHECK_MESSAGE(readme.substr(b + begin.size(), e - b - begin.size()) == md.str(),
                "README rules table is stale: regenerate it with tools/update-readme-rules");
}

TEST_CASE("catalogue: explain prints every section") {
  std::ostringstream out;
  write_explain(out, *find_rule("rrsig-expiring-soon"));
  std::string s = out.str();
  for (const char* section : {"# SIG003 rrsig-expiring-soon (warning)", "## Why this is bad", "## Example",
                              "## How to fix", "## When to ignore", "## References", "## Options", "min-remaining"})
    CHECK_MESSAGE(s.find(section) != std::string::npos, section);
}
