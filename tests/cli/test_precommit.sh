#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by Debian's real `pre-commit` in a throwaway git
# repository: committing a zone with an error is blocked with the finding shown; a clean zone passes.
# No network: the hook repository is a local git repository, the hooks are `language: system`, and
# danelint comes from the build tree through PATH.
set -u
bin=$(realpath "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit not installed: skipped"; exit 77; }
command -v git >/dev/null || { echo "git not installed: skipped"; exit 77; }
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home PRE_COMMIT_HOME=$tmp/cache GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
mkdir -p "$HOME" "$tmp/bin"
ln -s "$bin" "$tmp/bin/danelint"
export PATH=$tmp/bin:$PATH
git config --global user.email test@example.invalid
git config --global user.name test
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hook repository: exactly this source tree's .pre-commit-hooks.yaml, committed.
mkdir "$tmp/hooks" && cp "$src/.pre-commit-hooks.yaml" "$tmp/hooks/"
(cd "$tmp/hooks" && git init -q && git add . && git commit -qm hooks) || { echo "cannot make hook repo"; exit 1; }
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

mkdir "$tmp/zones" && cd "$tmp/zones" && git init -q
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: danelint
        args: [--now, '2025-01-01T00:00:00Z']
      - id: danelint-deployment
        args: [--now, '2025-01-01T00:00:00Z']
YAML
git add .pre-commit-config.yaml && git commit -qm "pre-commit config" || fail "initial commit"
pre-commit install >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "pre-commit install"; }

good='example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
example.com. 3600 IN NS ns1.example.com.
ns1.example.com. 3600 IN A 192.0.2.53
_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1'

# 1. a zone with an error: the commit is refused and the finding is shown with file:line
printf '%s\n%s\n' "$good" '_25._tcp.mx2.example.com. 3600 IN TLSA 3 1 1 0011' >example.com.zone
git add example.com.zone
if git commit -qm "bad zone" >"$tmp/bad.log" 2>&1; then fail "commit of a bad zone was not blocked"; fi
grep -q 'example.com.zone:5: error: .*TLSA003' "$tmp/bad.log" || { cat "$tmp/bad.log"; fail "finding not shown"; }
grep -q '^danelint (zone files).*Failed' "$tmp/bad.log" || fail "hook not reported as failed"
[ "$(git rev-list --count HEAD)" -eq 1 ] || fail "a commit was made"

# 2. the fixed zone passes
printf '%s\n' "$good" >example.com.zone
git add example.com.zone
git commit -qm "good zone" >"$tmp/good.log" 2>&1 || { cat "$tmp/good.log"; fail "clean zone was blocked"; }
grep -q '^danelint (zone files).*Passed' "$tmp/good.log" || { cat "$tmp/good.log"; fail "hook did not run on the clean zone"; }

# 3. files that are not zones do not trigger the zone hook
echo notes >README.md && git add README.md
git commit -qm readme >"$tmp/readme.log" 2>&1 || fail "README commit blocked"
grep -q '^danelint (zone files).*Skipped' "$tmp/readme.log" || fail "zone hook ran for README.md"

# 4. the deployment hook lints what danelint.toml names when the config changes
printf '[[zone]]\nfile = "example.com.zone"\n[lint]\nfail-on = "info"\n' >danelint.toml
printf '%s\n%s\n' "$good" '_25._tcp.mx.example.com. 3600 IN TLSA 1 1 1 8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1' >example.com.zone
git add danelint.toml example.com.zone
if git commit -qm "deployment" >"$tmp/dep.log" 2>&1; then fail "deployment with SMTP001 not blocked"; fi
grep -q 'SMTP001' "$tmp/dep.log" || { cat "$tmp/dep.log"; fail "deployment finding not shown"; }
grep -q '^danelint (deployment).*Failed' "$tmp/dep.log" || fail "deployment hook did not fail"
# the zone hook and the deployment hook both see the zone, but each finding appears once per hook
[ "$(grep -c 'example.com.zone:5: error: .*SMTP001' "$tmp/dep.log")" -eq 2 ] || { cat "$tmp/dep.log"; fail "zone linted twice within one hook"; }

[ $fails -eq 0 ] && echo "test_precommit: all passed"
exit $((fails > 0))
