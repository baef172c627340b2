# danelint-hook-common.sh: shared logic of the renewal hooks in this directory (POSIX sh; sourced, not run).
# Each hook calls `danelint_hook NAME FULLCHAIN KEY [EXTRA_NEXT_KEY...]` after its ACME client renewed a
# certificate. Nothing here talks to the network except dig/nsupdate to DANELINT_NS_SERVER.
#
# Configuration: environment variables, optionally set in the shell file named by DANELINT_HOOK_CONFIG
# (default /etc/danelint/hooks.conf, read when it exists):
#   DANELINT_HOSTS        service host names (space-separated), e.g. "mx.example.com"      (required)
#   DANELINT_PORT         TLSA port (25)            DANELINT_PROTO  tcp | udp | sctp (tcp)
#   DANELINT_TTL          TTL of the TLSA records (3600)
#   DANELINT_NS_SERVER    the primary that accepts dynamic updates, e.g. 192.0.2.53       (required)
#   DANELINT_NS_PORT      its port (53)
#   DANELINT_ZONE         the zone holding the TLSA owners, e.g. example.com              (required)
#   DANELINT_TSIG_KEYFILE TSIG key file for `nsupdate -k` (tsig-keygen output), or
#   DANELINT_TSIG         ALG:NAME:SECRET for `nsupdate -y` (visible in ps; prefer the key file)
#   DANELINT_NEXT_KEY     further next-key files to pre-publish (space-separated, optional)
#   DANELINT_STATE_DIR    where the hook remembers the deployed key and first-seen times
#                         (/var/lib/danelint/hooks; one subdirectory per certificate)
#   DANELINT_INSTALL_DIR  optional: on an accepted renewal fullchain.pem and privkey.pem are copied here
#                         atomically; point the service at these files so a refused switch keeps the old
#                         key in service
#   DANELINT_RELOAD_CMD   optional: run (sh -c) after an accepted renewal, e.g. "systemctl reload postfix"
#                         (after both files are renamed into place, so the reload loads a matching pair)
#   DANELINT_DEPLOYED_KEY optional, first run only: the key (or certificate) the service uses now, when
#                         TLSA records were published before the hook was set up
#   DANELINT_MIN_WAIT     minimum pre-publication time (48h; the gate also uses 2 x TTL)
#   DANELINT_SIGNING      online (the server signs the dynamic zone; default) | offline (RRSIGs checked)
#   DANELINT_NOW          evaluation time for danelint (tests only; default: the clock)
#   DANELINT_BIN / NSUPDATE / DIG   the programs (danelint, nsupdate, dig on PATH)
#
# Exit codes: 0 published (and installed); 1 key switch refused by `danelint rollover-check` (the earliest
# safe time is printed; the old key stays deployed, the new key is pre-published); 2 configuration, input
# or DNS error (nothing switched).
#
# Order of steps, so that no run leaves a state in which the served key lacks a TLSA record:
#   refused switch:  publish {deployed key, new key, next keys}; install nothing; exit 1
#   accepted switch: install + reload first (the new key is already published), then publish {new, next}
#   same key / first deployment: publish {current, next} first, then install + reload (a first run
#   that finds TLSA records not covering the key refuses instead; see DANELINT_DEPLOYED_KEY)
# Each publication replaces the whole TLSA RRset of each owner in one nsupdate message per owner (atomic
# on the server), and every RRset written holds the key in service, so a failure between owners leaves
# each of them valid; dig then checks that the server shows exactly the wanted RRsets.
# Both talk TCP: a UDP update whose answer is lost may still have been applied, and the retry
# timing of UDP made a loaded host look like a failed update.

danelint_hook_log() { printf 'danelint-hook: %s\n' "$*" >&2; }
danelint_hook_die() { danelint_hook_log "error: $*"; exit 2; }

