#!/usr/bin/env bash
# Installs PHP and PHPUnit if missing, builds the native library and the
# sandbox, and runs the PHPUnit suite. Each test class starts its sandbox
# through tests/Support/Sandbox.php.
set -euo pipefail

php_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_dir="$(cd "$php_dir/.." && pwd)"

# The Composer registry is not reachable from CI, so PHPUnit comes from
# Debian's packages (9.6 on bookworm).
if ! command -v php >/dev/null || ! command -v phpunit >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli phpunit
fi
if ! php -r 'exit(extension_loaded("ffi") ? 0 : 1);'; then
    echo "php/scripts/test.sh: PHP's FFI extension is not loaded; enable it (extension=ffi)" >&2
    exit 1
fi

"$php_dir/scripts/build.sh"
cargo build --quiet -p realtime-finance-cli
export RTF_BIN="${RTF_BIN:-${CARGO_TARGET_DIR:-$repo_dir/target}/debug/rtf}"

cd "$php_dir"
exec phpunit --configuration phpunit.xml.dist "$@"
