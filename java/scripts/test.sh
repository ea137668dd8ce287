#!/usr/bin/env bash
# Builds the native library (UniFFI glue crate, dev profile), the bindings
# generator and the sandbox, then runs `mvn verify` on the Java SDK. Surefire
# runs the JUnit 5 suite against a sandbox that the tests start themselves.
# Failsafe then loads the packaged jar in a fresh JVM.
#
# Installs a JDK 17+ and Maven with apt-get when they are missing.
# Environment: CARGO_TARGET_DIR (default <repo>/target), RTF_BIN (default
# $CARGO_TARGET_DIR/debug/rtf), MAVEN_ARGS (extra arguments for mvn).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export RTF_BIN="${RTF_BIN:-$CARGO_TARGET_DIR/debug/rtf}"

java_major_version() {
    java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

echo "== java: toolchain"
if ! command -v javac >/dev/null || ! command -v mvn >/dev/null || [ "$(java_major_version)" -lt 17 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null
fi
# sed reads to the end, where head would close the pipe early and fail the
# script under pipefail when mvn is still writing (mvn reports Broken pipe).
java -version 2>&1 | sed -n 1p
mvn -v | sed -n 1p

echo "== java: native library, bindings generator and sandbox (dev profile)"
cd "$repo"
cargo build -p realtime-finance-uniffi -p realtime-finance-uniffi-bindgen -p realtime-finance-cli

echo "== java: mvn verify"
# Maven's cargo step is a no-op after the build above. The native library's
# folder inside the jar follows the build host (see the profiles in pom.xml).
# shellcheck disable=SC2086
mvn -B -ntp -f "$repo/java/pom.xml" \
    -Dcargo.target.dir="$CARGO_TARGET_DIR/debug" ${MAVEN_ARGS:-} verify
