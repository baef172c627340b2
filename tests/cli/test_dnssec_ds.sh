#!/usr/bin/env bash
# DS sources end to end: --ds, [[zone]] ds in danelint.toml, a parent zone in the same run, bad input.
set -u
D=$(realpath "${1:?danelint binary}")
SRC=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
NOW=--now=2026-06-01T00:00:00Z
Z=$SRC/testdata/dnssec/ed25519.zone
cp "$SRC/testdata/dnssec/dsset-example." "$T/good.ds"
echo "example. 3600 IN DS 4711 15 2 1b05c2acbf385751afdbcecd4eda1606ab7b1badad3f2fd02582f068503990bb" > "$T/wrong.ds"

"$D" lint --no-config $NOW --ds "$T/good.ds" "$Z" > "$T/out" 2>&1; rc=$?
[ $rc = 0 ] || bad "matching --ds: exit $rc"; grep -q "no DS data" "$T/out" && bad "matching --ds: fallback note"
"$D" lint --no-config $NOW "$Z" > "$T/out" 2>&1
grep -q "no DS data for example." "$T/out" || bad "no DS: the run must say it fell back to SEP keys"
"$D" lint --no-config $NOW --ds "$T/wrong.ds" "$Z" > "$T/out" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "wrong.ds:1: error: .*\[DS001 ds-all-mismatch\]" "$T/out" || bad "mismatching --ds: exit $rc $(cat "$T/out")"
"$D" lint --no-config $NOW --ds "$T/missing.ds" "$Z" > "$T/out" 2>"$T/err"; rc=$?
[ $rc = 2 ] && grep -q "missing.ds" "$T/err" || bad "unreadable --ds: exit $rc"
echo "other. 3600 IN DS 4711 15 2 1b05c2acbf385751afdbcecd4eda1606ab7b1badad3f2fd02582f068503990bb" > "$T/other.ds"
"$D" lint --no-config $NOW --ds "$T/other.ds" "$Z" > "$T/out" 2>&1
grep -q "other.ds: no DS or DNSKEY record for any linted zone" "$T/out" || bad "unused DS file: no note"
# [[zone]] ds in danelint.toml
cp "$Z" "$T/example.zone"
printf '[[zone]]\nfile = "example.zone"\norigin = "example."\nds = "wrong.ds"\n' > "$T/danelint.toml"
(cd "$T" && "$D" lint -c danelint.toml $NOW > out2 2>&1); rc=$?
[ $rc = 1 ] && grep -q "DS001" "$T/out2" || bad "[[zone]] ds: exit $rc $(cat "$T/out2")"
# the parent zone in the same run
printf '. 3600 IN SOA a.root. h.root. 1 2 3 4 5\n. 3600 IN NS a.root.\nexample. 3600 IN NS ns1.example.\n' > "$T/root.zone"
cat "$T/wrong.ds" >> "$T/root.zone"
"$D" lint --no-config $NOW "$T/root.zone" "$Z" --select DS001,DS002,KEY001 > "$T/out" 2>&1; rc=$?
[ $rc = 1 ] && grep -q "root.zone:4: error: .*DS001" "$T/out" || bad "parent zone DS: exit $rc $(cat "$T/out")"
# jobs plumbing: same JSON whatever the thread count
"$D" lint --no-config $NOW -f json -j 1 --ds "$T/wrong.ds" "$Z" > "$T/j1"
"$D" lint --no-config $NOW -f json --jobs 3 --ds "$T/wrong.ds" "$Z" > "$T/j3"
cmp -s "$T/j1" "$T/j3" || bad "--jobs changes the output"
[ $fail = 0 ] && echo "DS source tests passed"
exit $fail
