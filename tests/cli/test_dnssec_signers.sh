#!/usr/bin/env bash
# Zones signed here by dnssec-signzone, ldns-signzone and kzonesign (RSASHA256, ECDSAP256SHA256, ED25519;
# NSEC and NSEC3) must verify clean; then one injected fault per copy must be reported by the right rule
# at the right line. Differential: danelint fails (exit 1 at --fail-on error) exactly when
# ldns-verify-zone or dnssec-verify rejects the zone (the DS cases compare with ldns-verify-zone -k).
# Fixture times make the wall clock irrelevant: good signatures run 2025-01-01..2035-01-01, expired
# ones end 2025-01-01, future ones start 2034; danelint and ldns-verify-zone evaluate at 2026-06-01;
# dnssec-verify has no time option and uses the wall clock (any time from 2025 to 2033 gives the same answers).
set -u
D=$(realpath "${1:?danelint binary}")
for t in dnssec-keygen dnssec-signzone dnssec-verify ldns-keygen ldns-signzone ldns-verify-zone ldns-read-zone kzonesign; do
  command -v "$t" >/dev/null || { echo "skip: $t not installed"; exit 77; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
NOW=2026-06-01T00:00:00Z
LNOW=20260601000000
S=20250101000000
E=20350101000000
fail=0
bad() { echo "FAIL: $*"; fail=1; }
MATRIX=$T/matrix.txt

cat > base.zone <<'EOF'
$ORIGIN example.
$TTL 3600
@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ IN NS ns1
@ IN NS ns.other.net.
@ IN MX 10 Mail.Example.
ns1 IN A 192.0.2.1
www IN A 192.0.2.2
www IN AAAA 2001:db8::2
mail IN A 192.0.2.3
_25._tcp.mail IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
*.wild IN A 192.0.2.9
sub IN NS ns.sub
ns.sub IN A 192.0.2.10
sub IN DS 12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
insecure IN NS ns.other.net.
Upper IN CNAME WWW.Example.
EOF

bind_alg() { case $1 in 8) echo RSASHA256;; 13) echo ECDSAP256SHA256;; 15) echo ED25519;; 5) echo RSASHA1;; esac; }
knot_alg() { case $1 in 8) echo rsasha256;; 13) echo ecdsap256sha256;; 15) echo ed25519;; esac; }

