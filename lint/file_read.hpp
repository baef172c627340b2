// Reads an input file with hostile inputs in mind: bounded size, no hang on a FIFO without a writer,
// no endless read from a character device (/dev/zero, /dev/urandom), directories refused.
#pragma once
#include <cstddef>
#include <string>

namespace danelint {

/// Reads all of `path` into `out`. Returns an empty string on success, else the reason without the
/// path ("No such file or directory", "is a directory", "larger than N bytes", ...).
std::string read_input_file(const std::string& path, size_t max_bytes, std::string& out);

}  // namespace danelint
