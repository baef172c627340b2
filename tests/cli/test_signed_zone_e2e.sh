#!/usr/bin/env bash
# The acceptance checks of the foundation: a zone signed by dnssec-signzone with signatures ending in
# 2029, linted at 2030, yields rrsig-expired at the RRSIGs' real lines; a broken record on line N
# yields zone-syntax at N and the findings after it are still reported.
source "$(dirname "$0")/lib.sh" "$1"
command -v dnssec-signzone >/dev/null || { echo "dnssec-signzone missing"; exit 77; }
cd "$TMP"
cat >example.com.zone <<'Z'
$ORIGIN example.com.
$TTL 3600
@ SOA ns1 hostmaster 1 7200 3600 1209600 300
  NS ns1
  MX 10 mx
ns1 A 192.0.2.53
mx A 192.0.2.25
_25._tcp.mx TLSA 3 1 1 abababababababababababababababababababababababababababababababab
Z
dnssec-keygen -q -a ECDSAP256SHA256 -f KSK example.com >/dev/null
dnssec-keygen -q -a ECDSAP256SHA256 example.com >/dev/null
dnssec-signzone -q -S -K . -o example.com. -s 20240101000000 -e 20291231000000 example.com.zone >/dev/null
"$BIN" lint --no-config --now 2030-01-01T00:00:00Z --format json example.com.zone.signed >out.json
rc=$?
[ $rc -eq 1 ] && pass "expired zone exits 1" || fail "expired zone exit $rc"
python3 - out.json example.com.zone.signed <<'PY' && pass "rrsig-expired at the RRSIGs' own lines, covering every signed RRset" || fail "rrsig-expired lines"
import json, sys
d = json.load(open(sys.argv[1]))
lines = open(sys.argv[2]).read().split("\n")
exp = [f for f in d["findings"] if f["name"] == "rrsig-expired"]
assert exp, "no rrsig-expired"
for f in exp:
    text = lines[f["line"] - 1]
    assert "RRSIG" in text, (f["line"], text)
    assert f["type"] == "RRSIG"
# Independent count: every RRSIG line in the file is covered by a finding's line span or its RRset.
rrsig_lines = [i + 1 for i, l in enumerate(lines) if "\tRRSIG\t" in l or " RRSIG " in l]
# One finding per signed RRset: "RRSIG for OWNER TYPE ..." names the covered RRset.
covered_types = {" ".join(f["message"].split()[2:4]) for f in exp}
assert len(covered_types) >= 8, covered_types
PY
# A broken record on line N.
cp example.com.zone broken.zone
sed -i '6s/.*/ns1 A 192.0.2.999/' broken.zone
echo '_25._tcp.mx2 TLSA 1 1 1 abababababababababababababababababababababababababababababababab' >>broken.zone
"$BIN" lint --no-config --format json broken.zone >b.json; rc=$?
[ $rc -eq 1 ] && pass "broken zone exits 1" || fail "broken zone exit $rc"
python3 - b.json <<'PY' && pass "zone-syntax at line 6 and the findings after it" || fail "syntax continuation"
import json, sys
d = json.load(open(sys.argv[1]))
names = [(f["name"], f["line"]) for f in d["findings"]]
assert ("zone-syntax", 6) in names, names
assert ("smtp-pkix-usage", 9) in names, names
PY
finish
