#!/bin/bash
# End to end: rollover history and the rollover-check gate, on keys made with openssl and zones signed
# with ldns-signzone. TLSA data is computed by an independent openssl pipeline (SPKI DER | SHA-256).
set -eu
BIN=$(realpath "$1")
SRC=$(pwd)/testdata/rollover
command -v openssl >/dev/null || { echo "openssl missing"; exit 77; }
command -v git >/dev/null || { echo "git missing"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp -r "$SRC"/. "$T"/
cd "$T"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expect_rc WANT CMD...
  local want=$1; shift
  local rc=0
  "$@" > out.txt 2> err.txt || rc=$?
  [ "$rc" = "$want" ] || { cat out.txt err.txt >&2; fail "exit $rc, want $want: $*"; }
}

mkdir keys
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out keys/a.key 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out keys/b.key 2>/dev/null
openssl pkey -in keys/b.key -pubout -out keys/next.pub
spki311() { openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }
A=$(spki311 keys/a.key); B=$(spki311 keys/b.key)
for v in v1 v2 v3; do sed -e "s/@A@/$A/" -e "s/@B@/$B/" $v.zone.in > $v.zone; done
NOW=2025-01-10T00:00:00Z

# ---- lint --previous: the server switches to b in the same step as b's record appears (v1 -> v3)
cp keys/b.key keys/served.key
cp v3.zone example.zone
expect_rc 1 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL --previous v1.zone
grep -q '"code":"ROLL003"' out.txt || fail "v1 -> v3 with b served: no ROLL003"
# the suggested record (gen/tlsa.hpp) equals the openssl pipeline's 3 1 1 for b
grep -q "\"suggestion\":\"_25._tcp.mx.example. 3600 IN TLSA 3 1 1 $B\"" out.txt || fail "suggestion differs from openssl: $(cat out.txt)"
grep -q '"code":"ROLL005"' out.txt && fail "ROLL005 for a key-only change"
# prepublished (v2 published), switch now: ROLL003 quiet, unless published too recently
cp v2.zone example.zone
expect_rc 0 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL003 --previous v2.zone
expect_rc 1 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL003 --previous v2.zone --published-since 2025-01-09T23:00:00Z
grep -q 'safe from 2025-01-10T01:00:00Z' out.txt || fail "published-since: wrong safe time: $(cat out.txt)"
# retiring a while the server still presents it (v2 published -> v3, a still served)
cp keys/a.key keys/served.key
cp v3.zone example.zone
expect_rc 1 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL004 --previous v2.zone
grep -q '"code":"ROLL004","name":"rollover-retire-early".*"file":"v2.zone","line":8' out.txt || fail "ROLL004 not at v2.zone:8: $(cat out.txt)"
expect_rc 2 "$BIN" lint -c danelint.toml --now $NOW --previous missing.zone
grep -q 'missing.zone' err.txt || fail "unreadable --previous not named"

# ---- certificates (selector 0): 3 0 1 <cert a> replaced by 3 1 1 <key b> in one step
openssl req -x509 -new -key keys/a.key -subj /CN=mx.example -days 30 -out keys/a.crt 2>/dev/null
openssl req -x509 -new -key keys/b.key -subj /CN=mx.example -days 30 -out keys/b.crt 2>/dev/null
A301=$(openssl x509 -in keys/a.crt -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)
sed -e "s/TLSA 3 1 1 @A@/TLSA 3 0 1 $A301/" v1.zone.in > c1.zone
sed -e 's/keys = \["keys\/served.key"\]/chains = ["keys\/served.crt"]/' danelint.toml > cert.toml
grep -q served.crt cert.toml || fail "cert.toml not made"
cp v3.zone example.zone
cp keys/a.crt keys/served.crt   # the server still presents cert a: retiring its record is early
expect_rc 1 "$BIN" lint -c cert.toml --now $NOW -f json --select ROLL --previous c1.zone
grep -q '"code":"ROLL004".*"file":"c1.zone","line":8' out.txt || fail "cert: no ROLL004 at c1.zone:8: $(cat out.txt)"
grep -q '"code":"ROLL005"' out.txt && fail "cert: ROLL005 while the old record still matches the served cert"
cp keys/b.crt keys/served.crt   # switched to b: key and parameters changed in one step
expect_rc 1 "$BIN" lint -c cert.toml --now $NOW -f json --select ROLL --previous c1.zone
grep -q '"code":"ROLL005"' out.txt || fail "cert: no ROLL005: $(cat out.txt)"
grep -q '"code":"ROLL003"' out.txt || fail "cert: no ROLL003: $(cat out.txt)"
grep -q '"code":"ROLL004"' out.txt && fail "cert: ROLL004 for a key no longer served"

