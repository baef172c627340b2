#!/usr/bin/env bash
# Knot DNS's semantic-check zones (shared/peer-suites/knot-semantic-checks, beside the repository) run
# against the built binary. Every case must pass except the documented manifest disagreements;
# the whole suite's score is printed.
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
# Debian's python3 starts in a tenth of the time of some locally installed ones; run.sh calls it per case.
PATH=/usr/bin:$PATH bash "$SUITE/run.sh" "$BIN" >"$OUT" 2>&1
cat "$OUT"
# Every case must pass, except the manifest lines we believe are wrong (tests/knot-manifest-
# disagreements.tsv, with the RFC text): those must report the name we consider right instead.
bad=0
while IFS=$'\t' read -r case origin now expected; do
  [ "$case" = case ] && continue
  grep -qE "^PASS $(printf '%s' "$case" | sed 's/[.]/\\./g')$" "$OUT" && continue
  alt=$(awk -F'\t' -v c="$case" '$1 == c {print $2}' "$ROOT/tests/knot-manifest-disagreements.tsv")
  if [ -n "$alt" ]; then
    args=(lint --now "$now" --format json)
    [ "$origin" != auto ] && args+=(--origin "$origin")
    if "$BIN" "${args[@]}" "$SUITE/zones/$case" 2>/dev/null | grep -q "\"name\":\"$alt\""; then
      echo "DISAGREE $case: manifest expects '$expected'; danelint reports '$alt' (see tests/knot-manifest-disagreements.tsv)"
      continue
    fi
  fi
  echo "FAILED $case"
  bad=$((bad + 1))
done <"$SUITE/MANIFEST.tsv"
echo "conformance: $bad case(s) failing beyond the documented disagreements"
[ $bad -eq 0 ]
