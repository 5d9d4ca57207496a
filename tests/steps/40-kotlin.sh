#!/usr/bin/env bash
# Kotlin (JVM) and Swift: the uniffi binding (bindings-uniffi/).
#
#  1. One cargo build, dev profile: the cdylib libzapi_communities_uniffi.so and the uniffi-bindgen
#     binary (feature `cli`); the zapi-sim server comes from tests/lib/env.sh (built once per run). Dev, not release: these tests check the
#     binding (conversions, errors, async, packaging), not speed; a dev build reuses every
#     dependency step 10 compiled, where release would compile reqwest, rustls/aws-lc, tokio and
#     uniffi again (minutes on 2 cores). Building the library and the generator in the same
#     invocation, both with `cli`, compiles uniffi once (toolchain gotcha 6).
#  2. uniffi-bindgen (library mode) writes Kotlin to bindings-uniffi/generated/kotlin and Swift to
#     bindings-uniffi/generated/swift; nothing generated is committed.
#  3. Maven compiles the generated Kotlin and the JUnit 5 tests (bindings-uniffi/tests/kotlin) and
#     runs them against the cdylib and a zapi-sim process; the Surefire totals are printed here
#     (`mvn -q` hides Surefire's own summary).
#  4. The jar, the library inside, is installed into the local Maven repository, and a separate
#     Maven project (tests/kotlin-consumer) runs the README's Kotlin quick start against it.
#  5. No Swift compiler exists on these machines: tests/check_api.py checks that the generated
#     Swift (and Kotlin) declare every exported type, field, case and method with the right
#     async/throws shape, and that the README quickstarts match the tested snippets.
#
# By hand, from the repository root: bash tests/steps/40-kotlin.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT"
UNIFFI="$ROOT/bindings-uniffi"
GEN="$UNIFFI/generated"

if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
    apt_install maven default-jdk-headless
fi

start=$SECONDS
cargo build -q -p zapi-communities-uniffi --features zapi-communities-uniffi/cli --lib --bins
build_zapi_sim
LIB="$ROOT/target/debug/libzapi_communities_uniffi.so"
echo "cargo build (cdylib, uniffi-bindgen, zapi-sim): $((SECONDS - start)) s"

rm -rf "$GEN"
"$ROOT/target/debug/uniffi-bindgen" generate "$LIB" --language kotlin --out-dir "$GEN/kotlin" --no-format >/dev/null
"$ROOT/target/debug/uniffi-bindgen" generate "$LIB" --language swift --out-dir "$GEN/swift" --no-format >/dev/null
echo "generated: $(cd "$GEN" && find . -type f | sort | tr '\n' ' ')"

# Surefire's reports are totalled here so the summary prints even with -q (and on failure).
summary() {
    python3 "$ROOT/tests/lib/surefire_summary.py" "$UNIFFI/kotlin/target/surefire-reports"
}
start=$SECONDS
rm -rf "$UNIFFI/kotlin/target/surefire-reports"
mvn_status=0
mvn -B -q -Dstyle.color=never -f "$UNIFFI/kotlin/pom.xml" test -Dzapi.lib.dir="$ROOT/target/debug" -Dzapi.sim="$ZAPI_SIM_BIN" \
    || mvn_status=$?
echo "mvn test: $((SECONDS - start)) s"
summary_status=0
summary || summary_status=$?

# 5. The jar as an app gets it: the library (debug info stripped) inside the jar where JNA finds
#    it, installed into the local Maven repository; then a separate project, tests/kotlin-consumer,
#    that depends on it runs the README's Kotlin quick start with no jna.library.path.
consumer_status=0
consumer() {
    local lib_dir="$ROOT/target/kotlin-jar" out
    mkdir -p "$lib_dir"
    strip --strip-debug -o "$lib_dir/libzapi_communities_uniffi.so" "$LIB"
    mvn -B -q -Dstyle.color=never -f "$UNIFFI/kotlin/pom.xml" install -Dmaven.test.skip=true -Dzapi.lib.dir="$lib_dir"
    python3 "$ROOT/tests/lib/readme_block.py" "$UNIFFI/README.md" Kotlin kotlin \
        > "$ROOT/tests/kotlin-consumer/src/main/kotlin/Quickstart.kt"
    out="$(mvn -B -q -Dstyle.color=never -f "$ROOT/tests/kotlin-consumer/pom.xml" compile exec:java)"
    echo "$out"
    grep -q '^queued ' <<<"$out" || { echo "kotlin consumer: the quick start did not queue a message" >&2; return 1; }
    echo "kotlin consumer: the installed jar ($(du -k "$lib_dir/libzapi_communities_uniffi.so" | cut -f1) KiB library inside) runs the README quick start"
}
start=$SECONDS
consumer || consumer_status=$?
echo "kotlin consumer: $((SECONDS - start)) s"

check_status=0
python3 "$UNIFFI/tests/check_api.py" "$ROOT" "$GEN/swift" "$GEN/kotlin" || check_status=$?
python3 "$UNIFFI/tests/check_readme.py" "$UNIFFI" || check_status=$?

[ "$mvn_status" -eq 0 ] && [ "$summary_status" -eq 0 ] && [ "$consumer_status" -eq 0 ] && [ "$check_status" -eq 0 ]
