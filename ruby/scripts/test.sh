#!/usr/bin/env bash
# Tests the Ruby SDK. Installs Ruby and its gems from Debian packages when
# missing, builds the C ABI library and `rtf`, and runs the minitest suite,
# which starts its own sandboxes on loopback. Then builds the gem, installs
# it into a temporary GEM_HOME and checks it from a fresh Ruby process.
set -euo pipefail

ruby_dir="$(cd "$(dirname "$0")/.." && pwd)"
repo_dir="$(cd "$ruby_dir/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo_dir/target}"

missing=()
command -v ruby >/dev/null || missing+=(ruby ruby-dev)
command -v ruby >/dev/null && ruby -e 'require "ffi"' 2>/dev/null || missing+=(ruby-ffi)
command -v ruby >/dev/null && ruby -e 'require "minitest"' 2>/dev/null || missing+=(ruby-minitest)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

(cd "$repo_dir" && cargo build -p realtime-finance-ffi -p realtime-finance-cli)
library="$target_dir/debug/librealtime_finance_ffi.so"
export RTF_BIN="${RTF_BIN:-$target_dir/debug/rtf}"

echo "== Ruby SDK test suite"
cd "$ruby_dir"
REALTIME_FINANCE_FFI_LIB="$library" \
  ruby -Ilib -Itest -e 'Dir["test/**/*_test.rb"].sort.each { |file| require File.expand_path(file) }'

echo "== Ruby gem build and install"
work_dir="$(mktemp -d)"
bundled="$ruby_dir/lib/realtime_finance/native/librealtime_finance_ffi.so"
cleanup() {
  rm -rf "$work_dir"
  rm -f "$bundled"
}
trap cleanup EXIT
mkdir -p "$(dirname "$bundled")"
cp "$library" "$bundled"
gem build realtime_finance.gemspec --output "$work_dir/realtime_finance.gem"
rm -f "$bundled"
# GEM_PATH keeps the system gem directories, where Debian's ruby-ffi lives.
system_gem_path="$(ruby -e 'print Gem.path.join(":")')"
GEM_HOME="$work_dir/gems" GEM_PATH="$work_dir/gems:$system_gem_path" \
  gem install --local --no-document "$work_dir/realtime_finance.gem"

echo "== Installed gem from a fresh Ruby process"
cd "$work_dir"
env -u REALTIME_FINANCE_FFI_LIB -u RUBYLIB GEM_HOME="$work_dir/gems" GEM_PATH="$work_dir/gems:$system_gem_path" \
  ruby "$ruby_dir/scripts/smoke.rb" "$work_dir/gems"