# sign_bind OUT DENIAL(nsec|nsec3) START END ALG...  (one KSK+ZSK pair per algorithm)
sign_bind() {
  local out=$1 den=$2 s=$3 e=$4; shift 4
  local dir; dir=$(mktemp -d "$T/b.XXXX"); local keys=()
  for a in "$@"; do
    local bits=(); [ "$a" = 8 ] || [ "$a" = 5 ] && bits=(-b 2048)
    keys+=("$(cd "$dir" && dnssec-keygen -q -a "$(bind_alg "$a")" "${bits[@]}" -f KSK example.)")
    keys+=("$(cd "$dir" && dnssec-keygen -q -a "$(bind_alg "$a")" "${bits[@]}" example.)")
  done
  (cd "$dir" && cat "$T/base.zone" ./*.key > in.zone)
  local n3=(); [ "$den" = nsec3 ] && n3=(-3 - -H 0)
  (cd "$dir" && dnssec-signzone -P -q -o example. "${n3[@]}" -s "$s" -e "$e" -f "$T/$out" in.zone "${keys[@]}" >/dev/null) ||
    bad "dnssec-signzone $out"
  cp "$dir"/dsset-example. "$T/$out.dsset" 2>/dev/null || true
}
sign_ldns() {
  local out=$1 den=$2 s=$3 e=$4 a=$5
  local dir; dir=$(mktemp -d "$T/l.XXXX")
  local name; name=$(bind_alg "$a")
  local bits=(); [ "$a" = 8 ] && bits=(-b 2048)
  local ksk zsk
  ksk=$(cd "$dir" && ldns-keygen -a "$name" "${bits[@]}" -k example.)
  zsk=$(cd "$dir" && ldns-keygen -a "$name" "${bits[@]}" example.)
  local n3=(); [ "$den" = nsec3 ] && n3=(-n -t 0)
  (cd "$dir" && ldns-signzone "${n3[@]}" -i "$s" -e "$e" -f "$T/$out" "$T/base.zone" "$ksk" "$zsk") || bad "ldns-signzone $out"
}
sign_knot() {
  local out=$1 den=$2 a=$3
  local dir; dir=$(mktemp -d "$T/k.XXXX")
  cp base.zone "$dir/example.zone"
  local n3=off; [ "$den" = nsec3 ] && n3=on
  cat > "$dir/knot.conf" <<EOF
server:
    rundir: "$dir"
database:
    storage: "$dir"
policy:
  - id: p
    algorithm: $(knot_alg "$a")
$( [ "$a" = 8 ] && printf '    ksk-size: 2048\n    zsk-size: 2048\n' )
    nsec3: $n3
    nsec3-iterations: 0
    nsec3-salt-length: 0
    rrsig-lifetime: 3000d
    rrsig-refresh: 1d
zone:
  - domain: example.
    storage: "$dir"
    file: "example.zone"
    dnssec-signing: on
    dnssec-policy: p
EOF
  # Knot signs at -t (epoch of 2025-01-02): inception 90 min earlier, expiry 3000 days later (2033).
  kzonesign -c "$dir/knot.conf" -t 1735776000 -o "$dir/out" example. >/dev/null 2>&1 || bad "kzonesign $out"
  cp "$dir/out/example.zone" "$T/$out"
}

# verdict ZONE [DSFILE]: records "zone danelint ldns dnssec-verify" (0 = accepts, 1 = rejects) and prints danelint's output to ZONE.out
verdict() {
  local z=$1 ds=${2:-}
  local dsarg=() kar=()
  [ -n "$ds" ] && dsarg=(--ds "$ds") && kar=(-k "$ds")
  "$D" lint --no-config --now "$NOW" --fail-on error -f json "${dsarg[@]}" "$z" > "$z.json"; local dl=$?
  "$D" lint --no-config --now "$NOW" "${dsarg[@]}" "$z" > "$z.out"
  ldns-verify-zone -V 1 -t "$LNOW" "${kar[@]}" "$z" > "$z.ldns" 2>&1; local lv=$?
  dnssec-verify -q -o example. "$z" > "$z.dv" 2>&1; local dv=$?
  [ $dl -le 1 ] || bad "$z: danelint exit $dl"
  echo "$z $dl $((lv != 0)) $((dv != 0))" >> "$MATRIX"
}

# expect_rule FILE CODE LINE [OUTPUT]: the text output (default FILE.out) has CODE at FILE:LINE
expect_rule() {
  local out=${4:-$1.out}
  grep -q "^$1:$3: [a-z]*: .*\[$2 " "$out" || { bad "$1: expected $2 at line $3"; sed 's/^/    /' "$out" | head -20; }
}
# line_of ZONE REGEX: first line matching
line_of() { grep -n -E "$2" "$1" | head -1 | cut -d: -f1; }
# one record per line (ldns-read-zone) so faults can be injected with sed
flat() { ldns-read-zone -S unchanged "$1" > "$2" 2>/dev/null || ldns-read-zone "$1" > "$2"; }

# ---- clean zones: 3 signers x 3 algorithms x NSEC/NSEC3 ----
for a in 8 13 15; do
  for den in nsec nsec3; do
    sign_bind "bind-$a-$den.zone" "$den" "$S" "$E" "$a" &
    sign_ldns "ldns-$a-$den.zone" "$den" "$S" "$E" "$a" &
    sign_knot "knot-$a-$den.zone" "$den" "$a" &
    wait
  done
done
for z in bind-*-nsec*.zone ldns-*-nsec*.zone knot-*-nsec*.zone; do
  verdict "$z"
  read -r _ dl lv dv < <(tail -1 "$MATRIX")
  [ "$dl$lv$dv" = 000 ] || { bad "$z should verify clean (danelint $dl ldns $lv dnssec-verify $dv)"; cat "$z.out" "$z.ldns" "$z.dv" | head -20; }
  grep -qE "^(no findings|0 errors)" "$z.out" || bad "$z: findings on a clean zone"
done
# jobs: identical JSON for --jobs 1 and --jobs 2
"$D" lint --no-config --now "$NOW" -f json -j 1 bind-8-nsec.zone > j1.json
"$D" lint --no-config --now "$NOW" -f json -j 2 bind-8-nsec.zone > j2.json
cmp -s j1.json j2.json || bad "--jobs 1 and --jobs 2 differ"

# ---- faults ----
# expired (dnssec-signzone with a past -s/-e): SIG001 on the first RRSIG of each RRset
sign_bind f-expired.zone nsec 20240101000000 20250101000000 13
verdict f-expired.zone
expect_rule f-expired.zone SIG001 "$(line_of f-expired.zone 'RRSIG[[:space:]]+SOA')"
# future (ldns-signzone with a future -i): SIG002
sign_ldns f-future.zone nsec 20340101000000 "$E" 15
verdict f-future.zone
expect_rule f-future.zone SIG002 "$(line_of f-future.zone 'RRSIG[[:space:]]+SOA')"
# flipped signature byte (kzonesign): SIG004 at the RRSIG of www A
flat knot-15-nsec.zone f-flip.zone
L=$(line_of f-flip.zone '^www\.example\..*RRSIG[[:space:]]+A ')
awk -v L="$L" 'NR == L { c = substr($NF, 10, 1); $NF = substr($NF, 1, 9) (c == "A" ? "B" : "A") substr($NF, 11) } { print }' \
  f-flip.zone > f-flip.tmp && mv f-flip.tmp f-flip.zone
verdict f-flip.zone
expect_rule f-flip.zone SIG004 "$L"
# removed RRSIG (dnssec-signzone, NSEC3): SIG005 at the AAAA record
flat bind-13-nsec3.zone f-nosig.zone
sed -i -E '/^www\.example\..*RRSIG[[:space:]]+AAAA /d' f-nosig.zone
verdict f-nosig.zone
expect_rule f-nosig.zone SIG005 "$(line_of f-nosig.zone '^www\.example\..*[[:space:]]AAAA[[:space:]]')"
# RRSIG by a key not in the DNSKEY set (key tag changed): SIG006 on that RRSIG
flat ldns-13-nsec.zone f-unknownkey.zone
L=$(line_of f-unknownkey.zone '^mail\.example\..*RRSIG[[:space:]]+A ')
sed -i -E "${L}s/^(([^[:space:]]+[[:space:]]+){10})[0-9]+/\\11/" f-unknownkey.zone
verdict f-unknownkey.zone
expect_rule f-unknownkey.zone SIG006 "$L"
# dual-algorithm zone missing one algorithm's signature: SIG007 at the RRset
sign_bind f-dual.zone nsec "$S" "$E" 13 15
verdict f-dual.zone
grep -q . f-dual.zone.out
flat f-dual.zone f-missalg.zone
sed -i -E '/^www\.example\..*RRSIG[[:space:]]+A 15 /d' f-missalg.zone
verdict f-missalg.zone
expect_rule f-missalg.zone SIG007 "$(line_of f-missalg.zone '^www\.example\..*IN[[:space:]]+A[[:space:]]')"
# RRset TTL edited after signing (the signature still verifies with its original TTL): SIG008 (warning)
flat bind-8-nsec.zone f-ttl.zone
L=$(line_of f-ttl.zone '^www\.example\..*RRSIG[[:space:]]+A ')
sed -i -E 's/^(www\.example\.[[:space:]]+)3600([[:space:]]+IN[[:space:]]+A[[:space:]])/\17200\2/' f-ttl.zone
verdict f-ttl.zone
expect_rule f-ttl.zone SIG008 "$L"
# DS file matching no key: DS001 at the DS line
cp bind-13-nsec.zone f-dsmismatch.zone
echo "example. 3600 IN DS 1 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" > mismatch.ds
verdict f-dsmismatch.zone mismatch.ds
expect_rule mismatch.ds DS001 1 f-dsmismatch.zone.out
# stale extra DS (matching DS from dnssec-signzone's dsset- file plus one more): DS002 (warning) at line 2
cp bind-13-nsec.zone f-dsstale.zone
{ grep -h ' DS ' bind-13-nsec.zone.dsset | head -1; cat mismatch.ds; } > stale.ds
verdict f-dsstale.zone stale.ds
expect_rule stale.ds DS002 2 f-dsstale.zone.out
# a keyset (DNSKEY) file as DS source that matches: clean
flat bind-13-nsec.zone bind-13-flat.zone
grep -E 'DNSKEY[[:space:]]+257' bind-13-flat.zone | head -1 > keyset.ds
"$D" lint --no-config --now "$NOW" --ds keyset.ds bind-13-nsec.zone > keyset.out || bad "keyset DS source: $(cat keyset.out)"
# deprecated algorithm RSASHA1 (dnssec-keygen -a 5): KEY002 (warning) at each DNSKEY
sign_bind f-rsasha1.zone nsec "$S" "$E" 5
verdict f-rsasha1.zone
expect_rule f-rsasha1.zone KEY002 "$(line_of f-rsasha1.zone '[[:space:]]DNSKEY[[:space:]]+25[67]')"
# weak RSA: 1024-bit (dnssec-keygen, warning) and 512-bit (ldns-keygen, error)
dir=$(mktemp -d "$T/w.XXXX")
(cd "$dir" && k1=$(dnssec-keygen -q -a RSASHA256 -b 1024 -f KSK example.) && k2=$(dnssec-keygen -q -a RSASHA256 -b 1024 example.) &&
  cat "$T/base.zone" ./*.key > in.zone && dnssec-signzone -P -q -o example. -s "$S" -e "$E" -f "$T/f-rsa1024.zone" in.zone "$k1" "$k2" >/dev/null) || bad "rsa1024 signing"
verdict f-rsa1024.zone
expect_rule f-rsa1024.zone KEY003 "$(line_of f-rsa1024.zone '[[:space:]]DNSKEY[[:space:]]+25[67]')"
dir=$(mktemp -d "$T/w.XXXX")
if (cd "$dir" && k=$(ldns-keygen -a RSASHA256 -b 512 -k example. 2>/dev/null) && ldns-signzone -i "$S" -e "$E" -f "$T/f-rsa512.zone" "$T/base.zone" "$k" 2>/dev/null); then
  verdict f-rsa512.zone
  expect_rule f-rsa512.zone KEY003 "$(line_of f-rsa512.zone '[[:space:]]DNSKEY[[:space:]]+25[67]')"
else
  echo "note: ldns-keygen refused a 512-bit RSA key"
fi

# ---- differential: danelint fails exactly when a verifier rejects ----
echo "zone danelint ldns-verify-zone dnssec-verify (1 = rejects)"
cat "$MATRIX"
# Measured exception: dnssec-verify counts an RRset whose TTL differs from its RRSIG's original TTL as
# unsigned; ldns-verify-zone and validators verify with the original TTL (RFC 4035 §5.3.3), and
# danelint warns (SIG008 rrsig-orig-ttl-mismatch) without failing.
while read -r z dl lv dv; do
  want=$(( lv || dv ))
  [ "$z" = f-ttl.zone ] && want=$lv
  [ "$dl" = "$want" ] || bad "differential: $z danelint=$dl ldns-verify-zone=$lv dnssec-verify=$dv"
done < "$MATRIX"
[ $fail = 0 ] && echo "all DNSSEC signer tests passed"
exit $fail
