#include "lint/context.hpp"

#include "lint/strings.hpp"
#include "lint/timeutil.hpp"

namespace danelint {

std::optional<OptionValue> parse_option_value(const RuleOption& opt, std::string_view text) {
  OptionValue v;
  v.kind = opt.kind;
  v.text = std::string(text);
  switch (opt.kind) {
    case OptionKind::Duration: {
      auto d = parse_duration(text);
      if (!d) return std::nullopt;
      v.number = *d;
      return v;
    }
    case OptionKind::Integer: {
      uint64_t n = 0;
      if (!parse_u64(text, n) || n > (1ull << 62)) return std::nullopt;
      v.number = static_cast<int64_t>(n);
      return v;
    }
    case OptionKind::Bool:
      if (text == "true") v.flag = true;
      else if (text != "false") return std::nullopt;
      return v;
    case OptionKind::String:
      return v;
  }
  return std::nullopt;
}

OptionValue LintContext::option(std::string_view name) const {
  if (configured_) {
    if (auto it = configured_->find(name); it != configured_->end()) return it->second;
  }
  for (const RuleOption& opt : rule_.info.options) {
    if (opt.name == name) {
      if (auto v = parse_option_value(opt, opt.default_value)) return *v;
    }
  }
  return OptionValue{};  // a rule asking for an undeclared option is a bug caught by test_catalogue
}

Finding& FindingSink::report(SourceLoc loc, std::string message) {
  Finding f;
  f.rule = &rule_;
  f.severity = rule_.info.severity;
  f.message = std::move(message);
  f.loc = std::move(loc);
  findings_.push_back(std::move(f));
  return findings_.back();
}

Finding& FindingSink::report(const ZoneModel& zone, const Record& rec, std::string message) {
  Finding& f = report(zone.loc(rec), std::move(message));
  f.owner = zone.owner_text(rec);
  f.type = type_name(rec.type);
  return f;
}

}  // namespace danelint