danelint_hook_config() {
  _cfg=${DANELINT_HOOK_CONFIG:-/etc/danelint/hooks.conf}
  # shellcheck disable=SC1090 # the operator's config file
  if [ -r "$_cfg" ]; then . "$_cfg"; fi
  : "${DANELINT_BIN:=danelint}" "${NSUPDATE:=nsupdate}" "${DIG:=dig}"
  : "${DANELINT_PORT:=25}" "${DANELINT_PROTO:=tcp}" "${DANELINT_TTL:=3600}" "${DANELINT_NS_PORT:=53}"
  : "${DANELINT_STATE_DIR:=/var/lib/danelint/hooks}" "${DANELINT_MIN_WAIT:=48h}" "${DANELINT_SIGNING:=online}"
  [ -n "${DANELINT_HOSTS:-}" ] || danelint_hook_die "DANELINT_HOSTS is not set"
  [ -n "${DANELINT_NS_SERVER:-}" ] || danelint_hook_die "DANELINT_NS_SERVER is not set"
  [ -n "${DANELINT_ZONE:-}" ] || danelint_hook_die "DANELINT_ZONE is not set"
  if [ -n "${DANELINT_TSIG_KEYFILE:-}" ]; then set -- -k "$DANELINT_TSIG_KEYFILE"
  elif [ -n "${DANELINT_TSIG:-}" ]; then set -- -y "$DANELINT_TSIG"
  else danelint_hook_die "set DANELINT_TSIG_KEYFILE or DANELINT_TSIG"; fi
  _ns_auth1=$1 _ns_auth2=$2
  _now_opt=
  [ -n "${DANELINT_NOW:-}" ] && _now_opt="--now=$DANELINT_NOW"
  return 0
}

# The SPKI of a key or certificate file as PEM (for comparing keys and remembering the deployed one).
danelint_hook_pub() {
  openssl pkey -in "$1" -pubout 2>/dev/null || openssl x509 -in "$1" -noout -pubkey 2>/dev/null
}

# danelint_hook_dig OPTION... NAME TYPE: asks the primary, over TCP (as nsupdate -v: a lost UDP answer
# would leave the check undecided), without recursion; the one place that names server, port and timeouts.
danelint_hook_dig() {
  "$DIG" +tcp +norec +time=3 +tries=2 -p "$DANELINT_NS_PORT" "@$DANELINT_NS_SERVER" "$@"
}

# danelint_hook_snapshot HOST FILE: the TLSA RRset (and, with +dnssec, its RRSIGs and the apex DNSKEYs)
# as the server publishes it now, as a zone file for rollover-check.
danelint_hook_snapshot() {
  _owner="_${DANELINT_PORT}._${DANELINT_PROTO}.$1."
  {
    # shellcheck disable=SC2016 # a literal $ORIGIN
    printf '$ORIGIN %s.\n' "${DANELINT_ZONE%.}"
    danelint_hook_dig +noall +answer +dnssec "$_owner" TLSA || return 1
    if [ "$DANELINT_SIGNING" = offline ]; then
      danelint_hook_dig +noall +answer +dnssec "${DANELINT_ZONE%.}." DNSKEY || return 1
    fi
  } >"$2.tmp" && mv "$2.tmp" "$2"
}

# danelint_hook_gate HOST NEXTKEY...: rollover-check against the live RRset; prints its verdict.
danelint_hook_gate() {
  _h=$1; shift
  danelint_hook_snapshot "$_h" "$_sd/published-$_h.zone" || { danelint_hook_log "error: dig @$DANELINT_NS_SERVER failed"; return 2; }
  _args=
  for _k in "$@"; do _args="$_args --next-key=$_k"; done
  # shellcheck disable=SC2086
  "$DANELINT_BIN" rollover-check --no-config --service "$_h:$DANELINT_PORT" --proto "$DANELINT_PROTO" $_args \
    --zone "$_sd/published-$_h.zone" --origin "${DANELINT_ZONE%.}." --signing "$DANELINT_SIGNING" \
    --state "$_sd/state-$_h.json" --min-wait "$DANELINT_MIN_WAIT" $_now_opt
}

