#!/usr/bin/env bash
# Isolation: danelint never looks anything up. (1) The busy fixture gives byte-identical output inside
# a network namespace with no interfaces (`unshare -n`) and outside it; (2) with strace, no socket
# other than AF_UNIX is ever opened; (3) every other CLI test script passes when run entirely inside
# `unshare -n` (loopback brought up when `ip` exists, for tests that start local servers).
# Exit 77 (skip) when unshare -n is not permitted (unprivileged CI without user namespaces).
#   bash tests/cli/test_no_network.sh path/to/danelint
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
if ! unshare -n true 2>/dev/null; then
  if unshare -rn true 2>/dev/null; then
    ns=(unshare -rn)  # user namespace as non-root
  else
    echo "skip: unshare -n is not permitted here (needs root or unprivileged user namespaces)"
    exit 77
  fi
else
  ns=(unshare -n)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$here/tests/cli/busy_fixture.sh" "$tmp/in"
cd "$tmp/in" || exit 1
fail=0

lint=(lint -c danelint.toml --now 2025-01-01T00:00:00Z gamma.zone --jobs 4)
for fmt in text json; do
  "$bin" "${lint[@]}" -f "$fmt" >"$tmp/host.$fmt" 2>&1
  rc_host=$?
  "${ns[@]}" "$bin" "${lint[@]}" -f "$fmt" >"$tmp/ns.$fmt" 2>&1
  rc_ns=$?
  if [ "$rc_host" = "$rc_ns" ] && cmp -s "$tmp/host.$fmt" "$tmp/ns.$fmt"; then
    echo "ok   $fmt output identical without network (exit $rc_ns, $(wc -l <"$tmp/ns.$fmt") lines)"
  else
    echo "FAIL $fmt output differs without network (exit $rc_host vs $rc_ns)"
    diff "$tmp/host.$fmt" "$tmp/ns.$fmt" | head
    fail=1
  fi
done

if command -v strace >/dev/null; then
  # LeakSanitizer cannot run under ptrace; leaks are checked by the other tests.
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -e trace=socket,connect -o "$tmp/trace" \
    "$bin" "${lint[@]}" >/dev/null 2>&1
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -e trace=socket,connect -o "$tmp/trace2" \
    "$bin" lint --no-config --now 2025-01-01T00:00:00Z --service mx.example.com=chain.pem alpha.zone >/dev/null 2>&1
  if grep -hE 'socket\(|connect\(' "$tmp/trace" "$tmp/trace2" | grep -v 'AF_UNIX' >"$tmp/net"; then
    echo "FAIL network system calls:"
    head "$tmp/net"
    fail=1
  else
    echo "ok   strace: no socket other than AF_UNIX ($(cat "$tmp/trace" "$tmp/trace2" | grep -c 'socket(') socket calls in all)"
  fi
else
  echo "note: strace not installed; system-call check skipped"
fi

# The CLI scripts that cover every subcommand and input kind, run inside the namespace. (Not all of
# them: the package build and the long signer and digest matrices add minutes and no new code path.)
up=
command -v ip >/dev/null && up='ip link set lo up 2>/dev/null;'
for name in test_lint_cli test_signed_zone_e2e test_formats test_dnssec_ds test_gen_cli test_gen_nsupdate \
  test_deploy_cli test_rollover test_placement test_example_golden test_malformed; do
  script=$here/tests/cli/$name.sh
  [ -f "$script" ] || { echo "FAIL $name: no such script"; fail=1; continue; }
  out=$("${ns[@]}" bash -c "$up"' cd "$1" && bash "$2" "$3"' _ "$here" "$script" "$bin" 2>&1)
  rc=$?
  case $rc in
    0) echo "ok   $name passes without network" ;;
    77) echo "skip $name (skipped itself)" ;;
    *) echo "FAIL $name without network (exit $rc):"; tail -n 15 <<<"$out"; fail=1 ;;
  esac
done
exit $fail
