#!/usr/bin/env bash
# Every output format against golden files at a fixed --now, the SARIF schema, -o, --quiet,
# --exit-zero, DANELINT_FORMAT, colour rules, per-file-ignores and baselines, through the binary.
# Regenerate the golden files with: DANELINT_UPDATE_GOLDEN=1 bash tests/cli/test_formats.sh build/danelint
set -u
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
now=2025-01-01T00:00:00Z
zone=testdata/golden/example.zone
unset NO_COLOR DANELINT_FORMAT CLICOLOR_FORCE

# 1. golden files, byte for byte
for fmt in text json sarif github gitlab junit; do
  "$bin" lint --no-config --now $now "$zone" -f $fmt >"$tmp/out.$fmt"; rc=$?
  [ $rc -eq 1 ] || fail "$fmt: exit $rc, want 1"
  if [ -n "${DANELINT_UPDATE_GOLDEN:-}" ]; then cp "$tmp/out.$fmt" "testdata/golden/example.$fmt"; fi
  diff -u "testdata/golden/example.$fmt" "$tmp/out.$fmt" || fail "$fmt differs from testdata/golden/example.$fmt"
done

# 2. SARIF against the official 2.1.0 schema; GitLab is a BOM-less array with unique fingerprints; JUnit parses
/usr/bin/python3 - "$tmp/out.sarif" "$tmp/out.gitlab" "$tmp/out.junit" <<'PY' || fail "schema/structure checks"
import json, sys, xml.etree.ElementTree as ET
import jsonschema
schema = json.load(open("tests/schemas/sarif-schema-2.1.0.json"))
doc = json.load(open(sys.argv[1]))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
for e in errors[:10]: print("sarif:", e.message, list(e.path))
assert not errors, "SARIF does not validate"
run = doc["runs"][0]
assert len(doc["runs"]) == 1
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for res in run["results"]:
    assert ids[res["ruleIndex"]] == res["ruleId"]
    assert res["partialFingerprints"]["danelint/v1"]
raw = open(sys.argv[2], "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM"
gl = json.loads(raw)
assert isinstance(gl, list) and gl
prints = [i["fingerprint"] for i in gl]
assert len(prints) == len(set(prints)), "duplicate fingerprints"
for i in gl:
    assert i["check_name"] and i["description"] and i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert i["location"]["path"] and i["location"]["lines"]["begin"] >= 1
root = ET.parse(sys.argv[3]).getroot()
for suite in root:
    names = [c.get("name") for c in suite]
    assert len(names) == len(set(names)), "duplicate junit names"
PY

# SARIF of a clean run still validates (empty results)
printf 'example. 3600 IN SOA ns.example. h.example. 1 7200 3600 1209600 300\nexample. 3600 IN NS ns.example.\nns.example. 3600 IN A 192.0.2.1\n' >"$tmp/clean.zone"
"$bin" lint --no-config --now $now "$tmp/clean.zone" -f sarif >"$tmp/clean.sarif" || fail "clean sarif exit $?"
/usr/bin/python3 -c '
import json, sys, jsonschema
jsonschema.Draft4Validator(json.load(open("tests/schemas/sarif-schema-2.1.0.json"))).validate(json.load(open(sys.argv[1])))
assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []' "$tmp/clean.sarif" || fail "clean sarif invalid"

# 3. fingerprints do not move when lines move
{ echo; echo "; two new lines on top"; cat "$zone"; } >"$tmp/shifted.zone"
cp "$zone" "$tmp/example.zone"
(cd "$tmp" && "$bin" lint --no-config --now $now example.zone -f gitlab | grep -o '"fingerprint":"[0-9a-f]*"') >"$tmp/p1"
(cd "$tmp" && cp shifted.zone example.zone && "$bin" lint --no-config --now $now example.zone -f gitlab | grep -o '"fingerprint":"[0-9a-f]*"') >"$tmp/p2"
[ -s "$tmp/p1" ] && cmp -s "$tmp/p1" "$tmp/p2" || fail "fingerprints changed when lines shifted"

# 4. DANELINT_FORMAT and its allowed values
DANELINT_FORMAT=gitlab "$bin" lint --no-config --now $now "$zone" >"$tmp/env.out"
cmp -s "$tmp/env.out" testdata/golden/example.gitlab || fail "DANELINT_FORMAT=gitlab ignored"
DANELINT_FORMAT=xml "$bin" lint --no-config --now $now "$zone" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "DANELINT_FORMAT=xml: exit $rc, want 2"

# 5. -o FILE: written atomically (new inode, no temporary left), nothing on stdout, same bytes as stdout
echo old >"$tmp/report.sarif"; chmod 600 "$tmp/report.sarif"; ino1=$(stat -c %i "$tmp/report.sarif")
"$bin" lint --no-config --now $now "$zone" -f sarif -o "$tmp/report.sarif" >"$tmp/stdout"; rc=$?
[ $rc -eq 1 ] || fail "-o: exit $rc"
[ ! -s "$tmp/stdout" ] || fail "-o: stdout not empty"
cmp -s "$tmp/report.sarif" testdata/golden/example.sarif || fail "-o: content differs"
[ "$(stat -c %i "$tmp/report.sarif")" != "$ino1" ] || fail "-o: file rewritten in place, not renamed"
[ "$(stat -c %a "$tmp/report.sarif")" = 600 ] || fail "-o: mode of the replaced file not kept"
ls -A "$tmp" | grep -q '\.tmp\.' && fail "-o: temporary file left behind"
"$bin" lint --no-config --now $now "$zone" -o "$tmp/no/such/dir/r.txt" 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "-o into a missing directory: exit $rc, want 2"
grep -q "no/such/dir/r.txt" "$tmp/err" || fail "-o error does not name the file"

# 6. --quiet and --exit-zero
"$bin" lint --no-config --now $now "$zone" -q >"$tmp/q"
grep -q 'errors\?, ' "$tmp/q" && fail "--quiet printed the summary"
[ "$(wc -l <"$tmp/q")" -eq "$(grep -c ': \(error\|warning\|info\): ' testdata/golden/example.text)" ] || fail "--quiet line count"
"$bin" lint --no-config --now $now "$zone" --exit-zero >/dev/null; rc=$?
[ $rc -eq 0 ] || fail "--exit-zero: exit $rc"
"$bin" lint --no-config --now $now "$tmp/missing.zone" --exit-zero >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--exit-zero with an unreadable input: exit $rc, want 2"

# 7. colour: never into a pipe or file by default, never with NO_COLOR, always on request, auto on a TTY
esc=$'\033['
"$bin" lint --no-config --now $now "$zone" | grep -qF "$esc" && fail "colour in a pipe"
"$bin" lint --no-config --now $now "$zone" --color always | grep -qF "$esc" || fail "--color always gave no colour"
NO_COLOR=1 "$bin" lint --no-config --now $now "$zone" --color always | grep -qF "$esc" && fail "colour despite NO_COLOR"
"$bin" lint --no-config --now $now "$zone" -f json --color always | grep -qF "$esc" && fail "colour in json"
if command -v script >/dev/null; then
  TERM=xterm script -qec "$bin lint --no-config --now $now $zone" /dev/null >"$tmp/tty" </dev/null
  grep -qF "$esc" "$tmp/tty" || fail "no colour on a TTY"
  TERM=xterm NO_COLOR=1 script -qec "$bin lint --no-config --now $now $zone" /dev/null >"$tmp/tty2" </dev/null
  grep -qF "$esc" "$tmp/tty2" && fail "colour on a TTY with NO_COLOR"
  TERM=xterm script -qec "$bin lint --no-config --now $now $zone -f github" /dev/null >"$tmp/tty3" </dev/null
  grep -qF "$esc" "$tmp/tty3" && fail "colour in github format on a TTY"
fi

# 8. per-file-ignores from the config, and unused ones reported at their config line
mkdir -p "$tmp/repo/zones" && cp "$zone" "$tmp/repo/zones/example.zone"
cat >"$tmp/repo/danelint.toml" <<'TOML'
[lint.per-file-ignores]
"zones/*.zone" = ["SMTP001", "rrsig-expired"]
"legacy/*.zone" = ["TLSA"]
TOML
(cd "$tmp/repo" && "$bin" lint --now $now zones/example.zone) >"$tmp/pfi"
grep -q SMTP001 "$tmp/pfi" && fail "per-file-ignores did not suppress SMTP001"
grep -q 'SIG001' "$tmp/pfi" && fail "per-file-ignores did not suppress rrsig-expired"
grep -q "danelint.toml:3: warning: per-file-ignores 'legacy/\*.zone' = TLSA suppressed nothing" "$tmp/pfi" || fail "unused per-file-ignores not reported"
printf '[lint.per-file-ignores]\n"*.zone" = ["NOPE999"]\n' >"$tmp/bad.toml"
"$bin" lint -c "$tmp/bad.toml" --now $now "$zone" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc -eq 2 ] && grep -q "bad.toml:2" "$tmp/err" || fail "unknown rule in per-file-ignores: exit $rc"

