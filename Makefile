# The two entry points of the repository:
#   make demo   runs the quickstart in every language against a local sandbox
#   make test   runs every test suite (what .ci/run calls)
# Each language's script installs what it needs (apt, pip, npm, Maven), so
# both work on a fresh machine that has Rust, Python, Node.js and Java.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(CURDIR)/target
export RTF_BIN ?= $(CARGO_TARGET_DIR)/debug/rtf

LANGUAGES := python node java php ruby

.PHONY: demo test build rust-lint rust-test contract-test c-test \
	$(addprefix demo-,$(LANGUAGES)) $(addprefix test-,$(LANGUAGES))

build:
	cargo build -p realtime-finance-cli

demo: build
	$(RTF_BIN) demo
	@for lang in $(LANGUAGES); do \
		if [ -x $$lang/scripts/demo.sh ]; then echo "== $$lang quickstart"; $$lang/scripts/demo.sh || exit 1; fi; \
	done

test: rust-lint rust-test contract-test c-test $(addprefix test-,$(LANGUAGES))

rust-lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

rust-test: build
	scripts/test-rust.sh

contract-test: build
	sandbox/tests/contract/run_schemathesis.sh

c-test:
	bindings/c/scripts/check-header.sh
	bindings/c/scripts/test.sh

$(addprefix test-,$(LANGUAGES)): test-%: build
	$*/scripts/test.sh
