#!/usr/bin/env bash
# Malformed-input corpus: every case of testdata/malformed/MANIFEST.tsv must end with its expected
# exit code and message, never a signal or a sanitizer report, within a time and memory bound.
#   bash tests/cli/test_malformed.sh path/to/danelint [CASE-REGEX]
# Adding a case: put the file in testdata/malformed/ and one line in MANIFEST.tsv (see its header).
# Generated inputs (too big or too special to commit) are made below in $tmp and named @TMP@/... there.
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
only=${2:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
dir=$here/testdata/malformed
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# ---- generated inputs ----
hdr='$ORIGIN example.
$TTL 3600
@ IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 300
@ IN NS ns1
ns1 IN A 192.0.2.1'
big=$((10 * 1024 * 1024))
{ printf '%s\nwww IN TXT ' "$hdr"; head -c "$big" /dev/zero | tr '\0' 'a'; printf '\n'; } >"$tmp/huge-token.zone"
{ printf '%s\nwww IN TXT' "$hdr"; head -c "$big" /dev/zero | tr '\0' 'x' | sed 's/x/ a/g' | head -c "$big"; printf '\n'; } >"$tmp/many-tokens.zone"
{ printf '%s\n' "$hdr"; yes '(' | head -n 500000; } >"$tmp/parens.zone"
printf '%s\n$INCLUDE deep-1.zone\n' "$hdr" >"$tmp/deep-0.zone"
for i in 1 2 3 4 5 6 7 8 9; do printf '$INCLUDE deep-%d.zone\n' $((i + 1)) >"$tmp/deep-$i.zone"; done
printf 'x IN A 192.0.2.7\n' >"$tmp/deep-10.zone"
{ printf '%s\n' "$hdr"; yes '$INCLUDE fan-1.zone' | head -n 40; } >"$tmp/fan-0.zone"
yes '$INCLUDE fan-2.zone' | head -n 40 >"$tmp/fan-1.zone"
yes '$INCLUDE fan-3.zone' | head -n 40 >"$tmp/fan-2.zone"
printf 'x IN A 192.0.2.7\n' >"$tmp/fan-3.zone"
mkfifo "$tmp/fifo.zone" "$tmp/fifo.pem" "$tmp/fifo.toml"
truncate -s $((2147483648 + 1)) "$tmp/sparse.zone"
truncate -s $((16777216 + 1)) "$tmp/sparse.pem"
printf '%s\n' "$hdr" >"$tmp/unreadable.zone"
chmod 000 "$tmp/unreadable.zone"
{ printf 'x = '; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'; } >"$tmp/deep.toml"
{ printf 'x = "'; head -c "$big" /dev/zero | tr '\0' 'a'; printf '"\n'; } >"$tmp/long.toml"

# ---- limits ----
source "$here/tests/cli/sanitizers.sh"
sanitized=0
{ has_asan "$bin" || has_ubsan "$bin"; } && sanitized=1
if [ $sanitized = 1 ]; then
  # ASan reserves terabytes of address space, so `ulimit -v` cannot apply; bound the RSS instead.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}:hard_rss_limit_mb=1024:exitcode=86"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}:exitcode=87"
  kill_after=120 max_ms=${MALFORMED_MAX_MS:-10000} vmem=unlimited
else
  kill_after=60 max_ms=${MALFORMED_MAX_MS:-1000} vmem=$((1024 * 1024))  # KiB: 1 GiB of address space
fi

root=0
[ "$(id -u)" = 0 ] && root=1
have_needs() {  # $1: comma-separated needs; prints the unmet one
  local IFS=, n
  for n in $1; do
    case "$n" in
      rule:*) "$bin" explain "${n#rule:}" >/dev/null 2>&1 || { echo "$n"; return 1; } ;;
      cmd:*) "$bin" "${n#cmd:}" --help >/dev/null 2>&1 || { echo "$n"; return 1; } ;;
      nonroot) [ $root = 0 ] || { echo "nonroot (running as root, where mode 000 does not stop reading)"; return 1; } ;;
      '') ;;
      *) echo "unknown need $n"; return 1 ;;
    esac
  done
}

pass=0 fail=0 skip=0 slowest=0 slowest_case=
cd "$dir" || exit 1
while IFS=$'\t' read -r name want regex args needs; do
  case "$name" in '#'* | '') continue ;; esac
  [ -n "$only" ] && ! [[ "$name" =~ $only ]] && continue
  if ! why=$(have_needs "$needs"); then
    echo "skip $name: needs $why"
    skip=$((skip + 1))
    continue
  fi
  read -ra argv <<<"${args//@TMP@/$tmp}"
  start=$(date +%s%N)
  # CPU time (user + sys of the child, from `times`) is what the bound is about; wall time on a
  # loaded CI machine says little, so it only guards against hangs (kill after $kill_after s).
  cpu=$( (
    ulimit -v "$vmem" 2>/dev/null
    timeout -s KILL "$kill_after" "$bin" "${argv[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
    echo "rc=$?"
    times
  ) 2>/dev/null | grep -v '^$' | sed -n '/^rc=/p;$p' | tr '\n' ' ')
  wall=$((($(date +%s%N) - start) / 1000000))
  rc=$(sed -n 's/.*rc=\([0-9]*\).*/\1/p' <<<"$cpu")
  # The second line of `times` is the children's "XmY.YYYs XmY.YYYs" (user, sys).
  ms=$(awk '{ t = 0; for (i = NF - 1; i <= NF; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] } printf "%d", t * 1000 }' <<<"$cpu")
  [ "$ms" -gt "$slowest" ] && slowest=$ms slowest_case=$name
  problems=()
  [ "$rc" -ge 128 ] && problems+=("killed by signal $((rc - 128))$([ "$rc" = 137 ] && echo ' (timeout or memory limit)')")
  [ "$rc" = "$want" ] || problems+=("exit $rc, expected $want")
  [ "$ms" -le "$max_ms" ] || problems+=("took $ms ms of CPU, limit $max_ms ms")
  grep -qE 'Sanitizer|runtime error:' "$tmp/err" && problems+=("sanitizer report")
  if [ "$want" = 2 ]; then
    grep -qE -- "$regex" "$tmp/err" || problems+=("stderr does not match /$regex/")
  else
    grep -qE -- "$regex" "$tmp/out" "$tmp/err" || problems+=("output does not match /$regex/")
  fi
  # One short line per problem: no dumps of hostile input, no multi-line messages.
  [ "$(wc -l <"$tmp/err")" -le 3 ] || problems+=("stderr has $(wc -l <"$tmp/err") lines")
  awk 'length > 400 { exit 1 }' "$tmp/err" "$tmp/out" || problems+=("an output line is longer than 400 characters")
  if [ ${#problems[@]} -eq 0 ]; then
    pass=$((pass + 1))
    echo "ok   $name (exit $rc, $ms ms CPU, $wall ms wall)"
  else
    fail=$((fail + 1))
    echo "FAIL $name: ${problems[*]}"
    echo "     danelint ${argv[*]}"
    sed -n '1,5s/^/     stderr: /p' "$tmp/err" | cut -c1-300
    sed -n '1,5s/^/     stdout: /p' "$tmp/out" | cut -c1-300
  fi
done <MANIFEST.tsv
echo "malformed corpus: $pass passed, $fail failed, $skip skipped; slowest $slowest_case at $slowest ms CPU (limit $max_ms ms$([ $sanitized = 1 ] && echo ', sanitized build'))"
[ "$fail" -eq 0 ]
