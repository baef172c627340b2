#!/usr/bin/python3
"""Denial-of-existence rules (NSEC001-NSEC012) on zones signed here by dnssec-signzone, ldns-signzone and
kzonesign: clean zones stay quiet, one injected fault per copy is reported by the right rule at the right
line, and danelint reports an error exactly when ldns-verify-zone or dnssec-verify rejects the zone.

usage: denial_signers.py PATH-TO-DANELINT     (exit 77 when a signer is missing)
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
ORIGIN = "example.com."
NOW = "2030-01-01T00:00:00Z"           # danelint's clock (the denial rules do not depend on it)
LDNS_T = "20300101000000"              # ldns-verify-zone -t for zones signed 2025..2035
for tool in ("dnssec-keygen", "dnssec-signzone", "dnssec-verify", "ldns-keygen", "ldns-signzone",
             "ldns-verify-zone", "kzonesign"):
    if not shutil.which(tool):
        print(f"SKIP: {tool} not installed")
        sys.exit(77)

ZONE = """$TTL 3600
$ORIGIN example.com.
@ SOA ns1 hostmaster 1 7200 3600 1209600 3600
@ NS ns1
@ MX 10 www
ns1 A 192.0.2.1
www A 192.0.2.2
www AAAA 2001:db8::2
deep.ent A 192.0.2.3
sub NS ns.sub
ns.sub A 192.0.2.53
sec NS ns.other.net.
sec DS 12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
_25._tcp.www TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
"""

TMP = tempfile.mkdtemp(prefix="danelint-denial-")
failures = []
report = []


def sh(cmd, cwd=TMP, check=True):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {p.stderr.strip()}")
    return p


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w") as f:
        f.write(text)
    return path


# ---------------------------------------------------------------- signing
def sign_bind(name, *extra):
    d = os.path.join(TMP, "bind")
    if not os.path.isdir(d):
        os.makedirs(d)
        k = sh(["dnssec-keygen", "-q", "-K", d, "-a", "ECDSAP256SHA256", "-f", "KSK", "example.com"]).stdout.strip()
        z = sh(["dnssec-keygen", "-q", "-K", d, "-a", "ECDSAP256SHA256", "example.com"]).stdout.strip()
        keys = "".join(open(os.path.join(d, n + ".key")).read() for n in (k, z))
        write("bind/zone", ZONE + keys)
    out = os.path.join(TMP, name)
    sh(["dnssec-signzone", "-q", "-O", "full", "-o", "example.com", "-s", "20250101000000", "-e", "20350101000000",
        "-K", d, "-f", out, *extra, os.path.join(d, "zone")], cwd=d)
    return out


def sign_ldns(name, *extra):
    d = os.path.join(TMP, "ldns")
    if not os.path.isdir(d):
        os.makedirs(d)
        write("ldns/zone", ZONE)
        sh(["ldns-keygen", "-a", "ECDSAP256SHA256", "-k", "example.com"], cwd=d)
        sh(["ldns-keygen", "-a", "ECDSAP256SHA256", "example.com"], cwd=d)
    keys = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".key"))
    out = os.path.join(TMP, name)
    sh(["ldns-signzone", "-i", "20250101000000", "-e", "20350101000000", "-o", "example.com", "-f", out, *extra,
        os.path.join(d, "zone"), *[os.path.join(d, k) for k in keys]], cwd=d)
    return out


def sign_knot(name, nsec3):
    d = os.path.join(TMP, "knot-" + name)
    os.makedirs(d)
    write(f"knot-{name}/zone.db", ZONE)
    policy = "    nsec3: on\n    nsec3-iterations: 0\n    nsec3-salt-length: 0\n" if nsec3 else "    nsec3: off\n"
    write(f"knot-{name}/knot.conf", f"""database:
    storage: "{d}"
policy:
  - id: p
    algorithm: ecdsap256sha256
{policy}zone:
  - domain: example.com.
    storage: "{d}"
    file: "zone.db"
    dnssec-signing: on
    dnssec-policy: p
