#include "lint/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <set>
#include <thread>

#include "lint/dnssec/analysis.hpp"
#include "lint/strings.hpp"
#include "lint/timings.hpp"

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

  // The DNSSEC analysis (signature verification on all cores, keys, DS data) runs once and is
  // memoized in the Workspace. It starts first, in its own thread, and the rules that do not read it
  // run meanwhile: they fill the gaps the verification leaves on the cores (its set-up, its tail).
  bool dnssec_family = false, key001 = false, need_analysis = false;
  for (const Rule* r : rules) {
    std::string_view id = r->info.id;
    if (id.starts_with("SIG") || id.starts_with("KEY") || id.starts_with("DS") || id.starts_with("NSEC"))
      dnssec_family = true;
    if (id == "KEY001") key001 = true;
    need_analysis = need_analysis || dnssec::rule_needs_analysis(id);
  }
  std::exception_ptr analysis_error;
  // std::jthread joins when it goes out of scope, also when an exception leaves on this thread: a
  // joinable std::thread would abort the process there.
  std::jthread analysis_thread;
  if (need_analysis && !ws.dnssec) {
    analysis_thread = std::jthread([&] {
      try {
        ScopedTiming t("dnssec analysis (keys, signature verification, DS)");
        dnssec::prepare(ws, opts.jobs);
      } catch (...) {
        analysis_error = std::current_exception();
      }
    });
  }

  // Rules are independent and pure, so they run concurrently; each writes its own sink and the
  // merge below sorts, so the output never depends on the thread count.
  std::vector<std::vector<Finding>> per_rule(rules.size());
  auto run_rules = [&](bool with_analysis) {
    std::vector<size_t> todo;
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i]->check && dnssec::rule_needs_analysis(rules[i]->info.id) == with_analysis) todo.push_back(i);
    // Rules of one shared analysis (Rule::shared_analysis) wait for whichever of them builds it. Start
    // one of each group first and queue the rest last, so the other threads run other rules meanwhile.
    {
      std::vector<size_t> first, rest, waiting;
      std::vector<std::string_view> started;
      for (size_t i : todo) {
        const std::string_view shared = rules[i]->shared_analysis;
        if (shared.empty()) {
          rest.push_back(i);
        } else if (std::find(started.begin(), started.end(), shared) == started.end()) {
          started.push_back(shared);
          first.push_back(i);
        } else {
          waiting.push_back(i);
        }
      }
      todo = std::move(first);
      todo.insert(todo.end(), rest.begin(), rest.end());
      todo.insert(todo.end(), waiting.begin(), waiting.end());
    }
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t k = next++; k < todo.size(); k = next++) {
        const Rule& rule = *rules[todo[k]];
        auto opt_it = opts.rules.options.find(rule.info.id);
        LintContext ctx(ws, opts.now, rule, opt_it == opts.rules.options.end() ? nullptr : &opt_it->second);
        FindingSink sink(rule);
        ScopedTiming t(cat("rule ", rule.info.id, ' ', rule.info.name));
        rule.check(ctx, sink);
        per_rule[todo[k]] = std::move(sink.findings());
      }
    };
    int jobs = std::max(1, std::min<int>(opts.jobs, static_cast<int>(todo.size())));
    ScopedTiming rules_time(cat("rules ", with_analysis ? "reading" : "not reading", " the DNSSEC analysis (",
                                todo.size(), " on ", jobs, " threads)"));
    std::vector<std::jthread> threads;
    for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
  };
  run_rules(false);
  if (analysis_thread.joinable()) analysis_thread.join();
  if (analysis_error) std::rethrow_exception(analysis_error);
  run_rules(true);

  if (dnssec_family) {
    // A DS file that names none of the linted zones is most likely a mix-up: say so.
    for (const auto& f : ws.ds_files) {
      if (f->unreadable) continue;
      bool used = false;
      for (const auto& z : ws.zones) {
        auto id = f->find_name(z->origin_wire);
        used = used || (id && (f->find_rrset(*id, 43) || f->find_rrset(*id, 48)));
      }
      if (!used) result.notes.push_back(cat(f->files[0], ": no DS or DNSKEY record for any linted zone"));
    }
    for (size_t zi = 0; zi < ws.zones.size(); ++zi) {
      const ZoneModel& z = *ws.zones[zi];
      if (z.unreadable) continue;
      bool has_rrsig = std::any_of(z.records.begin(), z.records.end(), [](const Record& r) { return r.type == 46; });
      if (!has_rrsig) {
        result.notes.push_back(cat(z.files[0], ": zone ", z.origin_text(), " is unsigned (no RRSIG records): DNSSEC rules skipped it"));
        continue;
      }
      if (!ws.dnssec) continue;  // no rule that reads the analysis is selected
      const dnssec::ZoneDnssec& zd = ws.dnssec->zones[zi];
      // Algorithms the verifier does not implement are reported, not guessed at.
      std::set<uint8_t> unsupported;
      size_t n_unsupported = 0;
      for (const dnssec::SigEntry& e : zd.sigs) {
        if (e.status != dnssec::SigStatus::Unsupported) continue;
        ++n_unsupported;
        if (auto v = decode_rrsig(z.rdata(z.records[e.record]))) unsupported.insert(v->algorithm);
      }
      if (n_unsupported) {
        std::string algs;
        for (uint8_t a : unsupported) algs += cat(algs.empty() ? "" : ", ", algorithm_name(a));
        result.notes.push_back(cat(z.files[0], ": ", n_unsupported, " RRSIGs use algorithms danelint does not verify (",
                                   algs, "); they are neither valid nor bogus here"));
      }
      if (!key001) continue;
      if (!zd.has_ds_data())
        result.notes.push_back(cat(z.files[0], ": no DS data for ", z.origin_text(),
                                   " (--ds, [[zone]] ds, its parent zone, CDS/CDNSKEY): dnskey-no-secure-entry "
                                   "checked against the SEP keys instead"));
      else if (zd.ds_source == dnssec::DsSource::Cds)
        result.notes.push_back(cat(z.files[0], ": DS data for ", z.origin_text(), " taken from its own CDS/CDNSKEY records"));
    }
  }

  // Effective severity: config overrides; "off" drops the finding (never for input rules). Each
  // rule's findings move straight into `kept` and their vector is freed at once, so the findings are
  // never held twice (at 100k names a rule may report tens of thousands).
  std::vector<Finding> kept;
  size_t total = result.findings.size();
  for (const auto& v : per_rule) total += v.size();
  kept.reserve(total);
  auto keep = [&](std::vector<Finding>& from) {
    for (Finding& f : from) {
      if (!f.rule) continue;
      if (!f.rule->info.always_on && !enabled.count(f.rule)) continue;
      if (auto it = overrides.find(f.rule); it != overrides.end() && !f.rule->info.always_on) {
        if (!it->second) continue;
        f.severity = *it->second;
      }
      kept.push_back(std::move(f));
    }
    std::vector<Finding>().swap(from);
  };
  keep(result.findings);
  for (auto& v : per_rule) keep(v);
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
  // Sorted as indices, then each finding is moved into place once, following the permutation's cycles
  // (no second vector of findings at the peak): swapping the findings themselves (strings, related
  // locations) during the sort cost more than the comparisons (12 500 findings of the 100k bench zone).
  // The sort compares each finding's file rank and line, held side by side, and reads the findings
  // themselves (a cache miss each, and the file names' octets) only for ties: the same order as
  // finding_less.
  std::vector<std::string_view> files;  // distinct file names; a run has a few
  std::vector<uint32_t> file_of(kept.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    const std::string_view file = kept[i].loc.file;
    if (i > 0 && file == files[file_of[i - 1]]) {
      file_of[i] = file_of[i - 1];
      continue;
    }
    auto it = std::find(files.begin(), files.end(), file);
    file_of[i] = static_cast<uint32_t>(it - files.begin());
    if (it == files.end()) files.push_back(file);
  }
  std::vector<uint32_t> rank_of_file(files.size());
  {
    std::vector<uint32_t> by_name(files.size());
    for (uint32_t k = 0; k < by_name.size(); ++k) by_name[k] = k;
    std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return files[a] < files[b]; });
    for (uint32_t r = 0; r < by_name.size(); ++r) rank_of_file[by_name[r]] = r;
  }
  struct SortKey {
    uint32_t file;  // rank of the file name
    int line;
    uint32_t index;
  };
  std::vector<SortKey> keys(kept.size());
  for (uint32_t i = 0; i < keys.size(); ++i) keys[i] = SortKey{rank_of_file[file_of[i]], kept[i].loc.line, i};
  std::stable_sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return finding_less(kept[a.index], kept[b.index]);
  });
  std::vector<uint32_t> order(kept.size());  // order[i]: the finding that goes to place i
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = keys[i].index;
  std::vector<SortKey>().swap(keys);
  for (uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding held = std::move(kept[start]);
    uint32_t place = start;
    while (order[place] != start) {
      const uint32_t from = order[place];
      kept[place] = std::move(kept[from]);
      order[place] = place;
      place = from;
    }
    kept[place] = std::move(held);
    order[place] = place;
  }
  result.findings = std::move(kept);

  // A summary for rules that report many places in one file (expired signatures over a whole zone).
  // Keys are views into the findings; neighbours are mostly of one rule and file, so the last entry is
  // tried before the map (12 500 lookups of one key on the bench zone).
  std::map<std::pair<std::string_view, std::string_view>, size_t> per_rule_file;
  size_t* last_count = nullptr;
  std::pair<std::string_view, std::string_view> last_key;
  for (const Finding& f : result.findings) {
    const std::pair<std::string_view, std::string_view> key{f.rule->info.id, f.loc.file};
    if (!last_count || key != last_key) last_count = &per_rule_file[key], last_key = key;
    ++*last_count;
  }
  for (const auto& [key, n] : per_rule_file) {
    if (n < 10) continue;
    const Rule* r = find_rule(key.first);
    result.notes.push_back(cat(key.second, ": ", n, " findings of ", key.first, ' ', r ? r->info.name : ""));
  }
  return result;
}

}  // namespace danelint
