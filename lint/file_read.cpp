#include "lint/file_read.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdint>
#include <cstring>

#include "lint/strings.hpp"

namespace danelint {

void advise_huge_pages(const void* p, size_t n) {
  constexpr uintptr_t kHuge = 2u << 20;
  if (n < 2 * kHuge) return;
  uintptr_t b = (reinterpret_cast<uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  uintptr_t e = (reinterpret_cast<uintptr_t>(p) + n) & ~(kHuge - 1);
  if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_HUGEPAGE);  // advice only: errors do not matter
}

void populate_pages(const void* p, size_t n) {
#ifndef MADV_POPULATE_WRITE
  constexpr int MADV_POPULATE_WRITE = 23;  // Linux 5.14 (uapi/asm-generic/mman-common.h)
#endif
  constexpr uintptr_t kPage = 4096;
  // madvise wants a page-aligned start: the page holding p is included (populating a mapped page does no
  // harm); the page holding the end only when the range covers it whole.
  uintptr_t b = reinterpret_cast<uintptr_t>(p) & ~(kPage - 1);
  uintptr_t e = (reinterpret_cast<uintptr_t>(p) + n) & ~(kPage - 1);
  if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_POPULATE_WRITE);  // advice: errors do not matter
}

namespace {
void on_sigbus(int) {
  static const char msg[] = "danelint: error: an input file shrank while it was being read\n";
  ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
  (void)ignored;
  _exit(2);
}
}  // namespace

MappedFile::~MappedFile() {
  if (addr_) munmap(addr_, size_);
}

bool map_input_file(const std::string& path, size_t min_bytes, size_t max_bytes, MappedFile& out) {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) >= min_bytes &&
            static_cast<size_t>(st.st_size) <= max_bytes && st.st_size > 0;
  void* p = ok ? mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  close(fd);
  if (p == MAP_FAILED) return false;
  static const bool handler = [] {
    struct sigaction sa {};
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGBUS, &sa, nullptr) == 0;
  }();
  (void)handler;
  madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
  out.addr_ = p;
  out.size_ = static_cast<size_t>(st.st_size);
  return true;
}

std::string read_input_file(const std::string& path, size_t max_bytes, std::string& out) {
  out.clear();
  // O_NONBLOCK: opening a FIFO that nobody writes to must not block forever. Reads are made
  // blocking again below, so a pipe with a writer (bash process substitution) still works.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return std::strerror(errno);
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    std::string err = std::strerror(errno);
    close(fd);
    return err;
  }
  auto refuse = [&](std::string why) {
    close(fd);
    return why;
  };
  if (S_ISDIR(st.st_mode)) return refuse("is a directory");
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) return refuse("not a regular file");
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes)
    return refuse(cat("larger than ", max_bytes, " bytes"));
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (S_ISREG(st.st_mode)) {
    // A regular file is read straight into the string (no bounce buffer for a 100 MB zone); a file
    // that grows meanwhile goes on through the loop below.
    size_t want = static_cast<size_t>(st.st_size), got = 0;
    out.reserve(want);
    advise_huge_pages(out.data(), want);
    out.resize(want);
    while (got < want) {
      ssize_t n = read(fd, out.data() + got, want - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::string err = std::strerror(errno);
        out.clear();
        return refuse(err);
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    out.resize(got);
    if (got < want) {
      close(fd);
      return {};
    }
  }
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) break;  // FIFO opened before any writer: treat as empty
      std::string err = std::strerror(errno);
      close(fd);
      out.clear();
      return err;
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      out.clear();
      return refuse(cat("larger than ", max_bytes, " bytes"));
    }
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return {};
}

}  // namespace danelint
