#!/usr/bin/env bash
# `danelint gen -f nsupdate` applied to a real BIND named (tests/fixtures/named.sh) with nsupdate -k,
# nsupdate -y and Knot's knsupdate; dig then must show exactly the wanted TLSA RRset.
set -u
BIN=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
for t in openssl nsupdate dig; do command -v $t >/dev/null || { echo "skip: $t missing"; exit 77; }; done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# shellcheck source=tests/fixtures/gen_lib.sh
source "$HERE/../fixtures/gen_lib.sh"
# shellcheck source=tests/fixtures/named.sh
source "$HERE/../fixtures/named.sh"
KEYTYPES="p256"
make_pki "$T"
genkey ed25519 next.key
genkey p384 third.key
spki() { openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }
CUR=$(spki p256.key); NEXT=$(spki next.key); THIRD=$(spki third.key)

named_start example.com; rc=$?
[[ $rc == 77 ]] && { echo "skip: named not available"; exit 77; }
[[ $rc == 0 ]] || { echo "FAIL: named did not start"; exit 1; }
echo "named on 127.0.0.1:$NAMED_PORT"

rrset() {  # OWNER: the TLSA RRset as "u s m hex" lines, sorted
  dig +short +norec @127.0.0.1 -p "$NAMED_PORT" "$1" TLSA | tr 'A-F' 'a-f' |
    awk '{d=""; for (i=4;i<=NF;i++) d=d $i; print $1, $2, $3, d}' | sort
}
want() { printf '%s\n' "$@" | sort; }

# 1. current + next via nsupdate -k (server line from --server, zone line from --zone)
"$BIN" gen --cert p256.fullchain.pem --next-key next.key --host mx.example.com --host mx2.example.com \
  -f nsupdate --server "127.0.0.1 $NAMED_PORT" --zone example.com >u1.txt || bad "gen nsupdate 1"
nsupdate -k "$NAMED_KEYFILE" u1.txt || bad "nsupdate -k rejected the script"
check "RRset after current+next (mx)" "$(want "3 1 1 $CUR" "3 1 1 $NEXT")" "$(rrset _25._tcp.mx.example.com)"
check "RRset after current+next (mx2)" "$(want "3 1 1 $CUR" "3 1 1 $NEXT")" "$(rrset _25._tcp.mx2.example.com)"

# 2. the switch: next becomes current, a third key is pre-published; the old record must disappear
"$BIN" gen --key next.key --next-key third.key --host mx.example.com -f nsupdate \
  --server "127.0.0.1#$NAMED_PORT" --tsig-key "$NAMED_TSIG" >u2.txt || bad "gen nsupdate 2"
grep -q '^key hmac-sha256:danelint-test ' u2.txt && ok || bad "key line missing"
nsupdate u2.txt || bad "nsupdate (key line) rejected the script"
check "RRset replaced, stale record gone" "$(want "3 1 1 $NEXT" "3 1 1 $THIRD")" "$(rrset _25._tcp.mx.example.com)"
check "other host untouched" "$(want "3 1 1 $CUR" "3 1 1 $NEXT")" "$(rrset _25._tcp.mx2.example.com)"

# 3. nsupdate -y with a script that has no server/zone lines (given on stdin after a server line)
"$BIN" gen --cert p256.crt --host mx.example.com -m SHA2-512 -f nsupdate >u3.txt || bad "gen nsupdate 3"
{ echo "server 127.0.0.1 $NAMED_PORT"; cat u3.txt; } | nsupdate -y "$NAMED_TSIG" || bad "nsupdate -y rejected the script"
C512=$(openssl pkey -in p256.key -pubout -outform DER | openssl dgst -sha512 -r | cut -d' ' -f1)
check "RRset after nsupdate -y" "3 1 2 $C512" "$(rrset _25._tcp.mx.example.com)"

# 4. Knot's knsupdate accepts the same script
if command -v knsupdate >/dev/null; then
  "$BIN" gen --cert p256.fullchain.pem --next-key third.key --host mx.example.com -f nsupdate \
    --server "127.0.0.1 $NAMED_PORT" --zone example.com. >u4.txt || bad "gen nsupdate 4"
  knsupdate -y "$NAMED_TSIG" u4.txt || bad "knsupdate rejected the script"
  check "RRset after knsupdate" "$(want "3 1 1 $CUR" "3 1 1 $THIRD")" "$(rrset _25._tcp.mx.example.com)"
  # DANE-TA full certificate (long RDATA) and a key line through knsupdate (which needs --zone)
  "$BIN" gen --cert p256.fullchain.pem -u 2 -s 0 -m 0 --host mx.example.com -f nsupdate \
    --server "127.0.0.1 $NAMED_PORT" --zone example.com --tsig-key "$NAMED_TSIG" >u5.txt 2>/dev/null || bad "gen nsupdate 5"
  knsupdate u5.txt || bad "knsupdate rejected the key line or a long record"
  check "RRset after knsupdate 2 0 0" "2 0 0 $(openssl x509 -in int.crt -outform DER | od -An -v -tx1 | tr -d ' \n')" \
    "$(rrset _25._tcp.mx.example.com)"
else
  skip "knsupdate not installed"
fi

# 5. the TSIG key really is checked: an update signed with a wrong secret is refused
"$BIN" gen --cert p256.crt --host mx.example.com -f nsupdate --server "127.0.0.1 $NAMED_PORT" \
  --tsig-key "hmac-sha256:danelint-test:$(printf 'x%.0s' {1..32} | base64)" >u6.txt
nsupdate u6.txt >/dev/null 2>&1 && bad "named accepted an update signed with a wrong key" || ok

named_stop
finish