# 9. baselines: adopt, then fail only on new problems, even after lines moved
(cd "$tmp/repo" && rm danelint.toml && "$bin" lint --now $now zones/example.zone --write-baseline .danelint-baseline.toml >/dev/null 2>"$tmp/wb"); rc=$?
[ $rc -eq 0 ] || fail "--write-baseline: exit $rc"
nbase=$(sed -n 's/.*wrote a baseline of \([0-9][0-9]*\) findings.*/\1/p' "$tmp/wb")
[ -n "$nbase" ] && [ "$nbase" -gt 0 ] || fail "--write-baseline message: $(cat "$tmp/wb")"
grep -qE "^ *(line|end_line) *=" "$tmp/repo/.danelint-baseline.toml" && fail "baseline contains line numbers"
(cd "$tmp/repo" && { echo "; moved"; cat zones/example.zone; } >z && mv z zones/example.zone && "$bin" lint --now $now zones/example.zone --baseline .danelint-baseline.toml) >"$tmp/b1"; rc=$?
[ $rc -eq 0 ] || { fail "baseline with moved lines: exit $rc"; cat "$tmp/b1"; }
grep -q "$nbase known findings not shown" "$tmp/b1" || fail "baseline note missing"
(cd "$tmp/repo" && echo '_993._tcp.mx IN TLSA 3 1 1 00' >>zones/example.zone && "$bin" lint --now $now zones/example.zone --baseline .danelint-baseline.toml -f sarif) >"$tmp/b2"; rc=$?
[ $rc -eq 1 ] || fail "baseline with a new problem: exit $rc, want 1"
# Only the new record's findings remain: every result points at the line just appended.
newline=$(wc -l <"$tmp/repo/zones/example.zone")
/usr/bin/python3 - "$tmp/b2" "$newline" <<'PY' || fail "baselined findings leaked into SARIF"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert results, "no results"
lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results}
assert lines == {int(sys.argv[2])}, lines
PY
"$bin" lint --now $now "$zone" --baseline "$tmp/nope.toml" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "missing baseline file: exit $rc, want 2"

[ $fails -eq 0 ] && echo "test_formats: all passed"
exit $((fails > 0))
