#!/usr/bin/env bash
# Runs examples/quickstart.mjs against a freshly started local sandbox.
set -euo pipefail

node_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$node_dir/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo_dir/target}"

"$node_dir/scripts/setup.sh"
rtf="${RTF_BIN:-$target_dir/debug/rtf}"

coproc SANDBOX { exec "$rtf" sandbox --port 0 2>/dev/null; }
sandbox_pid=$SANDBOX_PID
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
read -r -t 60 credentials <&"${SANDBOX[0]}"

field() {
  node -e 'process.stdout.write(JSON.parse(process.argv[1])[process.argv[2]])' "$credentials" "$1"
}
REALTIME_FINANCE_SECRET_KEY="$(field secret_key)" \
REALTIME_FINANCE_BASE_URL="$(field base_url)" \
  node "$node_dir/examples/quickstart.mjs"
