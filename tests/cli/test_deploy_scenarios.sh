#!/usr/bin/env bash
# Deployment scenarios (testdata/deploy/<scenario>/): certificates made here with openssl, the zone's
# TLSA data computed with openssl (not with danelint), `danelint lint --format json` must report
# exactly the codes in `expect`, and for every `dane` line a real `openssl s_server` on 127.0.0.1
# serves the chain while `openssl s_client -dane_tlsa_*` checks it with the zone's records: OpenSSL
# must succeed exactly when danelint reports no matching/usage error for that chain.
# Usage: test_deploy_scenarios.sh DANELINT [SCENARIO...]
set -u
BIN=$(realpath "$1"); shift
SRC=$(cd "$(dirname "$0")/../.." && pwd)
command -v openssl >/dev/null || { echo "SKIP: no openssl"; exit 77; }
PY=/usr/bin/python3; [ -x $PY ] || PY=python3
T=$(mktemp -d)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
source "$SRC/tests/cli/deploy_pki.sh"
make_pki "$T/pki" || { echo "FAIL: cannot make the test PKI"; exit 1; }
for k in "$T"/pki/*.key; do  # SPKI digest -> key, to start s_server with the leaf's key
  echo "$(openssl pkey -in "$k" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-64) $k"
done > "$T/pki/keys.idx"
NOW=$(date +%s)
fails=0
fail() { echo "FAIL [$name]: $*"; fails=$((fails + 1)); }

# Codes that mean "the chain does not authenticate" (error severity only).
MATCH_ERRORS="TLSA012 TLSA013 TLSA014 TLSA016 TLSA017 TLSA018 TLSA021 TLSA022 SMTP003"

# danelint_says_broken JSON HOST CHAIN: 0 when danelint reports a matching/usage error for that chain.
danelint_says_broken() {
  $PY - "$1" "$2" "$3" "$MATCH_ERRORS" <<'PYEOF'
import json, sys
js, host, chain, codes = sys.argv[1], sys.argv[2].rstrip('.') + '.', sys.argv[3], sys.argv[4].split()
owner, label = '_25._tcp.' + host, host + ':25'
for f in json.load(open(js))['findings']:
    if f['code'] not in codes or f['severity'] != 'error': continue
    if f['file'] == chain: sys.exit(0)
    if f['code'] != 'TLSA021' and f['owner'] in (owner, label) and not f['file'].startswith('pki/'): sys.exit(0)
sys.exit(1)
PYEOF
}

# openssl_verdict HOST CHAIN ZONE ATTIME: "ok" or "fail" from a real handshake.
openssl_verdict() {
  local host=$1 chain=$2 zone=$3 at=$4 d; d=$(mktemp -d "$T/srv.XXXX")
  awk '/-----BEGIN CERTIFICATE-----/{i++} i==1{print > "'"$d"'/leaf.pem"} i>1{print > "'"$d"'/rest.pem"}' "$chain"
  local spki key; spki=$(openssl x509 -in "$d/leaf.pem" -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -c1-64)
  key=$(awk -v s="$spki" '$1 == s {print $2; exit}' "$T/pki/keys.idx")
  [ -n "$key" ] || { echo "nokey"; return; }
  local args=(-cert "$d/leaf.pem" -key "$key" -quiet -no-CAfile -no-CApath -no-CAstore)
  [ -s "$d/rest.pem" ] && args+=(-cert_chain "$d/rest.pem")
  local rr=() line
  while read -r line; do
    set -- $line
    [ "$1" = "_25._tcp.$host." ] && [ "$4" = TLSA ] || continue
    [ "$5" -lt 2 ] && continue  # RFC 7672 §3.1.3: an MTA ignores PKIX usages on port 25
    rr+=(-dane_tlsa_rrdata "$5 $6 $7 $8")
  done < "$zone"
  local port try ok=
  for try in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    timeout 60 openssl s_server -accept "127.0.0.1:$port" "${args[@]}" >"$d/server.log" 2>&1 < /dev/null &
    SERVER_PID=$!
    for _ in $(seq 50); do
      if ss -ltn "sport = :$port" 2>/dev/null | grep -q ":$port"; then ok=1; break; fi
      kill -0 $SERVER_PID 2>/dev/null || break
      sleep 0.1
    done
    [ -n "$ok" ] && break
    kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null; SERVER_PID=
  done
  [ -n "$ok" ] || { echo "noserver"; return; }
  local verdict=fail
  if timeout 20 openssl s_client -connect "127.0.0.1:$port" -servername "$host" -dane_tlsa_domain "$host" \
       "${rr[@]}" -dane_ee_no_namechecks -verify_return_error -no-CAfile -no-CApath -no-CAstore -attime "$at" \
       < /dev/null > "$d/client.log" 2>&1 && grep -q "Verify return code: 0 (ok)" "$d/client.log"; then
    verdict=ok
  fi
  kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null; SERVER_PID=
  echo $verdict
}

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=($(ls "$SRC/testdata/deploy"))
checked=0 crosschecked=0
for name in "${scenarios[@]}"; do
  dir=$T/s/$name
  mkdir -p "$dir" && cp "$SRC/testdata/deploy/$name/"* "$dir/" && ln -s "$T/pki" "$dir/pki"
  cd "$dir" || exit 1
  expand_zone zone.in example.com.zone
  now=$NOW
  grep -q '^now: +10d' expect && now=$((NOW + 10 * 86400))
  # These scenarios are about matching one key; a single key without a next one is rollover-no-next,
  # an info that testdata/rollover covers, so it is left out here.
  "$BIN" lint --config danelint.toml --format json --now "$now" --fail-on info --ignore rollover-no-next > out.json 2> err.txt
  rc=$?
  want=$(sed -n 's/^codes://p' expect | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ')
  got=$($PY -c 'import json,sys; print(" ".join(sorted({f["code"] for f in json.load(open("out.json"))["findings"]})))' 2>/dev/null)
  [ -n "$got" ] && got="$got "
  if [ "$want" != "$got" ]; then fail "codes: want '$want' got '$got'"; cat err.txt; $PY -m json.tool out.json | grep -E '"(code|message|suggestion)"'; fi
  if [ -z "$want" ] && [ $rc -ne 0 ]; then fail "clean scenario exit $rc"; fi
  if [ -n "$want" ] && [ $rc -ne 1 ]; then fail "exit $rc, want 1"; fi
  while read -r _ code level; do  # "severity CODE LEVEL": every finding of CODE has that severity
    $PY -c 'import json,sys; fs=[f for f in json.load(open("out.json"))["findings"] if f["code"]==sys.argv[1]]; sys.exit(not fs or any(f["severity"]!=sys.argv[2] for f in fs))' "$code" "$level" \
      || fail "$code is not reported as $level"
  done < <(grep '^severity ' expect)
  checked=$((checked + 1))
  while read -r _ host chain expected; do
    v=$(openssl_verdict "$host" "$chain" example.com.zone "$now")
    if danelint_says_broken out.json "$host" "$chain"; then dl=fail; else dl=ok; fi
    [ "$v" = "$expected" ] || fail "openssl s_client on $chain: $v, expected $expected"
    [ "$v" = "$dl" ] || fail "openssl says $v for $chain but danelint says $dl"
    crosschecked=$((crosschecked + 1))
  done < <(grep '^dane ' expect)
  cd "$T" || exit 1
done
echo "deploy scenarios: $checked checked, $crosschecked OpenSSL cross-checks, $fails failures"
[ $fails -eq 0 ]
