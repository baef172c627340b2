#!/usr/bin/env bash
# contrib/hooks end to end against a real BIND named (tests/fixtures/named.sh): for a certbot lineage, an
# acme.sh domain directory and a dehydrated certs directory, each renewed several times, the hook
# publishes current + next TLSA through nsupdate (dig must then show exactly that RRset), refuses a key
# switch whose key has not been published for 2 x TTL (exit 1, the earliest safe time printed, the old key
# stays installed), completes it once the time has passed, and leaves DNS untouched on a failed update.
set -u
BIN=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
HOOKS=$(realpath "$HERE/../../contrib/hooks")
for t in openssl nsupdate dig; do command -v $t >/dev/null || { echo "skip: $t missing"; exit 77; }; done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# shellcheck source=tests/fixtures/gen_lib.sh
source "$HERE/../fixtures/gen_lib.sh"
# shellcheck source=tests/fixtures/named.sh
source "$HERE/../fixtures/named.sh"
KEYTYPES="" make_pki "$T"   # root.crt, int.crt/int.key, leaf.ext

mkdir bin && ln -s "$BIN" bin/danelint
# nsupdate and dig through wrappers that log their arguments: the hooks must talk to the primary over
# TCP (nsupdate -v, dig +tcp)
printf '#!/bin/sh\necho "$*" >>"%s/nsupdate-args"\nexec nsupdate "$@"\n' "$T" >bin/nsupdate-logged
printf '#!/bin/sh\necho "$*" >>"%s/dig-args"\nexec dig "$@"\n' "$T" >bin/dig-logged
chmod +x bin/nsupdate-logged bin/dig-logged
export PATH="$T/bin:$PATH" NSUPDATE=nsupdate-logged DIG=dig-logged

named_start example.com; rc=$?
[[ $rc == 77 ]] && { echo "skip: named not available"; exit 77; }
[[ $rc == 0 ]] || { echo "FAIL: named did not start"; exit 1; }
echo "named on 127.0.0.1:$NAMED_PORT"

OWNER=_25._tcp.mx.example.com
export DANELINT_HOOK_CONFIG=/nonexistent DANELINT_HOSTS="mx.example.com mx2.example.com" DANELINT_ZONE=example.com \
  DANELINT_NS_SERVER=127.0.0.1 DANELINT_NS_PORT=$NAMED_PORT DANELINT_TSIG_KEYFILE=$NAMED_KEYFILE \
  DANELINT_TTL=3600 DANELINT_MIN_WAIT=1h   # the gate's wait is then 2 x TTL = 2 h

spki() { openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }
rrset() {  # [OWNER]
  dig +short +norec @127.0.0.1 -p "$NAMED_PORT" "${1:-$OWNER}" TLSA | tr 'A-F' 'a-f' |
    awk '{d=""; for (i=4;i<=NF;i++) d=d $i; print $1, $2, $3, d}' | sort
}
want() { for k in "$@"; do echo "3 1 1 $(spki "$k")"; done | sort -u; }
issue() {  # KEY OUTCERT OUTFULLCHAIN: a leaf for mx.example.com issued by the test intermediate
  openssl req -new -key "$1" -subj "/CN=mx.example.com" |
    openssl x509 -req -CA int.crt -CAkey int.key -CAcreateserial -days 90 -extfile leaf.ext -out "$2" 2>/dev/null
  cat "$2" int.crt >"$3"
}
# run_hook NAME WANT_EXIT NOW -- CMD...: runs a hook at time NOW, keeps its output in $OUT
run_hook() {
  local name=$1 want=$2 now=$3; shift 4
  OUT=$(DANELINT_NOW=$now "$@" 2>&1); local rc=$?
  [[ -n ${VERBOSE:-} ]] && echo "== $name (exit $rc)" && echo "$OUT"
  if [[ $rc == "$want" ]]; then ok; else bad "$name: exit $rc, want $want"; echo "$OUT" | sed 's/^/    /'; fi
}

