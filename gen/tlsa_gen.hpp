// `danelint gen`: TLSA records from certificates, chains and keys — current and next (rollover) sets,
// owner names, the refusals that keep a bad record from being emitted, the output formats, and the
// comparison with a zone (--check). The association data itself comes from gen/tlsa.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"

namespace danelint::gen {

enum class Role : uint8_t { Current, Next };
std::string_view role_name(Role r);  ///< "current", "next"

/// One file that feeds the records, with its role.
struct GenSource {
  std::string path;
  Role role = Role::Current;
};

struct GenOptions {
  std::string cert;                     ///< --cert: certificate, chain, CSR, public or private key
  std::string key;                      ///< --key: the private key served with --cert (checked against it)
  std::vector<std::string> next_keys;   ///< --next-key: keys (or certs/CSRs) that will be served next
  std::string certbot_lineage;          ///< --certbot-lineage DIR: fullchain.pem + privkey.pem (+ privkey.roll.pem)
  std::optional<Passphrase> passin;     ///< for encrypted private keys
  uint8_t usage = kDaneEe, selector = kSpki, matching = kSha256;
  std::optional<int> ta_depth;          ///< usage 0/2: which chain certificate is the trust anchor
  std::string ta_subject;               ///< usage 0/2: or the one with this subject (RFC 2253 text)
  std::vector<std::string> hosts;       ///< base domains (MX hosts)
  uint32_t port = 25;
  std::string proto = "tcp";
  uint32_t ttl = 3600;
  bool force = false;                   ///< override refusals whose catalogue severity is not error
};

/// One emitted TLSA record.
struct GenRecord {
  std::string owner;      ///< presentation form, absolute, lower case: "_25._tcp.mx.example.com."
  std::string owner_wire; ///< canonical wire form
  uint32_t ttl = 0;
  uint8_t usage = 0, selector = 0, matching = 0;
  std::vector<uint8_t> data;
  Role role = Role::Current;
  std::string source;     ///< file the data came from
  std::string subject;    ///< certificate subject (empty for a bare key)
  std::string not_after;  ///< RFC 3339 (empty for a bare key)
  std::string what;       ///< "certificate", "trust anchor (depth 1)", "key RSA-2048", ...
};

/// A problem that stops generation. When `code` is set it is a refusal backed by a catalogue rule.
struct GenProblem {
  std::string message;  ///< one line; names the file (and line) when it is about a file
  std::string code;     ///< "TLSA012", or empty for input/usage errors
  std::string name;     ///< "tlsa-usage2-matches-ee"
  bool overridable = false;  ///< catalogue severity is not error: --force may override it
};

struct GenResult {
  std::vector<GenRecord> records;           ///< deterministic order: owner (canonical), then current, next
  std::optional<GenProblem> error;          ///< set: nothing may be emitted
  std::vector<GenProblem> warnings;         ///< non-fatal (catalogue severity warning/info)
};

/// Builds `_<port>._<proto>.<host>.` after validating the host (LDH labels, A-labels, lengths).
/// Returns the presentation form or sets `error`.
std::optional<std::string> make_tlsa_owner(uint32_t port, std::string_view proto, std::string_view host,
                                           std::string& error);

/// Loads every source and computes the records. Never throws for bad input.
GenResult generate(const GenOptions& opts);

/// A refusal backed by a catalogue rule, with its code and name from docs/rule-ids.md; the catalogue
/// severity (when the rule is registered) decides whether --force may override it.
GenProblem refusal(std::string_view code, std::string_view name, std::string message);

enum class Format : uint8_t { Zone, Rfc3597, Nsupdate, Json };
std::optional<Format> parse_format(std::string_view s);

struct NsupdateOptions {
  std::string server;  ///< "HOST", "HOST PORT", "HOST#PORT" or "HOST:PORT" (IPv4/name); empty: no line
  std::string zone;    ///< empty: no zone line
  std::string tsig;    ///< "[ALG:]NAME:SECRET" → `key ALG:NAME SECRET`; empty: no key line
};

/// Validates nsupdate options (no spaces/newlines that could inject commands); empty on success.
std::string check_nsupdate_options(const NsupdateOptions& ns, const std::vector<GenRecord>& records);

/// Renders the records. The whole text is built in memory so that nothing partial is ever written.
std::string render(const std::vector<GenRecord>& records, Format f, const NsupdateOptions& ns = {});

/// Result of comparing wanted records with the TLSA RRsets of a zone file.
struct CheckResult {
  std::vector<GenRecord> missing;      ///< wanted, absent from the zone
  std::vector<std::string> superfluous;  ///< present in the zone at a wanted owner, not wanted (text lines)
  std::vector<GenRecord> present;      ///< wanted and present
  std::string error;                   ///< the zone could not be used (exit 2)
  std::string report;                  ///< human-readable lines
};
CheckResult check_against_zone(const std::vector<GenRecord>& wanted, const std::string& zone_file,
                               const std::string& origin = {});

}  // namespace danelint::gen
