// `danelint gen`: TLSA records from certificates, chains and keys (gen/tlsa_gen.hpp does the work).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "gen/tlsa.hpp"
#include "gen/tlsa_gen.hpp"
#include "lint/atomic_file.hpp"
#include "lint/strings.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::cli {

namespace {

struct GenCliOptions {
  std::string cert, key, lineage, passin;
  std::vector<std::string> next_keys, hosts;
  std::string usage = "3", selector = "1", matching = "1";
  int ta_depth = -1;
  std::string ta_subject;
  uint32_t port = 25;
  std::string proto = "tcp", ttl = "3600", format = "zone";
  std::string check, origin, output;
  std::string server, zone, tsig;
  bool force = false;
};

void print_problem(const gen::GenProblem& p, bool error, bool force) {
  std::cerr << "danelint: " << (error ? "error: " : "warning: ");
  if (!p.code.empty() && error) std::cerr << "refused: ";
  std::cerr << p.message;
  if (!p.code.empty()) std::cerr << " [" << p.code << ' ' << p.name << ']';
  std::cerr << '\n';
  if (error && !p.code.empty() && force && !p.overridable)
    std::cerr << "danelint: error: --force does not override " << p.code
              << ": its catalogue severity is error\n";
}

int run_gen(const GenCliOptions& c) {
  auto usage_error = [](const std::string& msg) {
    std::cerr << "danelint: error: " << msg << '\n';
    return kExitUsage;
  };
  gen::GenOptions o;
  o.cert = c.cert;
  o.key = c.key;
  o.next_keys = c.next_keys;
  o.certbot_lineage = c.lineage;
  if (!c.passin.empty()) o.passin = gen::Passphrase{c.passin};
  auto u = gen::parse_usage(c.usage);
  if (!u) return usage_error(cat("--usage '", c.usage, "': expected 0-3 or PKIX-TA, PKIX-EE, DANE-TA, DANE-EE"));
  auto s = gen::parse_selector(c.selector);
  if (!s) return usage_error(cat("--selector '", c.selector, "': expected 0-1 or CERT, SPKI"));
  auto m = gen::parse_matching(c.matching);
  if (!m) return usage_error(cat("--matching '", c.matching, "': expected 0-2 or FULL, SHA2-256, SHA2-512"));
  o.usage = *u;
  o.selector = *s;
  o.matching = *m;
  if (c.ta_depth >= 0) o.ta_depth = c.ta_depth;
  o.ta_subject = c.ta_subject;
  o.hosts = c.hosts;
  o.port = c.port;
  o.proto = c.proto;
  uint64_t ttl = 0;
  if (!parse_zone_ttl(c.ttl, ttl) || ttl > 0x7fffffffu)
    return usage_error(cat("--ttl '", c.ttl, "': expected seconds (or 1h, 2d) up to 2147483647"));
  o.ttl = static_cast<uint32_t>(ttl);
  o.force = c.force;
  auto fmt = gen::parse_format(c.format);
  if (!fmt) return usage_error(cat("--format '", c.format, "': expected zone, rfc3597, nsupdate or json"));
  if (!c.check.empty() && !c.output.empty()) return usage_error("--check compares with a zone and writes nothing; drop -o");
  bool ns_opts = !c.server.empty() || !c.zone.empty() || !c.tsig.empty();
  if (ns_opts && *fmt != gen::Format::Nsupdate) return usage_error("--server, --zone and --tsig-key need --format nsupdate");

  gen::GenResult r = gen::generate(o);
  for (const auto& w : r.warnings) print_problem(w, false, c.force);
  if (r.error) {
    print_problem(*r.error, true, c.force);
    return kExitUsage;
  }

  if (!c.check.empty()) {
    gen::CheckResult cr = gen::check_against_zone(r.records, c.check, c.origin);
    if (!cr.error.empty()) return usage_error(cr.error);
    std::cout << cr.report << std::flush;
    return cr.missing.empty() ? kExitOk : kExitFindings;
  }

  gen::NsupdateOptions ns{c.server, c.zone, c.tsig};
  if (std::string e = gen::check_nsupdate_options(ns, r.records); !e.empty()) return usage_error(e);
  // The whole output is built in memory first: an error never leaves a partial file or stream.
  std::string text = gen::render(r.records, *fmt, ns);
  if (!c.output.empty() && c.output != "-") {
    if (std::string e = write_file_atomic(c.output, text); !e.empty()) return usage_error(e);
    return kExitOk;
  }
  std::cout << text << std::flush;
  if (!std::cout) return usage_error("cannot write to standard output");
  return kExitOk;
}

}  // namespace