# ---------------------------------------------------------------- certbot: $RENEWED_LINEAGE
certbot_step() {  # N KEY NEXT: archive/*N.pem, live/ symlinks as certbot makes them
  local a=$T/le/archive/mx.example.com l=$T/le/live/mx.example.com
  mkdir -p "$a" "$l"
  cp "$2" "$a/privkey$1.pem"; issue "$2" "$a/cert$1.pem" "$a/fullchain$1.pem"
  for f in privkey cert fullchain; do ln -sfn "../../archive/mx.example.com/$f$1.pem" "$l/$f.pem"; done
  cp "$3" "$T/le/next.key"
}
certbot_fullchain() { echo "$T/le/live/mx.example.com/fullchain.pem"; }
certbot_hook() {
  env RENEWED_LINEAGE="$T/le/live/mx.example.com" RENEWED_DOMAINS=mx.example.com DANELINT_NEXT_KEY="$T/le/next.key" \
    DANELINT_STATE_DIR="${STATE:-$T/state-certbot}" DANELINT_INSTALL_DIR="${INST:-$T/inst-certbot}" \
    DANELINT_RELOAD_CMD="echo reloaded >>'$T/reloads-certbot'" "$HOOKS/danelint-certbot-deploy"
}
# ---------------------------------------------------------------- acme.sh: reloadcmd environment
acmesh_step() {  # N KEY NEXT
  local d=$T/acme/mx.example.com
  mkdir -p "$d"
  cp "$2" "$d/mx.example.com.key"; cp "$3" "$d/mx.example.com.key.next"
  issue "$2" "$d/mx.example.com.cer" "$d/fullchain.cer"; cp int.crt "$d/ca.cer"
}
acmesh_fullchain() { echo "$T/acme/mx.example.com/fullchain.cer"; }
acmesh_hook() {  # acme.sh evals the reloadcmd in $DOMAIN_PATH with these variables exported
  local d=$T/acme/mx.example.com
  (cd "$d" && env CERT_PATH="$d/mx.example.com.cer" CERT_KEY_PATH="$d/mx.example.com.key" CA_CERT_PATH="$d/ca.cer" \
    CERT_FULLCHAIN_PATH="$d/fullchain.cer" Le_Domain=mx.example.com Le_Next_Domain_Key="$d/mx.example.com.key.next" \
    DANELINT_STATE_DIR="$T/state-acmesh" DANELINT_INSTALL_DIR="$T/inst-acmesh" "$HOOKS/danelint-acmesh-reload")
}
# ---------------------------------------------------------------- dehydrated: deploy_cert + privkey.roll.pem
dehydrated_step() {  # N KEY NEXT
  local d=$T/dehydrated/certs/mx.example.com ts=$((1700000000 + $1))
  mkdir -p "$d"
  cp "$2" "$d/privkey-$ts.pem"; issue "$2" "$d/cert-$ts.pem" "$d/fullchain-$ts.pem"; cp int.crt "$d/chain-$ts.pem"
  for f in privkey cert fullchain chain; do ln -sfn "$f-$ts.pem" "$d/$f.pem"; done
  cp "$3" "$d/privkey.roll.pem"
  DEHYDRATED_TS=$ts
}
dehydrated_fullchain() { echo "$T/dehydrated/certs/mx.example.com/fullchain.pem"; }
dehydrated_hook() {
  local d=$T/dehydrated/certs/mx.example.com
  env DANELINT_STATE_DIR="$T/state-dehydrated" DANELINT_INSTALL_DIR="$T/inst-dehydrated" \
    "$HOOKS/danelint-dehydrated-hook" deploy_cert mx.example.com "$d/privkey.pem" "$d/cert.pem" "$d/fullchain.pem" \
    "$d/chain.pem" "$DEHYDRATED_TS"
}

scenario() {  # CLIENT
  local c=$1
  genkey p256 "$c-A.key"; genkey p256 "$c-B.key"; genkey ed25519 "$c-C.key"; genkey p384 "$c-D.key"
  local A=$c-A.key B=$c-B.key C=$c-C.key D=$c-D.key inst=$T/inst-$c

  # 1. first deployment: current A, next B
  "${c}_step" 1 "$A" "$B"
  run_hook "$c first deployment" 0 2026-01-01T00:00:00Z -- "${c}_hook"
  check "$c: RRset after the first deployment is {A, B}" "$(want "$A" "$B")" "$(rrset)"
  check "$c: the second MX host has the same RRset" "$(want "$A" "$B")" "$(rrset _25._tcp.mx2.example.com)"
  check "$c: A installed" "$(spki "$A")" "$(spki "$inst/privkey.pem")"

  # 2. renewal 1 with the same key (reuse_key): nothing switches, RRset unchanged
  "${c}_step" 2 "$A" "$B"
  run_hook "$c renewal with the same key" 0 2026-01-01T00:30:00Z -- "${c}_hook"
  check "$c: RRset after a same-key renewal is {A, B}" "$(want "$A" "$B")" "$(rrset)"

  # 3. renewal 2 switches to B only 1 h after B was published: 2 x TTL = 2 h not reached -> refused
  "${c}_step" 3 "$B" "$C"
  run_hook "$c unsafe switch refused" 1 2026-01-01T01:00:00Z -- "${c}_hook"
  contains "$c: refusal names the earliest safe time" "$OUT" "not yet: mx.example.com.:25: earliest safe time 2026-01-01T02:00:00Z"
  check "$c: after the refusal the RRset is {A (deployed), B (pending), C (next)}" "$(want "$A" "$B" "$C")" "$(rrset)"
  check "$c: A still installed after the refusal" "$(spki "$A")" "$(spki "$inst/privkey.pem")"

  # 4. the same renewal retried after the earliest safe time: switch to B, A retired, C pre-published
  run_hook "$c safe switch" 0 2026-01-01T02:00:00Z -- "${c}_hook"
  check "$c: RRset after the switch is {B, C}" "$(want "$B" "$C")" "$(rrset)"
  check "$c: the second MX host after the switch" "$(want "$B" "$C")" "$(rrset _25._tcp.mx2.example.com)"
  check "$c: B installed" "$(spki "$B")" "$(spki "$inst/privkey.pem")"
  cmp -s "$inst/fullchain.pem" "$("${c}_fullchain")" && ok || bad "$c: the installed fullchain is not the renewed one"

  # 5. a switch to a key that was never published (D): refused, earliest = now + 2 x TTL
  "${c}_step" 4 "$D" "$C"
  run_hook "$c switch to an unpublished key refused" 1 2026-01-01T05:00:00Z -- "${c}_hook"
  contains "$c: unpublished key: earliest safe time" "$OUT" "earliest safe time 2026-01-01T07:00:00Z"
  contains "$c: unpublished key: the reason" "$OUT" "has no TLSA record at _25._tcp.mx.example.com"
  check "$c: RRset after the second refusal is {B, C, D}" "$(want "$B" "$C" "$D")" "$(rrset)"
  check "$c: the second MX host after the second refusal" "$(want "$B" "$C" "$D")" "$(rrset _25._tcp.mx2.example.com)"
  check "$c: B still installed" "$(spki "$B")" "$(spki "$inst/privkey.pem")"
}