""")
    sh(["kzonesign", "-c", os.path.join(d, "knot.conf"), "-o", os.path.join(d, "out"), "example.com."], cwd=d)
    out = os.path.join(TMP, name)
    shutil.copy(os.path.join(d, "out", "zone.db"), out)
    return out


# ---------------------------------------------------------------- zone lines
def parse(line):
    """(owner, type, fields) of a one-line record, or None for comments and blank lines."""
    s = line.split(";")[0].strip() if not line.lstrip().startswith(";") else ""
    if not s:
        return None
    f = s.split()
    i = 1
    while i < len(f) and (f[i].isdigit() or f[i] in ("IN", "CH", "HS")):
        i += 1
    return f[0].lower(), f[i], f


def records(lines):
    return [(n, r) for n, l in enumerate(lines, 1) if (r := parse(l))]


def first_line(lines, owner):
    return next(n for n, (o, t, f) in records(lines) if o == owner)


def nsec3_hash(name, salt_hex, iterations):
    wire = b"".join(bytes([len(l)]) + l.encode().lower() for l in name.rstrip(".").split(".")) + b"\0"
    salt = bytes.fromhex("" if salt_hex == "-" else salt_hex)
    h = hashlib.sha1(wire + salt).digest()
    for _ in range(iterations):
        h = hashlib.sha1(h + salt).digest()
    return base64.b32hexencode(h).decode().lower().rstrip("=")


def nsec3_params(lines):
    for _, (o, t, f) in records(lines):
        if t == "NSEC3PARAM":
            i = f.index("NSEC3PARAM")
            return f[i + 4], int(f[i + 3])
    raise RuntimeError("no NSEC3PARAM")


def hashed_owner(lines, name):
    salt, it = nsec3_params(lines)
    return f"{nsec3_hash(name, salt, it)}.{ORIGIN}"


def line_of(lines, owner, rtype):
    return next(n for n, (o, t, f) in records(lines) if o == owner and t == rtype)


# ---------------------------------------------------------------- checks
def danelint(path):
    p = subprocess.run([BIN, "lint", path, "--origin", ORIGIN, "--now", NOW, "--select", "NSEC", "-f", "json"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"danelint exit {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)["findings"]


def verifiers(path, ldns_time):
    cmd = ["ldns-verify-zone", "-V", "1"] + (["-t", ldns_time] if ldns_time else []) + [path]
    ldns = subprocess.run(cmd, capture_output=True, text=True)
    bind = subprocess.run(["dnssec-verify", "-q", "-o", "example.com", path], capture_output=True, text=True)
    return ldns.returncode != 0, bind.returncode != 0, (ldns.stdout + ldns.stderr + bind.stderr).strip()


def case(label, path, want, ldns_time=LDNS_T, expect_reject=None):
    """want: multiset of 'CODE:line' (NSEC findings); expect_reject: documented verdict when it differs."""
    found = danelint(path)
    got = sorted(f"{f['code']}:{f['line']}" for f in found)
    errors = any(f["severity"] == "error" for f in found)
    ldns_rej, bind_rej, why = verifiers(path, ldns_time)
    rejected = ldns_rej or bind_rej
    ok = got == sorted(want)
    diff_ok = errors == rejected if expect_reject is None else rejected == expect_reject
    status = "ok" if ok and diff_ok else "FAIL"
    report.append(f"{status:4} {label:44} danelint={','.join(got) or '-':34} ldns-verify-zone="
                  f"{'reject' if ldns_rej else 'accept'} dnssec-verify={'reject' if bind_rej else 'accept'}")
    if not ok:
        failures.append(f"{label}: want {sorted(want)}, got {got}: " +
                        "; ".join(f"{f['line']} {f['code']} {f['message']}" for f in found))
    if not diff_ok:
        failures.append(f"{label}: danelint errors={errors} but verifiers rejected={rejected}: {why[:400]}")


def mutate(src, name, fn):
    lines = open(src).read().split("\n")
    expected = fn(lines)
    out = write(name, "\n".join(lines))
    return out, expected


def drop(lines, owner, rtype):
    idx = [i for i, l in enumerate(lines) if (r := parse(l)) and r[0] == owner and r[1] == rtype]
    assert idx, (owner, rtype)
    for i in reversed(idx):
        del lines[i]


def edit(lines, owner, rtype, fn):
    for i, l in enumerate(lines):
        r = parse(l)
        if r and r[0] == owner and r[1] == rtype:
            lines[i] = fn(l)
            return i + 1
    raise AssertionError((owner, rtype))


def remove_type_from_bitmap(line, t):
    head, _, tail = line.partition(";")
    f = head.split()
    i = len(f) - 1 - f[::-1].index(t)
    del f[i]
    return " ".join(f)


def main():
    W = "www." + ORIGIN
    # ---- clean zones from three signers ----
    bind_nsec = sign_bind("bind-nsec.signed")
    bind_n3 = sign_bind("bind-nsec3.signed", "-3", "-", "-H", "0")
    bind_n3_salt = sign_bind("bind-nsec3-salt.signed", "-3", "AABBCCDD", "-H", "10")
    bind_optout = sign_bind("bind-nsec3-optout.signed", "-3", "-", "-H", "0", "-A")
    ldns_nsec = sign_ldns("ldns-nsec.signed")
    ldns_n3 = sign_ldns("ldns-nsec3.signed", "-n", "-t", "0", "-s", "")
    ldns_optout = sign_ldns("ldns-nsec3-optout.signed", "-n", "-t", "0", "-s", "", "-p")
    knot_nsec = sign_knot("knot-nsec.signed", False)
    knot_n3 = sign_knot("knot-nsec3.signed", True)

    for label, path in (("clean dnssec-signzone NSEC", bind_nsec), ("clean dnssec-signzone NSEC3", bind_n3),
                        ("clean dnssec-signzone NSEC3 opt-out", bind_optout), ("clean ldns-signzone NSEC", ldns_nsec),
                        ("clean ldns-signzone -n NSEC3", ldns_n3)):
        case(label, path, [])
    # ldns-verify-zone rejects opted-out delegations (its -h says so); the zone is valid (RFC 5155 §6).
    case("clean ldns-signzone -n -p NSEC3 opt-out", ldns_optout, [], expect_reject=None if not verifiers(
        ldns_optout, LDNS_T)[0] else True)
    # kzonesign signs with the real clock: verify at the real time.
    case("clean kzonesign NSEC", knot_nsec, [], ldns_time=None)
    case("clean kzonesign NSEC3", knot_n3, [], ldns_time=None)
    lines = open(bind_n3_salt).read().split("\n")
    p = line_of(lines, ORIGIN, "NSEC3PARAM")
    case("dnssec-signzone -3 AABBCCDD -H 10", bind_n3_salt, [f"NSEC005:{p}", f"NSEC006:{p}"])

    # ---- NSEC faults ----
    def deleted_nsec(lines):
        drop(lines, W, "NSEC")
        return [f"NSEC007:{first_line(lines, W)}"]
    for label, src in (("dnssec-signzone", bind_nsec), ("ldns-signzone", ldns_nsec), ("kzonesign", knot_nsec)):
        path, want = mutate(src, f"{label}-nsec-deleted", deleted_nsec)
        case(f"{label} NSEC deleted", path, want, ldns_time=None if label == "kzonesign" else LDNS_T)

    def nsec_bitmap(lines):
        return [f"NSEC002:{edit(lines, W, 'NSEC', lambda l: remove_type_from_bitmap(l, 'AAAA'))}"]
    path, want = mutate(bind_nsec, "nsec-bitmap", nsec_bitmap)
    case("dnssec-signzone NSEC bitmap without AAAA", path, want)

    def nsec_next(lines):
        chain = {r[0]: r[2][r[2].index("NSEC") + 1].lower() for _, r in records(lines) if r[1] == "NSEC"}
        owner = "ns1." + ORIGIN
        skip_to = chain[chain[owner]]
        return [f"NSEC001:{edit(lines, owner, 'NSEC', lambda l: l.replace(chain[owner], skip_to, 1) if chain[owner] in l else l.replace(chain[owner].upper(), skip_to, 1))}"]
    path, want = mutate(bind_nsec, "nsec-next", nsec_next)
    case("dnssec-signzone NSEC next pointer skips a name", path, want)

    # ---- NSEC3 faults ----
    def deleted_nsec3(lines):
        drop(lines, hashed_owner(lines, W), "NSEC3")
        return [f"NSEC010:{first_line(lines, W)}"]
    for label, src in (("dnssec-signzone", bind_n3), ("ldns-signzone", ldns_n3), ("kzonesign", knot_n3)):
        path, want = mutate(src, f"{label}-nsec3-deleted", deleted_nsec3)
        case(f"{label} NSEC3 deleted", path, want, ldns_time=None if label == "kzonesign" else LDNS_T)

    def nsec3_bitmap(lines):
        return [f"NSEC004:{edit(lines, hashed_owner(lines, W), 'NSEC3', lambda l: remove_type_from_bitmap(l, 'AAAA'))}"]
    path, want = mutate(bind_n3, "nsec3-bitmap", nsec3_bitmap)
    case("dnssec-signzone NSEC3 bitmap without AAAA", path, want)

    def nsec3_next(lines):
        chain = {}
        for _, (o, t, f) in records(lines):
            if t == "NSEC3":
                chain[o.split(".")[0]] = f[f.index("NSEC3") + 5].lower()
        owner = hashed_owner(lines, W).split(".")[0]
        nxt = chain[owner]
        skip_to = chain[nxt]
        return [f"NSEC003:{edit(lines, hashed_owner(lines, W), 'NSEC3', lambda l: l.replace(nxt.upper(), skip_to.upper()).replace(nxt, skip_to))}"]
    path, want = mutate(bind_n3, "nsec3-next", nsec3_next)
    case("dnssec-signzone NSEC3 next pointer skips a hash", path, want)

    def nsec3param_flags(lines):
        n = edit(lines, ORIGIN, "NSEC3PARAM", lambda l: re.sub(r"NSEC3PARAM(\s+)1 0 ", r"NSEC3PARAM\g<1>1 1 ", l))
        return [f"NSEC012:{n}"]
    path, want = mutate(bind_n3, "nsec3param-flags", nsec3param_flags)
    case("dnssec-signzone NSEC3PARAM flags 1", path, want)

    def optout_cleared(lines):
        h = nsec3_hash("sub." + ORIGIN, "-", 0)
        for _, (o, t, f) in records(lines):
            if t != "NSEC3":
                continue
            owner, nxt = o.split(".")[0], f[f.index("NSEC3") + 5].lower()
            if (owner < h < nxt) or (nxt < owner and (h > owner or h < nxt)):
                edit(lines, o, "NSEC3", lambda l: re.sub(r"NSEC3(\s+)1 1 ", r"NSEC3\g<1>1 0 ", l))
                return [f"NSEC011:{first_line(lines, 'sub.' + ORIGIN)}"]
        raise AssertionError("no NSEC3 covers sub")
    path, want = mutate(bind_optout, "optout-cleared", optout_cleared)
    case("dnssec-signzone opt-out flag cleared", path, want)

    # A stale bitmap under valid signatures: the AAAA RRset and its RRSIG removed after signing.
    def aaaa_removed(lines, nsec3):
        drop(lines, W, "AAAA")
        idx = [i for i, l in enumerate(lines) if (r := parse(l)) and r[0] == W and r[1] == "RRSIG"
               and r[2][r[2].index("RRSIG") + 1] == "AAAA"]
        for i in reversed(idx):
            del lines[i]
        if nsec3:
            return [f"NSEC004:{line_of(lines, hashed_owner(lines, W), 'NSEC3')}"]
        return [f"NSEC002:{line_of(lines, W, 'NSEC')}"]
    path, want = mutate(bind_nsec, "nsec-stale-bitmap", lambda l: aaaa_removed(l, False))
    case("dnssec-signzone AAAA+RRSIG removed (NSEC)", path, want)
    path, want = mutate(bind_n3, "nsec3-stale-bitmap", lambda l: aaaa_removed(l, True))
    case("dnssec-signzone AAAA+RRSIG removed (NSEC3)", path, want)

    # RFC 9276 §3.2: over 100 iterations validators may treat the zone as insecure; the verifiers accept it.
    bind_many = sign_bind("bind-nsec3-120.signed", "-3", "-", "-H", "120")
    lines = open(bind_many).read().split("\n")
    case("dnssec-signzone -3 - -H 120", bind_many, [f"NSEC005:{line_of(lines, ORIGIN, 'NSEC3PARAM')}"],
         expect_reject=False)

    print("\n".join(report))
    if failures:
        print("\n".join("FAIL " + f for f in failures))
        return 1
    print(f"{len(report)} cases passed")
    return 0


try:
    rc = main()
finally:
    shutil.rmtree(TMP, ignore_errors=True)
sys.exit(rc)
