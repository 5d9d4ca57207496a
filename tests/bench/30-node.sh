#!/usr/bin/env bash
# Node figures (issue 9): the npm package's Node build (bindings-wasm/pkg/node) against built-in
# `fetch` with hand-built requests, side by side against one `zapi-sim`; prints a markdown
# `### Node` section on stdout (build chatter goes to stderr). Run by tests/bench/run.sh, or alone:
# ROOT=$PWD bash tests/bench/30-node.sh   (BENCH_QUICK=1: fewer calls per round)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
cd "$ROOT"

{
    # The package as tests/steps/30-wasm.sh builds it (release wasm profile), unless already built.
    if [ ! -f bindings-wasm/pkg/node/zapi_communities_wasm.js ] || [ ! -f bindings-wasm/pkg/web/zapi_communities_wasm_bg.wasm ]; then
        rustup target add wasm32-unknown-unknown >/dev/null
        bash bindings-wasm/scripts/build.sh 2>&1 | grep -v 'target_features. custom section is missing' || true
    fi
    cargo build -q -p zapi-communities-sim --bin zapi-sim
} >&2

SIM_BIN="${ZAPI_SIM_BIN:-$ROOT/target/debug/zapi-sim}"
SIM_OUT="$(mktemp)"
"$SIM_BIN" --port 0 > "$SIM_OUT" 2>/dev/null &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; rm -f "$SIM_OUT"' EXIT
for _ in $(seq 100); do grep -q listening "$SIM_OUT" && break; sleep 0.1; done
SIM_URL="$(sed -n 's/^zapi-sim listening on \(http:[^ ]*\)$/\1/p' "$SIM_OUT" | head -1)"
[ -n "$SIM_URL" ] || { echo "zapi-sim did not start" >&2; exit 1; }

node "$ROOT/tests/bench/node_bench.mjs" "$SIM_URL" "$ROOT/bindings-wasm" ${BENCH_QUICK:+--quick}
