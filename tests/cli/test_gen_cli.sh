#!/usr/bin/env bash
# `danelint gen` end to end: refusals, formats, --check, rollover sets, bad input, atomic -o, owners.
set -u
BIN=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
command -v openssl >/dev/null || { echo "skip: openssl missing"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# shellcheck source=tests/fixtures/gen_lib.sh
source "$HERE/../fixtures/gen_lib.sh"
KEYTYPES="p256 rsa2048"
make_pki "$T"
genkey p256 next.key
spki() { openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }
CUR=$(spki p256.key)
NEXT=$(spki next.key)

# ---- default 3 1 1, zone format with its comment ----
expect_exit 0 "zone default" -- "$BIN" gen --cert p256.fullchain.pem --key p256.key --host mx.example.com
check "zone line" "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $CUR" "$(cut -d' ' -f1-8 <<<"$OUT")"
contains "zone comment" "$OUT" "; current: p256.fullchain.pem (certificate, subject CN=mx.example.com, notAfter 20"
check "zone output is one line" 1 "$(wc -l <<<"$OUT")"

# ---- mnemonics, port, proto, ttl ----
expect_exit 0 "mnemonics" -- "$BIN" gen --cert p256.crt --host MX.Example.COM. -u DANE-EE -s SPKI -m SHA2-512 --port 465 --proto tcp --ttl 1h
check "owner/ttl/params" "_465._tcp.mx.example.com. 3600 IN TLSA 3 1 2" "$(cut -d' ' -f1-7 <<<"$OUT")"
expect_exit 2 "bad usage mnemonic" -- "$BIN" gen --cert p256.crt --host mx.example.com -u DANE-XX
expect_exit 2 "private-use matching" -- "$BIN" gen --cert p256.crt --host mx.example.com -m 255
expect_exit 2 "bad ttl" -- "$BIN" gen --cert p256.crt --host mx.example.com --ttl 99999999999
expect_exit 2 "no host" -- "$BIN" gen --cert p256.crt

# ---- host validation ----
for h in "mx_1.example.com" "-mx.example.com" "ab--cd.example.com" "bücher.example" "a..b" "192.0.2.1" \
         "$(printf 'a%.0s' {1..64}).example" "$(printf 'abcdefghij.%.0s' {1..24})example"; do
  expect_exit 2 "host '$h' refused" -- "$BIN" gen --cert p256.crt --host "$h"
  contains "host '$h' names the option" "$ERR" "--host"
done
expect_exit 0 "A-label accepted" -- "$BIN" gen --cert p256.crt --host xn--bcher-kva.example
contains "A-label owner" "$OUT" "_25._tcp.xn--bcher-kva.example. "

# ---- refusals: exit 2, reason, code and name; --force does not override severity-E rules ----
expect_exit 2 "usage 2 on a lone leaf" -- "$BIN" gen --cert p256.crt --host mx.example.com -u 2
contains "TLSA012 named" "$ERR" "[TLSA012 tlsa-usage2-matches-ee]"
[[ -z $OUT ]] && ok || bad "refusal printed records"
expect_exit 2 "usage 2 --ta-depth 0" -- "$BIN" gen --cert p256.fullchain.pem --host mx.example.com -u 2 --ta-depth 0
contains "TLSA012 depth 0" "$ERR" "TLSA012"
expect_exit 2 "usage 2 --force still refused" -- "$BIN" gen --cert p256.crt --host mx.example.com -u 2 --force
contains "force explained" "$ERR" "--force does not override TLSA012"
expect_exit 2 "usage 3 on a CA" -- "$BIN" gen --cert int.crt --host mx.example.com -u 3
contains "TLSA013 named" "$ERR" "[TLSA013 tlsa-usage3-matches-ca]"
expect_exit 2 "usage 3 on a root CA" -- "$BIN" gen --cert root.crt --host mx.example.com
contains "TLSA013 root" "$ERR" "TLSA013"
for u in 0 1 PKIX-TA PKIX-EE; do
  expect_exit 2 "usage $u on port 25" -- "$BIN" gen --cert p256.fullchain.pem --host mx.example.com -u $u
  contains "SMTP001 named ($u)" "$ERR" "[SMTP001 smtp-pkix-usage]"
done
expect_exit 0 "usage 1 on port 443" -- "$BIN" gen --cert p256.fullchain.pem --host www.example.com -p 443 -u 1
expect_exit 2 "key mismatch" -- "$BIN" gen --cert p256.crt --key rsa2048.key --host mx.example.com
contains "CERT001 named" "$ERR" "[CERT001 cert-key-mismatch]"
contains "CERT001 names the key file" "$ERR" "rsa2048.key"
cat p256.crt rsa2048.key >combined.pem
expect_exit 2 "key mismatch in one file" -- "$BIN" gen --cert combined.pem --host mx.example.com
contains "CERT001 combined" "$ERR" "CERT001"
cat int.crt p256.crt root.crt >outoforder.pem
expect_exit 2 "chain out of order" -- "$BIN" gen --cert outoforder.pem --host mx.example.com
contains "chain order reason" "$ERR" "outoforder.pem:"
contains "chain order code" "$ERR" "[CERT004 cert-chain-order]"
cat p256.crt root.crt >gap.pem
expect_exit 2 "chain with a gap" -- "$BIN" gen --cert gap.pem --host mx.example.com
contains "chain gap" "$ERR" "did not issue"
# a self-signed leaf with CA:TRUE (openssl req -x509 default) is served as-is: warning, not refusal
expect_exit 0 "self-signed CA:TRUE leaf" -- "$BIN" gen --cert p256.ss.crt --host mx.example.com
contains "CERT005 warning" "$ERR" "warning:"
# warnings for risky but valid parameters
expect_exit 0 "3 0 1 warns" -- "$BIN" gen --cert p256.crt --host mx.example.com -s 0
contains "TLSA009 warning" "$ERR" "[TLSA009 daneee-selector-cert]"

# usage 2 with a file that holds only a CA certificate: that certificate is the trust anchor
expect_exit 0 "usage 2 on a lone CA" -- "$BIN" gen --cert int.crt --host mx.example.com -u 2
check "usage 2 lone CA data" "$(spki int.key)" "$(awk '{print $8}' <<<"$OUT")"
expect_exit 0 "usage 2 next CA" -- "$BIN" gen --cert p256.fullchain.pem --next-key root.crt --host mx.example.com -u 2
check "usage 2 current + next CA" "$(spki int.key) $(spki root.key)" "$(awk '{print $8}' <<<"$OUT" | tr '\n' ' ' | sed 's/ $//')"
expect_exit 2 "usage 2 on a self-signed leaf" -- "$BIN" gen --cert p256.ss.crt --host mx.example.com -u 2
contains "usage 2 self-signed leaf" "$ERR" "TLSA012"
expect_exit 2 "--ta-subject not in chain" -- "$BIN" gen --cert p256.fullchain.pem --host mx.example.com -u 2 --ta-subject CN=nobody
expect_exit 2 "--ta-depth beyond the chain" -- "$BIN" gen --cert p256.fullchain.pem --host mx.example.com -u 2 --ta-depth 3
expect_exit 2 "--ta-depth with usage 3" -- "$BIN" gen --cert p256.fullchain.pem --host mx.example.com --ta-depth 1

# ---- hostile sizes: many PEM blocks are handled quickly; huge files are refused ----
C=$(cat p256.crt); printf -- "$C\n%.0s" $(seq 3000) >many.pem
start=$(date +%s)
expect_exit 2 "3000 certificates" -- "$BIN" gen --cert many.pem --host mx.example.com
contains "3000 certificates: chain order" "$ERR" "many.pem:"
(( $(date +%s) - start < 20 )) && ok || bad "3000 certificates took too long"
head -c 17000000 /dev/zero >huge.der
expect_exit 2 "huge file" -- "$BIN" gen --cert huge.der --host mx.example.com
contains "huge file message" "$ERR" "huge.der: larger than"

# ---- formats ----
"$BIN" gen --cert p256.crt --next-key next.key --host mx.example.com --host mx2.example.com -f zone >zone.out 2>/dev/null
expect_exit 0 "rfc3597" -- "$BIN" gen --cert p256.crt --next-key next.key --host mx.example.com --host mx2.example.com -f rfc3597
check "rfc3597 line" "_25._tcp.mx.example.com. 3600 IN TYPE52 \\# 35 030101$CUR" "$(head -1 <<<"$OUT" | cut -d' ' -f1-7)"
printf '%s\n' "$OUT" >generic.out
if command -v named-checkzone >/dev/null; then
  for f in zone generic; do
    { echo '$TTL 3600'; echo '@ SOA ns.example.com. h.example.com. 1 2 3 4 5'; echo '@ NS ns.example.com.'; echo 'ns A 192.0.2.1'; cat $f.out; } >z.$f
    named-checkzone -q -D -o canon.$f example.com z.$f >/dev/null 2>&1 || bad "named-checkzone rejects the $f output"
    grep TLSA canon.$f | sort >tlsa.$f
  done
  check "zone and rfc3597 outputs are the same RRsets" "$(cat tlsa.zone)" "$(cat tlsa.generic)"
  check "four TLSA records" 4 "$(wc -l <tlsa.zone)"
fi
expect_exit 0 "json" -- "$BIN" gen --cert p256.crt --next-key next.key --host mx.example.com -f json
printf '%s\n' "$OUT" >out.json
J=$(/usr/bin/python3 - out.json <<'EOF'
import json, sys
recs = json.load(open(sys.argv[1]))
print(len(recs), ",".join(f"{r['owner']}|{r['ttl']}|{r['usage']}{r['selector']}{r['matching_type']}|{r['role']}|{r['source']}|{r['data'][:8]}" for r in recs))
EOF
)
check "json fields" "2 _25._tcp.mx.example.com.|3600|311|current|p256.crt|${CUR:0:8},_25._tcp.mx.example.com.|3600|311|next|next.key|${NEXT:0:8}" "$J"
expect_exit 0 "nsupdate" -- "$BIN" gen --cert p256.crt --next-key next.key --host mx.example.com -f nsupdate --server 127.0.0.1:5353 --zone example.com
check "nsupdate script" "server 127.0.0.1 5353
zone example.com
update delete _25._tcp.mx.example.com. IN TLSA
update add _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $CUR
update add _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $NEXT
send" "$(grep -v '^;' <<<"$OUT")"
contains "nsupdate role comments" "$OUT" "; next: next.key (private key EC-prime256v1)"
expect_exit 2 "nsupdate option injection" -- "$BIN" gen --cert p256.crt --host mx.example.com -f nsupdate --zone $'example.com\nupdate delete example.com.'
expect_exit 2 "nsupdate zone mismatch" -- "$BIN" gen --cert p256.crt --host mx.example.org -f nsupdate --zone example.com
expect_exit 2 "--server without nsupdate" -- "$BIN" gen --cert p256.crt --host mx.example.com --server 127.0.0.1
expect_exit 2 "unknown format" -- "$BIN" gen --cert p256.crt --host mx.example.com -f yaml
# deterministic: host order and repetition do not change the output
A=$("$BIN" gen --cert p256.crt --host b.example.com --host a.example.com --host b.example.com 2>&1)
B=$("$BIN" gen --cert p256.crt --host a.example.com --host b.example.com 2>&1)
check "deterministic order" "$B" "$A"

# ---- rollover sets: --next-key, certbot lineage, dehydrated privkey.roll.pem, acme.sh next key ----
mkdir -p live/mx.example.com
cp p256.fullchain.pem live/mx.example.com/fullchain.pem
cp p256.key live/mx.example.com/privkey.pem
expect_exit 0 "certbot lineage" -- "$BIN" gen --certbot-lineage live/mx.example.com --host mx.example.com
check "lineage current only" "1 $CUR" "$(wc -l <<<"$OUT") $(awk '{print $8}' <<<"$OUT")"
cp next.key live/mx.example.com/privkey.roll.pem
expect_exit 0 "dehydrated roll key" -- "$BIN" gen --certbot-lineage live/mx.example.com --host mx.example.com
check "lineage current+next" "$CUR current $NEXT next" "$(awk '{print $8, substr($10, 1, length($10)-1)}' <<<"$OUT" | tr '\n' ' ' | sed 's/ $//')"
openssl ecparam -name prime256v1 -genkey -out acme.key.next 2>/dev/null   # acme.sh style: EC PARAMETERS + EC PRIVATE KEY
expect_exit 0 "acme.sh next key" -- "$BIN" gen --cert p256.fullchain.pem --key p256.key --next-key acme.key.next --host mx.example.com
check "acme.sh next key record" "$(spki acme.key.next)" "$(awk 'NR==2 {print $8}' <<<"$OUT")"
expect_exit 0 "next key equal to current adds nothing" -- "$BIN" gen --cert p256.crt --next-key p256.key --host mx.example.com
check "reused key: one record" 1 "$(wc -l <<<"$OUT")"
expect_exit 0 "key only (pre-publish)" -- "$BIN" gen --key next.key --host mx.example.com -m 2
contains "key only comment" "$OUT" "(private key EC-prime256v1)"
expect_exit 2 "key only selector 0" -- "$BIN" gen --key next.key --host mx.example.com -s 0
contains "key only selector 0 reason" "$ERR" "selector 0"

# ---- bad input: one line naming the file (and PEM line), exit 2, nothing on stdout ----
head -n 5 p256.crt >trunc.pem
expect_exit 2 "truncated PEM" -- "$BIN" gen --cert trunc.pem --host mx.example.com
check "truncated PEM message" "danelint: error: trunc.pem:1: truncated PEM block (no END line for CERTIFICATE)" "$ERR"
{ echo "# comment"; echo; sed '5s/./#/' p256.crt; } >corrupt.pem
expect_exit 2 "corrupt PEM" -- "$BIN" gen --cert corrupt.pem --host mx.example.com
contains "corrupt PEM line" "$ERR" "corrupt.pem:3:"
head -c 300 /dev/urandom >junk.der
expect_exit 2 "DER junk" -- "$BIN" gen --cert junk.der --host mx.example.com
contains "DER junk message" "$ERR" "junk.der: not a PEM or DER"
openssl x509 -in p256.crt -outform DER | head -c 200 >short.der
expect_exit 2 "truncated DER" -- "$BIN" gen --cert short.der --host mx.example.com
: >empty.pem
expect_exit 2 "empty file" -- "$BIN" gen --cert empty.pem --host mx.example.com
contains "empty file message" "$ERR" "empty.pem: empty file"
expect_exit 2 "missing file" -- "$BIN" gen --cert nope.pem --host mx.example.com
contains "missing file message" "$ERR" "nope.pem: cannot read"
expect_exit 2 "directory" -- "$BIN" gen --cert live --host mx.example.com
openssl pkey -in p256.key -aes256 -passout pass:s3cret -out enc.key
expect_exit 2 "encrypted key without passphrase" -- "$BIN" gen --key enc.key --host mx.example.com
contains "encrypted key message" "$ERR" "enc.key:1: private key is encrypted"
expect_exit 2 "wrong passphrase" -- "$BIN" gen --key enc.key --passin pass:wrong --host mx.example.com
contains "wrong passphrase message" "$ERR" "wrong passphrase"
expect_exit 0 "pass:" -- "$BIN" gen --key enc.key --passin pass:s3cret --host mx.example.com
check "encrypted key digest" "$CUR" "$(awk '{print $8}' <<<"$OUT")"
export GEN_TEST_PASS=s3cret
expect_exit 0 "env:" -- "$BIN" gen --cert p256.crt --key enc.key --passin env:GEN_TEST_PASS --host mx.example.com
printf 's3cret\n' >pass.txt
expect_exit 0 "file:" -- "$BIN" gen --key enc.key --passin file:pass.txt --host mx.example.com
expect_exit 2 "env: unset" -- "$BIN" gen --key enc.key --passin env:GEN_TEST_UNSET --host mx.example.com
openssl rsa -in rsa2048.key -traditional -out rsa.trad.key 2>/dev/null
expect_exit 0 "traditional RSA key" -- "$BIN" gen --key rsa.trad.key --host mx.example.com
check "traditional RSA key digest" "$(spki rsa2048.key)" "$(awk '{print $8}' <<<"$OUT")"

# ---- -o: atomic, never partial ----
echo "old" >out.zone
expect_exit 0 "-o writes" -- "$BIN" gen --cert p256.crt --host mx.example.com -o out.zone
check "-o content" "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $CUR" "$(cut -d' ' -f1-8 out.zone)"
[[ -z $OUT ]] && ok || bad "-o also printed to stdout"
expect_exit 2 "-o on error keeps the old file" -- "$BIN" gen --cert p256.crt --next-key junk.der --host mx.example.com -o out.zone
check "-o untouched" "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $CUR" "$(cut -d' ' -f1-8 out.zone)"
expect_exit 2 "-o unwritable dir" -- "$BIN" gen --cert p256.crt --host mx.example.com -o /nonexistent/dir/out.zone

# ---- --check: holds / lacks / stale ----
zone() {  # FILE RECORDS...
  { echo '$ORIGIN example.com.'; echo '$TTL 3600'; echo '@ SOA ns h 1 2 3 4 5'; echo '@ NS ns'; echo 'ns A 192.0.2.1'
    echo 'mx A 192.0.2.2'; shift_out=("${@:2}"); printf '%s\n' "${shift_out[@]}"; } >"$1"
}
zone holds.zone "_25._tcp.mx 3600 IN TLSA 3 1 1 $CUR"
zone lacks.zone
zone stale.zone "_25._tcp.mx 3600 IN TLSA 3 1 1 $(spki rsa2048.key)"
zone both.zone "_25._tcp.mx 3600 IN TLSA 3 1 1 $CUR" "_25._tcp.mx 3600 IN TLSA 3 1 1 $(spki rsa2048.key)"
zone multiline.zone "_25._tcp.mx 3600 IN TLSA ( 3 1 1" "    ${CUR:0:32}" "    ${CUR:32} )"
expect_exit 0 "--check holds" -- "$BIN" gen --cert p256.crt --host mx.example.com --check holds.zone
contains "--check ok line" "$OUT" "ok: holds.zone:7:"
expect_exit 0 "--check multi-line record" -- "$BIN" gen --cert p256.crt --host mx.example.com --check multiline.zone
expect_exit 1 "--check lacks" -- "$BIN" gen --cert p256.crt --host mx.example.com --check lacks.zone
contains "--check missing line" "$OUT" "missing: _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $CUR"
expect_exit 1 "--check stale" -- "$BIN" gen --cert p256.crt --host mx.example.com --check stale.zone
contains "--check superfluous" "$OUT" "superfluous: stale.zone:7: _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 $(spki rsa2048.key)"
expect_exit 0 "--check holds plus stale" -- "$BIN" gen --cert p256.crt --host mx.example.com --check both.zone
contains "--check both superfluous" "$OUT" "superfluous: both.zone:8:"
expect_exit 1 "--check next key not yet published" -- "$BIN" gen --cert p256.crt --next-key next.key --host mx.example.com --check holds.zone
contains "--check next missing" "$OUT" "; next: next.key"
expect_exit 1 "--check second host missing" -- "$BIN" gen --cert p256.crt --host mx.example.com --host mx2.example.com --check holds.zone
expect_exit 2 "--check unreadable zone" -- "$BIN" gen --cert p256.crt --host mx.example.com --check nope.zone
expect_exit 2 "--check owner outside the zone" -- "$BIN" gen --cert p256.crt --host mx.example.org --check holds.zone
printf '$ORIGIN example.com.\n@ SOA ns h 1 2 3 4 5\n_25._tcp.mx 3600 IN TLSA 3 1 1 zz\n' >broken.zone
expect_exit 2 "--check zone with a syntax error" -- "$BIN" gen --cert p256.crt --host mx.example.com --check broken.zone
contains "--check syntax error names the line" "$ERR" "broken.zone:3:"
expect_exit 2 "--check with bad input" -- "$BIN" gen --cert trunc.pem --host mx.example.com --check holds.zone

finish
