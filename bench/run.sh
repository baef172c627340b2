#!/usr/bin/env bash
# Benchmarks `danelint lint` against the peers on the same signed zones, side by side.
#
#   bench/run.sh [--sizes "10000 100000"] [--algs "ecdsa rsa ed25519"] [--denial "nsec nsec3"]
#                [--runs 3] [--bin build/danelint] [--work DIR] [--prepare-only] [--danelint-only]
#
# (a) generates zones (bench/gen_zone.py), (b) signs them with dnssec-signzone, (c) runs danelint and
# kzonecheck, dnssec-verify, ldns-verify-zone and validns (where it can verify the algorithm) on the same
# file at the same time, alternating the order, and reports median wall, CPU and peak RSS with
# danelint/peer ratios, (d) measures the crypto bound: `openssl speed` verifications per second x cores
# against the zone's RRSIG count. Then zone-only linting (--no-verify) in MB/s, Knot's parse time
# (kzonecheck -d off), the same two on the unsigned zone, and `danelint gen` on one certificate. The 1M size is opt-in (--sizes 1000000).
# Needs the packages in tools/packages-bench.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
sizes="10000 100000"; algs="ecdsa rsa ed25519"; denials="nsec nsec3"; runs=3; prepare_only=0; danelint_only=0
bin="$repo/build/danelint"; work="${TMPDIR:-/tmp}/danelint-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --algs) algs=$2; shift 2 ;;
    --denial) denials=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --bin) bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --work) work=$2; shift 2 ;;
    --prepare-only) prepare_only=1; shift ;;
    --danelint-only) danelint_only=1; shift ;;  # e.g. the 1M size, for the scaling factor alone
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "build danelint first ($bin)" >&2; exit 2; }
for t in /usr/bin/time bc kzonecheck dnssec-verify ldns-verify-zone dnssec-signzone; do
  command -v "$t" >/dev/null || { echo "needs $t: apt-get install \$(grep -v '^#' tools/packages-bench.txt)" >&2; exit 2; }
done
mkdir -p "$work"
cores=$(nproc)
origin=bench.example.

declare -A alg_name=([ecdsa]=ECDSAP256SHA256 [rsa]=RSASHA256 [ed25519]=ED25519)
declare -A alg_bits=([ecdsa]= [rsa]="-b 2048" [ed25519]=)
declare -A speed_arg=([ecdsa]=ecdsap256 [rsa]=rsa2048 [ed25519]=ed25519)

# Verifications per second per core of the library danelint verifies with (the crypto bound's
# denominator): `openssl speed` for ECDSA and RSA; for Ed25519, libsodium (bench/ed25519_speed.cpp,
# which also prints OpenSSL's rate for comparison), since danelint verifies Ed25519 with libsodium.
# For RSA a second figure follows: the rate of danelint's own RSA path (bench/rsa_speed.cpp, built in
# the build directory of --bin), which skips EVP's per-call set-up and so beats `openssl speed`.
# This kind of VM drifts by 10-30% within a minute, so a rate taken apart from the runs misstates
# the bound: it is measured for 3 s before and after each zone's runs and for 1 s right before each
# danelint run, and the median of those is used.
# verify_rate ALG SECONDS: prints "rate own_rate" (own_rate "-" where there is none).
verify_rate() {
  local out own=- secs=$2
  case "$1" in
    rsa) out=$(openssl speed -seconds "$secs" rsa2048 2>/dev/null)
         [ -n "$rsa_speed" ] && own=$("$rsa_speed" "$secs" | awk '$1 == "danelint" {print $2}')
         echo "$(echo "$out" | awk '/^rsa 2048 bits/ {print $(NF)}') $own" ;;
    ecdsa) out=$(openssl speed -seconds "$secs" ecdsap256 2>/dev/null)
           echo "$(echo "$out" | awk '/nistp256\)/ {print $(NF)}' | tail -1) -" ;;
    ed25519)
      [ "$work/ed25519_speed" -nt "$here/ed25519_speed.cpp" ] && [ "$work/ed25519_speed" -nt "$here/verify_rate.hpp" ] || g++ -O2 -o "$work/ed25519_speed" "$here/ed25519_speed.cpp" -lsodium -lcrypto
      out=$("$work/ed25519_speed" "$secs")
      [ "$secs" -lt 3 ] || echo "Ed25519 verify/s/core: $(echo "$out" | tr '\n' ' ')" >&2
      echo "$(echo "$out" | awk '$1 == "libsodium" {print $2}') -" ;;
  esac
}

