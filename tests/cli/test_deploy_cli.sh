#!/usr/bin/env bash
# The deployment plumbing around the certificate rules: --service, the suggestion record, and the SPKI
# denylist of cert-stock-sample (built in, --spki-denylist, DANELINT_SPKI_DENYLIST, bad files).
set -u
BIN=$(realpath "$1")
SRC=$(cd "$(dirname "$0")/../.." && pwd)
command -v openssl >/dev/null || { echo "SKIP: no openssl"; exit 77; }
PY=/usr/bin/python3; [ -x $PY ] || PY=python3
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
cd "$T" || exit 1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout mx.key -out mx.pem -days 30 \
  -subj "/CN=mx.example.com" -addext basicConstraints=critical,CA:FALSE -addext subjectAltName=DNS:mx.example.com 2>/dev/null
spki=$(openssl x509 -in mx.pem -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -c1-64)
old=$(printf '%064d' 7)
cat > z.zone <<ZONE
\$ORIGIN example.com.
@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ 3600 IN NS ns1
mx 3600 IN A 192.0.2.25
_25._tcp.mx 3600 IN TLSA 3 1 1 $old
ZONE
NOW=2026-01-01T00:00:00Z

# --service without a config: stale record found, suggestion is the record openssl computes.
"$BIN" lint --no-config --now $NOW --format json z.zone --service mx.example.com=mx.pem > out.json
rc=$?
[ $rc -eq 1 ] || fail "--service: exit $rc, want 1"
sugg=$($PY -c 'import json; print([f.get("suggestion","") for f in json.load(open("out.json"))["findings"] if f["code"]=="TLSA018"][0])')
[ "$sugg" = "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $spki" ] || fail "suggestion '$sugg'"
grep -q '"file":"z.zone","line":5' out.json || fail "TLSA018 not at z.zone:5"

# With the right record: nothing from the deployment rules.
sed -i "s/$old/$spki/" z.zone
"$BIN" lint --no-config --now $NOW z.zone --service mx.example.com:25=mx.pem --select TLSA,CERT,SMTP > out.txt
rc=$?
[ $rc -eq 0 ] || { fail "clean --service: exit $rc"; cat out.txt; }

# SPKI denylist: flag, environment, bad file.
echo "$spki  # this test's key" > deny.txt
"$BIN" lint --no-config --now $NOW z.zone --service mx.example.com=mx.pem --select CERT003 --spki-denylist deny.txt > out.txt
[ $? -eq 1 ] && grep -q "SPKI denylist (deny.txt:1: this test's key)" out.txt || { fail "--spki-denylist"; cat out.txt; }
DANELINT_SPKI_DENYLIST=/nonexistent:deny.txt "$BIN" lint --no-config --now $NOW z.zone --service mx.example.com=mx.pem --select CERT003 > out.txt 2> err.txt
[ $? -eq 2 ] && grep -q "/nonexistent: cannot read SPKI denylist" err.txt || { fail "missing env denylist file"; cat err.txt; }
DANELINT_SPKI_DENYLIST=deny.txt "$BIN" lint --no-config --now $NOW z.zone --service mx.example.com=mx.pem --select CERT003 > out.txt
[ $? -eq 1 ] || fail "DANELINT_SPKI_DENYLIST"
echo "not-hex" > bad.txt
"$BIN" lint --no-config --now $NOW z.zone --service mx.example.com=mx.pem --spki-denylist bad.txt > out.txt 2> err.txt
[ $? -eq 2 ] && grep -q "bad.txt:1: expected a 64-digit hex" err.txt || { fail "bad denylist"; cat err.txt; }
printf '[lint]\nspki-denylist = ["deny.txt"]\n' > danelint.toml
"$BIN" lint --config danelint.toml --now $NOW z.zone --service mx.example.com=mx.pem --select CERT003 > out.txt
[ $? -eq 1 ] || fail "[lint] spki-denylist"

# The built-in list: a sample key shipped in a Debian package (python3-h2 examples), when installed.
h2=/usr/share/doc/python3-h2/examples/eventlet/server.crt
if [ -r $h2 ]; then
  "$BIN" lint --no-config --now $NOW z.zone --service mx.example.com=$h2 --select CERT003 > out.txt
  [ $? -eq 1 ] && grep -q "stock-spki.txt" out.txt || { fail "built-in denylist ($h2)"; cat out.txt; }
else
  echo "note: $h2 not installed; built-in denylist checked by the unit test only"
fi
# The shipped data file parses (every line a digest or a comment).
"$BIN" lint --no-config --now $NOW z.zone --spki-denylist "$SRC/data/stock-spki.txt" > /dev/null
[ $? -le 1 ] || fail "data/stock-spki.txt does not parse"

echo "deploy cli: $fails failures"
[ $fails -eq 0 ]
