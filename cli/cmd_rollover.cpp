// `danelint rollover-check`: the gate a renewal script asks before switching a service to its next key.
// Safe (exit 0) when every next key has a TLSA record in the zone as published, covered (when the zone is
// signed offline) by an RRSIG that verifies and is valid now, and published for max(2 x TTL, --min-wait).
// Not yet (exit 1) prints the earliest safe time; errors exit 2.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <memory>

#include <ldns/ldns.h>

#include "cli/commands.hpp"
#include "gen/tlsa.hpp"
#include "lint/config.hpp"
#include "lint/placement.hpp"
#include "lint/rollover.hpp"
#include "lint/rule_helpers.hpp"
#include "lint/strings.hpp"
#include "lint/timeutil.hpp"
#include "lint/zone_loader.hpp"

namespace danelint::cli {
namespace {

struct RolloverOptions {
  std::string config;
  bool no_config = false;
  std::string service;  ///< HOST[:PORT]
  std::string proto = "tcp";
  std::vector<std::string> next_keys;
  std::string zone, origin, signing;
  std::string state, published_since, now, min_wait = "48h";
  std::string format = "text";
};

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Verdict {
  bool safe = false;
  std::optional<int64_t> earliest;  ///< when not safe and a time can be given
  std::vector<std::string> reasons;  ///< why (not) safe, one fact per line
};

int64_t parse_time_flag(const std::string& flag, const std::string& v) {
  auto t = parse_time(v);
  if (!t) throw Failure(cat(flag, ": '", v, "' is not RFC 3339, YYYYMMDDHHMMSS or epoch seconds"));
  return *t;
}

// An ldns RR rebuilt from the model's wire form (owner, type, class, TTL, RDATA).
ldns_rr* to_ldns(const ZoneModel& z, const Record& r) {
  std::string wire(z.owner(r).wire);
  auto put16 = [&](uint16_t v) { wire += static_cast<char>(v >> 8), wire += static_cast<char>(v & 0xff); };
  put16(r.type);
  put16(r.rrclass);
  put16(static_cast<uint16_t>(r.ttl >> 16));
  put16(static_cast<uint16_t>(r.ttl & 0xffff));
  put16(static_cast<uint16_t>(r.rdata_len));
  auto rd = z.rdata(r);
  wire.append(reinterpret_cast<const char*>(rd.data()), rd.size());
  ldns_rr* rr = nullptr;
  size_t pos = 0;
  if (ldns_wire2rr(&rr, reinterpret_cast<const uint8_t*>(wire.data()), wire.size(), &pos, LDNS_SECTION_ANSWER) !=
      LDNS_STATUS_OK)
    return nullptr;
  return rr;
}

// True when the RRSIG verifies over the RRset with a DNSKEY at the apex, at time `now` (ldns).
bool rrsig_verifies(const ZoneModel& z, const RRset& set, const Record& sig, int64_t now) {
  auto apex = z.apex();
  const RRset* keys = apex ? z.find_rrset(*apex, LDNS_RR_TYPE_DNSKEY) : nullptr;
  if (!keys) return false;
  ldns_rr_list* rrset = ldns_rr_list_new();
  ldns_rr_list* keylist = ldns_rr_list_new();
  ldns_rr_list* good = ldns_rr_list_new();
  for (uint32_t i : set.records)
    if (ldns_rr* rr = to_ldns(z, z.records[i])) ldns_rr_list_push_rr(rrset, rr);
  for (uint32_t i : keys->records)
    if (ldns_rr* rr = to_ldns(z, z.records[i])) ldns_rr_list_push_rr(keylist, rr);
  ldns_rr* rrsig = to_ldns(z, sig);
  bool ok = rrsig && ldns_verify_rrsig_keylist_time(rrset, rrsig, keylist, static_cast<time_t>(now), good) ==
                         LDNS_STATUS_OK;
  if (rrsig) ldns_rr_free(rrsig);
  ldns_rr_list_free(good);  // holds pointers into keylist
  ldns_rr_list_deep_free(keylist);
  ldns_rr_list_deep_free(rrset);
  return ok;
}

std::string first_problem(const std::vector<Finding>& fs) {
  for (const Finding& f : fs)
    return cat(f.loc.file, f.loc.line ? cat(':', f.loc.line) : std::string(), ": ", f.message);
  return {};
}

int run(const RolloverOptions& o) {
  int64_t now = o.now.empty() ? static_cast<int64_t>(std::time(nullptr)) : parse_time_flag("--now", o.now);
  auto min_wait = parse_duration(o.min_wait);
  if (!min_wait || *min_wait < 0) throw Failure(cat("--min-wait: '", o.min_wait, "' is not a duration"));
  if (o.service.empty()) throw Failure("--service HOST[:PORT] is required");

  // The service: host and port from --service, the rest from the matching [[service]] if any.
  ServiceSpec spec;
  bool port_given = false;
  {
    std::string h = o.service;
    if (size_t colon = h.rfind(':'); colon != std::string::npos) {
      uint64_t port = 0;
      if (!parse_u64(h.substr(colon + 1), port) || port < 1 || port > 65535)
        throw Failure(cat("--service '", o.service, "': port must be 1 to 65535"));
      spec.port = static_cast<uint16_t>(port);
      port_given = true;
      h.resize(colon);
    }
    if (h.empty()) throw Failure(cat("--service '", o.service, "': no host name"));
    if (h.back() != '.') h += '.';
    if (!name_from_text(h)) throw Failure(cat("--service '", o.service, "': '", h, "' is not a host name"));
    spec.host = ascii_lower(h);
    spec.proto = o.proto;
    spec.origin_file = "--service";
  }
  Config cfg;
  if (!o.no_config) {
    if (!o.config.empty()) cfg = load_config(o.config);
    else if (auto found = discover_config(".")) cfg = load_config(*found);
  }
  for (const ServiceSpec& s : cfg.services)
    if (s.host == spec.host && (!port_given || s.port == spec.port) && s.proto == spec.proto) {
      spec = s;
      break;
    }
  if (!o.next_keys.empty()) spec.next_keys = o.next_keys;
  if (spec.next_keys.empty())
    throw Failure(cat("service ", spec.host, ':', spec.port, ": no next key (give --next-key FILE or next_keys in [[service]])"));

  // The zone: --zone, else the [[zone]] of the config that holds the TLSA owner.
  Workspace ws;
  std::string signing = o.signing;
  std::string owner_text = cat('_', spec.port, "._", spec.proto, '.', spec.host);
  std::string owner = ascii_lower(*name_from_text(owner_text));
  if (!o.zone.empty()) {
    LoadOptions lo;
    lo.origin = o.origin;
    ws.zones.push_back(load_zone_file(o.zone, lo));
  } else {
    if (cfg.zones.empty()) throw Failure("no zone: give --zone FILE or [[zone]] entries in the config");
    std::vector<std::string> modes;
    for (const ZoneEntry& z : cfg.zones) {
      LoadOptions lo;
      lo.origin = z.origin;
      ws.zones.push_back(load_zone_file(z.file, lo));
      modes.push_back(z.signing);
    }
    ZoneSet zs(ws);
    ZoneSet::Lookup l = zs.find(owner);
    if (l.zone < 0) throw Failure(cat("no [[zone]] in ", cfg.path, " holds ", owner_text));
    auto keep = std::move(ws.zones[static_cast<size_t>(l.zone)]);
    if (signing.empty()) signing = modes[static_cast<size_t>(l.zone)];
    ws.zones.clear();
    ws.zones.push_back(std::move(keep));
  }
  const ZoneModel& zone = *ws.zones[0];
  for (const Finding& f : zone.load_findings)
    if (f.rule && (f.rule->info.name == "input-unreadable" || f.rule->info.name == "zone-syntax"))
      throw Failure(first_problem({f}));
  if (signing.empty()) signing = "offline";

  std::vector<Finding> problems;
  Service svc;
  svc.spec = spec;
  {
    ServiceSpec only_next = spec;
    only_next.chains.clear();
    only_next.keys.clear();
    Service loaded = load_service(only_next, problems);
    if (!problems.empty()) throw Failure(first_problem(problems));
    svc.next_keys = std::move(loaded.next_keys);
  }

  // Publication times: the state file, else --published-since.
  HistoryOptions hist;
  hist.state = o.state;
  hist.published_since = o.published_since;
  if (o.state.empty() && o.published_since.empty())
    throw Failure("give --state FILE or --published-since TIME: the gate needs to know since when records are published");
  if (std::string err = load_history(ws, {zone.files[0]}, {o.origin}, hist); !err.empty()) throw Failure(err);
  const History& h = ws.history;

  Verdict v;
  const RRset* set = tlsa_rrset_at(zone, owner);
  int64_t wait = *min_wait;
  uint32_t ttl = set ? rrset_ttl(zone, *set) : 0;
  wait = std::max(wait, 2 * int64_t{ttl});
  std::string wait_text = cat(format_duration(wait), " (2 x TTL ", ttl, " = ", format_duration(2 * int64_t{ttl}),
                              ", floor ", format_duration(*min_wait), ")");
  bool never = false;
  int64_t safe_at = INT64_MIN;
  if (!set) {
    v.reasons.push_back(cat("no TLSA records at ", owner_text, " in ", zone.files[0]));
    safe_at = now + wait;
    v.reasons.push_back(cat("publish the next key's record; it becomes safe ", wait_text, " after publication"));
  } else {
    for (const LoadedMaterial& nk : svc.next_keys) {
      std::optional<int64_t> since;
      std::string record;
      for (uint32_t i : set->records) {
        const Record& rec = zone.records[i];
        auto t = decode_tlsa(zone.rdata(rec));
        if (!t || !tlsa_matches_material(*t, nk.material)) continue;
        std::string key = tlsa_record_key(zone.names[set->owner].wire, zone.rdata(rec));
        auto seen = h.first_seen.find(key);
        int64_t s = seen != h.first_seen.end() ? seen->second : h.published_since.value_or(now);
        if (!since || s < *since) {
          since = s;
          record = cat(tlsa_params(*t), " (", zone.files[0], ':', rec.line, ')');
        }
      }
      if (!since) {
        EVP_PKEY* k = nk.material.subject_key();
        auto data = k ? gen::association_data(k, gen::kSpki, gen::kSha256) : std::nullopt;
        v.reasons.push_back(cat("next key ", nk.path, " has no TLSA record at ", owner_text,
                                data ? cat(" (expected e.g. 3 1 1 ", to_hex(*data), ")") : std::string()));
        safe_at = std::max(safe_at, now + wait);
        continue;
      }
      v.reasons.push_back(cat("next key ", nk.path, ": ", record, " published since ", format_time(*since)));
      safe_at = std::max(safe_at, *since + wait);
    }
    v.reasons.push_back(cat("required publication time: ", wait_text));

    if (signing == "offline") {
      bool any = false, valid = false, bogus = false;
      std::optional<int64_t> next_inception;
      if (const RRset* sigs = zone.find_rrset(set->owner, LDNS_RR_TYPE_RRSIG))
        for (uint32_t i : sigs->records) {
          auto s = decode_rrsig(zone.rdata(zone.records[i]));
          if (!s || s->type_covered != LDNS_RR_TYPE_TLSA) continue;
          any = true;
          int64_t inc = serial_to_time(s->inception, now), exp = serial_to_time(s->expiration, now);
          if (inc <= now && now <= exp) {
            if (rrsig_verifies(zone, *set, zone.records[i], now)) valid = true;
            else bogus = true;
          }
          else if (inc > now && (!next_inception || inc < *next_inception)) next_inception = inc;
        }
      if (!any) {
        never = true;
        v.reasons.push_back(cat("the zone is signed offline but no RRSIG covers the TLSA RRset at ", owner_text,
                                "; sign the zone"));
      } else if (!valid && bogus) {
        never = true;
        v.reasons.push_back(cat("the RRSIG over the TLSA RRset at ", owner_text,
                                " does not verify with the zone's DNSKEYs; re-sign the zone"));
      } else if (!valid && next_inception) {
        safe_at = std::max(safe_at, *next_inception);
        v.reasons.push_back(cat("the RRSIG over the TLSA RRset becomes valid at ", format_time(*next_inception)));
      } else if (!valid) {
        never = true;
        v.reasons.push_back(cat("every RRSIG over the TLSA RRset at ", owner_text, " has expired; re-sign the zone"));
      } else {
        v.reasons.push_back("the TLSA RRset carries an RRSIG that verifies and is valid now");
      }
    }
  }
  v.safe = !never && safe_at <= now;
  if (!v.safe && !never) v.earliest = safe_at;

  if (std::string err = save_state(ws, hist, now); !err.empty()) throw Failure(err);

  std::string label = cat(spec.host, ':', spec.port);
  if (o.format == "json") {
    std::cout << "{\"version\":1,\"service\":\"" << json_escape(label) << "\",\"owner\":\"" << json_escape(owner_text)
              << "\",\"safe\":" << (v.safe ? "true" : "false") << ",\"earliest_safe_time\":"
              << (v.safe ? cat('"', format_time(now), '"') : v.earliest ? cat('"', format_time(*v.earliest), '"') : "null")
              << ",\"reasons\":[";
    for (size_t i = 0; i < v.reasons.size(); ++i)
      std::cout << (i ? "," : "") << '"' << json_escape(v.reasons[i]) << '"';
    std::cout << "]}\n";
  } else {
    if (v.safe) std::cout << "safe: " << label << " may switch to its next key now\n";
    else if (v.earliest) std::cout << "not yet: " << label << ": earliest safe time " << format_time(*v.earliest) << '\n';
    else std::cout << "not yet: " << label << ": no safe time until the zone is fixed\n";
    for (const std::string& r : v.reasons) std::cout << "  " << r << '\n';
  }
  return v.safe ? kExitOk : kExitFindings;
}

}  // namespace

void setup_rollover(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RolloverOptions>();
  auto* cmd = app.add_subcommand("rollover-check", "Is it safe now to switch a service to its next key?");
  cmd->add_option("--service", o->service, "The service: HOST[:PORT] (port 25 by default)");
  cmd->add_option("--proto", o->proto, "Transport of the TLSA owner")->check(CLI::IsMember({"tcp", "udp", "sctp"}));
  cmd->add_option("--next-key", o->next_keys, "Next key, certificate or CSR (overrides next_keys of [[service]])");
  cmd->add_option("--zone", o->zone, "The zone file as published (default: the [[zone]] holding the TLSA owner)");
  cmd->add_option("--origin", o->origin, "Origin of --zone when it has no SOA or $ORIGIN");
  cmd->add_option("--signing", o->signing, "offline (check RRSIGs; default) or online")
      ->check(CLI::IsMember({"offline", "online"}));
  cmd->add_option("--state", o->state, "State file recording when each TLSA record was first seen (updated)");
  cmd->add_option("--published-since", o->published_since, "The zone as given has been published since this time");
  cmd->add_option("--min-wait", o->min_wait, "Floor for the wait after publication (default 48h)");
  cmd->add_option("--now", o->now, "Evaluation time: RFC 3339, YYYYMMDDHHMMSS or epoch seconds");
  cmd->add_option("-c,--config", o->config, "Config file (default: discover danelint.toml)");
  cmd->add_flag("--no-config", o->no_config, "Do not read any config file");
  cmd->add_option("-f,--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([o, &exit_code] {
    try {
      exit_code = run(*o);
    } catch (const ConfigError& e) {
      std::cerr << e.what() << '\n';
      exit_code = kExitUsage;
    } catch (const Failure& e) {
      std::cerr << "danelint: error: " << e.what() << '\n';
      exit_code = kExitUsage;
    }
  });
}

}  // namespace danelint::cli
