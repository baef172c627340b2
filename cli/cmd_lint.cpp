#include "cli/cmd_lint.hpp"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/commands.hpp"
#include "lint/atomic_file.hpp"
#include "lint/config.hpp"
#include "lint/dnssec/analysis.hpp"
#include "lint/engine.hpp"
#include "lint/report/reporter.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"
#include "lint/timings.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::cli {

namespace {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Colour only for the text report: never when NO_COLOR is set (even with --color=always), otherwise
// --color=always forces it, and auto means stdout is a terminal (not -o FILE) and TERM is not dumb.
bool want_color(const std::string& mode, bool to_stdout) {
  const char* no_color = getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  if (mode == "always") return true;
  if (mode == "never" || !to_stdout) return false;
  const char* term = getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO);
}

Config resolve_config(const LintOptions& opts) {
  if (opts.no_config) return Config{};
  if (!opts.config.empty()) return load_config(opts.config);
  if (auto found = discover_config(".")) return load_config(*found);
  return Config{};
}

void check_specs(const std::vector<std::string>& specs, std::string_view flag) {
  for (const std::string& s : specs)
    if (match_rule_spec(s).empty())
      throw UsageError(cat(flag, ": unknown rule or rule family '", s, "' (see `danelint rules`)"));
}

}  // namespace

