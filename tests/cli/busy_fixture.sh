#!/usr/bin/env bash
# Writes a deployment with many findings of many rules into DIR (used by test_determinism.sh and
# test_no_network.sh): three zones with TLSA, RRSIG and parse problems, certificates, a config.
#   bash tests/cli/busy_fixture.sh DIR
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
hex=0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6
for z in alpha beta gamma; do
  {
    printf '$ORIGIN %s.example.\n$TTL 3600\n' "$z"
    printf '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n'
    for i in $(seq 1 150); do
      printf '_25._tcp.mx%d IN TLSA %d %d %d %s\n' "$i" $((i % 5)) $((i % 3)) $((i % 4)) "$hex"
      printf '_25._tcp.mx%d IN TLSA 3 1 1 %s\n' "$i" "$hex"
      printf 'host%d IN A 192.0.2.%d\n' "$i" $((i % 250 + 1))
      printf 'host%d IN RRSIG A 13 3 3600 %s 20240101000000 %d %s.example. AAAA\n' "$i" \
        "$([ $((i % 3)) = 0 ] && echo 20241201000000 || echo 20250102000000)" $((i * 7)) "$z"
      [ $((i % 25)) = 0 ] && printf 'bad%d IN TLSA 3 1 1 0C7\n' "$i"
      [ $((i % 30)) = 0 ] && printf '_443._tcp.www%d IN TLSA 3 1 1 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855\n' "$i"
    done
  } >"$out/$z.zone"
done
cp "$here/fuzz/seeds/material_bytes/chain.pem" "$out/chain.pem"
cp "$here/fuzz/seeds/material_bytes/key-ec.pem" "$out/key.pem"
cat >"$out/danelint.toml" <<'TOML'
[lint]
select = ["ALL"]
fail-on = "warning"

[[zone]]
file = "alpha.zone"

[[zone]]
file = "beta.zone"

[[service]]
host = "mx1.alpha.example"
chains = ["chain.pem"]
keys = ["key.pem"]
TOML
