#include <charconv>

#include "lint/report/reporter.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"

namespace danelint::report {

namespace {

/// Builds a JSON document in a string passed on to the stream every 64 KiB: a 100k-name zone can report
/// tens of thousands of findings, and per-field temporaries and stream formatting took longer than
/// finding them.
struct JsonOut {
  explicit JsonOut(std::ostream& o) : out(o) { s.reserve(kFlushAt + 4096); }
  ~JsonOut() { flush(); }
  static constexpr size_t kFlushAt = 64 * 1024;
  std::ostream& out;
  std::string s;
  void flush() {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    s.clear();
  }
  void maybe_flush() {
    if (s.size() >= kFlushAt) flush();
  }
  JsonOut& str(std::string_view v) {
    s += '"';
    append_json_escaped(s, v);
    s += '"';
    return *this;
  }
  JsonOut& raw(std::string_view v) {
    s += v;
    return *this;
  }
  JsonOut& num(uint64_t v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    s.append(buf, end);
    return *this;
  }
};

}  // namespace

void write_json(std::ostream& out, const Report& report) {
  JsonOut j(out);
  j.raw("{\"version\":1,\"findings\":[");
  bool first = true;
  for (const Finding& f : report.findings) {
    j.raw(first ? "\n" : ",\n");
    first = false;
    j.raw("{\"code\":").str(f.rule->info.id).raw(",\"name\":").str(f.rule->info.name);
    j.raw(",\"severity\":").str(severity_name(f.severity)).raw(",\"file\":").str(f.loc.file);
    j.raw(",\"line\":").num(f.loc.line).raw(",\"end_line\":").num(f.loc.end_line ? f.loc.end_line : f.loc.line);
    j.raw(",\"owner\":").str(f.owner).raw(",\"type\":").str(f.type).raw(",\"message\":").str(f.message);
    if (!f.related.empty()) {
      j.raw(",\"related\":[");
      for (size_t i = 0; i < f.related.size(); ++i) {
        const auto& [loc, msg] = f.related[i];
        j.raw(i ? "," : "").raw("{\"file\":").str(loc.file).raw(",\"line\":").num(loc.line);
        j.raw(",\"message\":").str(msg).raw("}");
      }
      j.raw("]");
    }
    if (f.suggestion) j.raw(",\"suggestion\":").str(*f.suggestion);
    j.raw("}");
    j.maybe_flush();
  }
  Counts c = count(report.findings);
  j.raw(first ? "" : "\n").raw("],\"summary\":{\"errors\":").num(c.errors).raw(",\"warnings\":").num(c.warnings);
  j.raw(",\"infos\":").num(c.infos).raw(",\"total\":").num(report.findings.size()).raw(",\"zones\":[");
  for (size_t i = 0; i < report.zones.size(); ++i) {
    const ZoneSummary& z = report.zones[i];
    j.raw(i ? "," : "").raw("{\"file\":").str(z.file).raw(",\"origin\":").str(z.origin);
    j.raw(",\"origin_source\":").str(z.origin_source).raw(",\"signed\":").raw(z.is_signed ? "true" : "false");
    j.raw(",\"records\":").num(z.records).raw("}");
  }
  j.raw("],\"notes\":[");
  for (size_t i = 0; i < report.notes.size(); ++i) j.raw(i ? "," : "").str(report.notes[i]);
  j.raw("]}}\n");
}

}  // namespace danelint::report
