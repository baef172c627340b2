#!/usr/bin/env bash
# The performance switches an operator can see: `lint --no-verify` (syntax and structure only, no
# signature verification or DS matching), DANELINT_TIMINGS=1 (where the time goes, on stderr), and
# -j: any thread count gives the same report, also when a large file is split across threads.
source "$(dirname "$0")/lib.sh" "$1"
command -v dnssec-signzone >/dev/null || { echo "dnssec-signzone missing"; exit 77; }
cd "$TMP"
python3 "$REPO/bench/gen_zone.py" example.com. 3000 example.com.zone
dnssec-keygen -q -a ECDSAP256SHA256 -f KSK example.com >/dev/null
dnssec-keygen -q -a ECDSAP256SHA256 example.com >/dev/null
dnssec-signzone -q -S -K . -o example.com. -s 20260101000000 -e 20360101000000 -f signed.zone example.com.zone >/dev/null
# Break one signature: flip a base64 character on the last line of an RRSIG over an A record.
line=$(awk '/RRSIG\tA /{found=NR} found && NR>found && /\)$/ {print NR; exit}' signed.zone)
awk -v l="$line" 'NR==l { c = substr($1, 1, 1); $1 = (c == "A" ? "B" : "A") substr($1, 2) } {print}' signed.zone >bogus.zone
now=2026-06-01T00:00:00Z

expect_exit 1 "a bogus signature is found" -- "$BIN" lint --no-config --now $now --format json bogus.zone
expect_in "$TMP/out" '"rrsig-bogus"' "rrsig-bogus reported without --no-verify"
expect_exit 0 "--no-verify skips signature verification" -- "$BIN" lint --no-config --now $now --no-verify --select SIG,KEY,DS,ZONE bogus.zone
expect_in "$TMP/out" 'no-verify: signatures were not verified' "--no-verify says what it skipped"
grep -q 'rrsig-bogus' "$TMP/out" && fail "--no-verify still verified" || pass "no rrsig-bogus with --no-verify"
# What --no-verify keeps: the time checks still run.
expect_exit 1 "--no-verify still checks validity periods" -- "$BIN" lint --no-config --now 2037-01-01T00:00:00Z --no-verify --select SIG001 signed.zone
expect_in "$TMP/out" 'rrsig-expired' "rrsig-expired with --no-verify"

# Timings go to stderr only; stdout is the same report.
"$BIN" lint --no-config --now $now --format json bogus.zone >plain.json 2>/dev/null
DANELINT_TIMINGS=1 "$BIN" lint --no-config --now $now --format json bogus.zone >timed.json 2>timings.txt
cmp -s plain.json timed.json && pass "DANELINT_TIMINGS leaves the report unchanged" || fail "DANELINT_TIMINGS changed stdout"
for phase in "read file" "scan and encode records" "build index" "analysis: verify signatures" "rule SIG004" "report"; do
  expect_in timings.txt "danelint: timing: $phase.* ms \\(resident [0-9.]+ MB, peak [0-9.]+ MB\\)" "timing line for $phase, with resident and peak memory"
done

# Thread counts: the same report from 1, 2 and 5 threads, on a file large enough to be split.
for i in 1 2 3 4 5 6; do sed "s/example\.com\./copy$i.example.com./g" bogus.zone; done >big.zone
[ "$(stat -c %s big.zone)" -gt 8000000 ] && pass "big.zone is over 8 MB (split across threads)" || fail "big.zone too small to be split"
for j in 1 2 5; do "$BIN" lint --no-config --now $now --origin copy1.example.com. -j $j --format json big.zone >"j$j.json" 2>/dev/null; done
cmp -s j1.json j2.json && cmp -s j1.json j5.json && pass "-j 1, 2 and 5 give the same report" || fail "reports differ by thread count"

# The heap: huge pages (a second exec with glibc.malloc.hugetlb=1) from 16 MB of named files, or from
# 4 MB when they hold no signature; 4 KB pages below that, where the huge pages cost more than they save.
heap_of() { DANELINT_TIMINGS=1 "$BIN" lint --no-config --now $now --no-verify --select ZONE001 "$@" 2>&1 >/dev/null | grep 'timing: heap' || echo "no heap line"; }
python3 "$REPO/bench/gen_zone.py" unsigned.example. 70000 unsigned.zone
sed -n '1,/^h20 /p' unsigned.zone >small-unsigned.zone
[ "$(stat -c %s unsigned.zone)" -gt 4200000 ] &&
  [ "$(stat -c %s big.zone)" -gt 8000000 ] && [ "$(stat -c %s big.zone)" -lt 16000000 ] &&
  pass "heap fixtures: unsigned over 4 MB, signed between 8 and 16 MB" || fail "heap fixture sizes"
# Under AddressSanitizer the allocator is not glibc's and its mallopt sets nothing, so no block threshold.
source "$REPO/tests/cli/sanitizers.sh"
big_blocks=", blocks up to 32 MB from the heap"
has_asan "$BIN" && big_blocks=""
case "$(heap_of unsigned.zone)" in *"huge pages$big_blocks") pass "unsigned zone over 4 MB: huge pages${big_blocks:+, big blocks from the heap}";; *) fail "unsigned zone over 4 MB: $(heap_of unsigned.zone)";; esac
case "$(heap_of small-unsigned.zone)" in *"4 KB pages") pass "small unsigned zone: 4 KB pages";; *) fail "small unsigned zone: $(heap_of small-unsigned.zone)";; esac
case "$(heap_of --origin copy1.example.com. big.zone)" in *"4 KB pages") pass "signed zone under 16 MB: 4 KB pages";; *) fail "signed zone under 16 MB: $(heap_of big.zone)";; esac
cat big.zone big.zone >bigger.zone
case "$(heap_of --origin copy1.example.com. bigger.zone)" in *"huge pages"*) pass "signed zone over 16 MB: huge pages";; *) fail "signed zone over 16 MB: $(heap_of bigger.zone)";; esac
"$BIN" lint --no-config --now $now --format json unsigned.zone >huge.json 2>/dev/null
DANELINT_HEAP_TUNED=1 "$BIN" lint --no-config --now $now --format json unsigned.zone >plain-heap.json 2>/dev/null
cmp -s huge.json plain-heap.json && pass "the same report with either heap" || fail "the heap changed the report"
finish