# ---- lint --previous-rev: a pre-commit hook compares the staged zone with HEAD
git init -q repo
cp danelint.toml repo/; cp -r keys repo/
cp v1.zone repo/example.zone
(cd repo && git add -A && git -c user.name=t -c user.email=t@example commit -qm v1)
cp keys/b.key repo/keys/served.key
cp v3.zone repo/example.zone
(cd repo && expect_rc 1 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL --previous-rev HEAD)
grep -q '"code":"ROLL003"' repo/out.txt || fail "--previous-rev HEAD: no ROLL003"
# once v2 (a and b) is the committed, published version, switching to b with v3 staged is fine
cp v2.zone repo/example.zone
(cd repo && git add -A && git -c user.name=t -c user.email=t@example commit -qm v2 && cp ../v3.zone example.zone)
(cd repo && expect_rc 0 "$BIN" lint -c danelint.toml --now $NOW -f json --select ROLL003,ROLL004 --previous-rev HEAD)
(cd repo && expect_rc 2 "$BIN" lint -c danelint.toml --now $NOW --previous-rev no-such-rev)
grep -q "no-such-rev" repo/err.txt || fail "bad revision not named"
# a zone file new in this commit has no previous version: nothing to compare, no error
(cd repo && git mv example.zone old.zone && git -c user.name=t -c user.email=t@example commit -qm mv && cp old.zone example.zone)
(cd repo && expect_rc 0 "$BIN" lint -c danelint.toml --now $NOW --select ROLL003,ROLL004 --previous-rev HEAD)

# ---- --state: written atomically, deterministic, first-seen times kept
cp keys/a.key keys/served.key
cp v1.zone example.zone
expect_rc 0 "$BIN" lint -c danelint.toml --now 2025-01-01T00:00:00Z --select ROLL003 --state state.json
grep -q "\"tlsa\": \"3 1 1 $A\", \"first_seen\": \"2025-01-01T00:00:00Z\"" state.json || fail "state: $(cat state.json)"
cp state.json state.1
expect_rc 0 "$BIN" lint -c danelint.toml --now 2025-01-02T00:00:00Z --select ROLL003 --state state.json
cmp -s state.json state.1 || fail "state rewritten with different content"
cp v2.zone example.zone
expect_rc 0 "$BIN" lint -c danelint.toml --now 2025-01-03T00:00:00Z --select ROLL003 --state state.json
grep -q "\"tlsa\": \"3 1 1 $B\", \"first_seen\": \"2025-01-03T00:00:00Z\"" state.json || fail "state: b not added"
grep -q "\"tlsa\": \"3 1 1 $A\", \"first_seen\": \"2025-01-01T00:00:00Z\"" state.json || fail "state: a's time lost"
ls -a | grep -q '\.tmp\.' && fail "temporary file left behind"
# the server switches to b one hour after b appeared: too early
cp keys/b.key keys/served.key
expect_rc 1 "$BIN" lint -c danelint.toml --now 2025-01-03T01:00:00Z -f json --select ROLL003 --state state.json
grep -q '"code":"ROLL003"' out.txt || fail "state: no ROLL003 one hour after publication"
expect_rc 0 "$BIN" lint -c danelint.toml --now 2025-01-03T02:00:00Z -f json --select ROLL003 --state state.json
echo '{"version": 2}' > bad.json
expect_rc 2 "$BIN" lint -c danelint.toml --now $NOW --state bad.json
grep -q 'bad.json' err.txt || fail "bad state file not named"

