#!/usr/bin/env bash
# Knot DNS's semantic-check zones (shared/peer-suites/knot-semantic-checks, beside the repository) run
# against the built binary. Cases that expect rules of this project's zone-structure family must pass;
# the whole suite's score is printed. Set DANELINT_KNOT_STRICT=1 to require all 67 cases.
#   test_knot_semantic_checks.sh PATH-TO-DANELINT
set -u
BIN=$(readlink -f "${1:?usage: test_knot_semantic_checks.sh PATH-TO-DANELINT}")
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel 2>/dev/null || (cd "$(dirname "$0")/../.." && pwd))
# <repo>/../shared (CI, the main checkout); <repo>/../../shared for worktrees kept in a folder of their own.
SUITE="$ROOT/../shared/peer-suites/knot-semantic-checks"
[ -f "$SUITE/run.sh" ] || SUITE="$ROOT/../../shared/peer-suites/knot-semantic-checks"
if [ ! -f "$SUITE/run.sh" ]; then
  echo "SKIP: $SUITE/run.sh not found (shared/ must sit beside the repository)"; exit 77
fi
command -v python3 >/dev/null || { echo "SKIP: python3 needed by run.sh"; exit 77; }
OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT
bash "$SUITE/run.sh" "$BIN" >"$OUT" 2>&1
cat "$OUT"
if [ "${DANELINT_KNOT_STRICT:-0}" = 1 ]; then
  grep -q ' 0 failed$' "$OUT" || { echo "FAIL: strict mode wants every case to pass"; exit 1; }
  exit 0
fi
# Names this family implements. A case fails this test when it is clean or expects one of these names
# and run.sh did not pass it.
MINE='soa-missing soa-multiple ns-apex-missing glue-missing cname-and-other-data cname-multiple dname-children
dname-multiple dname-and-ns ds-at-apex ds-algorithm-unknown dnskey-invalid dnskey-keytag-collision
rrsig-signer-name rrsig-over-rrsig cds-mismatch cds-missing cdnskey-missing cds-delete-invalid'
bad=0
while IFS=$'\t' read -r case origin now expected; do
  [ "$case" = case ] && continue
  line=$(grep -E "^(PASS|FAIL) $(printf '%s' "$case" | sed 's/[.]/\\./g')(:|$)" "$OUT")
  case "$line" in PASS*) continue ;; esac
  relevant=0
  if [ "$expected" = clean ]; then
    # A clean case counts against us only when one of our names is the unexpected one.
    for n in $MINE; do printf '%s' "$line" | grep -qE "unexpected:.*\b$n\b" && relevant=1; done
  else
    for n in $MINE; do printf '%s' "$expected" | tr ';|' '\n\n' | grep -qx "$n" && relevant=1; done
  fi
  if [ $relevant = 1 ]; then echo "MINE-FAIL $line"; bad=$((bad+1)); fi
done <"$SUITE/MANIFEST.tsv"
echo "zone-structure cases failing: $bad"
[ $bad -eq 0 ]
