// Reads an input file with hostile inputs in mind: bounded size, no hang on a FIFO without a writer,
// no endless read from a character device (/dev/zero, /dev/urandom), directories refused.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace danelint {

/// Reads all of `path` into `out`. Returns an empty string on success, else the reason without the
/// path ("No such file or directory", "is a directory", "larger than N bytes", ...).
std::string read_input_file(const std::string& path, size_t max_bytes, std::string& out);

/// A regular file mapped read-only, for the zone loader: no zeroed buffer to fill and no copy of a
/// 100 MB zone (in a VM, first-touch zeroing of fresh memory was a fifth of a zone-only lint). Should
/// the file shrink while mapped, touching the lost pages raises SIGBUS; the handler installed by
/// map_input_file reports that in one line and exits 2 rather than crashing.
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {static_cast<const char*>(addr_), size_}; }
  explicit operator bool() const { return addr_ != nullptr; }

 private:
  void* addr_ = nullptr;
  size_t size_ = 0;
  friend bool map_input_file(const std::string&, size_t, size_t, MappedFile&);
};

/// Maps `path` when it is a regular file of `min_bytes` to `max_bytes`; false otherwise (the caller
/// then reads it with read_input_file, which also words any error).
bool map_input_file(const std::string& path, size_t min_bytes, size_t max_bytes, MappedFile& out);

/// Asks the kernel to back [p, p + n) with transparent huge pages where it can. A 100 MB zone
/// otherwise costs ~25 000 page faults for the text, the records and the RDATA, and in a VM each
/// fault is dear; pages are still only made resident when first written.
void advise_huge_pages(const void* p, size_t n);

/// Asks the kernel to back [p, p + n) with memory now, in one call (MADV_POPULATE_WRITE). On this
/// kind of VM the first write to a fresh 4 KB page costs a fault of ~10 us, and populating a stretch
/// at once costs about half as much per page. Advice only: kernels before 5.14 just fault as before.
void populate_pages(const void* p, size_t n);

/// Inputs from this size up get huge pages (the heap, the model's arrays). Below it a huge page is
/// mostly untouched tail: a 5 MB zone's peak memory rose by 2-4 MB whenever the kernel had one free.
inline constexpr size_t kHugePageInputBytes = size_t{16} << 20;
/// The same line for files without signatures, whose records are several times as dense.
inline constexpr size_t kHugePageUnsignedInputBytes = size_t{4} << 20;

}  // namespace danelint