for client in certbot acmesh dehydrated; do
  # each client starts as a new service: no TLSA records at the owner yet
  printf 'server 127.0.0.1 %s\nupdate delete %s. TLSA\nupdate delete _25._tcp.mx2.example.com. TLSA\nsend\n' \
    "$NAMED_PORT" "$OWNER" | nsupdate -v -k "$NAMED_KEYFILE" ||
    bad "clearing the RRset"
  scenario "$client"
done
check "certbot: the reload command ran once per accepted run" "3" "$(wc -l <"$T/reloads-certbot")"

# A failed update (wrong TSIG key) changes nothing: exit 2, RRset and installed key unchanged.
before=$(rrset)
certbot_step 5 certbot-D.key certbot-A.key
bad_tsig_hook() {
  DANELINT_TSIG_KEYFILE='' DANELINT_TSIG="hmac-sha256:danelint-test:$(printf 'x%.0s' {1..32} | base64)" certbot_hook
}
run_hook "bad TSIG key" 2 2026-01-02T00:00:00Z -- bad_tsig_hook
contains "bad TSIG key: says DNS is unchanged" "$OUT" "DNS unchanged"
check "bad TSIG key: RRset unchanged" "$before" "$(rrset)"
check "bad TSIG key: B still installed" "$(spki certbot-B.key)" "$(spki "$T/inst-certbot/privkey.pem")"

# Adopting a service whose TLSA records were published before the hook (here: dehydrated's {B, C, D}):
# a first run for a key those records do not cover refuses and leaves DNS alone ...
before=$(rrset)
adopt_hook() { STATE=$T/state-adopt INST=$T/inst-adopt certbot_hook; }
run_hook "adopt: first run, key not covered" 1 2026-01-02T00:00:00Z -- adopt_hook
contains "adopt: explains DANELINT_DEPLOYED_KEY" "$OUT" "Set DANELINT_DEPLOYED_KEY"
check "adopt: RRset unchanged" "$before" "$(rrset)"
[[ -e $T/inst-adopt/privkey.pem ]] && bad "adopt: something was installed" || ok
# ... and with DANELINT_DEPLOYED_KEY it keeps the served key and pre-publishes the new one (still refused)
adopt2_hook() { DANELINT_DEPLOYED_KEY=$T/dehydrated-D.key adopt_hook; }
run_hook "adopt: with the deployed key" 1 2026-01-02T00:00:00Z -- adopt2_hook
check "adopt: RRset is {served D, new key, next}" "$(want dehydrated-D.key certbot-D.key certbot-A.key)" "$(rrset)"
run_hook "adopt: switch after 2 x TTL" 0 2026-01-02T02:00:00Z -- adopt_hook
check "adopt: RRset after the switch" "$(want certbot-D.key certbot-A.key)" "$(rrset)"

# Missing configuration is an error before anything happens.
no_zone_hook() { DANELINT_ZONE='' certbot_hook; }
run_hook "no DANELINT_ZONE" 2 2026-01-02T00:00:00Z -- no_zone_hook
contains "no DANELINT_ZONE: message" "$OUT" "DANELINT_ZONE is not set"
# dehydrated: other handlers are ignored (or passed on)
run_hook "dehydrated other handler" 0 2026-01-02T00:00:00Z -- "$HOOKS/danelint-dehydrated-hook" startup_hook

# Every update went over TCP.
check "nsupdate calls logged" 1 "$([[ -s $T/nsupdate-args ]] && echo 1)"
check "every nsupdate call used TCP (-v)" 0 "$(grep -cv '^-v ' "$T/nsupdate-args")"
check "dig calls logged" 1 "$([[ -s $T/dig-args ]] && echo 1)"
check "every dig call used TCP (+tcp)" 0 "$(grep -cv '^+tcp ' "$T/dig-args")"

named_stop
finish
