#include "gen/tlsa_gen.hpp"

#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <algorithm>

#include "gen/tlsa.hpp"
#include "lint/model.hpp"
#include "lint/rule.hpp"
#include "lint/strings.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::gen {

std::string_view role_name(Role r) { return r == Role::Current ? "current" : "next"; }

// ---------------------------------------------------------------------------------------------
// Refusals: code and name fixed in docs/rule-ids.md; the catalogue severity decides --force.

namespace {

struct KnownRefusal {
  std::string_view code, name;
  Severity severity;  ///< from rules-catalogue.md, used while the rule is not registered yet
};
constexpr KnownRefusal kKnownRefusals[] = {
    {"TLSA012", "tlsa-usage2-matches-ee", Severity::Error},
    {"TLSA013", "tlsa-usage3-matches-ca", Severity::Error},
    {"SMTP001", "smtp-pkix-usage", Severity::Error},
    {"CERT001", "cert-key-mismatch", Severity::Error},
    {"CERT004", "cert-chain-order", Severity::Error},
    {"TLSA005", "tlsa-full-discouraged", Severity::Warning},
    {"TLSA009", "daneee-selector-cert", Severity::Warning},
    {"SMTP002", "smtp-nonstandard-combo", Severity::Info},
    {"CERT005", "cert-ca-flags", Severity::Warning},
};

Severity catalogue_severity(std::string_view code) {
  if (const Rule* r = find_rule(code)) return r->info.severity;
  for (const auto& k : kKnownRefusals)
    if (k.code == code) return k.severity;
  return Severity::Error;
}

}  // namespace

GenProblem refusal(std::string_view code, std::string_view name, std::string message) {
  GenProblem p;
  p.message = std::move(message);
  p.code = code;
  p.name = name;
  p.overridable = catalogue_severity(code) != Severity::Error;
  return p;
}

static GenProblem plain(std::string message) {
  GenProblem p;
  p.message = std::move(message);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Owner names

std::optional<std::string> make_tlsa_owner(uint32_t port, std::string_view proto, std::string_view host,
                                           std::string& error) {
  if (port == 0 || port > 65535) {
    error = cat("--port ", port, ": must be 1-65535");
    return std::nullopt;
  }
  std::string p = ascii_lower(proto);
  if (p.empty() || p.size() > 62 ||
      !std::all_of(p.begin(), p.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; })) {
    error = cat("--proto '", proto, "': expected a protocol name such as tcp, udp or sctp");
    return std::nullopt;
  }
  std::string h = ascii_lower(host);
  if (!h.empty() && h.back() == '.') h.pop_back();
  auto bad = [&](std::string_view why) {
    error = cat("--host '", host, "': ", why);
    return std::nullopt;
  };
  if (h.empty()) return bad("empty host name");
  for (unsigned char c : h)
    if (c >= 0x80) return bad("not ASCII: give an internationalised name as A-labels (xn--...)");
  std::vector<std::string> labels = split(h, '.');
  for (const std::string& l : labels) {
    if (l.empty()) return bad("empty label");
    if (l.size() > 63) return bad(cat("label '", l, "' is longer than 63 octets"));
    for (char c : l)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        return bad(cat("label '", l, "' has '", c, "': host names use letters, digits and '-' only"));
    if (l.front() == '-' || l.back() == '-') return bad(cat("label '", l, "' starts or ends with '-'"));
    if (l.size() >= 4 && l[2] == '-' && l[3] == '-') {
      if (l.rfind("xn--", 0) != 0) return bad(cat("label '", l, "' has '--' in positions 3-4 but is not an A-label (xn--)"));
      if (l.size() == 4) return bad(cat("label '", l, "' is an empty A-label"));
    }
  }
  if (std::all_of(labels.back().begin(), labels.back().end(), [](char c) { return c >= '0' && c <= '9'; }))
    return bad("the last label is numeric: give a host name, not an address");
  std::string owner = cat('_', port, "._", p, '.', h, '.');
  // Wire length: one length octet per label plus the labels plus the root octet.
  size_t wire_len = owner.size() + 1;
  if (wire_len > 255) return bad(cat("the owner ", owner, " is ", wire_len, " octets long; at most 255 are allowed"));
  return owner;
}

