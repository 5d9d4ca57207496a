#!/usr/bin/env bash
# Builds ZapiCommunitiesFFI.xcframework (static libraries for iOS devices, the iOS simulator and
# macOS, with the generated C headers) and the generated Swift in Sources/ZapiCommunities, for
# Package.swift beside this file. Needs macOS with Xcode 15+ and rustup; it cannot run on Linux
# (no xcodebuild, no Apple SDKs), so this project's CI does not run it.
#   bash bindings-uniffi/swift/build-xcframework.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
[ "$(uname)" = Darwin ] || { echo "build-xcframework.sh needs macOS with Xcode" >&2; exit 1; }

CRATE=zapi-communities-uniffi
LIB=libzapi_communities_uniffi.a
TARGETS=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
rustup target add "${TARGETS[@]}"
for target in "${TARGETS[@]}"; do
    # iOS apps link statically: the cdylib's crate type is overridden for this build only.
    cargo rustc --release -p "$CRATE" --lib --crate-type staticlib --target "$target"
done

WORK="$ROOT/target/xcframework"
rm -rf "$WORK" && mkdir -p "$WORK/headers" "$WORK/ios-sim" "$WORK/macos"
# The simulator and macOS slices each join their two architectures into one library.
lipo -create target/aarch64-apple-ios-sim/release/$LIB target/x86_64-apple-ios/release/$LIB -output "$WORK/ios-sim/$LIB"
lipo -create target/aarch64-apple-darwin/release/$LIB target/x86_64-apple-darwin/release/$LIB -output "$WORK/macos/$LIB"

# The generator runs on this Mac; it reads the metadata of any one of the built libraries.
cargo build -q --release -p "$CRATE" --features "$CRATE/cli" --bin uniffi-bindgen
GEN="$WORK/generated"
target/release/uniffi-bindgen generate "target/aarch64-apple-ios/release/$LIB" --language swift --out-dir "$GEN"
mv "$GEN"/*.h "$WORK/headers/"
# One C module over both headers (the generated per-crate .modulemap files are not used).
{
    echo "module ZapiCommunitiesFFI {"
    for h in "$WORK"/headers/*.h; do echo "    header \"$(basename "$h")\""; done
    echo "    export *"
    echo "}"
} > "$WORK/headers/module.modulemap"

rm -rf "$HERE/ZapiCommunitiesFFI.xcframework" "$HERE/Sources"
xcodebuild -create-xcframework \
    -library "target/aarch64-apple-ios/release/$LIB" -headers "$WORK/headers" \
    -library "$WORK/ios-sim/$LIB" -headers "$WORK/headers" \
    -library "$WORK/macos/$LIB" -headers "$WORK/headers" \
    -output "$HERE/ZapiCommunitiesFFI.xcframework"
mkdir -p "$HERE/Sources/ZapiCommunities"
mv "$GEN"/*.swift "$HERE/Sources/ZapiCommunities/"
# What uniffi cannot generate: the pagers as AsyncSequences.
cp "$HERE"/Extensions/*.swift "$HERE/Sources/ZapiCommunities/"
echo "built $HERE/ZapiCommunitiesFFI.xcframework and $HERE/Sources/ZapiCommunities"
