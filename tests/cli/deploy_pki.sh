# Sourced by test_deploy_scenarios.sh: makes the certificates and keys the scenarios under
# testdata/deploy/ refer to as pki/<file>, with openssl only, into the directory $1.
# Fresh keys every run; nothing here is committed.
make_pki() {
  local d=$1
  mkdir -p "$d" && cd "$d" || return 1
  cat > req.cnf <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
CNF
  local ec="-newkey ec -pkeyopt ec_paramgen_curve:P-256"
  local ca="-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
  local ee="-addext basicConstraints=critical,CA:FALSE -addext keyUsage=critical,digitalSignature,keyEncipherment"
  req() { openssl req -config req.cnf -noenc -sha256 "$@" 2>/dev/null; }
  # A root, an intermediate and leaves under it.
  req -x509 $ec -keyout root.key -out root.pem -days 3650 -subj "/O=Test DANE/CN=Test Root CA" $ca
  req $ec -keyout int.key -out int.pem -days 1825 -subj "/O=Test DANE/CN=Test Issuing CA" $ca -CA root.pem -CAkey root.key
  req $ec -keyout int-short.key -out int-short.pem -days 5 -subj "/O=Test DANE/CN=Short-lived CA" $ca -CA root.pem -CAkey root.key
  req -x509 $ec -keyout other-root.key -out other-root.pem -days 3650 -subj "/O=Elsewhere/CN=Unrelated Root" $ca
  leaf() {  # leaf NAME SAN ISSUER [extra req args...]
    local name=$1 san=$2 issuer=$3; shift 3
    req ${KEYOPT:-$ec} -keyout "$name.key" -out "$name.pem" -days 365 -subj "/O=Test DANE/CN=${san%%,*}" $ee \
      -addext "subjectAltName=DNS:${san//,/,DNS:}" -CA "$issuer.pem" -CAkey "$issuer.key" "$@"
  }
  leaf mx1 mx1.example.com int
  leaf mx2 mx2.example.com int
  KEYOPT="-newkey rsa:2048" leaf mx1-rsa mx1.example.com int
  leaf www www.example.net int
  leaf mx1-short mx1.example.com int-short
  leaf mx1-brief mx1.example.com int -days 2
  cat mx1.pem int.pem > mx1-chain.pem
  cat mx2.pem int.pem > mx2-chain.pem
  cat mx1-rsa.pem int.pem > mx1-rsa-chain.pem
  cat www.pem int.pem > www-chain.pem
  cat mx1-brief.pem int.pem > mx1-brief-chain.pem
  cat mx1-short.pem int-short.pem root.pem > mx1-short-full-chain.pem
  cat mx1.pem int.pem other-root.pem > mx1-mixed-chain.pem
  cat int.pem mx1.pem > mx1-reversed-chain.pem
  # Self-signed leaves: CA:FALSE; the openssl default CA:TRUE; weak RSA-1024; stock sample names.
  req -x509 $ec -keyout ss.key -out ss.pem -days 365 -subj "/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  req -x509 $ec -keyout ssca.key -out ssca.pem -days 365 -subj "/CN=mx1.example.com" $ca -addext "subjectAltName=DNS:mx1.example.com"
  req -x509 -newkey rsa:1024 -keyout weak.key -out weak.pem -days 365 -subj "/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  req -x509 -newkey ec -pkeyopt ec_paramgen_curve:secp256k1 -keyout k1.key -out k1.pem -days 365 -subj "/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  req -x509 $ec -keyout sample.key -out sample.pem -days 365 \
    -subj "/C=AU/ST=Some-State/O=Internet Widgits Pty Ltd/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  req -x509 $ec -keyout denied.key -out denied.pem -days 365 -subj "/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  # Keys: a previous key and certificate (rotated away), and a staged next key (public only).
  req -x509 $ec -keyout old.key -out old.pem -days 365 -subj "/CN=mx1.example.com" $ee -addext "subjectAltName=DNS:mx1.example.com"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out next.key 2>/dev/null
  openssl pkey -in next.key -pubout -out next.pub 2>/dev/null
  # A user denylist holding the SPKI of denied.pem.
  echo "$(openssl x509 -in denied.pem -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -c1-64)  # test key" > deny.txt
  cd - >/dev/null
}

# tlsa_data S M SPEC: association data with openssl alone. SPEC is FILE (first certificate), FILE#N
# (N-th certificate, from 0), or key:FILE (the key's SPKI).
tlsa_data() {
  local s=$1 m=$2 spec=$3 der
  local tmp; tmp=$(mktemp)
  if [[ $spec == key:* ]]; then
    local f=${spec#key:}
    openssl pkey -in "$f" -pubout -outform DER -out "$tmp" 2>/dev/null || openssl pkey -pubin -in "$f" -outform DER -out "$tmp"
  else
    local f=${spec%#*} n=0
    [[ $spec == *#* ]] && n=${spec#*#}
    awk -v n="$n" '/-----BEGIN CERTIFICATE-----/{i++} i==n+1{print} /-----END CERTIFICATE-----/{if(i==n+1) exit}' "$f" > "$tmp.pem"
    if [[ $s == 0 ]]; then openssl x509 -in "$tmp.pem" -outform DER -out "$tmp"
    else openssl x509 -in "$tmp.pem" -pubkey -noout | openssl pkey -pubin -outform DER -out "$tmp"; fi
    rm -f "$tmp.pem"
  fi
  case $m in
    0) od -An -v -tx1 "$tmp" | tr -d ' \n' ;;
    1) sha256sum "$tmp" | cut -c1-64 ;;
    2) sha512sum "$tmp" | cut -c1-128 ;;
  esac
  rm -f "$tmp"
}

# expand_zone IN OUT: replaces @U S M SPEC@ (and @U S M as S2 M2 SPEC@: data computed under S2 M2)
# with "U S M DATA".
expand_zone() {
  local in=$1 out=$2 line
  : > "$out"
  while IFS= read -r line; do
    while [[ $line =~ @([0-9]+)\ ([0-9]+)\ ([0-9]+)\ (as\ ([0-9]+)\ ([0-9]+)\ )?([^@]+)@ ]]; do
      local u=${BASH_REMATCH[1]} s=${BASH_REMATCH[2]} m=${BASH_REMATCH[3]} spec=${BASH_REMATCH[7]}
      local cs=$s cm=$m
      [[ -n ${BASH_REMATCH[4]} ]] && cs=${BASH_REMATCH[5]} cm=${BASH_REMATCH[6]}
      local data; data=$(tlsa_data "$cs" "$cm" "$spec")
      line=${line/"${BASH_REMATCH[0]}"/"$u $s $m $data"}
    done
    printf '%s\n' "$line" >> "$out"
  done < "$in"
}
