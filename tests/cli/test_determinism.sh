#!/usr/bin/env bash
# Determinism: the same inputs and --now give byte-identical output and exit code whatever --jobs,
# the time zone, the locale or the run. Text and JSON.
#   bash tests/cli/test_determinism.sh path/to/danelint
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$here/tests/cli/busy_fixture.sh" "$tmp/in"
cd "$tmp/in"

run() {  # $1: output file; $2: environment (VAR=VALUE ... or -); rest: extra arguments
  local o=$1 envs=$2
  shift 2
  [ "$envs" = - ] && envs=
  set +e
  # shellcheck disable=SC2086
  env $envs "$bin" lint -c danelint.toml --now 2025-01-01T00:00:00Z gamma.zone "$@" >"$o" 2>"$o.err"
  echo "exit $?" >>"$o"
  set -e
  cat "$o.err" >>"$o"
}

# Each variant: environment | arguments.
variants=(
  "-|--jobs 2" "-|--jobs 3" "-|--jobs 8" "-|--jobs 64" "-|--jobs 8"
  "TZ=Pacific/Kiritimati|--jobs 16" "LC_ALL=C.UTF-8 LANG=de_DE.UTF-8|--jobs 4" "TZ=America/St_Johns|--jobs 1"
)
fail=0
for fmt in text json; do
  run "$tmp/ref.$fmt" - --jobs 1 -f "$fmt"
  n=$(grep -c . "$tmp/ref.$fmt")
  [ "$n" -gt 100 ] || { echo "FAIL: only $n lines of $fmt output; the fixture should produce many findings"; fail=1; }
  for v in "${variants[@]}"; do
    envs=${v%%|*} args=${v#*|}
    # shellcheck disable=SC2086
    run "$tmp/out" "$envs" $args -f "$fmt"
    if cmp -s "$tmp/ref.$fmt" "$tmp/out"; then
      echo "ok   $fmt, $args, env $envs: identical to --jobs 1 ($n lines)"
    else
      echo "FAIL $fmt, $args, env $envs: differs from --jobs 1:"
      diff "$tmp/ref.$fmt" "$tmp/out" | head -n 10
      fail=1
    fi
  done
done
tail -n 4 "$tmp/ref.text" | sed 's/^/     /'
exit $fail
