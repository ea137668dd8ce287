#!/usr/bin/env bash
# Builds the C ABI library and copies it, with its header, into php/lib/,
# where the SDK looks for them when REALTIME_FINANCE_FFI_LIB is not set.
# Also writes lib/realtime_finance.ffi.h for the ffi.preload setting.
set -euo pipefail

php_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_dir="$(cd "$php_dir/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo_dir/target}/debug"

cargo build --quiet -p realtime-finance-ffi
mkdir -p "$php_dir/lib"
cp "$target_dir/librealtime_finance_ffi.so" "$php_dir/lib/"
cp "$repo_dir/bindings/c/include/realtime_finance.h" "$php_dir/lib/"
# The header for ffi.preload, with the library's absolute path in it.
php -r 'require $argv[1]; echo RealtimeFinance\Internal\Native::scopedHeader();' \
    "$php_dir/autoload.php" >"$php_dir/lib/realtime_finance.ffi.h"
