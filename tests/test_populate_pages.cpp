// populate_pages: the loader and the index populate their arrays in one call instead of a page fault
// per 4 KB page. Checked with mincore(), which tells which pages are resident.
#include <doctest/doctest.h>
#include <sys/mman.h>

#include <vector>

#include "lint/file_read.hpp"
#include "lint/zone_loader.hpp"
#include "tests/helpers.hpp"

using namespace danelint;

namespace {
size_t resident_pages(void* p, size_t n) {
  std::vector<unsigned char> in(n / 4096);
  if (mincore(p, n, in.data()) != 0) return 0;
  size_t k = 0;
  for (unsigned char c : in) k += c & 1;
  return k;
}
}  // namespace

TEST_CASE("populate_pages makes whole pages resident, and only those") {
  constexpr size_t kPages = 64, kSize = kPages * 4096;
  void* p = mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  auto* c = static_cast<char*>(p);
  CHECK(resident_pages(p, kSize) == 0);
  // Does this kernel know the advice (5.14 on)? Asked directly, on the last page.
  const bool supported = madvise(c + kSize - 4096, 4096, 23 /* MADV_POPULATE_WRITE */) == 0;
  populate_pages(c + 4096, 16 * 4096 + 100);  // 16 whole pages and part of one more: the part is left
  const size_t got = resident_pages(p, kSize - 4096);
  if (!supported) {
    MESSAGE("MADV_POPULATE_WRITE not supported by this kernel (before 5.14): nothing to check");
    CHECK(got == 0);
  } else {
    CHECK(got == 16);
    std::vector<unsigned char> in(kPages);
    REQUIRE(mincore(p, kSize, in.data()) == 0);
    CHECK((in[0] & 1) == 0);
    CHECK((in[1] & 1) == 1);
    CHECK((in[16] & 1) == 1);
    CHECK((in[17] & 1) == 0);
  }
  populate_pages(c, 0);  // nothing, no error
  munmap(p, kSize);
}

TEST_CASE("a zone loaded with populated arrays reads the same as records written one by one") {
  // The loader populates its record and RDATA arrays ahead of the writes below the huge-page line:
  // every record must still be there, in file order, with its RDATA.
  std::string text = "$ORIGIN example.\n$TTL 300\n@ IN SOA ns host 1 2 3 4 5\n@ IN NS ns\n";
  for (int i = 0; i < 20000; ++i) text += "h" + std::to_string(i) + " IN A 192.0.2." + std::to_string(i % 256) + "\n";
  test::TempDir dir;
  dir.write("populate.zone", text);
  for (int jobs : {1, 2}) {  // two: split in parts, whose records are copied into the whole
    CAPTURE(jobs);
    LoadOptions lo;
    lo.origin = "example.";
    lo.jobs = jobs;
    lo.parallel_min_bytes = 64 * 1024;
    auto z = load_zone_file(dir.file("populate.zone"), lo);
    REQUIRE(z);
    REQUIRE(z->records.size() == 20002);
    for (int i = 0; i < 20000; i += 997) {
      const Record& r = z->records[2 + i];
      CHECK(z->owner_text(r) == "h" + std::to_string(i) + ".example.");
      REQUIRE(r.rdata_len == 4);
      CHECK(z->rdata(r)[3] == i % 256);
      CHECK(r.line == static_cast<uint32_t>(5 + i));
    }
  }
}
