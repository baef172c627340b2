#!/bin/bash
# End to end: the placement scenario (testdata/placement) linted through its deployment file. Every
# `; expect: CODE` mark must be reported at its line, plus the findings outside the zone (the certbot
# renewal config and the switch_wait line of the config); nothing else. Then the same zone declared
# signing = "online" loses dane-zone-unsigned.
set -eu
BIN=$(realpath "$1")
SRC=$(pwd)/testdata/placement
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp -r "$SRC"/. "$T"/
cd "$T"
fail() { echo "FAIL: $*" >&2; exit 1; }

rc=0
"$BIN" lint -c danelint.toml --now 2025-01-01T00:00:00Z -f json --select TLSA011,TLSA025,TLSA026,TLSA027,SMTP004,SMTP005,SMTP006,SMTP007,ROLL > out.json || rc=$?
[ "$rc" = 1 ] || fail "exit $rc, want 1"
/usr/bin/python3 - <<'PY' || fail "findings differ from the expect marks"
import json, re, sys
doc = json.load(open("out.json"))
got = sorted((f["code"], f["file"].split("/")[-1], f["line"]) for f in doc["findings"])
want = []
for n, line in enumerate(open("example.zone"), 1):
    m = re.search(r"; expect: (\S+)", line)
    if m:
        want += [(c, "example.zone", n) for c in m.group(1).split(",")]
want += [("ROLL006", "mx1.example.conf", 0), ("ROLL002", "danelint.toml", 11)]
want.sort()
if got != want:
    print("got: ", got, "\nwant:", want, file=sys.stderr)
    sys.exit(1)
PY
grep -q '"name":"acme-reuse-key-off"' out.json || fail "rule name missing in JSON"

# With reuse_key = True the renewal finding goes away; with signing = "online" dane-zone-unsigned does.
printf '[renewalparams]\nreuse_key = True\n' > renewal/mx1.example.conf
sed -i 's/signing = "offline"/signing = "online"/' danelint.toml
"$BIN" lint -c danelint.toml --now 2025-01-01T00:00:00Z -f json --select TLSA027,ROLL006 > out2.json || true
grep -q '"code":"TLSA027"\|"code":"ROLL006"' out2.json && fail "TLSA027/ROLL006 still reported"

# An unreadable renewal config is an input error (exit 2, one line naming the file).
rm renewal/mx1.example.conf
rc=0
"$BIN" lint -c danelint.toml --now 2025-01-01T00:00:00Z --select ROLL006 > /dev/null 2> err.txt || rc=$?
[ "$rc" = 2 ] || fail "missing renewal config: exit $rc, want 2"
grep -q 'mx1.example.conf' err.txt || fail "error does not name the renewal config: $(cat err.txt)"
echo ok
