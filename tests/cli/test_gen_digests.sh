#!/usr/bin/env bash
# `danelint gen` association data, byte for byte against independent computations: openssl pipelines
# (every key type x usage 3/2 x selector x matching), ldns-dane create -c, danetool --tlsa-rr.
# Keys and certificates are generated here with openssl, in a temp dir.
set -u
BIN=$(realpath "$1")
HERE=$(dirname "$(realpath "$0")")
command -v openssl >/dev/null || { echo "skip: openssl missing"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# shellcheck source=tests/fixtures/gen_lib.sh
source "$HERE/../fixtures/gen_lib.sh"
make_pki "$T"

hexof() { od -An -v -tx1 | tr -d ' \n'; }
digest() {  # matching type on stdin bytes
  case $1 in
    0) hexof ;;
    1) openssl dgst -sha256 -binary | hexof ;;
    2) openssl dgst -sha512 -binary | hexof ;;
  esac
}
gen_data() { "$BIN" gen --host mx.example.com "$@" 2>/dev/null | awk '{print $8}'; }

for kt in $KEYTYPES; do
  for s in 0 1; do
    for m in 0 1 2; do
      # usage 3: the leaf (CA-issued, from the full chain) and the self-signed cert
      if [[ $s == 0 ]]; then want=$(openssl x509 -in "$kt.crt" -outform DER | digest $m)
      else want=$(openssl pkey -in "$kt.key" -pubout -outform DER | digest $m); fi
      got=$(gen_data --cert "$kt.fullchain.pem" -u 3 -s $s -m $m 2>/dev/null)
      check "$kt 3 $s $m leaf from chain vs openssl" "$want" "$got"
      if [[ $s == 0 ]]; then want_ss=$(openssl x509 -in "$kt.ss.crt" -outform DER | digest $m)
      else want_ss=$(openssl x509 -in "$kt.ss.crt" -pubkey -noout | openssl pkey -pubin -outform DER | digest $m); fi
      got=$(gen_data --cert "$kt.ss.crt" -u DANE-EE -s $s -m $m 2>/dev/null)
      check "$kt 3 $s $m self-signed vs openssl" "$want_ss" "$got"
      # DER certificate input
      openssl x509 -in "$kt.crt" -outform DER -out "$kt.crt.der"
      got=$(gen_data --cert "$kt.crt.der" -u 3 -s $s -m $m 2>/dev/null)
      check "$kt 3 $s $m DER cert" "$want" "$got"
      if [[ $s == 1 ]]; then
        # key-only inputs: private key, public key, CSR, DER private key
        check "$kt 3 1 $m private key" "$want" "$(gen_data --key "$kt.key" -u 3 -s 1 -m $m)"
        openssl pkey -in "$kt.key" -pubout -out "$kt.pub"
        check "$kt 3 1 $m public key" "$want" "$(gen_data --cert "$kt.pub" -u 3 -s 1 -m $m)"
        check "$kt 3 1 $m CSR" "$want" "$(gen_data --cert "$kt.csr" -u 3 -s 1 -m $m)"
        openssl pkey -in "$kt.key" -outform DER -out "$kt.key.der"
        check "$kt 3 1 $m DER key" "$want" "$(gen_data --key "$kt.key.der" -u 3 -s 1 -m $m)"
      fi
      # usage 2: the issuing CA (depth 1) and the root (depth 2)
      if [[ $s == 0 ]]; then ta1=$(openssl x509 -in int.crt -outform DER | digest $m); ta2=$(openssl x509 -in root.crt -outform DER | digest $m)
      else ta1=$(openssl pkey -in int.key -pubout -outform DER | digest $m); ta2=$(openssl pkey -in root.key -pubout -outform DER | digest $m); fi
      check "$kt 2 $s $m depth 1" "$ta1" "$(gen_data --cert "$kt.fullchain.pem" -u DANE-TA -s $s -m $m 2>/dev/null)"
      check "$kt 2 $s $m depth 2" "$ta2" "$(gen_data --cert "$kt.fullchain.pem" -u 2 --ta-depth 2 -s $s -m $m 2>/dev/null)"
      check "$kt 2 $s $m --ta-subject" "$ta2" "$(gen_data --cert "$kt.fullchain.pem" -u 2 --ta-subject 'CN=Test Root,O=danelint tests' -s $s -m $m 2>/dev/null)"
      # PKIX usages (port 443) use the same data as their DANE counterparts
      check "$kt 1 $s $m port 443" "$want" "$("$BIN" gen --host mx.example.com -p 443 --cert "$kt.fullchain.pem" -u PKIX-EE -s $s -m $m 2>/dev/null | awk '{print $8}')"
      check "$kt 0 $s $m port 443" "$ta1" "$("$BIN" gen --host mx.example.com -p 443 --cert "$kt.fullchain.pem" -u PKIX-TA -s $s -m $m 2>/dev/null | awk '{print $8}')"
    done
  done
done

# ldns-dane create -c CERTFILE (offline): usage 3 of the leaf, usage 2 of the chain's CA
if command -v ldns-dane >/dev/null; then
  for kt in $KEYTYPES; do
    for s in 0 1; do
      for m in 0 1 2; do
        want=$(ldns-dane -n -c "$kt.crt" create mx.example.com 25 3 $s $m 2>/dev/null | awk '{print $NF}' | tr 'A-F' 'a-f')
        if [[ -z $want ]]; then skip "ldns-dane cannot create $kt 3 $s $m"; continue; fi
        check "$kt 3 $s $m vs ldns-dane" "$want" "$(gen_data --cert "$kt.fullchain.pem" -u 3 -s $s -m $m 2>/dev/null)"
      done
    done
  done
else
  skip "ldns-dane not installed"
fi

# danetool --tlsa-rr: --domain gives DANE usages, --ca the trust anchor, --x509 selector 0
if command -v danetool >/dev/null; then
  for kt in $KEYTYPES; do
    for s in 0 1; do
      for m in 1 2; do
        flags=(--domain); [[ $s == 0 ]] && flags+=(--x509)
        hash=sha256; [[ $m == 2 ]] && hash=sha512
        want=$(danetool --tlsa-rr --load-certificate "$kt.crt" --host mx.example.com --port 25 --hash $hash "${flags[@]}" 2>/dev/null |
               awk -F'[()]' 'NF>2 {split($2, f, " "); print f[4]}' | tr 'A-F' 'a-f')
        if [[ -z $want ]]; then skip "danetool cannot create $kt 3 $s $m"; continue; fi
        check "$kt 3 $s $m vs danetool" "$want" "$(gen_data --cert "$kt.fullchain.pem" -u 3 -s $s -m $m 2>/dev/null)"
        want=$(danetool --tlsa-rr --load-certificate int.crt --ca --host mx.example.com --port 25 --hash $hash "${flags[@]}" 2>/dev/null |
               awk -F'[()]' 'NF>2 {split($2, f, " "); print f[4]}' | tr 'A-F' 'a-f')
        [[ -n $want ]] && check "$kt 2 $s $m vs danetool --ca" "$want" "$(gen_data --cert "$kt.fullchain.pem" -u 2 -s $s -m $m 2>/dev/null)"
      done
    done
  done
else
  skip "danetool not installed"
fi

finish
