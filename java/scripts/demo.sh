#!/usr/bin/env bash
# Runs examples/Quickstart.java against a freshly started local sandbox.
#
# Packages the jar (without tests) the first time and starts `rtf sandbox`
# on a free loopback port with its credentials exported as
# REALTIME_FINANCE_* variables. Then it runs the quickstart with the jar and
# its runtime dependencies on the class path, as a Java user would.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
rtf="${RTF_BIN:-$CARGO_TARGET_DIR/debug/rtf}"
jar="$repo/java/target/realtime-finance-0.1.0.jar"
classpath_file="$repo/java/target/runtime-classpath.txt"

if [ ! -f "$jar" ] || [ ! -f "$classpath_file" ]; then
    (cd "$repo" && cargo build -p realtime-finance-uniffi -p realtime-finance-uniffi-bindgen)
    mvn -B -q -ntp -f "$repo/java/pom.xml" -Dcargo.target.dir="$CARGO_TARGET_DIR/debug" -DskipTests package
fi
if [ ! -x "$rtf" ]; then
    (cd "$repo" && cargo build -p realtime-finance-cli)
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

# Export only the two variables that the quickstart reads. The sandbox's
# credentials are test values.
line="$(head -n 1 "$workdir/sandbox.json")"
json_field() {
    printf '%s' "$line" | sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"
}
REALTIME_FINANCE_SECRET_KEY="$(json_field secret_key)"
REALTIME_FINANCE_BASE_URL="$(json_field base_url)"
export REALTIME_FINANCE_SECRET_KEY REALTIME_FINANCE_BASE_URL

java -cp "$jar:$(cat "$classpath_file")" "$repo/java/examples/Quickstart.java" "$@"
