// Reporter details that the golden files (tests/cli/test_formats.sh) do not reach: escaping, URI
// encoding, uniqueness. Findings here are synthetic; their rules come from the catalogue.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

using namespace danelint;

namespace {

Finding make(std::string_view rule, std::string file, int line, std::string message, Severity sev = Severity::Error) {
  Finding f;
  f.rule = find_rule(rule);
  REQUIRE(f.rule);
  f.severity = sev;
  f.loc = SourceLoc{std::move(file), line, line, 0};
  f.message = std::move(message);
  f.owner = "_25._tcp.mx.example.";
  f.type = "TLSA";
  return f;
}

template <typename Fn>
std::string render(const std::vector<Finding>& fs, Fn fn) {
  std::ostringstream out;
  report::Report rep{fs, {}, {}};
  fn(out, rep);
  return out.str();
}

}  // namespace

TEST_CASE("github annotations escape data and properties per the Actions toolkit") {
  std::vector<Finding> fs{make("SMTP001", "zones/a,b:c%.zone", 7, "100% bad\r\nsecond: line, too"),
                          make("SIG003", "z.zone", 3, "w", Severity::Warning), make("SMTP002", "z.zone", 4, "i", Severity::Info)};
  std::string out = render(fs, report::write_github);
  CHECK(out.find("::error file=zones/a%2Cb%3Ac%25.zone,line=7,title=danelint (SMTP001 smtp-pkix-usage)::"
                 "100%25 bad%0D%0Asecond: line, too\n") != std::string::npos);
  CHECK(out.find("::warning file=z.zone,line=3,title=danelint (SIG003 rrsig-expiring-soon)::w\n") != std::string::npos);
  CHECK(out.find("::notice file=z.zone,line=4,") != std::string::npos);
  // the full text report follows the annotations
  CHECK(out.find("z.zone:3: warning: w [SIG003 rrsig-expiring-soon]") != std::string::npos);
  CHECK(out.find("1 error, 1 warning, 1 info") != std::string::npos);
}

TEST_CASE("sarif percent-encodes relative URIs and keeps absolute paths as file URIs") {
  std::vector<Finding> fs{make("SMTP001", "zones/odd name#1%.zone", 2, "m"), make("SMTP001", "/outside/x y.zone", 2, "m")};
  std::string out = render(fs, report::write_sarif);
  CHECK(out.find(R"("uri":"zones/odd%20name%231%25.zone","uriBaseId":"%SRCROOT%")") != std::string::npos);
  CHECK(out.find(R"("uri":"file:///outside/x%20y.zone"})") != std::string::npos);
  // one rules[] entry per reported rule, and ruleIndex points at it
  CHECK(out.find(R"("ruleId":"SMTP001","ruleIndex":0)") != std::string::npos);
  CHECK(out.find(R"("id":"SIG001")") == std::string::npos);
}

TEST_CASE("gitlab fingerprints are unique even for identical findings; junit names are unique") {
  std::vector<Finding> fs{make("SMTP001", "z.zone", 2, "same"), make("SMTP001", "z.zone", 2, "same"),
                          make("SMTP001", "z.zone", 9, "same")};
  std::string gl = render(fs, report::write_gitlab);
  CHECK(gl.rfind("[", 0) == 0);  // no BOM, an array
  std::set<std::string> prints;
  for (size_t p = gl.find("\"fingerprint\":\""); p != std::string::npos; p = gl.find("\"fingerprint\":\"", p + 1))
    prints.insert(gl.substr(p + 15, 16));
  CHECK(prints.size() == 3);

  std::string ju = render(fs, report::write_junit);
  CHECK(ju.find(R"x(name="SMTP001 smtp-pkix-usage _25._tcp.mx.example. TLSA (line 2)")x") != std::string::npos);
  CHECK(ju.find(R"x(name="SMTP001 smtp-pkix-usage _25._tcp.mx.example. TLSA (line 2) #2")x") != std::string::npos);
  CHECK(ju.find(R"(tests="3" failures="3")") != std::string::npos);
}

TEST_CASE("junit escapes XML and lists clean files as passing tests") {
  std::vector<Finding> fs{make("SMTP001", "z.zone", 2, "a <b> & \"c\"")};
  std::ostringstream out;
  report::Report rep{fs, {{"clean.zone", "example.", "SOA", false, 3}, {"z.zone", "example.", "SOA", false, 3}}, {}};
  report::write_junit(out, rep);
  std::string s = out.str();
  CHECK(s.find("message=\"a &lt;b&gt; &amp; &quot;c&quot;\"") != std::string::npos);
  CHECK(s.find(R"(<testcase classname="clean.zone" name="danelint" file="clean.zone"/>)") != std::string::npos);
  CHECK(s.find(R"(<testsuites name="danelint" tests="2" failures="1" errors="0">)") != std::string::npos);
}

TEST_CASE("text --quiet prints findings only") {
  std::vector<Finding> fs{make("SMTP001", "z.zone", 2, "m")};
  std::ostringstream out;
  report::Report rep{fs, {}, {"a note"}};
  rep.quiet = true;
  report::write_text(out, rep, false);
  CHECK(out.str() == "z.zone:2: error: m [SMTP001 smtp-pkix-usage]\n");
}
