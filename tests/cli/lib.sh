# Shared helpers for the end-to-end CLI tests (sourced). $BIN is the danelint binary.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
failures=0
pass() { echo "ok - $*"; }
fail() { echo "not ok - $*"; failures=$((failures + 1)); }
# expect_exit CODE DESCRIPTION -- command...
expect_exit() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  if [ "$rc" -eq "$want" ]; then pass "$what (exit $rc)"; else fail "$what: exit $rc, wanted $want"; sed 's/^/    /' "$TMP/out" "$TMP/err" | head -20; fi
}
# expect_in FILE PATTERN DESCRIPTION
expect_in() {
  if grep -qE -- "$2" "$1"; then pass "$3"; else fail "$3: /$2/ not in $1"; sed 's/^/    /' "$1" | head -20; fi
}
finish() {
  if [ "$failures" -eq 0 ]; then echo "all passed"; exit 0; fi
  echo "$failures failed"; exit 1
}
