#!/usr/bin/env bash
# Runs one libFuzzer target: a smoke run of SECONDS, or `replay` of its seeds and regression inputs.
#   fuzz/run.sh BUILD/fuzz/fuzz_zone_text zone_text 60
#   fuzz/run.sh BUILD/fuzz/fuzz_zone_text zone_text replay
# Seeds: fuzz/seeds/TARGET/ (committed, small) plus matching files under testdata/ found at run time,
# so fixtures that other tests add become seeds without any change here.
# Environment: FUZZ_CORPUS=DIR keeps the grown corpus there (long runs); FUZZ_ARGS adds libFuzzer flags.
set -euo pipefail
bin=$1 target=$2 mode=$3
here=$(cd "$(dirname "$0")/.." && pwd)

case "$target" in
  zone_text)      pattern='.*\.(zone|db|signed|txt)$|.*/db\.[^/]*$'; max_len=65536 ;;
  material_bytes) pattern='.*\.(pem|crt|cer|der|key|csr|pub|p8)$';   max_len=16384 ;;
  config_text)    pattern='.*\.toml$';                                max_len=8192 ;;
  rdata_encoder)  pattern='^$';                                         max_len=4096 ;;
  *) echo "run.sh: unknown target $target" >&2; exit 2 ;;
esac

collect_seeds() {  # $1: destination directory
  [ -d "$here/fuzz/seeds/$target" ] && cp -- "$here/fuzz/seeds/$target"/* "$1"/ 2>/dev/null || true
  if [ -d "$here/testdata" ]; then
    # Only small regular files: the loader's size limits are tested elsewhere.
    find "$here/testdata" -type f -size -64k -regextype posix-extended -regex "$pattern" -print0 |
      while IFS= read -r -d '' f; do
        cp -- "$f" "$1/seed-$(printf '%s' "$f" | sha1sum | cut -c1-16)" 2>/dev/null || true
      done
  fi
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dict=()
[ -f "$here/fuzz/$target.dict" ] && dict=(-dict="$here/fuzz/$target.dict")

if [ "$mode" = replay ]; then
  mkdir "$work/all"
  collect_seeds "$work/all"
  [ -d "$here/fuzz/regressions/$target" ] && cp -- "$here/fuzz/regressions/$target"/* "$work/all"/ 2>/dev/null || true
  n=$(find "$work/all" -type f | wc -l)
  [ "$n" -gt 0 ] || { echo "run.sh: no inputs for $target"; exit 0; }
  # -runs=1 over files: each input is executed once; any crash fails the test.
  "$bin" -timeout=10 -rss_limit_mb=2048 "$work/all"/* 2>&1 | tail -n 3
  echo "run.sh: $target replayed $n inputs without a crash"
  exit 0
fi

corpus=${FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus" "$work/seeds" "$work/artifacts"
collect_seeds "$work/seeds"
set +e
# shellcheck disable=SC2086
"$bin" -max_total_time="$mode" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} "$corpus" "$work/seeds" >"$work/log" 2>&1
rc=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo '?')
cov=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9/]+[a-zA-Z]*' || true)
if [ $rc -ne 0 ] || ls "$work/artifacts"/* >/dev/null 2>&1; then
  tail -n 60 "$work/log"
  keep="$here/fuzz/crashes"
  mkdir -p "$keep"
  cp -- "$work/artifacts"/* "$keep"/ 2>/dev/null || true
  echo "run.sh: $target FAILED after $runs executions (exit $rc); inputs kept in fuzz/crashes/" >&2
  exit 1
fi
echo "run.sh: $target ran $runs executions in ${mode}s without a crash ($cov)"
