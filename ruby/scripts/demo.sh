#!/usr/bin/env bash
# Runs examples/quickstart.rb against a freshly started local sandbox. Builds
# the C ABI library and `rtf`, starts `rtf sandbox` on a free loopback port
# and passes its key and base URL as REALTIME_FINANCE_* variables. The
# sandbox stops when the script exits.
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

work_dir="$(mktemp -d)"
"$rtf" sandbox --port 0 >"$work_dir/sandbox.json" 2>"$work_dir/sandbox.log" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null; rm -rf "$work_dir"' EXIT

for _ in $(seq 300); do
  [ -s "$work_dir/sandbox.json" ] && break
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "error: rtf sandbox exited before printing its credentials line:" >&2
    cat "$work_dir/sandbox.log" >&2
    exit 1
  fi
  sleep 0.1
done

field() {
  ruby -rjson -e 'print JSON.parse(File.readlines(ARGV[0]).first).fetch(ARGV[1])' "$work_dir/sandbox.json" "$1"
}
REALTIME_FINANCE_SECRET_KEY="$(field secret_key)" \
REALTIME_FINANCE_BASE_URL="$(field base_url)" \
REALTIME_FINANCE_FFI_LIB="$target_dir/debug/librealtime_finance_ffi.so" \
  ruby -I"$ruby_dir/lib" "$ruby_dir/examples/quickstart.rb"
