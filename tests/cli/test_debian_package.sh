#!/usr/bin/env bash
# Builds the Debian package with `dpkg-buildpackage -us -uc -b` in a copy of the source tree, checks its
# contents, extracts it with dpkg -x and runs the packaged binary. Skipped (77) without dpkg-buildpackage
# or the build dependencies. Tests are not run inside the package build (nocheck) to stay fast; ccache
# is used when present, with a per-worktree build path so that repeated runs hit the cache.
set -u
bin=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v dpkg-buildpackage >/dev/null || { echo "dpkg-buildpackage not installed: skipped"; exit 77; }
(cd "$src" && dpkg-checkbuilddeps -P nocheck) >/dev/null 2>&1 || { echo "build dependencies missing: skipped"; exit 77; }
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
work=${TMPDIR:-/tmp}/danelint-deb-$(id -u)-$(printf '%s' "$src" | md5sum | cut -c1-10)
rm -rf "$work"; mkdir -p "$work/danelint"
trap 'rm -rf "$work"' EXIT
tar -C "$src" --exclude=./.git --exclude='./build*' --exclude='./obj-*' --exclude=./debian/.debhelper -cf - . | tar -C "$work/danelint" -xf -

export DEB_BUILD_OPTIONS="nocheck noopt parallel=2"  # noopt: -O0 halves the compile time; this tests packaging
if command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=$work CCACHE_NOHASHDIR=1
fi
start=$(date +%s)
(cd "$work/danelint" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; echo "FAIL: dpkg-buildpackage"; exit 1; }
echo "dpkg-buildpackage took $(( $(date +%s) - start )) s"
deb=$(ls "$work"/danelint_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no .deb produced"; exit 1; }

dpkg-deb -c "$deb" >"$work/contents"
for f in ./usr/bin/danelint ./usr/share/man/man1/danelint.1.gz ./usr/share/bash-completion/completions/danelint \
         ./usr/share/zsh/vendor-completions/_danelint ./usr/share/fish/vendor_completions.d/danelint.fish \
         ./usr/share/doc/danelint/copyright; do
  grep -q " $f\(\$\| \)" "$work/contents" || fail "$f missing from the package"
done
grep -qE " ./usr/share/doc/danelint/integrations.md(.gz)?$" "$work/contents" || fail "integrations.md missing from the package"
dpkg-deb -f "$deb" Depends | grep -q libldns || fail "Depends lacks libldns: $(dpkg-deb -f "$deb" Depends)"

dpkg -x "$deb" "$work/root"
out=$("$work/root/usr/bin/danelint" --version) || fail "packaged binary --version failed"
grep -q '^danelint 0\.1\.0$' <<<"$out" || fail "version: $out"
grep -q '^ldns ' <<<"$out" || fail "no ldns version: $out"
grep -q 'OpenSSL' <<<"$out" || fail "no OpenSSL version: $out"
"$work/root/usr/bin/danelint" lint --now 2025-01-01T00:00:00Z "$src/testdata/golden/example.zone" >"$work/lint.out"; rc=$?
[ $rc -eq 1 ] && grep -q 'SMTP001' "$work/lint.out" || fail "packaged binary lint: exit $rc"
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$work/root/usr/share/man/man1/danelint.1.gz" 2>/dev/null | grep -q -- '--write-baseline' || fail "man page does not render"
fi
[ $fails -eq 0 ] && echo "test_debian_package: $(basename "$deb") built, extracted and run"
exit $((fails > 0))
