#!/usr/bin/env bash
# Runs examples/quickstart.py against a freshly started local sandbox.
#
# Installs the SDK into $CARGO_TARGET_DIR/python-demo-venv the first time
# (through maturin's PEP 517 backend, dev profile), starts `rtf sandbox` on
# a free loopback port, exports its credentials as REALTIME_FINANCE_*
# variables, runs the quickstart and stops the sandbox.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
rtf="${RTF_BIN:-$CARGO_TARGET_DIR/debug/rtf}"
venv="$CARGO_TARGET_DIR/python-demo-venv"

if ! "$venv/bin/python" -c "import realtime_finance" 2>/dev/null; then
    rm -rf "$venv"
    "$python" -m venv "$venv"
    MATURIN_PEP517_ARGS="--profile dev" "$venv/bin/python" -m pip install --quiet "$repo/python"
fi
if [ ! -x "$rtf" ]; then
    cargo build -p realtime-finance-cli
fi

workdir="$(mktemp -d)"
"$rtf" sandbox --port 0 >"$workdir/sandbox.json" 2>"$workdir/sandbox.log" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null; rm -rf "$workdir"' EXIT

for _ in $(seq 100); do
    if [ -s "$workdir/sandbox.json" ]; then break; fi
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
        echo "error: rtf sandbox exited before printing its JSON line:" >&2
        cat "$workdir/sandbox.log" >&2
        exit 1
    fi
    sleep 0.1
done

# Only the two variables the quickstart reads; the sandbox's credentials
# are test values.
eval "$("$venv/bin/python" - "$workdir/sandbox.json" <<'PY'
import json, shlex, sys
with open(sys.argv[1]) as file:
    info = json.loads(file.readline())
print(f"export REALTIME_FINANCE_SECRET_KEY={shlex.quote(info['secret_key'])}")
print(f"export REALTIME_FINANCE_BASE_URL={shlex.quote(info['base_url'])}")
PY
)"

"$venv/bin/python" "$repo/python/examples/quickstart.py" "$@"