# danelint's RSA-path probe, built once in the build directory of --bin (none outside a CMake build).
rsa_speed=""
if [[ " $algs " == *" rsa "* ]] && [ -f "$(dirname "$bin")/CMakeCache.txt" ] &&
   cmake --build "$(dirname "$bin")" --target rsa_speed >/dev/null 2>&1; then
  rsa_speed="$(dirname "$bin")/rsa_speed"
fi

# RRSIG records (not the word RRSIG in NSEC bitmaps) in dnssec-signzone's output.
count_rrsigs() { awk '($1 ~ /^[0-9]+$/ && $2 == "RRSIG") || ($3 == "IN" && $4 == "RRSIG")' "$1" | wc -l; }

# measure LABEL -- command... : appends "LABEL wall cpu rss_kb exit" to $results
measure() {
  local label=$1; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >"$work/out.txt" 2>"$work/err.txt" && rc=0 || rc=$?
  # GNU time writes "Command exited with non-zero status N" before the numbers.
  read -r wall user sys rss < <(tail -n 1 "$work/time.out") || true
  echo "$label $wall $(echo "$user + $sys" | bc) $rss $rc" >>"$results"
}

# measure_fine: the same, with the wall time from bash's microsecond clock, for the zone-only runs:
# GNU time's %e has 10 ms steps, a tenth of a zone-only run of the unsigned 100k-name zone.
measure_fine() {
  local label=$1; shift 2
  local t0=$EPOCHREALTIME
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >"$work/out.txt" 2>"$work/err.txt" && rc=0 || rc=$?
  local t1=$EPOCHREALTIME
  read -r wall user sys rss < <(tail -n 1 "$work/time.out") || true
  echo "$label $(echo "$t1 - $t0" | bc) $(echo "$user + $sys" | bc) $rss $rc" >>"$results"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
row() { printf '%-30s %-18s %8s %8s %8s %7s %s\n' "$@"; }

prepare() {  # size alg denial -> signed zone path
  local size=$1 alg=$2 denial=$3
  local src="$work/zone-$size.txt" kdir="$work/keys-$alg" zone="$work/$size-$alg-$denial.signed"
  [ -s "$src" ] || python3 "$here/gen_zone.py" "$origin" "$size" "$src"
  if [ ! -d "$kdir" ]; then
    mkdir -p "$kdir"
    dnssec-keygen -q -K "$kdir" -a "${alg_name[$alg]}" ${alg_bits[$alg]} -f KSK "$origin" >/dev/null
    dnssec-keygen -q -K "$kdir" -a "${alg_name[$alg]}" ${alg_bits[$alg]} "$origin" >/dev/null
  fi
  if [ ! -s "$zone" ]; then
    local nsec3=(); [ "$denial" = nsec3 ] && nsec3=(-3 - -H 0)
    # Signed now-1d .. now+30d: dnssec-verify has no clock option, so all tools check "now".
    (cd "$work" && dnssec-signzone -q -K "$kdir" -S -o "$origin" "${nsec3[@]}" -s now-86400 -e now+2592000 \
      -f "$zone.tmp" "$src" >/dev/null && mv "$zone.tmp" "$zone")
  fi
  echo "$zone"
}

# validns 0.8 predates Ed25519, and on Debian 12 (OpenSSL 3) it cannot build ECDSA keys ("error
# building pkey"): it runs only where a probe shows it verifying signatures.
validns_works() {
  command -v validns >/dev/null || return 1
  [ "$2" = ed25519 ] && return 1
  local out
  out=$(validns -z "$origin" -t "$3" -p all "$1" 2>&1 || true)  # not in a pipe: pipefail would hide grep's answer
  ! grep -q "error building pkey\|unsupported algorithm" <<<"$out"
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $cores cores," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), kernel $(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $("$bin" --version 2>/dev/null | head -1), $(kzonecheck --version 2>&1 | head -1)," \
  "dnssec-verify $(dnssec-verify -V 2>&1 | head -1 | awk '{print $2}'), ldns-verify-zone $(ldns-verify-zone -v 2>&1 | head -1 | tr -d '()' | awk '{print $NF}')," \
  "validns $(dpkg-query -W -f '${Version}' validns 2>/dev/null || echo -), $(openssl version | cut -d' ' -f1-2)"
row zone tool "wall(s)" "cpu(s)" "rss(MB)" ratio note
for size in $sizes; do
  # Zone-only linting of the unsigned zone that the signed ones are made from. Its records are small
  # (38 octets each at 100k names), so the cost per record, not per byte, sets the pace: the hardest case
  # for MB/s. At least 11 alternating runs, as a run is short.
  src="$work/zone-$size.txt"
  [ -s "$src" ] || python3 "$here/gen_zone.py" "$origin" "$size" "$src"
  if [ "$prepare_only" != 1 ]; then
    results="$work/results-$size-unsigned.txt"; : >"$results"
    now=$(date -u +%s)
    bytes=$(stat -c %s "$src")
    label="$size unsigned $(echo "scale=1; $bytes / 1000000" | bc)MB"
    for ((r = 1; r <= (runs > 11 ? runs : 11); r++)); do
      tools=(danelint-no-verify kzonecheck-parse)
      [ $((r % 2)) -eq 0 ] && tools=(kzonecheck-parse danelint-no-verify)
      [ "$danelint_only" = 1 ] && tools=(danelint-no-verify)
      for t in "${tools[@]}"; do
        case $t in
          danelint-no-verify) measure_fine "$t" -- "$bin" lint --no-config --now "$now" --no-verify --format json "$src" ;;
          kzonecheck-parse) measure_fine "$t" -- kzonecheck -o "$origin" -d off -t "$now" "$src" ;;
        esac
      done
    done
    d_wall=$(awk '$1=="danelint-no-verify" {print $2}' "$results" | median)
    for t in danelint-no-verify kzonecheck-parse; do
      grep -q "^$t " "$results" || continue
      wall=$(awk -v t=$t '$1==t {print $2}' "$results" | median)
      cpu=$(awk -v t=$t '$1==t {print $3}' "$results" | median)
      rss=$(awk -v t=$t '$1==t {print $4}' "$results" | median)
      rc=$(awk -v t=$t '$1==t {print $5}' "$results" | sort -u | tr '\n' ',')
      if [ "$t" = danelint-no-verify ]; then
        row "$label" "$t" "$(printf %.3f "$wall")" "$cpu" "$((rss / 1024))" "" "$(echo "$bytes / $wall / 1000000" | bc -l | xargs printf %.0f) MB/s, exit ${rc%,}"
      else
        row "$label" "$t" "$(printf %.3f "$wall")" "$cpu" "$((rss / 1024))" "$(echo "scale=2; $d_wall / $wall" | bc)" "Knot parse + checks, no DNSSEC, exit ${rc%,}"
      fi
    done
  fi
  for alg in $algs; do
    for denial in $denials; do
      zone=$(prepare "$size" "$alg" "$denial")
      [ "$prepare_only" = 1 ] && continue
      rates="$work/rates.txt"; verify_rate "$alg" 3 >"$rates"
      now=$(date -u +%s)
      sigs=$(count_rrsigs "$zone")
      bytes=$(stat -c %s "$zone")
      mb=$(echo "scale=1; $bytes / 1000000" | bc)
      use_validns=0; [ "$danelint_only" = 0 ] && validns_works "$zone" "$alg" "$now" && use_validns=1
      results="$work/results-$size-$alg-$denial.txt"; : >"$results"
      for ((r = 1; r <= runs; r++)); do
        # Alternate the order each run so no tool always runs on a warm or cold cache.
        tools=(danelint kzonecheck dnssec-verify ldns-verify-zone validns)
        [ $((r % 2)) -eq 0 ] && tools=(validns ldns-verify-zone dnssec-verify kzonecheck danelint)
        [ "$danelint_only" = 1 ] && tools=(danelint)
        for t in "${tools[@]}"; do
          case $t in
            danelint) verify_rate "$alg" 1 >>"$rates"
                      measure danelint -- "$bin" lint --no-config --now "$now" --select SIG,KEY,DS,NSEC --format json "$zone" ;;
            kzonecheck) measure kzonecheck -- kzonecheck -o "$origin" -d on -t "$now" "$zone" ;;
            dnssec-verify) measure dnssec-verify -- dnssec-verify -q -o "$origin" "$zone" ;;
            ldns-verify-zone) measure ldns-verify-zone -- ldns-verify-zone -V 1 -t "$(date -u -d @"$now" +%Y%m%d%H%M%S)" "$zone" ;;
            validns) [ "$use_validns" = 1 ] && measure validns -- validns -z "$origin" -t "$now" -p all "$zone" ;;
          esac
        done
        # Zone-only lint (every rule but the signature checks) and Knot's zone parser with its
        # DNSSEC checks off: both read the whole file without verifying signatures.
        measure_fine danelint-no-verify -- "$bin" lint --no-config --now "$now" --no-verify --format json "$zone"
        [ "$danelint_only" = 1 ] || measure_fine kzonecheck-parse -- kzonecheck -o "$origin" -d off -t "$now" "$zone"
      done
      verify_rate "$alg" 3 >>"$rates"
      rate=$(awk '{print $1}' "$rates" | median)
      rate_range="$(awk '{print $1}' "$rates" | sort -n | head -1)-$(awk '{print $1}' "$rates" | sort -n | tail -1)"
      own_bound=""
      if ! grep -q -- ' -$' "$rates"; then
        own_rate=$(awk '{print $2}' "$rates" | median)
        own_range="$(awk '{print $2}' "$rates" | sort -n | head -1)-$(awk '{print $2}' "$rates" | sort -n | tail -1)"
        own_bound=$(echo "scale=2; $sigs / ($own_rate * $cores)" | bc)
      fi
      label="$size $alg/$denial ${mb}MB"
      d_wall=$(awk '$1=="danelint" {print $2}' "$results" | median)
      fastest=""; parse_wall=""
      for t in danelint kzonecheck dnssec-verify ldns-verify-zone validns danelint-no-verify kzonecheck-parse; do
        grep -q "^$t " "$results" || continue
        wall=$(awk -v t=$t '$1==t {print $2}' "$results" | median)
        cpu=$(awk -v t=$t '$1==t {print $3}' "$results" | median)
        rss=$(awk -v t=$t '$1==t {print $4}' "$results" | median)
        rc=$(awk -v t=$t '$1==t {print $5}' "$results" | sort -u | tr '\n' ',')
        case $t in
          danelint-no-verify)
            row "$label" "$t" "$(printf %.3f "$wall")" "$cpu" "$((rss / 1024))" "" "$(echo "$bytes / $wall / 1000000" | bc -l | xargs printf %.0f) MB/s, exit ${rc%,}" ;;
          kzonecheck-parse)
            parse_wall=$wall
            row "$label" "$t" "$(printf %.3f "$wall")" "$cpu" "$((rss / 1024))" "" "Knot parse + checks, no DNSSEC, exit ${rc%,}" ;;
          *)
            ratio=$(echo "scale=2; $d_wall / $wall" | bc)
            [ "$t" != danelint ] && [ "$rc" = "0," ] && { [ -z "$fastest" ] || [ "$(echo "$wall < $fastest" | bc)" = 1 ]; } && fastest=$wall
            row "$label" "$t" "$wall" "$cpu" "$((rss / 1024))" "$ratio" "exit ${rc%,}" ;;
        esac
      done
      [ "$use_validns" = 1 ] || [ "$danelint_only" = 1 ] || row "$label" validns "-" "-" "-" "" "cannot verify ${alg_name[$alg]} here"
      # Crypto bound: every RRSIG verified once, on all cores, at `openssl speed`'s rate.
      bound=$(echo "scale=2; $sigs / ($rate * $cores)" | bc)
      row "$label" "crypto bound" "$bound" "" "" "$(echo "scale=2; $d_wall / $bound" | bc)" \
        "$sigs RRSIGs, ${rate}/s/core x $cores (median of $(wc -l <"$rates") measurements, $rate_range)"
      # danelint's RSA path is faster than `openssl speed`, so its own rate gives the lower (stricter)
      # bound; the RSA target is relative to the larger of that bound and Knot's parse time.
      if [ -n "$own_bound" ]; then
        row "$label" "own-path bound" "$own_bound" "" "" "$(echo "scale=2; $d_wall / $own_bound" | bc)" \
          "at danelint's RSA path rate, ${own_rate}/s/core (median, $own_range)"
      fi
      if [ "$alg" = rsa ] && [ -n "$parse_wall" ]; then
        rsa_bound=$bound; [ -n "$own_bound" ] && [ "$(echo "$own_bound < $bound" | bc)" = 1 ] && rsa_bound=$own_bound
        [ "$(echo "$parse_wall > $rsa_bound" | bc)" = 1 ] && rsa_bound=$parse_wall
        row "$label" "max(bound, parse)" "$(printf %.2f "$rsa_bound")" "" "" "$(echo "scale=2; $d_wall / $rsa_bound" | bc)" \
          "the smaller bound or Knot's parse, whichever is larger"
      fi
      [ -n "$fastest" ] && row "$label" "fastest peer" "$fastest" "" "" "$(echo "scale=2; $d_wall / $fastest" | bc)" ""
    done
  done
done
[ "$prepare_only" = 1 ] && exit 0

# danelint gen on one certificate: process wall time (bash's EPOCHREALTIME, no fork around the
# measurement), median of 21 runs.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/gen.key" -out "$work/gen.pem" \
  -subj /CN=mail.bench.example -addext basicConstraints=critical,CA:FALSE -days 30 2>/dev/null
for ((r = 1; r <= 21; r++)); do
  t0=$EPOCHREALTIME
  "$bin" gen --cert "$work/gen.pem" --host mail.bench.example >/dev/null
  t1=$EPOCHREALTIME
  echo "$t1 - $t0" | bc
done | median | awk '{printf "%-30s %-18s %8.4f %s\n", "gen (one certificate)", "danelint gen", $1, "s wall, median of 21"}'
echo "ratio = danelint wall / tool wall (below 1: danelint is faster); medians of $runs runs"
