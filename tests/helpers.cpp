#include "tests/helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lint/strings.hpp"

namespace danelint::test {

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(DANELINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << relative);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_expect_marks(const std::string& relative_path, std::string_view rule_id, const Options& o) {
  std::string path = std::string(DANELINT_SOURCE_DIR) + "/" + relative_path;
  LoadOptions lo;
  lo.origin = o.origin;
  Workspace ws;
  ws.zones.push_back(load_zone_file(path, lo));
  EngineOptions eng;
  eng.now = o.now;
  eng.jobs = o.jobs;
  eng.rules.select = {std::string(rule_id)};
  eng.rules.options = o.options;
  auto findings = run_lint(ws, eng).findings;

  std::vector<int> want;
  std::string text = read_source_file(relative_path);
  int line = 0;
  for (const std::string& l : split(text, '\n')) {
    ++line;
    auto pos = l.find("; expect:");
    if (pos == std::string::npos) continue;
    for (const std::string& id : split(trim(std::string_view(l).substr(pos + 9)), ','))
      if (trim(id) == rule_id) want.push_back(line);
  }
  std::vector<int> got = lines_of(findings, rule_id);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  INFO("file " << relative_path << ", rule " << rule_id);
  for (const Finding& f : findings) INFO(f.loc.line << ": " << f.rule->info.id << ' ' << f.message);
  CHECK(got == want);
}

}  // namespace danelint::test
