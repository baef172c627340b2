#!/usr/bin/env bash
# End-to-end behaviour of `danelint lint` that scripts rely on: exit codes, streams, formats, config.
source "$(dirname "$0")/lib.sh" "$1"
cd "$TMP"
H=$(printf 'ab%.0s' {1..32})
H2=$(printf 'cd%.0s' {1..32})
base() {  # a small, correct unsigned zone: 5 lines
  printf '$ORIGIN example.\n@ 3600 IN SOA ns hostmaster 1 7200 3600 1209600 300\n  3600 IN NS ns\nns 3600 IN A 192.0.2.1\nmx 3600 IN A 192.0.2.25\n'
}
{ base; echo "_25._tcp.mx 3600 IN TLSA 3 1 1 $H"; echo "_25._tcp.mx 3600 IN TLSA 3 1 1 $H2"; } >clean.zone
{ base; echo "_25._tcp.mx 3600 IN TLSA 3 0 1 $H"; echo "_25._tcp.mx 3600 IN TLSA 3 1 1 $H2"; } >warn.zone
{ base; echo "_25._tcp.mx 3600 IN TLSA 1 1 1 $H"; echo "_25._tcp.mx 3600 IN TLSA 3 1 1 $H2"; } >err.zone

expect_exit 0 "clean zone" -- "$BIN" lint --no-config clean.zone
expect_in "$TMP/out" '^no findings in 1 zone$' "clean zone says so"
expect_exit 0 "warnings only, default --fail-on error" -- "$BIN" lint --no-config warn.zone
expect_exit 1 "warnings with --fail-on warning" -- "$BIN" lint --no-config --fail-on warning warn.zone
expect_exit 1 "an error finding" -- "$BIN" lint --no-config err.zone
expect_in "$TMP/out" '^err.zone:6: error: .* \[SMTP001 smtp-pkix-usage\]$' "text format is file:line: severity: message [code name]"
expect_in "$TMP/out" '^1 error, 0 warnings, 0 info$' "summary line"
expect_exit 0 "--select limits the rules" -- "$BIN" lint --no-config --select TLSA err.zone
expect_exit 0 "--ignore by name" -- "$BIN" lint --no-config --ignore smtp-pkix-usage err.zone
expect_exit 2 "unknown --select" -- "$BIN" lint --no-config --select NOPE err.zone
expect_in "$TMP/err" "unknown rule or rule family 'NOPE'" "unknown rule named on stderr"
expect_exit 2 "unknown flag" -- "$BIN" lint --frobnicate err.zone
expect_exit 2 "bad --format" -- "$BIN" lint --no-config --format yaml err.zone
expect_exit 2 "bad --now" -- "$BIN" lint --no-config --now yesterday err.zone
expect_exit 2 "bad --fail-on" -- "$BIN" lint --no-config --fail-on fatal err.zone
expect_exit 2 "no subcommand" -- "$BIN"
expect_exit 2 "no input" -- "$BIN" lint --no-config
expect_exit 2 "unreadable zone" -- "$BIN" lint --no-config missing.zone
expect_in "$TMP/err" '^missing.zone: error: cannot read missing.zone' "one-line error naming the file"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && pass "exactly one stderr line" || fail "stderr has $(wc -l <"$TMP/err") lines"
mkdir adir
expect_exit 2 "a directory given as zone" -- "$BIN" lint --no-config adir
expect_exit 0 "--help" -- "$BIN" lint --help
expect_in "$TMP/out" '--fail-on' "--help on stdout"
expect_exit 0 "--version" -- "$BIN" --version
expect_in "$TMP/out" '^danelint [0-9]+\.[0-9]+\.[0-9]+$' "--version first line"
expect_in "$TMP/out" '^ldns 1\.' "--version names ldns"
expect_in "$TMP/out" '^OpenSSL 3' "--version names OpenSSL"

# JSON: valid, complete, and DANELINT_FORMAT selects it.
expect_exit 1 "json format" -- "$BIN" lint --no-config --format json err.zone
python3 - "$TMP/out" <<'PY' && pass "json document has the documented fields" || fail "json fields"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1
f = d["findings"][0]
for k in ("code", "name", "severity", "file", "line", "end_line", "owner", "type", "message"):
    assert k in f, k
assert f["code"] == "SMTP001" and f["line"] == 6 and f["owner"] == "_25._tcp.mx.example." and f["type"] == "TLSA"
assert d["summary"]["errors"] == 1 and d["summary"]["zones"][0]["origin"] == "example."
assert d["summary"]["zones"][0]["origin_source"] == "SOA"
PY
DANELINT_FORMAT=json "$BIN" lint --no-config err.zone >"$TMP/env.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/env.json" && pass "DANELINT_FORMAT=json" || fail "DANELINT_FORMAT"

# --now formats agree.
sig='example. 3600 IN RRSIG SOA 13 1 3600 20300101000000 20250101000000 1 example. AAAA'
echo "$sig" >sig.zone
for t in 2030-01-01T00:00:01Z 20300101000001 1893456001 2030-01-01T01:00:01+01:00; do
  expect_exit 1 "--now $t is after expiry" -- "$BIN" lint --no-config --origin example. --select SIG001 --now "$t" sig.zone
done
expect_exit 0 "--now at expiry is still valid" -- "$BIN" lint --no-config --origin example. --select SIG001 --now 2030-01-01T00:00:00Z sig.zone

# Config: discovery, --config, --no-config, errors with file:line:col, flags over file.
mkdir -p repo/.git repo/zones
cp err.zone repo/zones/
printf '[lint]\nignore = ["SMTP"]\n' >repo/danelint.toml
(cd repo/zones && "$BIN" lint err.zone >/dev/null); [ $? -eq 0 ] && pass "config discovered from a subdirectory" || fail "config discovery"
(cd repo/zones && "$BIN" lint --no-config err.zone >/dev/null); [ $? -eq 1 ] && pass "--no-config ignores it" || fail "--no-config"
(cd repo/zones && "$BIN" lint --select SMTP --ignore TLSA err.zone >/dev/null); [ $? -eq 0 ] && pass "config ignore kept with flags" || fail "ignore merge"
printf '[lint]\nfail-on = "warning"\nbogus = 1\n' >bad.toml
expect_exit 2 "unknown config key" -- "$BIN" lint --config bad.toml clean.zone
expect_in "$TMP/err" '^bad.toml:3:1: error: unknown key' "config error has file:line:col"
printf '[lint]\nfail-on = "warning"\n' >warn.toml
expect_exit 1 "fail-on from config" -- "$BIN" lint --config warn.toml warn.zone
expect_exit 0 "--fail-on flag overrides config" -- "$BIN" lint --config warn.toml --fail-on error warn.zone
expect_exit 2 "missing --config file" -- "$BIN" lint --config nope.toml clean.zone

# rules / explain
expect_exit 0 "rules" -- "$BIN" rules
expect_in "$TMP/out" '^SIG001 +rrsig-expired +error' "rules lists codes, names, severities"
expect_exit 0 "rules -f json" -- "$BIN" rules -f json
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) > 10' "$TMP/out" && pass "rules json parses" || fail "rules json"
expect_exit 0 "explain by name" -- "$BIN" explain rrsig-expired
expect_in "$TMP/out" '^# SIG001 rrsig-expired \(error\)$' "explain title"
expect_exit 0 "explain by code, any case" -- "$BIN" explain sig001
expect_exit 2 "explain unknown" -- "$BIN" explain nope
finish
