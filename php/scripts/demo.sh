#!/usr/bin/env bash
# Starts a sandbox and runs examples/quickstart.php against it.
set -euo pipefail

php_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_dir="$(cd "$php_dir/.." && pwd)"
rtf_bin="${RTF_BIN:-${CARGO_TARGET_DIR:-$repo_dir/target}/debug/rtf}"

if ! command -v php >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli
fi
"$php_dir/scripts/build.sh"
[[ -x "$rtf_bin" ]] || cargo build --quiet -p realtime-finance-cli

work_dir="$(mktemp -d)"
sandbox_pid=""
cleanup() {
    if [[ -n "$sandbox_pid" ]]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

"$rtf_bin" sandbox --port 0 >"$work_dir/sandbox.out" 2>"$work_dir/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do
    [[ -s "$work_dir/sandbox.out" ]] && break
    sleep 0.1
done
settings="$(head -n 1 "$work_dir/sandbox.out")"
if [[ -z "$settings" ]]; then
    echo "demo.sh: the sandbox printed no settings line within 10 s; its log:" >&2
    cat "$work_dir/sandbox.log" >&2
    exit 1
fi

field() { php -r 'echo json_decode($argv[1], true)[$argv[2]];' "$settings" "$1"; }
REALTIME_FINANCE_SECRET_KEY="$(field secret_key)" \
REALTIME_FINANCE_BASE_URL="$(field base_url)" \
    php "$php_dir/examples/quickstart.php"
