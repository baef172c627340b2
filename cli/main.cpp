// danelint: offline DNSSEC and DANE linter. Thin wiring; each subcommand lives in cli/cmd_*.cpp.
#include <ldns/ldns.h>
#include <malloc.h>
#include <openssl/crypto.h>

#include <iostream>

#include "cli/commands.hpp"
#include "lint/strings.hpp"

int main(int argc, char** argv) {
  using namespace danelint;
  // Loading a zone frees and allocates millions of small blocks; glibc's default gives memory back to
  // the kernel whenever 128 KiB sit free at the top of the heap, and the brk calls and TLB flushes that
  // causes took a sixth of a 100k-name zone's load time. Keep freed memory for reuse instead.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  CLI::App app{"danelint: lint DNSSEC and DANE deployments offline, and generate TLSA records"};
  app.set_version_flag("--version", cat("danelint ", DANELINT_VERSION, "\nldns ", ldns_version(), "\n",
                                        OpenSSL_version(OPENSSL_VERSION)));
  app.require_subcommand(1);
  int exit_code = cli::kExitOk;
  cli::setup_lint(app, exit_code);
  cli::setup_gen(app, exit_code);
  cli::setup_rules(app, exit_code);
  cli::setup_explain(app, exit_code);
  cli::setup_rollover(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 uses exit codes 100-127; scripts expect 2 for every usage error.
    int rc = app.exit(e);
    return rc == 0 ? 0 : cli::kExitUsage;
  }
  return exit_code;
}
