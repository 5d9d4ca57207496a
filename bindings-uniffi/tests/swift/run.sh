#!/usr/bin/env bash
# Runs the Swift tests where a Swift toolchain exists (macOS with Xcode, or Linux with swift.org's
# toolchain): builds the cdylib, the generator and zapi-sim, lays the generated Swift and C
# headers out as a SwiftPM package here, then `swift test`.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
cd "$ROOT"
cargo build -p zapi-communities-uniffi -p zapi-sim --features zapi-communities-uniffi/cli --lib --bins
case "$(uname)" in Darwin) LIB=target/debug/libzapi_communities_uniffi.dylib ;; *) LIB=target/debug/libzapi_communities_uniffi.so ;; esac
rm -rf "$HERE/Sources" && mkdir -p "$HERE/Sources/ZapiCommunities" "$HERE/Sources/ZapiCommunitiesFFI"
OUT="$(mktemp -d)"
target/debug/uniffi-bindgen generate "$LIB" --language swift --out-dir "$OUT" --no-format
mv "$OUT"/*.swift "$HERE/Sources/ZapiCommunities/"
# What uniffi cannot generate: the pagers as AsyncSequences.
cp "$ROOT"/bindings-uniffi/swift/Extensions/*.swift "$HERE/Sources/ZapiCommunities/"
mv "$OUT"/*.h "$HERE/Sources/ZapiCommunitiesFFI/"
# One C module over both headers (the generated per-crate .modulemap files are not used).
{
    echo "module ZapiCommunitiesFFI {"
    for h in "$HERE"/Sources/ZapiCommunitiesFFI/*.h; do echo "    header \"$(basename "$h")\""; done
    echo "    export *"
    echo "}"
} > "$HERE/Sources/ZapiCommunitiesFFI/module.modulemap"
rm -rf "$OUT"
cd "$HERE"
export ZAPI_SIM="$ROOT/target/debug/zapi-sim"
export LD_LIBRARY_PATH="$ROOT/target/debug${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export DYLD_LIBRARY_PATH="$ROOT/target/debug${DYLD_LIBRARY_PATH:+:$DYLD_LIBRARY_PATH}"
swift test -Xlinker -L"$ROOT/target/debug"
