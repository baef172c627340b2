// danelint: offline DNSSEC and DANE linter. Thin wiring; each subcommand lives in cli/cmd_*.cpp.
#include <ldns/ldns.h>
#include <malloc.h>
#include <openssl/crypto.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "lint/file_read.hpp"
#include "lint/strings.hpp"
#include "lint/timings.hpp"

namespace {

/// True when some file names an RRSIG (the first one sits near the top of a signed zone, so a signed
/// file is hardly read). Read in small pieces into one buffer: mapping or allocating would cost the
/// very page faults that the caller is trying to avoid.
bool any_file_holds_rrsig(const std::vector<const char*>& paths) {
  static char buf[(64 << 10) + 8];
  for (const char* path : paths) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) continue;
    size_t kept = 0;  // the last bytes of the previous piece, for a match across the boundary
    for (;;) {
      ssize_t n = read(fd, buf + kept, sizeof buf - kept);
      if (n <= 0) break;
      const std::string_view piece(buf, kept + static_cast<size_t>(n));
      if (piece.find("RRSIG") != std::string_view::npos || piece.find("rrsig") != std::string_view::npos) {
        close(fd);
        return true;
      }
      kept = std::min<size_t>(4, piece.size());
      std::memmove(buf, piece.data() + piece.size() - kept, kept);
    }
    close(fd);
  }
  return false;
}

/// `lint` builds a model of every record of a zone: hundreds of MB of fresh memory for a large zone.
/// In the VMs CI runs in, each 4 KiB page fault is dear, and transparent huge pages made linting a
/// 100k-name zone 27% faster (bench/README.md). glibc uses them for its heap only when the tunable
/// glibc.malloc.hugetlb is set at start-up, so `lint` runs itself again once with it set (~4 ms). If
/// anything about that fails, it simply goes on with the default heap. Small inputs gain nothing from
/// it and pay ~4 MB of huge heap pages, so it is skipped when the files named on the command line come
/// to less than 16 MB, or less than 4 MB for unsigned zones: those hold about three times the records
/// per byte of a signed zone, whose bytes are mostly signatures. (The 6.6 MB unsigned 100k-name bench
/// zone: 226 -> 185 ms, peak memory 44 -> 48 MB; a 10k-name signed zone of 5.5 MB would have risen
/// from 17 to 20 MB for 11 ms.) Zones listed only in danelint.toml are not looked at: those runs keep it.
constexpr std::string_view kHugePageTunable = "glibc.malloc.hugetlb";

/// Whether glibc gave this process's heap huge pages: it reads GLIBC_TUNABLES once, at start-up.
bool heap_has_huge_pages() {
  const char* set = std::getenv("GLIBC_TUNABLES");
  return set && std::string_view(set).find(danelint::cat(kHugePageTunable, "=1")) != std::string_view::npos;
}

void reexec_with_huge_pages(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "lint") != 0 || std::getenv("DANELINT_HEAP_TUNED")) return;
  uint64_t named_bytes = 0;
  std::vector<const char*> named;
  for (int i = 2; i < argc; ++i) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) {
      named.push_back(argv[i]);
      named_bytes += static_cast<uint64_t>(st.st_size);
    }
  }
  if (!named.empty() && named_bytes < danelint::kHugePageInputBytes &&
      (named_bytes < danelint::kHugePageUnsignedInputBytes || any_file_holds_rrsig(named)))
    return;
  std::string tunables = std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "";
  if (tunables.find(kHugePageTunable) != std::string::npos) return;  // the user chose
  tunables += danelint::cat(tunables.empty() ? "" : ":", kHugePageTunable, "=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0 || setenv("DANELINT_HEAP_TUNED", "1", 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only on failure
}

}  // namespace

int main(int argc, char** argv) {
  using namespace danelint;
  reexec_with_huge_pages(argc, argv);
  const bool huge_heap = heap_has_huge_pages();
  // Loading a zone frees and allocates millions of small blocks; glibc's default gives memory back to
  // the kernel whenever 128 KiB sit free at the top of the heap, and the brk calls and TLB flushes that
  // causes took a sixth of a 100k-name zone's load time. Keep freed memory for reuse instead.
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  // For large inputs, blocks of up to 32 MB (vectors as they grow, the index's arrays) come from the heap
  // too, instead of an mmap and munmap each: those take the address-space lock that both loader threads'
  // page faults need, and every munmap flushes the other core's TLB. The unsigned 100k-name zone took
  // half the page faults (963 -> 476) and 170 -> 155 ms, ECDSA/NSEC3 zone-only 456 -> 406 ms, for 4-5
  // MB more peak memory (medians of 11 alternating runs, bench/README.md). Small inputs gained nothing
  // measurable.
  const bool big_blocks_in_heap = huge_heap && mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1;
  if (timings_enabled())
    std::cerr << "danelint: timing: heap with " << (huge_heap ? "huge pages" : "4 KB pages")
              << (big_blocks_in_heap ? ", blocks up to 32 MB from the heap" : "") << "\n";
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