int run_lint_command(const LintOptions& opts) {
  try {
    Config cfg = resolve_config(opts);
    check_specs(opts.select, "--select");
    check_specs(opts.ignore, "--ignore");

    EngineOptions eng;
    if (!opts.now.empty()) {
      auto t = parse_time(opts.now);
      if (!t) throw UsageError(cat("--now: '", opts.now, "' is not RFC 3339, YYYYMMDDHHMMSS or epoch seconds"));
      eng.now = *t;
    } else {
      eng.now = static_cast<int64_t>(std::time(nullptr));
    }
    eng.jobs = opts.jobs > 0 ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    if (!opts.select.empty()) eng.rules.select = opts.select;
    else if (cfg.select) eng.rules.select = *cfg.select;
    eng.rules.ignore = cfg.ignore;
    eng.rules.ignore.insert(eng.rules.ignore.end(), opts.ignore.begin(), opts.ignore.end());
    if (opts.no_verify)
      for (std::string_view id : dnssec::analysis_rule_ids()) eng.rules.ignore.emplace_back(id);
    eng.rules.severity = cfg.severity;
    eng.rules.options = cfg.options;
    eng.suppress.per_file_ignores = cfg.per_file_ignores;
    Severity fail_on = cfg.fail_on.value_or(Severity::Error);
    if (!opts.fail_on.empty()) {
      auto s = parse_severity(opts.fail_on);
      if (!s) throw UsageError(cat("--fail-on: '", opts.fail_on, "' is not error, warning or info"));
      fail_on = *s;
    }

    struct ZoneInput {
      std::string file, origin;
      ZoneSigning signing = ZoneSigning::Unknown;
    };
    std::vector<ZoneInput> inputs;
    for (const ZoneEntry& z : cfg.zones)
      inputs.push_back({z.file, z.origin, z.signing == "online" ? ZoneSigning::Online : ZoneSigning::Offline});
    // A file named both by [[zone]] and on the command line (pre-commit passes staged zones) is linted once.
    auto same_file = [](const std::string& a, const std::string& b) {
      std::error_code ec;
      return std::filesystem::absolute(a, ec).lexically_normal() == std::filesystem::absolute(b, ec).lexically_normal();
    };
    for (const std::string& f : opts.files) {
      bool dup = false;
      for (const ZoneEntry& z : cfg.zones) dup = dup || same_file(z.file, f);
      if (!dup) inputs.push_back({f, opts.origin});
    }
    std::vector<ServiceSpec> service_specs = cfg.services;
    for (const std::string& flag : opts.services) {
      try {
        service_specs.push_back(parse_service_flag(flag));
      } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
      }
    }
    if (inputs.empty() && service_specs.empty())
      throw UsageError("no input: give zone files, --service, or a danelint.toml with [[zone]] or [[service]] entries");

    // The workspace of a run outlives it, to the end of the process: freeing a large zone's model
    // piece by piece took tens of milliseconds that the kernel spends at once on exit. The pointers
    // stay reachable, so leak checkers do not count them.
    static auto* kept = new std::vector<Workspace*>;
    kept->push_back(new Workspace);
    Workspace& ws = *kept->back();
    for (const ZoneInput& in : inputs) {
      LoadOptions lo;
      lo.origin = in.origin;
      lo.jobs = eng.jobs;
      ws.zones.push_back(load_zone_file(in.file, lo));
      ws.zone_signing.push_back(in.signing);
    }
    for (const ServiceSpec& spec : service_specs) ws.services.push_back(load_service(spec, ws.load_findings));
    // cert-stock-sample: the built-in SPKI denylist plus the user's files (config, env, flag).
    std::vector<std::string> denylists = cfg.spki_denylists;
    if (const char* env = getenv("DANELINT_SPKI_DENYLIST"); env && *env)
      for (const std::string& f : split(env, ':'))
        if (!f.empty()) denylists.push_back(f);
    denylists.insert(denylists.end(), opts.spki_denylists.begin(), opts.spki_denylists.end());
    for (const std::string& f : denylists)
      if (std::string err = load_spki_denylist(f, ws.spki_denylist); !err.empty()) throw UsageError(err);
    for (const ZoneEntry& z : cfg.zones)
      if (!z.ds.empty()) dnssec::add_ds_file(ws, z.ds, z.origin);
    for (const std::string& f : opts.ds_files) dnssec::add_ds_file(ws, f, opts.origin);
    load_renewals(ws);
    HistoryOptions hist{opts.previous, opts.previous_rev, opts.published_since, opts.state};
    {
      std::vector<std::string> files, origins;
      for (const ZoneInput& in : inputs) files.push_back(in.file), origins.push_back(in.origin);
      if (std::string err = load_history(ws, files, origins, hist); !err.empty()) throw UsageError(err);
    }

    std::optional<Baseline> baseline;
    if (!opts.baseline.empty()) {
      std::string err;
      baseline = load_baseline(opts.baseline, err);
      if (!baseline) throw UsageError(err);
    }

    // The findings outlive the run too, for the same reason: at 100k names a rule may report tens of
    // thousands, each with a few strings to free.
    std::optional<ScopedTiming> lint_time(std::in_place, "lint (analysis, rules, sort)");
    static auto* kept_results = new std::vector<LintResult*>;
    kept_results->push_back(new LintResult(run_lint(ws, eng)));
    LintResult& result = *kept_results->back();
    lint_time.reset();

    if (!opts.write_baseline.empty()) {
      std::string err = write_file_atomic(opts.write_baseline, baseline_json(result.findings));
      if (!err.empty()) throw UsageError(err);
      std::cerr << "danelint: wrote a baseline of " << result.findings.size() << " finding"
                << (result.findings.size() == 1 ? "" : "s") << " to " << opts.write_baseline << '\n';
    }
    size_t baselined = 0, stale = 0;
    if (baseline) stale = apply_baseline(*baseline, result.findings, &baselined);

    report::Report rep{result.findings, {}, result.notes};
    rep.quiet = opts.quiet;
    if (baseline) {
      rep.notes.push_back(cat("baseline ", opts.baseline, ": ", baselined, " known finding", baselined == 1 ? "" : "s",
                              " not shown"));
      if (stale > 0)
        rep.notes.push_back(cat("baseline ", opts.baseline, ": ", stale, " recorded finding", stale == 1 ? " no longer occurs" : "s no longer occur",
                                "; refresh it with --write-baseline"));
    }
    if (opts.no_verify)
      rep.notes.push_back("--no-verify: signatures were not verified and DS data not matched (SIG004-008, KEY001-003, DS001-005 skipped)");
    for (const auto& z : ws.zones) {
      if (z->unreadable) continue;
      rep.zones.push_back({z->files[0], z->origin_text(), z->origin_source, z->is_signed(), z->records.size()});
      if (z->origin_source == "file name")
        rep.notes.push_back(cat(z->files[0], ": no SOA and no --origin; origin ", z->origin_text(), " taken from the file name"));
    }
    for (const Finding& f : result.findings)
      if (f.rule->info.name == "input-unreadable")
        std::cerr << f.loc.file << (f.loc.line ? cat(':', f.loc.line) : std::string()) << ": error: " << f.message << '\n';

    std::optional<ScopedTiming> report_time(std::in_place, "report");
    const std::string format = ascii_lower(opts.format);
    auto render = [&](std::ostream& o) {
      if (format == "json") report::write_json(o, rep);
      else if (format == "sarif") report::write_sarif(o, rep);
      else if (format == "github") report::write_github(o, rep);
      else if (format == "gitlab") report::write_gitlab(o, rep);
      else if (format == "junit") report::write_junit(o, rep);
      else report::write_text(o, rep, want_color(opts.color, opts.output.empty()));
    };
    if (opts.output.empty()) {
      render(std::cout);  // straight out: a report can be megabytes, and a copy of it raised the peak
      std::cout.flush();
    } else {
      std::ostringstream buf;  // whole, for an atomic write
      render(buf);
      std::string err = write_file_atomic(opts.output, std::move(buf).str());
      if (!err.empty()) throw UsageError(err);
    }
    report_time.reset();
    if (result.input_error) return kExitUsage;
    if (std::string err = save_state(ws, hist, eng.now); !err.empty()) throw UsageError(err);
    if (opts.exit_zero || !opts.write_baseline.empty()) return kExitOk;
    for (const Finding& f : result.findings)
      if (f.severity >= fail_on) return kExitFindings;
    return kExitOk;
  } catch (const ConfigError& e) {
    std::cerr << e.what() << '\n';
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "danelint: error: " << e.what() << '\n';
    return kExitUsage;
  }
}

