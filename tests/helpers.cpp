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

std::string read_source_file_abs(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
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
  std::string detail = cat("file ", relative_path, ", rule ", rule_id, "\n  want lines:");
  for (int l : want) detail += cat(' ', l);
  detail += "\n  got:";
  for (const Finding& f : findings) detail += cat("\n    ", f.loc.line, ": ", f.rule->info.id, ' ', f.message);
  CHECK_MESSAGE(got == want, detail);
}

}  // namespace danelint::test

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace danelint::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "danelint-test.XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

void TempDir::write(const std::string& name, std::string_view content) const {
  std::ofstream out(file(name), std::ios::binary);
  out << content;
}

RunResult run(const std::string& command) {
  RunResult r;
  std::string full = "bash -c '" ;
  for (char c : command) full += c == '\'' ? std::string("'\\''") : std::string(1, c);
  full += "' 2>&1";
  FILE* p = popen(full.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

bool have_command(const std::string& name) { return run("command -v " + name + " >/dev/null").exit_code == 0; }

}  // namespace danelint::test
