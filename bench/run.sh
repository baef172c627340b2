#!/usr/bin/env bash
# Benchmarks `danelint lint` against the peers on the same signed zones, side by side.
#
#   bench/run.sh [--sizes "10000 100000"] [--algs "ecdsa rsa ed25519"] [--denial "nsec nsec3"]
#                [--runs 3] [--bin build/danelint] [--work DIR]
#
# (a) generates zones (bench/gen_zone.py), (b) signs them with dnssec-signzone, (c) runs danelint and
# kzonecheck, dnssec-verify, ldns-verify-zone and validns (where it supports the algorithm) on the same
# file at the same time, alternating, and reports median wall, CPU and peak RSS with danelint/peer
# ratios, (d) measures the crypto bound: `openssl speed` verifications per second x cores against the
# zone's RRSIG count. The 1M size is opt-in (--sizes 1000000). Needs GNU time (package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
sizes="10000 100000"; algs="ecdsa rsa ed25519"; denials="nsec nsec3"; runs=3
bin="$repo/build/danelint"; work="${TMPDIR:-/tmp}/danelint-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --algs) algs=$2; shift 2 ;;
    --denial) denials=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --bin) bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build danelint first ($bin)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p "$work"
cores=$(nproc)
origin=bench.example.

declare -A alg_name=([ecdsa]=ECDSAP256SHA256 [rsa]=RSASHA256 [ed25519]=ED25519)
declare -A alg_bits=([ecdsa]= [rsa]="-b 2048" [ed25519]=)
declare -A speed_arg=([ecdsa]=ecdsap256 [rsa]=rsa2048 [ed25519]=ed25519)

# Verify rate per core from `openssl speed` (the crypto bound's numerator).
verify_rate() {
  local out
  out=$(openssl speed -seconds 3 "${speed_arg[$1]}" 2>/dev/null)
  case "$1" in
    rsa) echo "$out" | awk '/^rsa 2048 bits/ {print $(NF)}' ;;
    ecdsa) echo "$out" | awk '/nistp256\)/ {print $(NF)}' | tail -1 ;;
    ed25519) echo "$out" | awk '/Ed25519\)/ {print $(NF)}' | tail -1 ;;
  esac
}

# measure LABEL -- command... : appends "LABEL wall cpu rss_kb exit" to $results
measure() {
  local label=$1; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >/dev/null 2>&1 && rc=0 || rc=$?
  read -r wall user sys rss <"$work/time.out" || true
  echo "$label $wall $(echo "$user + $sys" | bc) $rss $rc" >>"$results"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

printf '%-34s %-16s %9s %9s %9s %7s %s\n' zone tool "wall(s)" "cpu(s)" "rss(MB)" ratio note
for size in $sizes; do
  src="$work/zone-$size.txt"
  [ -s "$src" ] || python3 "$here/gen_zone.py" "$origin" "$size" "$src"
  for alg in $algs; do
    kdir="$work/keys-$alg"
    if [ ! -d "$kdir" ]; then
      mkdir -p "$kdir"
      dnssec-keygen -q -K "$kdir" -a "${alg_name[$alg]}" ${alg_bits[$alg]} -f KSK "$origin" >/dev/null
      dnssec-keygen -q -K "$kdir" -a "${alg_name[$alg]}" ${alg_bits[$alg]} "$origin" >/dev/null
    fi
    rate=$(verify_rate "$alg")
    for denial in $denials; do
      zone="$work/$size-$alg-$denial.signed"
      if [ ! -s "$zone" ]; then
        nsec3=(); [ "$denial" = nsec3 ] && nsec3=(-3 - -H 0)
        # Signed now-1d .. now+30d: dnssec-verify has no clock option, so all tools check "now".
        dnssec-signzone -q -K "$kdir" -S -o "$origin" "${nsec3[@]}" -s now-86400 -e now+2592000 \
          -f "$zone" "$src" >/dev/null
      fi
      now=$(date -u +%s)
      sigs=$(grep -c 'RRSIG' "$zone" || true)
      mb=$(du -m "$zone" | cut -f1)
      results="$work/results-$size-$alg-$denial.txt"; : >"$results"
      for ((r = 1; r <= runs; r++)); do
        # Alternate the order each run so no tool always runs on a warm or cold cache.
        tools=(danelint kzonecheck dnssec-verify ldns-verify-zone validns)
        [ $((r % 2)) -eq 0 ] && tools=(validns ldns-verify-zone dnssec-verify kzonecheck danelint)
        for t in "${tools[@]}"; do
          case $t in
            danelint) measure danelint -- "$bin" lint --no-config --now "$now" --select SIG,KEY,DS,NSEC --format json "$zone" ;;
            kzonecheck) measure kzonecheck -- kzonecheck -o "$origin" -d on -t "$now" "$zone" ;;
            dnssec-verify) measure dnssec-verify -- dnssec-verify -q -o "$origin" "$zone" ;;
            ldns-verify-zone) measure ldns-verify-zone -- ldns-verify-zone -V 1 -t "$(date -u -d @"$now" +%Y%m%d%H%M%S)" "$zone" ;;
            validns)
              command -v validns >/dev/null || continue
              [ "$alg" = ed25519 ] && continue  # validns 0.8 predates Ed25519
              measure validns -- validns -z "$origin" -t "$now" -p all "$zone" ;;
          esac
        done
      done
      # Crypto bound: every RRSIG verified once, on all cores, at `openssl speed`'s rate.
      bound=$(echo "scale=2; $sigs / ($rate * $cores)" | bc)
      d_wall=$(awk '$1=="danelint" {print $2}' "$results" | median)
      label="$size $alg/$denial (${mb}MB)"
      for t in danelint kzonecheck dnssec-verify ldns-verify-zone validns; do
        grep -q "^$t " "$results" || continue
        wall=$(awk -v t=$t '$1==t {print $2}' "$results" | median)
        cpu=$(awk -v t=$t '$1==t {print $3}' "$results" | median)
        rss=$(awk -v t=$t '$1==t {print $4}' "$results" | median)
        rc=$(awk -v t=$t '$1==t {print $5}' "$results" | sort -u | tr '\n' ',')
        ratio=$(echo "scale=2; $d_wall / $wall" | bc)
        printf '%-34s %-16s %9s %9s %9s %7s %s\n' "$label" "$t" "$wall" "$cpu" "$((rss / 1024))" "$ratio" "exit ${rc%,}"
      done
      printf '%-34s %-16s %9s %9s %9s %7s %s\n' "$label" "crypto bound" "$bound" "" "" \
        "$(echo "scale=2; $d_wall / $bound" | bc)" "$sigs RRSIGs, ${rate}/s/core x $cores"
    done
  done
done
echo "ratio = danelint wall / tool wall (below 1: danelint is faster); medians of $runs runs"
