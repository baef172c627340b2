#!/usr/bin/env python3
"""Writes a realistic unsigned zone with N names for benchmarks.

Each name gets a mix of the records that real zones carry: A/AAAA, MX, TXT, some CNAMEs, DANE TLSA
at _25._tcp for mail hosts, and delegations with DS and glue. Deterministic for a given N and seed.
Usage: gen_zone.py ORIGIN N OUTFILE
"""
import hashlib
import random
import sys


def main() -> None:
    origin, n, out = sys.argv[1].rstrip(".") + ".", int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(n)
    with open(out, "w") as f:
        w = f.write
        w(f"$ORIGIN {origin}\n$TTL 3600\n")
        w(f"@ IN SOA ns1 hostmaster 2026010101 7200 3600 1209600 3600\n")
        w("@ IN NS ns1\n@ IN NS ns2\n@ IN MX 10 mail0\n")
        w("ns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n")
        names = 5
        i = 0
        while names < n:
            kind = i % 10
            name = f"h{i}"
            if kind < 5:  # plain hosts
                w(f"{name} IN A 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n")
                w(f"{name} IN AAAA 2001:db8::{i & 0xffff:x}\n")
                if kind == 0:
                    w(f'{name} IN TXT "v=spf1 ip4:10.0.0.0/8 -all" "id={i}"\n')
                names += 1
            elif kind == 5:  # alias
                w(f"{name} IN CNAME h{max(0, i - 5)}\n")
                names += 1
            elif kind in (6, 7):  # mail host with DANE
                w(f"mail{i} IN A 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n")
                digest = hashlib.sha256(f"key{i}".encode()).hexdigest()
                w(f"_25._tcp.mail{i} IN TLSA 3 1 1 {digest}\n")
                w(f"{name} IN MX 10 mail{i}\n")
                names += 3
            else:  # delegation with DS and two in-bailiwick glue addresses (RFC 1034 wants two servers)
                w(f"sub{i} IN NS ns1.sub{i}\nsub{i} IN NS ns2.sub{i}\n")
                w(f"ns1.sub{i} IN A 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n")
                w(f"ns2.sub{i} IN A 10.{(i >> 16 & 255) + 1}.{i >> 8 & 255}.{i & 255}\n")
                digest = hashlib.sha256(f"ds{i}".encode()).hexdigest()
                w(f"sub{i} IN DS {rnd.randrange(1, 65535)} 13 2 {digest}\n")
                names += 2
            i += 1


if __name__ == "__main__":
    main()
