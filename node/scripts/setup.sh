#!/usr/bin/env bash
# Installs the package's npm dependencies and builds the addon (dev profile,
# the shared target directory) and the rtf command. Idempotent: later runs
# only rebuild what changed.
set -euo pipefail

node_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$node_dir/.." && pwd)"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

cd "$node_dir"
# --ignore-scripts: the install script would build the addon with plain
# cargo; `npm run build` below builds it with the napi CLI instead.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npm run build --silent
(cd "$repo_dir" && cargo build -p realtime-finance-cli)
