#!/usr/bin/env bash
# Runs examples/quickstart.rb against a freshly started local sandbox.
set -euo pipefail

ruby_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$ruby_dir/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo_dir/target}"

if ! command -v ruby >/dev/null || ! ruby -e 'require "ffi"' 2>/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ruby ruby-ffi >/dev/null
fi
(cd "$repo_dir" && cargo build -p realtime-finance-ffi -p realtime-finance-cli)
rtf="${RTF_BIN:-$target_dir/debug/rtf}"

coproc SANDBOX { exec "$rtf" sandbox --port 0 2>/dev/null; }
sandbox_pid=$SANDBOX_PID
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
read -r -t 60 credentials <&"${SANDBOX[0]}"

field() {
  ruby -rjson -e 'print JSON.parse(ARGV[0]).fetch(ARGV[1])' "$credentials" "$1"
}
REALTIME_FINANCE_SECRET_KEY="$(field secret_key)" \
REALTIME_FINANCE_BASE_URL="$(field base_url)" \
REALTIME_FINANCE_FFI_LIB="$target_dir/debug/librealtime_finance_ffi.so" \
  ruby -I"$ruby_dir/lib" "$ruby_dir/examples/quickstart.rb"
