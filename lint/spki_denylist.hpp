// The SPKI denylist of cert-stock-sample: SHA-256 digests of SubjectPublicKeyInfos whose private keys are
// public. The list shipped in data/stock-spki.txt is compiled in (also installed under share/danelint);
// users extend it with files named in `[lint] spki-denylist`, `--spki-denylist` or DANELINT_SPKI_DENYLIST.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace danelint {

/// lower-case hex SHA-256 -> where the entry comes from ("FILE:LINE: note").
using SpkiDenylist = std::map<std::string, std::string, std::less<>>;

/// The built-in entries (data/stock-spki.txt).
const SpkiDenylist& builtin_spki_denylist();

/// Parses denylist text into `into`. Returns an error "FILE:LINE: message" for a bad line, else "".
std::string parse_spki_denylist(std::string_view text, const std::string& file, SpkiDenylist& into);

/// Reads a denylist file into `into`; returns an error "FILE[:LINE]: message" or "".
std::string load_spki_denylist(const std::string& path, SpkiDenylist& into);

}  // namespace danelint
