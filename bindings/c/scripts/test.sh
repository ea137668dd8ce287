#!/usr/bin/env bash
# Checks the committed header against the code, builds the C ABI and the
# sandbox, compiles tests/abi_test.c with the system compiler and runs it
# under valgrind against a freshly started sandbox.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_dir="$(cd "$crate_dir/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo_dir/target}/debug"

missing=()
command -v cc >/dev/null || missing+=(gcc)
command -v valgrind >/dev/null || missing+=(valgrind)
command -v python3 >/dev/null || missing+=(python3)
[[ -f /usr/include/openssl/hmac.h ]] || missing+=(libssl-dev)
if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

"$crate_dir/scripts/check-header.sh"

cargo build --quiet -p realtime-finance-ffi -p realtime-finance-cli
rtf_bin="${RTF_BIN:-$target_dir/rtf}"

build_dir="$(mktemp -d)"
sandbox_out="$build_dir/sandbox.out"
sandbox_pid=""
cleanup() {
    if [[ -n "$sandbox_pid" ]]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$build_dir"
}
trap cleanup EXIT

cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g -O0 \
    -I"$crate_dir/include" "$crate_dir/tests/abi_test.c" \
    -L"$target_dir" -lrealtime_finance_ffi -lcrypto -lpthread \
    -Wl,-rpath,"$target_dir" -o "$build_dir/abi_test"

"$rtf_bin" sandbox --port 0 >"$sandbox_out" 2>"$build_dir/sandbox.log" &
sandbox_pid=$!
for _ in $(seq 100); do
    [[ -s "$sandbox_out" ]] && break
    sleep 0.1
done
settings="$(head -n 1 "$sandbox_out")"
if [[ -z "$settings" ]]; then
    echo "test.sh: the sandbox printed no settings line within 10 s; its log:" >&2
    cat "$build_dir/sandbox.log" >&2
    exit 1
fi
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$settings" "$1"; }

# Only definite and indirect leaks fail the run: the core's shared runtime
# and its worker threads live until exit by design, which valgrind reports
# as "possibly lost" and "still reachable".
RTF_TEST_BASE_URL="$(field base_url)" \
RTF_TEST_SECRET_KEY="$(field secret_key)" \
RTF_TEST_WEBHOOK_SECRET="$(field webhook_secret)" \
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --error-exitcode=1 "$build_dir/abi_test"
