#!/usr/bin/env bash
# Runs the Rust test suites: the core (against the in-process sandbox and,
# with Node.js, against the independent oidc-provider OAuth server), the
# sandbox and the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."

oidc_dir=core/tests/oidc
if [[ -f "$oidc_dir/package.json" ]]; then
  (cd "$oidc_dir" && npm ci --no-audit --no-fund --loglevel=error)
  export RTF_OIDC_SERVER_DIR="$PWD/$oidc_dir"
fi

cargo test -p realtime-finance -p realtime-finance-sandbox -p realtime-finance-cli
