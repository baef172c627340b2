// Writes files so that a reader (or a crash) sees either the old content or the new, never a mix:
// temporary file in the same directory, fsync, rename, fsync of the directory.
#pragma once
#include <string>
#include <string_view>

namespace danelint {

/// Replaces `path` with `content` atomically. Returns an empty string on success, else the error
/// ("PATH: reason").
std::string write_file_atomic(const std::string& path, std::string_view content);

}  // namespace danelint
