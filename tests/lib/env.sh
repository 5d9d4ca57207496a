# Shared setup for the test steps: toolchain paths and small helpers. Sourced, not run.
export PATH="$HOME/.cargo/bin:$PATH"
export ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# Debian's apt wants no questions in CI.
export DEBIAN_FRONTEND=noninteractive

# Runs apt-get update at most once per run.
apt_install() {
    local missing=()
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ ! -f /tmp/.zapi-apt-updated ]; then apt-get update -qq && touch /tmp/.zapi-apt-updated; fi
    apt-get install -y -qq "${missing[@]}"
}

# Builds the zapi-sim server (dev profile) once per run and exports ZAPI_SIM_BIN: run-all.sh
# calls it before the steps, and a step run on its own builds it the first time.
build_zapi_sim() {
    if [ -n "${ZAPI_SIM_BIN:-}" ] && [ -x "$ZAPI_SIM_BIN" ]; then return 0; fi
    cargo build -q -p zapi-sim --bin zapi-sim
    local target
    target="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
    export ZAPI_SIM_BIN="$target/debug/zapi-sim"
}

# Starts zapi-sim on a free loopback port (the benchmarks' server): a release build unless
# ZAPI_SIM_BIN names one, so the server's own cost stays small next to what is measured. Sets
# SIM_URL and SIM_PID; the server stops when the calling shell exits.
start_zapi_sim() {
    local bin="${ZAPI_SIM_BIN:-$ROOT/target/release/zapi-sim}"
    [ -n "${ZAPI_SIM_BIN:-}" ] || cargo build -q --release -p zapi-sim --bin zapi-sim >&2
    local out
    out="$(mktemp)"
    "$bin" --port 0 > "$out" 2>/dev/null &
    SIM_PID=$!
    # shellcheck disable=SC2064  # expand now: the values are this call's
    trap "kill $SIM_PID 2>/dev/null || true; rm -f '$out'" EXIT
    for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
    SIM_URL="$(sed -n 's/^zapi-sim listening on \(http:[^ ]*\)$/\1/p' "$out" | head -1)"
    [ -n "$SIM_URL" ] || { echo "zapi-sim did not start" >&2; return 1; }
}