// ---------------------------------------------------------------------------------------------
// Records

namespace {

bool is_ca(X509* c) { return (X509_get_extension_flags(c) & EXFLAG_CA) != 0; }
bool is_self_signed(X509* c) { return (X509_get_extension_flags(c) & EXFLAG_SS) != 0; }
bool has_cert_sign(X509* c) {
  return (X509_get_extension_flags(c) & EXFLAG_KUSAGE) && (X509_get_key_usage(c) & KU_KEY_CERT_SIGN);
}

/// A CA certificate that issues others: not a self-signed server certificate that merely carries
/// CA:TRUE (as `openssl req -x509` writes by default).
bool issuer_like(X509* c) { return is_ca(c) && (!is_self_signed(c) || has_cert_sign(c)); }

std::string where(const Material& m, size_t i) {
  int line = i < m.cert_lines.size() ? m.cert_lines[i] : 0;
  return line > 0 ? cat(m.path, ':', line) : m.path;
}

std::string param_text(uint8_t u, uint8_t s, uint8_t mt) {
  return cat(int(u), ' ', int(s), ' ', int(mt));
}

struct Computed {
  std::vector<uint8_t> data;
  std::string subject, not_after, what;
};

/// Checks that a chain file lists the leaf first and each certificate's issuer after it.
std::optional<GenProblem> check_chain_order(const Material& m) {
  const auto& c = m.certs;
  if (c.size() < 2) return std::nullopt;
  if (is_ca(c[0].get()))
    for (size_t i = 1; i < c.size(); ++i)
      if (!is_ca(c[i].get()))
        return refusal("CERT004", "cert-chain-order",
                       cat(where(m, i), ": chain out of order: the end-entity certificate (", subject_line(c[i].get()),
                           ") is not first"));
  for (size_t i = 0; i + 1 < c.size(); ++i)
    if (X509_check_issued(c[i + 1].get(), c[i].get()) != X509_V_OK)
      return refusal("CERT004", "cert-chain-order",
                     cat(where(m, i + 1), ": chain out of order: this certificate (", subject_line(c[i + 1].get()),
                         ") did not issue the one before it (", subject_line(c[i].get()), ")"));
  return std::nullopt;
}

std::optional<GenProblem> compute(const Material& m, const GenOptions& o, Computed& out,
                                  std::vector<GenProblem>& warnings) {
  const bool ta_usage = o.usage == kDaneTa || o.usage == kPkixTa;
  if (m.certs.empty()) {
    EVP_PKEY* key = m.subject_key();
    if (!key) return plain(cat(m.path, ": no certificate or key found"));
    const char* kind = m.private_key ? "private key" : m.public_key ? "public key" : "certificate request";
    if (o.selector == kCert)
      return plain(cat(m.path, ": holds a ", kind, " but no certificate; selector 0 (CERT) needs a certificate, "
                               "a key gives SPKI records (--selector 1)"));
    if (ta_usage)
      return plain(cat(m.path, ": holds a ", kind, " but no certificate; usage ", int(o.usage), " (",
                       usage_mnemonic(o.usage), ") needs the chain with the trust-anchor certificate"));
    auto d = association_data(key, o.selector, o.matching);
    if (!d) return plain(cat(m.path, ": cannot encode the public key of the ", kind));
    out.data = std::move(*d);
    out.what = cat(kind, ' ', key_description(key));
    return std::nullopt;
  }
  if (auto p = check_chain_order(m)) return p;
  X509* leaf = m.certs.front().get();
  X509* target = leaf;
  size_t depth = 0;
  if (ta_usage) {
    if (!o.ta_subject.empty()) {
      bool found = false;
      for (size_t i = 0; i < m.certs.size(); ++i)
        if (equals_icase(subject_line(m.certs[i].get()), o.ta_subject)) {
          depth = i;
          found = true;
          break;
        }
      if (!found)
        return plain(cat(m.path, ": no certificate with subject '", o.ta_subject, "' (--ta-subject) in the chain"));
    } else if (o.ta_depth) {
      depth = static_cast<size_t>(*o.ta_depth);
    } else if (m.certs.size() == 1 && issuer_like(leaf)) {
      depth = 0;  // the file holds just the trust anchor (e.g. the issuing CA given on its own)
    } else {
      depth = 1;
    }
    const bool lone_ta = depth == 0 && m.certs.size() == 1 && issuer_like(leaf) && !o.ta_depth;
    if (!lone_ta && (depth == 0 || m.certs.size() == 1))
      return refusal("TLSA012", "tlsa-usage2-matches-ee",
                     cat(where(m, 0), ": usage ", int(o.usage), " (", usage_mnemonic(o.usage),
                         ") for the leaf certificate (", subject_line(leaf),
                         m.certs.size() == 1 ? "), the only one in the file" : ")",
                         ": a trust-anchor record never matches at depth 0; give the chain (fullchain.pem) or use "
                         "usage 3"));
    if (depth >= m.certs.size())
      return plain(cat(m.path, ": --ta-depth ", depth, ": the chain holds only ", m.certs.size(), " certificates"));
    target = m.certs[depth].get();
    if (!is_ca(target))
      return refusal("TLSA012", "tlsa-usage2-matches-ee",
                     cat(where(m, depth), ": the certificate at depth ", depth, " (", subject_line(target),
                         ") is not a CA certificate and cannot be a trust anchor"));
  } else if (is_ca(leaf)) {
    if (issuer_like(leaf))
      return refusal("TLSA013", "tlsa-usage3-matches-ca",
                     cat(where(m, 0), ": usage ", int(o.usage), " (", usage_mnemonic(o.usage),
                         ") for a CA certificate (", subject_line(leaf),
                         "): the first certificate in the file must be the server's own (cert.pem or fullchain.pem, "
                         "not chain.pem)"));
    warnings.push_back(refusal("CERT005", "cert-ca-flags",
                               cat(where(m, 0), ": the self-signed leaf (", subject_line(leaf), ") has CA:TRUE")));
  }
  auto d = association_data(target, o.selector, o.matching);
  if (!d) return plain(cat(where(m, depth), ": cannot encode the certificate"));
  out.data = std::move(*d);
  out.subject = subject_line(target);
  out.not_after = not_after_text(target);
  out.what = !ta_usage ? std::string("certificate")
             : depth == 0 ? std::string("trust anchor, the only certificate in the file")
                          : cat("trust anchor at depth ", depth);
  return std::nullopt;
}

bool file_exists(const std::string& p) {
  struct stat st {};
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

GenResult generate(const GenOptions& o) {
  GenResult res;
  auto fail = [&](GenProblem p) {
    res.records.clear();
    res.error = std::move(p);
    return res;
  };
  if (o.usage > 3) return fail(plain(cat("--usage ", int(o.usage), ": danelint gen writes usages 0-3 only")));
  if (o.selector > 1) return fail(plain(cat("--selector ", int(o.selector), ": danelint gen writes selectors 0-1 only")));
  if (o.matching > 2)
    return fail(plain(cat("--matching ", int(o.matching), ": danelint gen writes matching types 0-2 only")));
  if (o.ta_depth && *o.ta_depth < 0) return fail(plain("--ta-depth must not be negative"));
  if ((o.ta_depth || !o.ta_subject.empty()) && o.usage != kDaneTa && o.usage != kPkixTa)
    return fail(plain("--ta-depth and --ta-subject apply to usage 2 (DANE-TA) and 0 (PKIX-TA) only"));
  if (o.ta_depth && !o.ta_subject.empty()) return fail(plain("give --ta-depth or --ta-subject, not both"));
  if (o.hosts.empty()) return fail(plain("give at least one --host"));
  if (o.ttl > 0x7fffffffu) return fail(plain(cat("--ttl ", o.ttl, ": larger than 2147483647 (RFC 2181 §8)")));

  std::vector<std::pair<std::string, std::string>> owners;  // (canonical wire, text)
  for (const std::string& h : o.hosts) {
    std::string err;
    auto owner = make_tlsa_owner(o.port, o.proto, h, err);
    if (!owner) return fail(plain(err));
    auto wire = name_from_text(*owner);
    if (!wire) return fail(plain(cat("--host '", h, "': not a valid domain name")));
    owners.emplace_back(ascii_lower(*wire), *owner);
  }
  std::sort(owners.begin(), owners.end(),
            [](const auto& a, const auto& b) { return canonical_compare(a.first, b.first) < 0; });
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());

  const bool smtp = o.port == 25 && ascii_lower(o.proto) == "tcp";
  if (smtp && (o.usage == kPkixTa || o.usage == kPkixEe)) {
    auto p = refusal("SMTP001", "smtp-pkix-usage",
                     cat("usage ", int(o.usage), " (", usage_mnemonic(o.usage),
                         ") at _25._tcp: SMTP clients ignore PKIX usages (RFC 7672 §3.1.3); use 3 1 1 or 2 1 1"));
    if (!(p.overridable && o.force)) return fail(p);
    res.warnings.push_back(p);
  }

  std::string cert = o.cert, key = o.key;
  std::vector<std::string> next = o.next_keys;
  if (!o.certbot_lineage.empty()) {
    if (!cert.empty() || !key.empty()) return fail(plain("--certbot-lineage replaces --cert and --key; give one or the other"));
    std::string dir = o.certbot_lineage;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    cert = dir + "/fullchain.pem";
    key = dir + "/privkey.pem";
    // dehydrated keeps the next key beside the current one; pre-publish it as a next key.
    if (std::string roll = dir + "/privkey.roll.pem"; file_exists(roll) &&
                                                       std::find(next.begin(), next.end(), roll) == next.end())
      next.push_back(roll);
  }
  if (cert.empty() && key.empty()) return fail(plain("give --cert, --key or --certbot-lineage"));

  const Passphrase* pass = o.passin ? &*o.passin : nullptr;
  std::optional<Material> cm, km;
  if (!cert.empty()) {
    auto r = load_material(cert, pass);
    if (!r.material) return fail(plain(r.error));
    cm = std::move(r.material);
  }
  if (!key.empty()) {
    auto r = load_material(key, pass);
    if (!r.material) return fail(plain(r.error));
    km = std::move(r.material);
    if (!km->private_key && !km->public_key && cm)
      return fail(plain(cat(key, ": --key holds no private or public key")));
  }
  // The key that will be served must belong to the certificate.
  auto mismatch = [&](const Material& certs, EVP_PKEY* k, const std::string& key_path) -> std::optional<GenProblem> {
    if (certs.certs.empty()) {
      EVP_PKEY* sk = certs.subject_key();
      if (sk && k != sk && EVP_PKEY_eq(k, sk) != 1)
        return refusal("CERT001", "cert-key-mismatch",
                       cat(key_path, ": the key (", key_description(k), ") does not belong to ", certs.path, " (",
                           key_description(sk), ")"));
      return std::nullopt;
    }
    if (!key_matches_cert(k, certs.certs.front().get()))
      return refusal("CERT001", "cert-key-mismatch",
                     cat(key_path, ": the private key (", key_description(k), ") does not belong to the certificate ",
                         where(certs, 0), " (", subject_line(certs.certs.front().get()), ", ",
                         key_description(X509_get0_pubkey(certs.certs.front().get())), ")"));
    return std::nullopt;
  };
  if (cm && cm->private_key && (!cm->certs.empty() || cm->csr))
    if (auto p = mismatch(*cm, cm->private_key.get(), cm->path); p && !(p->overridable && o.force)) return fail(*p);
  if (cm && km) {
    EVP_PKEY* k = km->private_key ? km->private_key.get() : km->public_key.get();
    if (k)
      if (auto p = mismatch(*cm, k, km->path); p && !(p->overridable && o.force)) return fail(*p);
  }

  std::vector<std::pair<Material*, Role>> sources;
  if (cm) sources.emplace_back(&*cm, Role::Current);
  else sources.emplace_back(&*km, Role::Current);
  std::vector<Material> next_materials;
  next_materials.reserve(next.size());
  for (const std::string& n : next) {
    auto r = load_material(n, pass);
    if (!r.material) return fail(plain(r.error));
    next_materials.push_back(std::move(*r.material));
  }
  for (Material& m : next_materials) sources.emplace_back(&m, Role::Next);

  std::vector<std::pair<Computed, Role>> computed;
  std::vector<std::string> source_paths;
  for (auto& [m, role] : sources) {
    Computed c;
    std::vector<GenProblem> w;
    if (auto p = compute(*m, o, c, w)) {
      if (!(p->overridable && o.force)) return fail(*p);
      res.warnings.push_back(*p);
      continue;
    }
    for (auto& x : w) res.warnings.push_back(std::move(x));
    // A next key equal to the current one (a renewal that reuses the key) adds no record.
    bool dup = std::any_of(computed.begin(), computed.end(), [&](const auto& e) { return e.first.data == c.data; });
    if (dup) continue;
    source_paths.push_back(m->path);
    computed.emplace_back(std::move(c), role);
  }

  // Risky-but-valid parameters: reported, not refused (their catalogue severity is not error).
  if (o.usage == kDaneEe && o.selector == kCert)
    res.warnings.push_back(refusal("TLSA009", "daneee-selector-cert",
                                   "3 0 x changes at every certificate renewal, even with the same key; 3 1 1 does not"));
  if (o.matching == kFull)
    res.warnings.push_back(refusal("TLSA005", "tlsa-full-discouraged",
                                   "matching type 0 publishes the full data; use 1 (SHA2-256)"));
  else if (smtp && !(o.usage == kDaneEe && o.selector == kSpki) && !(o.usage == kDaneTa && o.matching == kSha256))
    res.warnings.push_back(refusal("SMTP002", "smtp-nonstandard-combo",
                                   cat(param_text(o.usage, o.selector, o.matching),
                                       " at _25._tcp: RFC 7672 recommends 3 1 1, 3 1 2, 2 1 1 or 2 0 1")));

  for (const auto& [wire, text] : owners) {
    for (size_t i = 0; i < computed.size(); ++i) {
      const auto& [c, role] = computed[i];
      GenRecord r;
      r.owner = text;
      r.owner_wire = wire;
      r.ttl = o.ttl;
      r.usage = o.usage;
      r.selector = o.selector;
      r.matching = o.matching;
      r.data = c.data;
      r.role = role;
      r.source = source_paths[i];
      r.subject = c.subject;
      r.not_after = c.not_after;
      r.what = c.what;
      res.records.push_back(std::move(r));
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Formats

std::optional<Format> parse_format(std::string_view s) {
  if (equals_icase(s, "zone")) return Format::Zone;
  if (equals_icase(s, "rfc3597") || equals_icase(s, "generic")) return Format::Rfc3597;
  if (equals_icase(s, "nsupdate")) return Format::Nsupdate;
  if (equals_icase(s, "json")) return Format::Json;
  return std::nullopt;
}

namespace {

std::string comment(const GenRecord& r) {
  std::string s = cat(role_name(r.role), ": ", r.source, " (", r.what);
  if (!r.subject.empty()) s += cat(", subject ", r.subject, ", notAfter ", r.not_after);
  s += ')';
  // A comment must stay on one line whatever a certificate subject holds.
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string tlsa_rdata_text(const GenRecord& r) {
  return cat(int(r.usage), ' ', int(r.selector), ' ', int(r.matching), ' ', to_hex(r.data));
}

bool safe_token(std::string_view s) {
  return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '"' || static_cast<unsigned char>(c) < 0x20;
  });
}

}  // namespace

std::string check_nsupdate_options(const NsupdateOptions& ns, const std::vector<GenRecord>& records) {
  if (!ns.server.empty()) {
    std::vector<std::string> parts;
    for (const auto& p : split(std::string(trim(ns.server)), ' '))
      if (!p.empty()) parts.push_back(p);
    if (parts.empty() || parts.size() > 2 || !std::all_of(parts.begin(), parts.end(), safe_token))
      return cat("--server '", ns.server, "': expected HOST or 'HOST PORT'");
  }
  if (!ns.zone.empty()) {
    if (!safe_token(ns.zone)) return cat("--zone '", ns.zone, "': not a domain name");
    auto wire = name_from_text(ns.zone.back() == '.' ? ns.zone : ns.zone + ".");
    if (!wire) return cat("--zone '", ns.zone, "': not a domain name");
    std::string zw = ascii_lower(*wire);
    for (const GenRecord& r : records)
      if (!is_subdomain(r.owner_wire, zw)) return cat("--zone ", ns.zone, ": ", r.owner, " is not in this zone");
  }
  if (!ns.tsig.empty()) {
    size_t last = ns.tsig.rfind(':');
    if (!safe_token(ns.tsig) || last == std::string::npos || last == 0 || last + 1 == ns.tsig.size())
      return "--tsig-key: expected [ALGORITHM:]NAME:SECRET";
  }
  return {};
}

static std::string server_line(const std::string& server) {
  std::string s(trim(server));
  if (s.find(' ') != std::string::npos) return s;  // "HOST PORT"
  if (size_t h = s.find('#'); h != std::string::npos) return s.substr(0, h) + ' ' + s.substr(h + 1);
  if (std::count(s.begin(), s.end(), ':') == 1) {  // HOST:PORT (not an IPv6 address)
    size_t c = s.find(':');
    return s.substr(0, c) + ' ' + s.substr(c + 1);
  }
  return s;
}

std::string render(const std::vector<GenRecord>& records, Format f, const NsupdateOptions& ns) {
  std::string out;
  switch (f) {
    case Format::Zone:
      for (const GenRecord& r : records)
        out += cat(r.owner, ' ', r.ttl, " IN TLSA ", tlsa_rdata_text(r), " ; ", comment(r), '\n');
      break;
    case Format::Rfc3597:
      for (const GenRecord& r : records) {
        std::vector<uint8_t> rdata{r.usage, r.selector, r.matching};
        rdata.insert(rdata.end(), r.data.begin(), r.data.end());
        out += cat(r.owner, ' ', r.ttl, " IN TYPE52 \\# ", rdata.size(), ' ', to_hex(rdata), " ; ", comment(r), '\n');
      }
      break;
    case Format::Nsupdate: {
      if (!ns.server.empty()) out += cat("server ", server_line(ns.server), '\n');
      if (!ns.zone.empty()) out += cat("zone ", ns.zone, '\n');
      if (!ns.tsig.empty()) {
        size_t last = ns.tsig.rfind(':');
        out += cat("key ", ns.tsig.substr(0, last), ' ', ns.tsig.substr(last + 1), '\n');
      }
      // One message per owner: delete the whole RRset and add the wanted records, applied atomically.
      for (size_t i = 0; i < records.size();) {
        size_t j = i;
        out += cat("update delete ", records[i].owner, " IN TLSA\n");
        // Comments only on lines of their own: nsupdate would take a trailing one as RDATA.
        for (; j < records.size() && records[j].owner_wire == records[i].owner_wire; ++j)
          out += cat("; ", comment(records[j]), "\nupdate add ", records[j].owner, ' ', records[j].ttl, " IN TLSA ",
                     tlsa_rdata_text(records[j]), '\n');
        out += "send\n";
        i = j;
      }
      break;
    }
    case Format::Json: {
      out += "[";
      for (size_t i = 0; i < records.size(); ++i) {
        const GenRecord& r = records[i];
        out += cat(i ? ",\n " : "\n ", "{\"owner\":\"", json_escape(r.owner), "\",\"ttl\":", r.ttl,
                   ",\"class\":\"IN\",\"type\":\"TLSA\",\"usage\":", int(r.usage), ",\"selector\":", int(r.selector),
                   ",\"matching_type\":", int(r.matching), ",\"data\":\"", to_hex(r.data), "\",\"role\":\"",
                   role_name(r.role), "\",\"source\":\"", json_escape(r.source), "\",\"what\":\"", json_escape(r.what),
                   "\",\"subject\":");
        out += r.subject.empty() ? std::string("null") : cat('"', json_escape(r.subject), '"');
        out += ",\"not_after\":";
        out += r.not_after.empty() ? std::string("null") : cat('"', json_escape(r.not_after), '"');
        out += "}";
      }
      out += records.empty() ? "]\n" : "\n]\n";
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// --check

CheckResult check_against_zone(const std::vector<GenRecord>& wanted, const std::string& zone_file,
                               const std::string& origin) {
  CheckResult res;
  LoadOptions lo;
  lo.origin = origin;
  auto zone = load_zone_file(zone_file, lo);
  if (!zone || zone->unreadable) {
    res.error = zone && !zone->load_findings.empty() ? zone->load_findings.front().message
                                                     : cat(zone_file, ": cannot read");
    if (zone && !zone->load_findings.empty()) {
      const Finding& f = zone->load_findings.front();
      res.error = f.loc.line ? cat(f.loc.file, ':', f.loc.line, ": ", f.message) : cat(f.loc.file, ": ", f.message);
    }
    return res;
  }
  for (const Finding& f : zone->load_findings)
    if (f.severity == Severity::Error) {
      res.error = cat(f.loc.file, ':', f.loc.line, ": ", f.message);
      return res;
    }
  std::vector<std::string> owners;
  for (const GenRecord& r : wanted)
    if (std::find(owners.begin(), owners.end(), r.owner_wire) == owners.end()) owners.push_back(r.owner_wire);
  for (const std::string& ow : owners)
    if (!is_subdomain(ow, zone->origin_wire)) {
      res.error = cat(zone_file, ": ", name_to_text(ow), " is not in the zone ", zone->origin_text());
      return res;
    }
  for (const std::string& ow : owners) {
    struct Present {
      uint8_t u, s, m;
      std::vector<uint8_t> data;
      SourceLoc loc;
      uint32_t ttl;
      bool used = false;
    };
    std::vector<Present> present;
    if (auto idx = zone->find_name(ow))
      if (const RRset* set = zone->find_rrset(*idx, 52))
        for (uint32_t ri : set->records) {
          const Record& rec = zone->records[ri];
          auto v = decode_tlsa(zone->rdata(rec));
          if (!v) continue;
          present.push_back({v->usage, v->selector, v->matching_type, {v->data.begin(), v->data.end()},
                             zone->loc(rec), rec.ttl});
        }
    for (const GenRecord& r : wanted) {
      if (r.owner_wire != ow) continue;
      auto it = std::find_if(present.begin(), present.end(), [&](const Present& p) {
        return p.u == r.usage && p.s == r.selector && p.m == r.matching && p.data == r.data;
      });
      if (it == present.end()) {
        res.missing.push_back(r);
        res.report += cat("missing: ", r.owner, ' ', r.ttl, " IN TLSA ", tlsa_rdata_text(r), " ; ", comment(r), '\n');
      } else {
        it->used = true;
        res.present.push_back(r);
        res.report += cat("ok: ", it->loc.file, ':', it->loc.line, ": ", r.owner, ' ', it->ttl, " IN TLSA ",
                          tlsa_rdata_text(r), " ; ", role_name(r.role), '\n');
      }
    }
    for (const Present& p : present)
      if (!p.used) {
        std::string line = cat(p.loc.file, ':', p.loc.line, ": ", name_to_text(ow), ' ', p.ttl, " IN TLSA ", int(p.u), ' ',
                               int(p.s), ' ', int(p.m), ' ', to_hex(p.data));
        res.superfluous.push_back(line);
        res.report += cat("superfluous: ", line, '\n');
      }
  }
  res.report += cat("check: ", zone_file, ": ", wanted.size(), " wanted, ", res.present.size(), " present, ",
                    res.missing.size(), " missing, ", res.superfluous.size(), " superfluous\n");
  return res;
}

}  // namespace danelint::gen
