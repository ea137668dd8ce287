#!/usr/bin/env bash
# Contract check of the sandbox against sandbox/openapi.json:
#   1. validates the OpenAPI document (openapi-spec-validator);
#   2. starts `rtf sandbox` on a free loopback port;
#   3. runs a bounded schemathesis fuzz of every /v1/ route and fails on any
#      5xx, undocumented status, wrong content type, response that breaks
#      its schema, or accepted request that breaks the request schema;
#   4. verifies webhook deliveries with the `standardwebhooks` package from
#      PyPI, independent of the sandbox's Rust signer (webhook_check.py);
#   5. fuzzes the /_sandbox/ admin API with the admin token, last, so the
#      faults it creates cannot disturb the steps above.
# The virtualenv lives in target/ and is reused between runs. Everything
# talks to 127.0.0.1 only. Bounds: MAX_EXAMPLES cases per operation and a
# hard TIMEOUT_SECONDS for the run. SANDBOX_LOG=FILE keeps the sandbox's log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
VENV="${SCHEMATHESIS_VENV:-$ROOT/target/schemathesis-venv}"
MAX_EXAMPLES="${MAX_EXAMPLES:-50}"
TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-300}"
SCHEMATHESIS_VERSION="4.32.5"
VALIDATOR_VERSION="0.7.2"
STANDARDWEBHOOKS_VERSION="1.3.0"
SPEC="$ROOT/sandbox/openapi.json"
RTF="$ROOT/target/debug/rtf"
WORK="$(mktemp -d)"
SANDBOX_PID=""

cleanup() {
    if [[ -n "$SANDBOX_PID" ]] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
        kill -TERM "$SANDBOX_PID" 2>/dev/null || true
        wait "$SANDBOX_PID" 2>/dev/null || true
    fi
    if [[ -n "${SANDBOX_LOG:-}" && -f "$WORK/sandbox.log" ]]; then
        cp "$WORK/sandbox.log" "$SANDBOX_LOG"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -x "$VENV/bin/schemathesis" ]] \
    || ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION" \
    || ! "$VENV/bin/python" -c "import standardwebhooks" 2>/dev/null; then
    echo "contract: installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check \
        "schemathesis==$SCHEMATHESIS_VERSION" "openapi-spec-validator==$VALIDATOR_VERSION" \
        "standardwebhooks==$STANDARDWEBHOOKS_VERSION"
fi

echo "contract: validating $SPEC" >&2
"$VENV/bin/python" - "$SPEC" <<'PY'
import json, sys
from openapi_spec_validator import validate
with open(sys.argv[1]) as f:
    validate(json.load(f))
print("contract: OpenAPI document is valid", file=sys.stderr)
PY

# Always build: the binary embeds openapi.json, so a stale one would fuzz
# an old schema. Cargo makes this a no-op when nothing changed.
echo "contract: building rtf" >&2
(cd "$ROOT" && cargo build --quiet -p realtime-finance-cli)

# Settling fast keeps cancel calls meaningful; no rate limit, because the
# fuzzer's bursts are not what this run checks.
"$RTF" sandbox --port 0 --settle-delay-ms 200 --rate-limit 0 \
    >"$WORK/stdout" 2>"$WORK/sandbox.log" &
SANDBOX_PID=$!

LINE=""
for _ in $(seq 1 100); do
    if [[ -s "$WORK/stdout" ]]; then
        LINE="$(head -n 1 "$WORK/stdout")"
        break
    fi
    sleep 0.1
done
if [[ -z "$LINE" ]]; then
    echo "contract: the sandbox printed no credentials line within 10 s; its log:" >&2
    cat "$WORK/sandbox.log" >&2
    exit 1
fi
field() { printf '%s' "$LINE" | "$VENV/bin/python" -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
BASE_URL="$(field base_url)"
SECRET_KEY="$(field secret_key)"
case "$BASE_URL" in
    http://127.0.0.1:*|https://localhost:*) ;;
    *) echo "contract: refusing to fuzz non-loopback base_url $BASE_URL" >&2; exit 1 ;;
esac

echo "contract: fuzzing $BASE_URL (at most $MAX_EXAMPLES cases per operation, ${TIMEOUT_SECONDS}s)" >&2
# One worker: with two, Hypothesis parsed lambda sources with ast.parse on
# two threads at once, and CPython 3.11.7 failed with "SystemError: AST
# constructor recursion depth mismatch" in the coverage phase.
set +e
RTF_SECRET_KEY="$SECRET_KEY" RTF_CLIENT_ID="$(field client_id)" RTF_CLIENT_SECRET="$(field client_secret)" \
    SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$ROOT/sandbox/tests/contract" \
    timeout --signal=INT --kill-after=15 "$TIMEOUT_SECONDS" \
    "$VENV/bin/schemathesis" run "$BASE_URL/v1/openapi.json" \
    --url "$BASE_URL" \
    --exclude-path-regex '^/_sandbox/' \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection \
    --max-examples "$MAX_EXAMPLES" \
    --seed 20251201 \
    --phases examples,coverage,fuzzing,stateful \
    --workers 1 \
    --request-timeout 10 \
    --generation-database none \
    --no-color \
    --output-sanitize true
STATUS=$?
set -e

if [[ $STATUS -ne 0 ]]; then
    echo "contract: schemathesis failed with exit code $STATUS; last sandbox log lines:" >&2
    tail -n 20 "$WORK/sandbox.log" >&2
    if grep -q '"status":5\|status=5' "$WORK/sandbox.log"; then
        echo "contract: the sandbox logged server errors" >&2
    fi
    exit "$STATUS"
fi
echo "contract: schemathesis passed" >&2

"$VENV/bin/python" "$ROOT/sandbox/tests/contract/webhook_check.py" "$WORK/stdout"

# The admin API last: the faults it creates must not disturb the runs above.
echo "contract: fuzzing the admin API" >&2
set +e
RTF_SECRET_KEY="$(field admin_token)" \
    SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$ROOT/sandbox/tests/contract" \
    timeout --signal=INT --kill-after=15 "$TIMEOUT_SECONDS" \
    "$VENV/bin/schemathesis" run "$BASE_URL/v1/openapi.json" \
    --url "$BASE_URL" \
    --include-path-regex '^/_sandbox/' \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$MAX_EXAMPLES" \
    --seed 20251201 \
    --phases examples,coverage,fuzzing \
    --workers 1 \
    --request-timeout 30 \
    --generation-database none \
    --no-color \
    --output-sanitize true
STATUS=$?
set -e
if [[ $STATUS -ne 0 ]]; then
    echo "contract: schemathesis failed on the admin API with exit code $STATUS" >&2
    exit "$STATUS"
fi
echo "contract: passed" >&2