# ---- rollover-check on an unsigned zone served by an online signer
cp v2.zone example.zone
RC=("$BIN" rollover-check -c danelint.toml --service mx.example)
expect_rc 0 "${RC[@]}" --now 2025-01-05T00:00:00Z --published-since 2025-01-03T00:00:00Z
grep -q '^safe: mx.example.:25' out.txt || fail "not safe: $(cat out.txt)"
expect_rc 1 "${RC[@]}" --now 2025-01-04T00:00:00Z --published-since 2025-01-03T00:00:00Z
grep -q 'earliest safe time 2025-01-05T00:00:00Z' out.txt || fail "earliest: $(cat out.txt)"
# a 1 d floor: safe exactly 24 h after publication, not a second before
expect_rc 0 "${RC[@]}" --now 2025-01-04T00:00:00Z --published-since 2025-01-03T00:00:00Z --min-wait 1d -f json
grep -q '"safe":true' out.txt || fail "1d floor: $(cat out.txt)"
expect_rc 1 "${RC[@]}" --now 2025-01-03T23:59:59Z --published-since 2025-01-03T00:00:00Z --min-wait 1d -f json
grep -q '"safe":false,"earliest_safe_time":"2025-01-04T00:00:00Z"' out.txt || fail "1d floor: $(cat out.txt)"
# with the state file: first seen now, safe 48 h later
rm -f gate.json
expect_rc 1 "${RC[@]}" --now 2025-01-03T00:00:00Z --state gate.json
grep -q 'earliest safe time 2025-01-05T00:00:00Z' out.txt || fail "state gate: $(cat out.txt)"
expect_rc 1 "${RC[@]}" --now 2025-01-04T23:59:59Z --state gate.json
expect_rc 0 "${RC[@]}" --now 2025-01-05T00:00:00Z --state gate.json
# next key not published (v1): not yet, earliest = now + wait
cp v1.zone example.zone
expect_rc 1 "${RC[@]}" --now 2025-01-05T00:00:00Z --published-since 2025-01-01T00:00:00Z
grep -q "has no TLSA record.*3 1 1 $B" out.txt || fail "missing next key: $(cat out.txt)"
# errors: no service, unreadable next key, unreadable zone, no publication time
expect_rc 2 "$BIN" rollover-check -c danelint.toml --now $NOW --published-since $NOW
expect_rc 2 "${RC[@]}" --next-key keys/missing.pub --published-since $NOW
grep -q 'keys/missing.pub' err.txt || fail "missing next key not named"
expect_rc 2 "${RC[@]}" --zone nope.zone --published-since $NOW
grep -q 'nope.zone' err.txt || fail "missing zone not named"
expect_rc 2 "${RC[@]}" --now $NOW
expect_rc 2 "${RC[@]}" --published-since yesterday

# ---- rollover-check on an offline-signed zone: the RRSIG over the TLSA RRset must be valid now
if command -v ldns-signzone >/dev/null && command -v ldns-keygen >/dev/null; then
  cp v2.zone signme.zone
  K=$(ldns-keygen -a ECDSAP256SHA256 -k example.)
  ldns-signzone -i 20250110000000 -e 20250210000000 -o example. signme.zone "$K" >/dev/null
  S=("$BIN" rollover-check --no-config --service mx.example --next-key keys/next.pub --signing offline --published-since 2025-01-01T00:00:00Z)
  expect_rc 0 "${S[@]}" --zone signme.zone.signed --now 2025-01-15T00:00:00Z
  expect_rc 1 "${S[@]}" --zone signme.zone.signed --now 2025-01-05T00:00:00Z
  grep -q 'earliest safe time 2025-01-10T00:00:00Z' out.txt || fail "RRSIG inception not honoured: $(cat out.txt)"
  expect_rc 1 "${S[@]}" --zone signme.zone.signed --now 2025-03-01T00:00:00Z
  grep -q 'no safe time' out.txt || fail "expired RRSIG: $(cat out.txt)"
  # a signature that does not verify (one base64 character of the TLSA RRSIG changed): never safe
  /usr/bin/python3 - <<'PY'
lines = open("signme.zone.signed").read().split("\n")
for i, l in enumerate(lines):
    f = l.split()
    if len(f) > 5 and f[3] == "RRSIG" and f[4] == "TLSA":
        sig = f[-1]
        f[-1] = sig[:10] + ("A" if sig[10] != "A" else "B") + sig[11:]
        lines[i] = "\t".join(f)
open("bogus.zone", "w").write("\n".join(lines))
PY
  expect_rc 1 "${S[@]}" --zone bogus.zone --now 2025-01-15T00:00:00Z
  grep -q 'does not verify' out.txt || fail "bogus RRSIG accepted: $(cat out.txt)"
  expect_rc 1 "${S[@]}" --zone v2.zone --now 2025-01-15T00:00:00Z
  grep -q 'no RRSIG covers the TLSA RRset' out.txt || fail "unsigned offline zone: $(cat out.txt)"
  expect_rc 0 "$BIN" rollover-check --no-config --service mx.example:25 --next-key keys/next.pub --signing online \
    --published-since 2025-01-01T00:00:00Z --zone v2.zone --now 2025-01-15T00:00:00Z
else
  echo "ldns-signzone missing: signed-zone checks skipped"
fi
echo ok
