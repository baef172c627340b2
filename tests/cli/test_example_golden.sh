#!/usr/bin/env bash
# The bundled example deployment, linted at a fixed time, against golden text and JSON outputs.
# UPDATE_GOLDEN=1 rewrites them (review the diff before committing).
source "$(dirname "$0")/lib.sh" "$1"
cd "$REPO/testdata/example"
for fmt in text json; do
  ext=$([ $fmt = text ] && echo txt || echo json)
  "$BIN" lint --now 2026-06-01T00:00:00Z --format $fmt >"$TMP/example.$ext" 2>"$TMP/err.$ext"
  rc=$?
  [ $rc -eq 1 ] && pass "example exits 1 ($fmt)" || fail "example exit $rc ($fmt)"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$TMP/example.$ext" "$REPO/testdata/golden/deployment.$ext"; fi
  if cmp -s "$TMP/example.$ext" "$REPO/testdata/golden/deployment.$ext"; then pass "golden $ext"; else
    fail "golden $ext differs"; diff "$REPO/testdata/golden/deployment.$ext" "$TMP/example.$ext" | head -30; fi
done
# Same bytes whatever the number of threads.
"$BIN" lint --now 2026-06-01T00:00:00Z --format json --jobs 1 >"$TMP/j1.json" 2>/dev/null
"$BIN" lint --now 2026-06-01T00:00:00Z --format json --jobs 4 >"$TMP/j4.json" 2>/dev/null
cmp -s "$TMP/j1.json" "$TMP/j4.json" && pass "output identical for --jobs 1 and 4" || fail "--jobs changes output"
finish