void setup_gen(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<GenCliOptions>();
  auto* cmd = app.add_subcommand("gen", "Generate TLSA records from certificates, chains and keys");
  cmd->footer(
      "Inputs are recognised by content (PEM or DER): certificate, chain (leaf first), private key (PKCS#8, "
      "RSA, EC, Ed25519, Ed448), public key, CSR.\n"
      "Exit codes: 0 records written (or --check: the zone holds every wanted record), 1 --check: records "
      "missing, 2 usage or input error, or a refusal (the reason names the catalogue rule).\n"
      "--force overrides only refusals whose catalogue severity is not error; the refusals "
      "tlsa-usage2-matches-ee, tlsa-usage3-matches-ca, smtp-pkix-usage, cert-key-mismatch and "
      "cert-chain-order are errors and cannot be overridden.");
  cmd->add_option("--cert,-c", opts->cert, "Certificate or chain (leaf first); a key, public key or CSR also works")
      ->type_name("FILE");
  cmd->add_option("--key,-k", opts->key, "Private key served with --cert (checked against it), or a key alone")
      ->type_name("FILE");
  cmd->add_option("--next-key", opts->next_keys,
                  "Key (or cert/CSR) to be served next: adds its records labelled next (repeatable; acme.sh next key, "
                  "dehydrated privkey.roll.pem)")
      ->type_name("FILE");
  cmd->add_option("--certbot-lineage", opts->lineage,
                  "Certbot lineage (or dehydrated cert dir): fullchain.pem, privkey.pem, privkey.roll.pem if present")
      ->type_name("DIR");
  cmd->add_option("--passin", opts->passin, "Passphrase of an encrypted key: env:VAR, file:PATH or pass:TEXT")
      ->type_name("SRC");
  cmd->add_option("--usage,-u", opts->usage, "0-3 or PKIX-TA, PKIX-EE, DANE-TA, DANE-EE (default 3)");
  cmd->add_option("--selector,-s", opts->selector, "0-1 or CERT, SPKI (default 1)");
  cmd->add_option("--matching,-m", opts->matching, "0-2 or FULL, SHA2-256, SHA2-512 (default 1)");
  cmd->add_option("--ta-depth", opts->ta_depth, "Usage 0/2: trust anchor at this depth of the chain (default 1)")
      ->type_name("N");
  cmd->add_option("--ta-subject", opts->ta_subject, "Usage 0/2: trust anchor with this subject (RFC 2253)")
      ->type_name("DN");
  cmd->add_option("--host,-H", opts->hosts, "Host name (MX host); repeatable, one RRset per host")
      ->type_name("NAME")
      ->required();
  cmd->add_option("--port,-p", opts->port, "Port (default 25)");
  cmd->add_option("--proto", opts->proto, "Protocol label (default tcp)");
  cmd->add_option("--ttl", opts->ttl, "TTL (default 3600; 1h, 2d accepted)");
  cmd->add_option("--format,-f", opts->format, "zone | rfc3597 | nsupdate | json (default zone)");
  cmd->add_option("--check", opts->check,
                  "Compare with the TLSA RRsets of this zone file: exit 0 all present, 1 missing, 2 error")
      ->type_name("ZONE");
  cmd->add_option("--origin", opts->origin, "Origin of the --check zone (default: its SOA)");
  cmd->add_option("--output,-o", opts->output, "Write to FILE atomically instead of standard output")
      ->type_name("FILE");
  cmd->add_option("--server", opts->server, "nsupdate: `server` line (HOST or 'HOST PORT')");
  cmd->add_option("--zone", opts->zone, "nsupdate: `zone` line");
  cmd->add_option("--tsig-key", opts->tsig, "nsupdate: `key` line, [ALG:]NAME:SECRET")->type_name("KEY");
  cmd->add_flag("--force", opts->force, "Override refusals whose catalogue severity is not error");
  cmd->callback([opts, &exit_code] { exit_code = run_gen(*opts); });
}

}  // namespace danelint::cli
