#!/usr/bin/env bash
# Builds the realtime-finance wheel through maturin's PEP 517 backend (the
# same path as `pip install ./python`), installs it into a fresh virtual
# environment, and runs the pytest suite against a local sandbox that the
# tests start themselves, then mypy and stubtest.
#
# Environment: PYTHON (default python3, 3.9 or later), CARGO_TARGET_DIR
# (default <repo>/target), RTF_BIN (default $CARGO_TARGET_DIR/debug/rtf).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
python="${PYTHON:-python3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export RTF_BIN="${RTF_BIN:-$CARGO_TARGET_DIR/debug/rtf}"
venv="$CARGO_TARGET_DIR/python-venv"
wheels="$CARGO_TARGET_DIR/python-wheels"

# Pinned test tools; versions checked against PyPI when this script was written.
tools=(maturin==1.16.0 pytest==9.2.0 pytest-asyncio==1.5.0 pytest-timeout==2.4.0 mypy==2.4.1 standardwebhooks==1.3.0)

echo "== python: fresh virtual environment in $venv"
rm -rf "$venv" "$wheels"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "${tools[@]}"

echo "== python: sandbox binary"
cargo build -p realtime-finance-cli

echo "== python: wheel (maturin PEP 517 backend, dev profile)"
# The dev profile reuses the workspace's build of the core; a plain
# `pip install ./python` builds with the release profile instead.
MATURIN_PEP517_ARGS="--profile dev" \
    "$venv/bin/python" -m pip wheel --no-deps --wheel-dir "$wheels" "$repo/python"
wheel="$(ls "$wheels"/realtime_finance-*-abi3-*.whl)"
echo "built $wheel"
"$venv/bin/python" -m pip install --quiet "$wheel"

echo "== python: pytest"
# Run from the repository root with the venv's own pytest, so that the
# installed wheel, not the source folder, is what the tests import.
cd "$repo"
"$venv/bin/pytest" -c python/pyproject.toml --rootdir python python/tests

echo "== python: mypy"
"$venv/bin/mypy" --config-file python/pyproject.toml python/examples python/tests

echo "== python: stubtest (stubs and type hints against the installed package)"
# From the target folder, so that only the installed package is importable.
(cd "$CARGO_TARGET_DIR" && "$venv/bin/python" -m mypy.stubtest realtime_finance \
    --allowlist "$repo/python/stubtest-allowlist.txt")