# danelint_hook_publish CERT|- KEY [NEXT...]: one nsupdate message with the whole wanted RRset of each
# host (current key, with its certificate unless CERT is -, plus the next keys); then dig must show
# exactly that.
danelint_hook_publish() {
  _c=$1 _k=$2; shift 2
  _n=$#
  for _a in "$@"; do set -- "$@" --next-key "$_a"; done
  shift "$_n"
  for _h in $DANELINT_HOSTS; do set -- "$@" --host "$_h"; done
  if [ "$_c" = - ]; then set -- --key "$_k" "$@"; else set -- --cert "$_c" --key "$_k" "$@"; fi
  set -- "$@" --port "$DANELINT_PORT" --proto "$DANELINT_PROTO" --ttl "$DANELINT_TTL"
  "$DANELINT_BIN" gen "$@" -f nsupdate --server "$DANELINT_NS_SERVER $DANELINT_NS_PORT" \
    --zone "${DANELINT_ZONE%.}." -o "$_sd/update.txt" ||
    { danelint_hook_log "error: danelint gen failed; DNS unchanged"; return 2; }
  "$DANELINT_BIN" gen "$@" -f zone -o "$_sd/wanted.zone" 2>/dev/null || return 2
  "$NSUPDATE" -v "$_ns_auth1" "$_ns_auth2" "$_sd/update.txt" ||
    { danelint_hook_log "error: nsupdate to $DANELINT_NS_SERVER failed; DNS unchanged"; return 2; }
  for _h in $DANELINT_HOSTS; do
    _owner="_${DANELINT_PORT}._${DANELINT_PROTO}.$_h."
    _want=$(awk -v o="$_owner" 'tolower($1) == tolower(o) { d = ""; for (i = 8; i <= NF && $i != ";"; i++) d = d $i;
              print $5, $6, $7, tolower(d) }' "$_sd/wanted.zone" | sort)
    _got=$(danelint_hook_dig +short "$_owner" TLSA |
      awk '{ d = ""; for (i = 4; i <= NF; i++) d = d $i; print $1, $2, $3, tolower(d) }' | sort)
    [ "$_want" = "$_got" ] || { danelint_hook_log "error: $DANELINT_NS_SERVER shows a different TLSA RRset at $_owner"; return 2; }
    danelint_hook_log "published $_owner: $(printf '%s\n' "$_want" | cut -c1-22 | tr '\n' ' ')"
  done
}

# Copy the accepted pair into DANELINT_INSTALL_DIR (atomically: temp file + rename) and reload.
danelint_hook_install() {
  if [ -n "${DANELINT_INSTALL_DIR:-}" ]; then
    mkdir -p "$DANELINT_INSTALL_DIR" || return 2
    if ! { (umask 077 && cp "$2" "$DANELINT_INSTALL_DIR/.privkey.pem.tmp") &&
      cp "$1" "$DANELINT_INSTALL_DIR/.fullchain.pem.tmp" &&
      mv -f "$DANELINT_INSTALL_DIR/.privkey.pem.tmp" "$DANELINT_INSTALL_DIR/privkey.pem" &&
      mv -f "$DANELINT_INSTALL_DIR/.fullchain.pem.tmp" "$DANELINT_INSTALL_DIR/fullchain.pem"; }; then
      danelint_hook_log "error: cannot install into $DANELINT_INSTALL_DIR"; return 2
    fi
  fi
  if [ -n "${DANELINT_RELOAD_CMD:-}" ]; then
    sh -c "$DANELINT_RELOAD_CMD" || { danelint_hook_log "error: reload command failed: $DANELINT_RELOAD_CMD"; return 2; }
  fi
  return 0
}

