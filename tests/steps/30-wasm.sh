#!/usr/bin/env bash
# JavaScript / WebAssembly: the npm package in bindings-wasm, tested with `node --test` in Node
# and in headless Chromium. On a fresh machine (Rust, Node, Python, JDK only) it installs the wasm
# target, wasm-bindgen-cli at exactly the version Cargo.lock pins, Debian's Chromium and the npm
# dev dependencies (npm ci, from package-lock.json).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT"

rustup target add wasm32-unknown-unknown >/dev/null
apt_install chromium
(cd bindings-wasm && npm ci --no-audit --no-fund --loglevel=error)

build_zapi_sim
cargo clippy -q -p zapi-communities-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -q -p zapi-communities-wasm --target wasm32-unknown-unknown --no-default-features --features webhooks -- -D warnings
cargo clippy -q -p zapi-communities-wasm --target wasm32-unknown-unknown --features plan -- -D warnings
cargo clippy -q -p zapi-communities-wasm --target wasm32-unknown-unknown --features simulator -- -D warnings
# Installs wasm-bindgen-cli when missing, builds pkg/{node,web,bundler}, prints the wasm size.
bash bindings-wasm/scripts/build.sh 2>&1 | grep -v 'target_features. custom section is missing'

# The module's own unit tests (src/out/tests.rs), run in Node by wasm-bindgen-test-runner, which
# comes with the wasm-bindgen-cli that build.sh made sure of.
UNIT_LOG=/tmp/zapi-wasm-unit.txt
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p zapi-communities-wasm --target wasm32-unknown-unknown --lib > "$UNIT_LOG" 2>&1 \
  || { cat "$UNIT_LOG"; exit 1; }
echo "wasm unit (wasm-bindgen-test in Node): $(sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' "$UNIT_LOG") passed"

cd bindings-wasm
LOG=/tmp/zapi-wasm-tests.txt
status=0
node --test --test-reporter=spec tests/*.test.mjs tests/browser/*.test.mjs > "$LOG" 2>&1 || status=$?
cat "$LOG"
count() { sed -n "s/^ℹ $1 \([0-9]*\)$/\1/p" "$LOG" | tail -1; }
# The shared suites (vectors, faults, scenario, canary), one line each per runtime.
grep -E '^(node|chromium) [a-z/]+: [0-9]+ passed|^  (skipped|known failure): ' "$LOG" || true
echo "node --test: $(count tests) tests, $(count pass) passed, $(count fail) failed"
GZ=$(gzip -9 -c pkg/web/zapi_communities_wasm_bg.wasm | wc -c)
echo "wasm: $(($(wc -c < pkg/web/zapi_communities_wasm_bg.wasm) / 1024)) KiB raw, $((GZ / 1024)) KiB gzipped"
exit $status
