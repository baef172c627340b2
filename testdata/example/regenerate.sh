#!/usr/bin/env bash
# Regenerates the example deployment: a signed zone for example.com. with two mail hosts, its DNSSEC
# keys and the DS the parent holds, the mail hosts' certificate chains and keys, and TLSA records.
# Everything is made with Debian's dnssec-keygen/dnssec-signzone (bind9-utils) and openssl.
# Signatures and certificates run from 2026-01-01 to 2036-01-01, so `danelint lint --now 2026-06-01`
# shows a stable result. Deliberate mistakes (so the demo shows findings) are marked "MISTAKE".
set -euo pipefail
cd "$(dirname "$0")"
rm -rf zones keys certs
mkdir -p zones keys certs
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# --- certificates: a private CA, and one leaf per mail host (RSA for mx1, ECDSA for mx2) ---
cat >"$tmp/ca.cnf" <<'CNF'
[ca]
default_ca = ca
[ca]
dir = .
database = $ENV::CADIR/index.txt
new_certs_dir = $ENV::CADIR
serial = $ENV::CADIR/serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
[anything]
commonName = supplied
organizationName = optional
[v3_leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF
export CADIR=$tmp SAN=DNS:unused
touch "$tmp/index.txt"; echo 1000 >"$tmp/serial"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out certs/ca.key 2>/dev/null
openssl req -new -key certs/ca.key -subj "/O=Example Mail CA/CN=Example Mail Root" -out "$tmp/ca.csr"
openssl ca -batch -config "$tmp/ca.cnf" -selfsign -keyfile certs/ca.key -in "$tmp/ca.csr" -extensions v3_ca \
  -startdate 20260101000000Z -enddate 20360101000000Z -out certs/ca.pem -notext 2>/dev/null
leaf() { # host keyspec
  local host=$1; shift
  openssl genpkey "$@" -out "certs/$host.key" 2>/dev/null
  openssl req -new -key "certs/$host.key" -subj "/CN=$host.example.com" -out "$tmp/$host.csr"
  SAN="DNS:$host.example.com" openssl ca -batch -config "$tmp/ca.cnf" -cert certs/ca.pem -keyfile certs/ca.key \
    -in "$tmp/$host.csr" -extensions v3_leaf -startdate 20260101000000Z -enddate 20360101000000Z \
    -out "$tmp/$host.crt" -notext 2>/dev/null
  cat "$tmp/$host.crt" certs/ca.pem >"certs/$host.pem"   # chain file: leaf first, then the CA
}
leaf mx1 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
leaf mx2 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
# The key mx1 will switch to at its next renewal, pre-published as 3 1 1 (RFC 7671 §8.1).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out certs/mx1-next.key 2>/dev/null
openssl pkey -in certs/mx1-next.key -pubout -out certs/mx1-next.pub

spki256() { openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }
cert256() { openssl x509 -in "$1" -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1; }

# --- the zone ---
cat >zones/example.com.zone <<ZONE
\$ORIGIN example.com.
\$TTL 3600
@       IN SOA  ns1.example.com. hostmaster.example.com. (
                2026010101 ; serial
                7200       ; refresh
                3600       ; retry
                1209600    ; expire
                3600 )     ; negative-caching TTL
        IN NS   ns1.example.com.
        IN NS   ns2.example.net.
        IN MX   10 mx1.example.com.
        IN MX   20 mx2.example.com.
ns1     IN A    192.0.2.53
        IN AAAA 2001:db8::53
mx1     IN A    192.0.2.25
        IN AAAA 2001:db8::25
mx2     IN A    192.0.2.26
www     IN A    192.0.2.80
; DANE for SMTP: the current key and the next one for mx1
_25._tcp.mx1 IN TLSA 3 1 1 $(spki256 certs/mx1.key)
_25._tcp.mx1 IN TLSA 3 1 1 $(spki256 certs/mx1-next.key)
; MISTAKE: PKIX-EE (usage 1) is unusable for SMTP; 3 1 1 was meant
_25._tcp.mx2 IN TLSA 1 1 1 $(spki256 certs/mx2.key)
; MISTAKE: a leftover full-certificate pin that changes at every renewal
_25._tcp.mx2 IN TLSA 3 0 1 $(cert256 certs/mx2.pem)
ZONE

# --- DNSSEC: ECDSAP256SHA256 KSK + ZSK, signed for ten years ---
dnssec-keygen -q -K keys -a ECDSAP256SHA256 -f KSK -n ZONE example.com >/dev/null
dnssec-keygen -q -K keys -a ECDSAP256SHA256 -n ZONE example.com >/dev/null
cp zones/example.com.zone "$tmp/zone"
for k in keys/*.key; do echo "\$INCLUDE $PWD/$k" >>"$tmp/zone"; done
dnssec-signzone -q -K keys -d zones -o example.com. -s 20260101000000 -e 20360101000000 \
  -f zones/example.com.zone.signed "$tmp/zone" >/dev/null
# dsset-example.com. holds the DS records the parent publishes.
mv zones/dsset-example.com. zones/example.com.ds
echo "regenerated: $(ls zones keys certs | tr '\n' ' ')"
