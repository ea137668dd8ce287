#!/usr/bin/env bash
# Regenerates the C header with cbindgen and fails when it differs from the
# committed include/realtime_finance.h. With --write, updates the header.
set -euo pipefail

CBINDGEN_VERSION=0.29.4
crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
header="$crate_dir/include/realtime_finance.h"

# The version is pinned because cbindgen's output format changes between
# releases, and the committed header must match what CI generates.
if ! command -v cbindgen >/dev/null 2>&1 || [[ "$(cbindgen --version)" != "cbindgen $CBINDGEN_VERSION" ]]; then
    echo "check-header: installing cbindgen $CBINDGEN_VERSION" >&2
    cargo install cbindgen --locked --version "$CBINDGEN_VERSION" --force --quiet
fi

generated="$(mktemp --suffix=.h)"
trap 'rm -f "$generated"' EXIT
# cbindgen reports items it skips (private statics) as WARN lines; only
# real failures matter here, and those set the exit status.
cbindgen --quiet --config "$crate_dir/cbindgen.toml" --crate realtime-finance-ffi \
    --output "$generated" "$crate_dir"

if [[ "${1:-}" == "--write" ]]; then
    cp "$generated" "$header"
    echo "check-header: wrote $header"
    exit 0
fi

if ! diff -u "$header" "$generated"; then
    echo "check-header: include/realtime_finance.h is out of date with bindings/c/src;" \
        "run bindings/c/scripts/check-header.sh --write and commit the header" >&2
    exit 1
fi
echo "check-header: include/realtime_finance.h matches the code"
