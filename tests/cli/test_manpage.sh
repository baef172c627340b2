#!/usr/bin/env bash
# Every option that `danelint --help` and each subcommand's --help list is documented in the man page
# (docs/danelint.1.scd) and offered by the bash, zsh and fish completions; scdoc renders the page.
set -u
bin=$1
cd "$(dirname "$0")/../.."
page=docs/danelint.1.scd
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
options() { "$bin" "$@" --help | sed -n '/^Options:/,/^$/p' | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u; }
subs=$("$bin" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && $1 != "" {print $1}')
[ -n "$subs" ] || fail "no subcommands found in --help"
checked=0
for opt in $(options); do
  grep -qF -- "*$opt*" "$page" || fail "top-level option $opt missing from $page"
  checked=$((checked + 1))
done
for sub in $subs; do
  grep -qF -- "*danelint $sub*" "$page" || grep -qF -- "*$sub*" "$page" || fail "subcommand $sub missing from $page"
  for opt in $(options "$sub"); do
    grep -qF -- "*$opt*" "$page" || fail "option $opt of '$sub' missing from $page"
    case $opt in -h|--help) ;; *)
      for c in contrib/completions/danelint.bash contrib/completions/_danelint contrib/completions/danelint.fish; do
        short=${opt#--}; short=${short#-}
        grep -qE -- "(^|[^A-Za-z0-9-])$opt([^A-Za-z0-9-]|$)|-l $short( |$)|-s $short( |$)" "$c" || fail "option $opt of '$sub' missing from $c"
      done ;;
    esac
    checked=$((checked + 1))
  done
done
if command -v scdoc >/dev/null; then
  out=$(scdoc <"$page" 2>&1) || fail "scdoc rejects $page: $out"
  grep -q '^\.TH "danelint" "1"' <<<"$out" || fail "scdoc output has no .TH"
fi
bash -n contrib/completions/danelint.bash || fail "bash completion has a syntax error"
[ $fails -eq 0 ] && echo "test_manpage: $checked options checked, all documented"
exit $((fails > 0))
