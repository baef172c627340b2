# Which sanitizers a danelint binary was built with (sourced by the CLI tests). A sanitized build needs
# other time and memory limits, and under AddressSanitizer the allocator is not glibc's (its mallopt
# sets nothing). Linked shared, the sanitizer runtimes show in ldd; linked statically, in the symbols.
# Not `ldd | grep -q`: with pipefail, grep exiting early can fail the pipeline through SIGPIPE.
_sanitizer_in() {  # BINARY LIBRARY SYMBOL
  local found
  found=$(ldd "$1" 2>/dev/null; nm "$1" 2>/dev/null | grep -c "$3")
  case "$found" in *"$2"*) return 0 ;; esac
  [ "$(tail -n 1 <<<"$found")" -gt 0 ] 2>/dev/null
}
has_asan() { _sanitizer_in "$1" libasan __asan_init; }
has_ubsan() { _sanitizer_in "$1" libubsan __ubsan_handle_; }
