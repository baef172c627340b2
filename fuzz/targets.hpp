// The bodies of the fuzz targets, header-only so that the libFuzzer entry points (fuzz/fuzz_*.cpp,
// clang) and the regression test (tests/test_fuzz_regressions.cpp, any compiler) run the same code.
// Each function must never crash, leak or hang on any input; errors are ordinary results.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#include <algorithm>

#include "gen/cert_loader.hpp"
#include "gen/tlsa.hpp"
#include "lint/config.hpp"
#include "lint/deployment.hpp"
#include "lint/engine.hpp"
#include "lint/rdata_encoder.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::fuzz {

/// Zone text through the loader and every rule that needs only zones.
inline void zone_text(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  LoadOptions lo;
  lo.origin = "example.";
  // Hermetic: $INCLUDE is reported instead of read, so the fuzzer cannot wander over the file system.
  lo.max_include_depth = 0;
  Workspace ws;
  ws.zones.push_back(load_zone_text(text, "fuzz.zone", lo));
  // A second view of the same text with the origin taken from the SOA / file name.
  LoadOptions lo2;
  lo2.max_include_depth = 0;
  ws.zones.push_back(load_zone_text(text, "db.fuzz.example", lo2));
  EngineOptions eng;
  eng.now = 1735689600;  // 2025-01-01T00:00:00Z
  eng.jobs = 1;
  eng.rules.select = {"ALL"};
  LintResult r = run_lint(ws, eng);
  for (const Finding& f : r.findings)
    if (!f.rule || f.message.empty()) __builtin_trap();  // every finding names its rule and says something
}

/// Certificate, chain, key or CSR bytes (PEM or DER) through the loader and the TLSA computation.
inline void material_bytes(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gen::LoadResult r = gen::load_material_bytes(bytes, "fuzz.pem");
  if (!r.material) {
    if (r.error.empty() || r.error.find('\n') != std::string::npos) __builtin_trap();  // one line, never empty
    return;
  }
  const gen::Material& m = *r.material;
  for (const auto& c : m.certs) {
    for (uint8_t sel = 0; sel <= 1; ++sel)
      for (uint8_t mt = 0; mt <= 2; ++mt) (void)gen::association_data(c.get(), sel, mt);
    (void)gen::subject_line(c.get());
    (void)gen::not_after_text(c.get());
    (void)gen::not_before_epoch(c.get());
    if (m.private_key) (void)gen::key_matches_cert(m.private_key.get(), c.get());
  }
  for (EVP_PKEY* k : {m.private_key.get(), m.public_key.get(), m.subject_key()}) {
    if (!k) continue;
    (void)gen::key_description(k);
    for (uint8_t mt = 0; mt <= 2; ++mt) (void)gen::association_data(k, gen::kSpki, mt);
  }
}

/// danelint.toml text through the config and deployment parsing.
inline void config_text(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    Config cfg = parse_config_text(text, "fuzz/danelint.toml");
    for (const ServiceSpec& spec : cfg.services) {
      Service svc;
      svc.spec = spec;
      (void)svc.tlsa_owner_text();
      (void)svc.tlsa_owner_wire();
      (void)svc.label();
    }
    RuleSettings rs;
    if (cfg.select) rs.select = *cfg.select;
    rs.ignore = cfg.ignore;
    rs.severity = cfg.severity;
    rs.options = cfg.options;
    (void)selected_rules(rs);
  } catch (const ConfigError& e) {
    if (std::string_view(e.what()).find("fuzz/danelint.toml") != 0) __builtin_trap();  // names the file first
  }
  // The --service flag parser sees the first line.
  std::string first(text.substr(0, text.find('\n')));
  try {
    (void)parse_service_flag(first);
  } catch (const std::invalid_argument&) {
  }
}

/// Presentation RDATA through the fast encoder: whenever it accepts, ldns must accept the same text and
/// give the same bytes. The first byte picks the type and the origin; the rest is split at whitespace
/// (a "..." string stays one token, as the zone scanner hands it over).
inline void rdata_encoder(const uint8_t* data, size_t size) {
  static constexpr uint16_t kTypes[] = {46, 47, 50, 1, 28, 2, 5, 15, 16, 43, 59, 48, 60, 52, 53, 6, 51, 12, 39,
                                        33, 257};
  if (size == 0) return;
  const uint16_t type = kTypes[data[0] % std::size(kTypes)];
  static const std::string kLong = [] {
    std::string w;
    for (int i = 0; i < 3; ++i) w += char(63), w += std::string(63, 'o');
    return w + std::string(1, '\0');  // 193 octets
  }();
  const std::string origins[] = {std::string("\7example\0", 9), std::string(1, '\0'), kLong};
  const std::string& origin = origins[(data[0] / std::size(kTypes)) % 3];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string_view> tokens;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  while (i < text.size()) {
    if (space(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool quoted = false;
    while (j < text.size() && (quoted || !space(text[j]))) {
      if (text[j] == '"') quoted = !quoted;
      ++j;
    }
    tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  std::vector<uint8_t> fast{0x5a}, slow;
  if (!encode_rdata_fast(type, tokens, origin, fast)) {
    if (fast.size() != 1 || fast[0] != 0x5a) __builtin_trap();  // a refusal leaves the output alone
    return;
  }
  if (!encode_rdata_ldns(type, tokens, origin, slow)) __builtin_trap();  // accepted what ldns rejects
  if (fast.size() != slow.size() + 1 || !std::equal(slow.begin(), slow.end(), fast.begin() + 1))
    __builtin_trap();  // different bytes
}

}  // namespace danelint::fuzz
