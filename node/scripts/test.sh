#!/usr/bin/env bash
# The Node.js SDK's test command: installs and builds what it needs, checks
# the TypeScript declarations, then runs the node:test suite against local
# sandboxes that the tests start themselves.
set -euo pipefail

node_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$node_dir/.." && pwd)"
export RTF_BIN="${RTF_BIN:-${CARGO_TARGET_DIR:-$repo_dir/target}/debug/rtf}"

"$node_dir/scripts/setup.sh"

cd "$node_dir"
echo "== tsc --strict on examples/typed-example.ts"
npx tsc --strict --noEmit -p examples/tsconfig.json

echo "== node --test"
node --test --test-timeout=120000 test/*.test.js test/*.test.mjs
