#!/usr/bin/env bash
# Python figures (issue 9): the installed wheel against requests / httpx / aiohttp and `wrk -c1`,
# side by side against one `zapi-sim`; prints a markdown `### Python` section on stdout (build
# chatter goes to stderr). Run by bench/run.sh, or alone: ROOT=$PWD bash bench/20-python.sh
# BENCH_QUICK=1 runs fewer calls per round.
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$ROOT"
PY="${PYTHON:-python3}"
VENV="$ROOT/.venv-bench"

{
    "$PY" -c 'import ensurepip' 2>/dev/null || { source "$ROOT/tests/lib/env.sh"; apt_install python3-venv; }
    [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check requests httpx aiohttp

    # The wheel, built from this checkout every time (a wheel left from an earlier build may lack
    # what the benchmark calls); cargo's cache keeps a rebuild short.
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check maturin==1.16.0
    rm -rf "$ROOT/target/bench/dist"
    (cd "$ROOT/bindings-python" && "$VENV/bin/maturin" build --release -o "$ROOT/target/bench/dist")
    WHEEL="$(ls -t "$ROOT"/target/bench/dist/zapi_communities-*.whl | head -1)"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"

} >&2

source "$ROOT/tests/lib/env.sh"
start_zapi_sim

"$VENV/bin/python" "$ROOT/bench/python_bench.py" "$SIM_URL" "$WHEEL" ${BENCH_QUICK:+--quick}
