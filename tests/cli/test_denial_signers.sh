#!/usr/bin/env bash
# NSEC001-NSEC012 on zones signed here by dnssec-signzone, ldns-signzone and kzonesign, with injected
# faults, differential against ldns-verify-zone and dnssec-verify. See denial_signers.py.
set -u
exec /usr/bin/python3 "$(dirname "$0")/denial_signers.py" "${1:?usage: test_denial_signers.sh DANELINT}"
