#include "lint/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "lint/strings.hpp"

namespace danelint {

std::string write_file_atomic(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / cat('.', target.filename().string(), ".tmp.XXXXXX")).string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return cat(path, ": cannot create a temporary file: ", std::strerror(errno));
  auto fail = [&](const char* what) {
    std::string err = cat(path, ": ", what, ": ", std::strerror(errno));
    close(fd);
    unlink(tmpl.c_str());
    return err;
  };
  // Keep the mode of an existing file; new files get 0644 like an ordinary redirect would.
  struct stat st {};
  mode_t mode = stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  if (fchmod(fd, mode) != 0) return fail("cannot set permissions");
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (fsync(fd) != 0) return fail("fsync failed");
  if (close(fd) != 0) {
    std::string err = cat(path, ": close failed: ", std::strerror(errno));
    unlink(tmpl.c_str());
    return err;
  }
  if (rename(tmpl.c_str(), path.c_str()) != 0) {
    std::string err = cat(path, ": rename failed: ", std::strerror(errno));
    unlink(tmpl.c_str());
    return err;
  }
  int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return {};
}

}  // namespace danelint
