// danelint: offline DNSSEC and DANE linter. Thin wiring; each subcommand lives in cli/cmd_*.cpp.
#include <ldns/ldns.h>
#include <malloc.h>
#include <openssl/crypto.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "lint/file_read.hpp"
#include "lint/strings.hpp"

namespace {

/// `lint` builds a model of every record of a zone: hundreds of MB of fresh memory for a large zone.
/// In the VMs CI runs in, each 4 KiB page fault is dear, and transparent huge pages made linting a
/// 100k-name zone 27% faster (bench/README.md). glibc uses them for its heap only when the tunable
/// glibc.malloc.hugetlb is set at start-up, so `lint` runs itself again once with it set. If anything
/// about that fails, it simply goes on with the default heap. Small inputs gain nothing from it and pay
/// ~4 MB of huge heap pages, so it is skipped when the files named on the command line come to less
/// than 16 MB (zones listed only in danelint.toml are not looked at: those runs keep it).
void reexec_with_huge_pages(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "lint") != 0 || std::getenv("DANELINT_HEAP_TUNED")) return;
  uint64_t named_bytes = 0;
  bool named_files = false;
  for (int i = 2; i < argc; ++i) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) {
      named_files = true;
      named_bytes += static_cast<uint64_t>(st.st_size);
    }
  }
  if (named_files && named_bytes < danelint::kHugePageInputBytes) return;
  std::string tunables = std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // the user chose
  tunables += (tunables.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0 || setenv("DANELINT_HEAP_TUNED", "1", 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure
}

}  // namespace

int main(int argc, char** argv) {
  using namespace danelint;
  reexec_with_huge_pages(argc, argv);
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
