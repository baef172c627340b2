#include "lint/spki_denylist.hpp"

#include <fstream>
#include <sstream>

#include "lint/strings.hpp"

namespace danelint {

extern const char kBuiltinStockSpki[];  // generated from data/stock-spki.txt by CMake

std::string parse_spki_denylist(std::string_view text, const std::string& file, SpkiDenylist& into) {
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    std::string_view note;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) {
      note = trim(line.substr(hash + 1));
      line = line.substr(0, hash);
    }
    line = trim(line);
    if (line.empty()) continue;
    std::string hex = ascii_lower(line);
    bool ok = hex.size() == 64;
    for (char c : hex) ok &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!ok) return cat(file, ':', line_no, ": expected a 64-digit hex SHA-256 of an SPKI, got '", line, "'");
    into.emplace(hex, cat(file, ':', line_no, note.empty() ? "" : ": ", note));
  }
  return {};
}

const SpkiDenylist& builtin_spki_denylist() {
  static const SpkiDenylist list = [] {
    SpkiDenylist l;
    parse_spki_denylist(kBuiltinStockSpki, "stock-spki.txt", l);
    return l;
  }();
  return list;
}

std::string load_spki_denylist(const std::string& path, SpkiDenylist& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return cat(path, ": cannot read SPKI denylist");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (ss.str().size() > (16u << 20)) return cat(path, ": SPKI denylist larger than 16 MiB");
  return parse_spki_denylist(ss.str(), path, into);
}

}  // namespace danelint
