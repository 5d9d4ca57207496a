#!/usr/bin/env bash
# Node figures (issue 9): the npm package's Node build (bindings-wasm/pkg/node) against built-in
# `fetch` with hand-built requests, side by side against one `zapi-sim`, then the web build the same
# way from a page in headless Chromium (bench/browser_bench.mjs); prints markdown `### Node` and
# `### Headless Chromium` sections on stdout (build chatter goes to stderr). Run by bench/run.sh,
# or alone:
# ROOT=$PWD bash bench/30-node.sh   (BENCH_QUICK=1: fewer calls per round)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$ROOT"

{
    # The package as tests/steps/30-wasm.sh builds it (release wasm profile), from this checkout
    # every time: a package left from an earlier build may lack what the benchmark calls.
    rustup target add wasm32-unknown-unknown >/dev/null
    bash bindings-wasm/scripts/build.sh 2>&1 | { grep -v 'target_features. custom section is missing' || true; }
} >&2

source "$ROOT/tests/lib/env.sh"
start_zapi_sim

node --expose-gc "$ROOT/bench/node_bench.mjs" "$SIM_URL" "$ROOT/bindings-wasm" ${BENCH_QUICK:+--quick}

# The same calls from a page in headless Chromium (Debian's, driven by the package's playwright-core).
apt_install chromium >&2
(cd bindings-wasm && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error) >&2
echo
node "$ROOT/bench/browser_bench.mjs" "$SIM_URL" "$ROOT" ${BENCH_QUICK:+--quick}