void setup_lint(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Lint zone files and the planned DANE deployment");
  cmd->add_option("files", opts->files, "Zone files (signed or unsigned)");
  cmd->add_option("-c,--config", opts->config, "Config file (default: discover danelint.toml)");
  cmd->add_flag("--no-config", opts->no_config, "Do not read any config file");
  cmd->add_flag("--no-verify", opts->no_verify,
                "Skip signature verification and DS matching (rules SIG004-008, KEY001-003, DS001-005): a fast syntax and structure pass");
  cmd->add_option("-f,--format", opts->format, "Output format: text, json, sarif, github, gitlab or junit")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "junit"}, CLI::ignore_case))
      ->envname("DANELINT_FORMAT");
  cmd->add_option("-o,--output", opts->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_flag("-q,--quiet", opts->quiet, "Print findings only: no notes and no summary line");
  cmd->add_flag("--exit-zero", opts->exit_zero, "Exit 0 even when there are findings (2 still means an error)");
  cmd->add_option("--baseline", opts->baseline, "Report only findings not recorded in this baseline file");
  cmd->add_option("--write-baseline", opts->write_baseline,
                  "Record the current findings (no line numbers) in FILE and exit 0");
  cmd->add_option("--select", opts->select, "Rules to run: codes, names or family prefixes (comma-separated)")
      ->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--ignore", opts->ignore, "Rules to skip: codes, names or family prefixes (comma-separated)")
      ->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--now", opts->now, "Evaluation time: RFC 3339, YYYYMMDDHHMMSS or epoch seconds");
  cmd->add_option("--fail-on", opts->fail_on, "Lowest severity that makes the exit code 1 (error, warning, info)");
  cmd->add_option("--origin", opts->origin, "Zone origin for files without $ORIGIN or absolute SOA owner");
  cmd->add_option("--service", opts->services, "A service to check without a config file: HOST[:PORT]=CHAINFILE")
      ->allow_extra_args(false);
  cmd->add_option("--spki-denylist", opts->spki_denylists,
                  "Extra SPKI SHA-256 denylist file for cert-stock-sample (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--ds", opts->ds_files,
                  "Parent DS data: a file of DS records, or of DNSKEY records to compute DS from (dsset-/keyset- files); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--previous", opts->previous, "The previously published version of the zone (rollover rules)");
  cmd->add_option("--previous-rev", opts->previous_rev,
                  "Read the previous version of each zone file from this git revision (e.g. HEAD)");
  cmd->add_option("--published-since", opts->published_since, "Time since which the published zone has been live");
  cmd->add_option("--state", opts->state, "State file recording when each TLSA record was first published");
  cmd->add_option("-j,--jobs", opts->jobs, "Worker threads (default: number of cores)")->check(CLI::Range(1, 1024));
  cmd->add_option("--color", opts->color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([opts, &exit_code] { exit_code = run_lint_command(*opts); });
}

}  // namespace danelint::cli
