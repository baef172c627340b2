// Reads an input file with hostile inputs in mind: bounded size, no hang on a FIFO without a writer,
// no endless read from a character device (/dev/zero, /dev/urandom), directories refused.
#pragma once
#include <cstddef>
#include <string>

namespace danelint {

/// Reads all of `path` into `out`. Returns an empty string on success, else the reason without the
/// path ("No such file or directory", "is a directory", "larger than N bytes", ...).
std::string read_input_file(const std::string& path, size_t max_bytes, std::string& out);

/// Asks the kernel to back [p, p + n) with transparent huge pages where it can. A 100 MB zone
/// otherwise costs ~25 000 page faults for the text, the records and the RDATA, and in a VM each
/// fault is dear; pages are still only made resident when first written.
void advise_huge_pages(const void* p, size_t n);

}  // namespace danelint
