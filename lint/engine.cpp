#include "lint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <set>
#include <thread>

#include "lint/strings.hpp"

namespace danelint {

std::vector<const Rule*> match_rule_spec(std::string_view spec, int* specificity) {
  std::vector<const Rule*> out;
  if (equals_icase(spec, "ALL")) {
    for (const Rule* r : all_rules()) out.push_back(r);
    if (specificity) *specificity = 0;
    return out;
  }
  if (const Rule* r = find_rule(spec)) {
    if (specificity) *specificity = 1000;
    return {r};
  }
  // A family prefix: "SIG", "TLSA0", or a name prefix such as "nsec3-".
  for (const Rule* r : all_rules()) {
    if (starts_with_icase(r->info.id, spec) || (spec.size() > 1 && spec.back() == '-' && r->info.name.starts_with(spec)))
      out.push_back(r);
  }
  if (specificity) *specificity = static_cast<int>(spec.size());
  return out;
}

std::vector<const Rule*> selected_rules(const RuleSettings& settings) {
  std::map<const Rule*, std::pair<int, bool>> best;  // rule -> (specificity, selected)
  auto apply = [&](const std::vector<std::string>& specs, bool select) {
    for (const std::string& spec : specs) {
      int spec_level = 0;
      for (const Rule* r : match_rule_spec(spec, &spec_level)) {
        auto it = best.find(r);
        if (it == best.end() || spec_level > it->second.first || (spec_level == it->second.first && !select))
          best[r] = {spec_level, select};
      }
    }
  };
  apply(settings.select, true);
  apply(settings.ignore, false);
  std::vector<const Rule*> out;
  for (const Rule* r : all_rules()) {
    auto it = best.find(r);
    bool on = r->info.always_on || (it != best.end() && it->second.second);
    if (on && r->info.status != Status::Removed) out.push_back(r);
  }
  return out;
}

namespace {

/// Severity overrides resolved per rule: the most specific spec wins. nullopt in the map means "off".
std::map<const Rule*, std::optional<Severity>> severity_overrides(const RuleSettings& settings) {
  std::map<const Rule*, std::pair<int, std::optional<Severity>>> best;
  for (const auto& [spec, level] : settings.severity) {
    int spec_level = 0;
    std::optional<Severity> sev = parse_severity(level);
    for (const Rule* r : match_rule_spec(spec, &spec_level)) {
      auto it = best.find(r);
      if (it == best.end() || spec_level >= it->second.first) best[r] = {spec_level, sev};
    }
  }
  std::map<const Rule*, std::optional<Severity>> out;
  for (auto& [r, v] : best) out[r] = v.second;
  return out;
}

}  // namespace

LintResult run_lint(const Workspace& ws, const EngineOptions& opts) {
  LintResult result;
  std::vector<const Rule*> rules = selected_rules(opts.rules);
  auto overrides = severity_overrides(opts.rules);
  std::set<const Rule*> enabled(rules.begin(), rules.end());

  // Loader findings (input-unreadable, zone-syntax) are always reported.
  auto take_load_findings = [&](const std::vector<Finding>& from) {
    for (const Finding& f : from) {
      result.findings.push_back(f);
      if (f.rule && f.rule->info.name == "input-unreadable") result.input_error = true;
    }
  };
  for (const auto& zone : ws.zones) take_load_findings(zone->load_findings);
  take_load_findings(ws.load_findings);

  // Rules are independent and pure, so they run concurrently; each writes its own sink and the
  // merge below sorts, so the output never depends on the thread count.
  std::vector<std::vector<Finding>> per_rule(rules.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < rules.size(); i = next++) {
      const Rule& rule = *rules[i];
      if (!rule.check) continue;
      auto opt_it = opts.rules.options.find(rule.info.id);
      LintContext ctx(ws, opts.now, rule, opt_it == opts.rules.options.end() ? nullptr : &opt_it->second);
      FindingSink sink(rule);
      rule.check(ctx, sink);
      per_rule[i] = std::move(sink.findings());
    }
  };
  int jobs = std::max(1, std::min<int>(opts.jobs, static_cast<int>(rules.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  for (auto& v : per_rule)
    for (auto& f : v) result.findings.push_back(std::move(f));

  // Effective severity: config overrides; "off" drops the finding (never for input rules).
  std::vector<Finding> kept;
  kept.reserve(result.findings.size());
  for (Finding& f : result.findings) {
    if (!f.rule) continue;
    if (!f.rule->info.always_on && !enabled.count(f.rule)) continue;
    if (auto it = overrides.find(f.rule); it != overrides.end() && !f.rule->info.always_on) {
      if (!it->second) continue;
      f.severity = *it->second;
    }
    kept.push_back(std::move(f));
  }
  // Inline `; danelint: disable=` comments and per-file ignores; suppressions that matched nothing
  // become unused-suppression findings when that rule is on.
  std::vector<Finding> unused = apply_suppressions(ws, opts.suppress, kept);
  for (Finding& f : unused) {
    if (!enabled.count(f.rule)) continue;
    if (auto it = overrides.find(f.rule); it != overrides.end()) {
      if (!it->second) continue;
      f.severity = *it->second;
    }
    kept.push_back(std::move(f));
  }
  std::sort(kept.begin(), kept.end(), finding_less);
  result.findings = std::move(kept);
  return result;
}

}  // namespace danelint
