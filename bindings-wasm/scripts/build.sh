#!/usr/bin/env bash
# Builds the npm package's outputs into bindings-wasm/pkg/:
#   pkg/node     --target nodejs  (CommonJS, loads the .wasm with fs; Node >= 18)
#   pkg/web      --target web     (ES module; `await init()` fetches the .wasm; browsers and bundlers)
#   pkg/bundler  --target bundler (ES module importing the .wasm; webpack's asyncWebAssembly, …)
# the same three under pkg/webhooks/ from a build with only the `webhooks` feature (`parseWebhook`
# and `WebhookSecret`, no client: the package's `zapi-communities/webhooks` entry),
# and the same three under pkg/plan/ from a build with the `plan` feature (`client.plan` and
# `client.apply`; the package's `zapi-communities/plan` entry) and under pkg/simulator/ from one
# with the `simulator` feature (plan and apply, the webhooks and `Client.simulated()`; the
# `zapi-communities/simulator` entry). Each comes from one `cargo build --profile wasm-release`
# (opt-level z, fat LTO, panic=abort, strip), but for the webhooks entry's `--profile wasm-speed`
# (the same at opt-level 3).
#
# Installs wasm-bindgen-cli at exactly the version Cargo.lock pins for the wasm-bindgen crate
# (the CLI and the crate must match), unless that version is already on PATH.
# ZAPI_WASM_PROFILE=dev builds the unoptimised profile instead (faster, for iterating).
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"

PROFILE="${ZAPI_WASM_PROFILE:-wasm-release}"
WBG_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
if [ -z "$WBG_VERSION" ]; then
    echo "build.sh: no wasm-bindgen entry in Cargo.lock" >&2
    exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
    echo "installing wasm-bindgen-cli $WBG_VERSION (about two minutes)"
    # Not --locked: the CLI's own lockfile pins a webpki-roots release the registry no longer serves.
    cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true

# The webhooks entry runs on servers, where a parse costs more than its bytes: opt-level 3
# (`wasm-speed`) reads events about 1.7x faster for about 6 KB gzipped more.
SPEED_PROFILE="${ZAPI_WASM_PROFILE:-wasm-speed}"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
STAGE="$TARGET_DIR/wasm-package"

# `bundle OUT PROFILE [cargo flags]`: one cargo build, then the three wasm-bindgen outputs under OUT.
bundle() {
    local out="$1" profile="$2" dir
    shift 2
    case "$profile" in dev) dir=debug ;; *) dir="$profile" ;; esac
    cargo build -p zapi-communities-wasm --target wasm32-unknown-unknown --profile "$profile" "$@"
    # Staged under the same file name: wasm-bindgen names its outputs after the input.
    mkdir -p "$STAGE/$out"
    cp "$TARGET_DIR/wasm32-unknown-unknown/$dir/zapi_communities_wasm.wasm" "$STAGE/$out/zapi_communities_wasm.wasm"
    # `strip = true` also drops the `target_features` section; wasm-bindgen then recognises
    # reference types from the runtime's intrinsics and says so in a warning, which is harmless.
    wasm-bindgen "$STAGE/$out/zapi_communities_wasm.wasm" --out-dir "$HERE/$out/node" --target nodejs
    # The package is "type": "module"; the nodejs output is CommonJS and must say so …
    echo '{"type":"commonjs"}' > "$HERE/$out/node/package.json"
    # … and its JS half of the transport is js/node-http.js (CommonJS, on node:http), put in
    # place of js/fetch.js, which the web and bundler outputs keep.
    # (The webhooks entry has no client, so no transport to replace.)
    local snippets=("$HERE/$out"/node/snippets/*/js/fetch.js)
    if [ "$out" != pkg/webhooks ]; then
        [ "${#snippets[@]}" -eq 1 ] && [ -f "${snippets[0]}" ] || { echo "build.sh: no fetch.js snippet in the node output" >&2; exit 1; }
        cp "$HERE/js/node-http.js" "${snippets[0]}"
    fi
    # js/values.js and js/abort.js (the client's alone) are ES modules; the nodejs output requires
    # them, so they export the CommonJS way.
    local modules=(values.js)
    if [ "$out" != pkg/webhooks ]; then modules+=(abort.js); fi
    local name file
    for name in "${modules[@]}"; do
        file=("$HERE/$out"/node/snippets/*/js/"$name")
        [ -f "${file[0]}" ] || { echo "build.sh: no $name snippet in the node output" >&2; exit 1; }
        sed -i 's/^export { \(.*\) };$/module.exports = { \1 };/' "${file[0]}"
        grep -q '^module.exports = ' "${file[0]}" || { echo "build.sh: js/$name has no export line to convert" >&2; exit 1; }
    done
    wasm-bindgen "$STAGE/$out/zapi_communities_wasm.wasm" --out-dir "$HERE/$out/web" --target web
    wasm-bindgen "$STAGE/$out/zapi_communities_wasm.wasm" --out-dir "$HERE/$out/bundler" --target bundler
}

rm -rf "$HERE/pkg" "$STAGE"
bundle pkg "$PROFILE"
bundle pkg/webhooks "$SPEED_PROFILE" --no-default-features --features webhooks
bundle pkg/plan "$PROFILE" --features plan
bundle pkg/simulator "$PROFILE" --features simulator

# `size LABEL DIR`: the web module's size under DIR, raw and gzipped.
size() {
    local wasm="$HERE/$2/web/zapi_communities_wasm_bg.wasm"
    echo "$1: $(($(wc -c < "$wasm") / 1024)) KiB raw, $(($(gzip -9 -c "$wasm" | wc -c) / 1024)) KiB gzip -9"
}
size "wasm size ($PROFILE)" pkg
size "webhooks alone (pkg/webhooks, $SPEED_PROFILE)" pkg/webhooks
size "with plan and apply (pkg/plan)" pkg/plan
size "with the simulator (pkg/simulator)" pkg/simulator