# danelint_hook NAME FULLCHAIN KEY [NEXT_KEY...]
danelint_hook() {
  danelint_hook_config
  _name=$1 _chain=$2 _key=$3; shift 3
  _next=
  for _k in "$@" ${DANELINT_NEXT_KEY:-}; do
    [ -r "$_k" ] && _next="$_next $_k"
  done
  [ -r "$_chain" ] || danelint_hook_die "cannot read $_chain"
  [ -r "$_key" ] || danelint_hook_die "cannot read $_key"
  _sd=$DANELINT_STATE_DIR/$_name
  (umask 077 && mkdir -p "$_sd") || danelint_hook_die "cannot create $_sd"
  _newpub=$(danelint_hook_pub "$_key") || danelint_hook_die "$_key is not a key openssl can read"
  # Adopting a running service: DANELINT_DEPLOYED_KEY names the key it serves now (first run only).
  if [ ! -r "$_sd/deployed.pub" ] && [ -n "${DANELINT_DEPLOYED_KEY:-}" ]; then
    _p=$(danelint_hook_pub "$DANELINT_DEPLOYED_KEY") || danelint_hook_die "cannot read DANELINT_DEPLOYED_KEY $DANELINT_DEPLOYED_KEY"
    printf '%s\n' "$_p" >"$_sd/deployed.pub.tmp" && mv "$_sd/deployed.pub.tmp" "$_sd/deployed.pub" || exit 2
  fi
  _mode=first
  if [ -r "$_sd/deployed.pub" ]; then
    if [ "$(cat "$_sd/deployed.pub")" = "$_newpub" ]; then _mode=same; else _mode=switch; fi
  fi

  if [ "$_mode" = switch ]; then
    _refused=0
    for _h in $DANELINT_HOSTS; do
      _verdict=$(danelint_hook_gate "$_h" "$_key"); _rc=$?
      printf '%s\n' "$_verdict" >&2
      case $_rc in 0) ;; 1) _refused=1 ;; *) danelint_hook_die "rollover-check failed for $_h; nothing changed" ;; esac
    done
    if [ $_refused = 1 ]; then
      # Keep the deployed key; make sure the new key (and the next ones) are published so that a later
      # run can switch. The deployed key's record stays first.
      # shellcheck disable=SC2086
      danelint_hook_publish - "$_sd/deployed.pub" "$_key" $_next || exit 2
      for _h in $DANELINT_HOSTS; do danelint_hook_gate "$_h" "$_key" >/dev/null 2>&1; done
      danelint_hook_log "refused: $_name would switch to a key that is not published long enough; the deployed key stays in service (nothing installed)"
      exit 1
    fi
    danelint_hook_install "$_chain" "$_key" || exit 2
    printf '%s\n' "$_newpub" >"$_sd/deployed.pub.tmp" && mv "$_sd/deployed.pub.tmp" "$_sd/deployed.pub" || exit 2
    # shellcheck disable=SC2086
    danelint_hook_publish "$_chain" "$_key" $_next || exit 2
  else
    if [ "$_mode" = first ]; then
      # First run, but TLSA records may already be published (by hand, another tool): replacing them
      # is only safe when they already cover this key long enough.
      for _h in $DANELINT_HOSTS; do
        danelint_hook_snapshot "$_h" "$_sd/published-$_h.zone" || danelint_hook_die "dig @$DANELINT_NS_SERVER failed"
        grep -q 'TLSA' "$_sd/published-$_h.zone" || continue
        _verdict=$(danelint_hook_gate "$_h" "$_key"); _rc=$?
        case $_rc in
          0) ;;
          1) printf '%s\n' "$_verdict" >&2
             danelint_hook_log "refused: TLSA records at _${DANELINT_PORT}._${DANELINT_PROTO}.$_h were not published by this hook and do not cover $_key long enough; DNS unchanged. Set DANELINT_DEPLOYED_KEY to the key the service uses now and run again: the hook then keeps it published and pre-publishes the new one"
             exit 1 ;;
          *) danelint_hook_die "rollover-check failed for $_h; nothing changed" ;;
        esac
      done
    fi
    # shellcheck disable=SC2086
    danelint_hook_publish "$_chain" "$_key" $_next || exit 2
    danelint_hook_install "$_chain" "$_key" || exit 2
    printf '%s\n' "$_newpub" >"$_sd/deployed.pub.tmp" && mv "$_sd/deployed.pub.tmp" "$_sd/deployed.pub" || exit 2
  fi
  # Start the clock for the next keys: rollover-check records when it first sees each record.
  if [ -n "$_next" ]; then
    for _h in $DANELINT_HOSTS; do
      # shellcheck disable=SC2086
      danelint_hook_gate "$_h" $_next 2>/dev/null | sed -n '1s/^/danelint-hook: next key: /p' >&2
    done
  fi
  danelint_hook_log "$_name: $_mode deployment done"
  exit 0
}
