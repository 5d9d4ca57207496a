#!/usr/bin/env bash
# Rust: formatting, lints, unit + integration + doc tests, and the tour (the README's first command).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT"
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || echo "warning: could not add the wasm32 target"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace 2>&1 | tee /tmp/zapi-cargo-test.log
# One summary line for the whole suite: cargo prints one `test result:` line per test binary.
awk '/^test result:/ { p += $4; f += $6; i += $8; n++ }
    END { printf "rust: %d passed, %d failed, %d ignored (%d test binaries)\n", p, f, i, n }' /tmp/zapi-cargo-test.log
# The Python runtime's tests of a connection the server closed between calls, each alone: in the
# whole suite another test's call may drive the shared runtime while they wait, doing for them
# what they check each call does.
for test in a_connection_closed_between_calls_never_takes_the_next_post \
    an_http2_connection_the_server_left_between_calls_never_takes_the_next_post; do
    log=/tmp/zapi-cargo-test-alone.log
    cargo test -q --workspace --lib -- --exact "runtime::tests::$test" > "$log" 2>&1 || { cat "$log"; exit 1; }
    # The filter must have found the test (a renamed one would leave nothing run, and green).
    grep -q '^test result: ok. 1 passed' "$log" || { cat "$log"; echo "runtime::tests::$test: not found" >&2; exit 1; }
done
echo "idle connections: 2 tests passed alone"
# Every feature of the core alone, none, and all together (derives and conversions only live
# behind features, so each combination must build on its own).
for features in "--no-default-features" "--no-default-features --features python" \
    "--no-default-features --features uniffi" "--no-default-features --features wasm" "--all-features"; do
    # shellcheck disable=SC2086  # the flags are meant to split
    cargo check -q -p zapi-communities $features
done
echo "feature combinations: 5 checked"
# The core must keep compiling for the browser.
cargo check -p zapi-communities --target wasm32-unknown-unknown
# The tour, exactly as the README runs it.
cargo run -q --example tour > /tmp/zapi-tour.txt
grep -q '^Done.$' /tmp/zapi-tour.txt && echo "tour: ok ($(wc -l < /tmp/zapi-tour.txt) lines)"
# The root README's snippets are the tested ones.
python3 "$ROOT/tests/lib/readme_snippets.py"
# Every binding's method docs open with the core's (tests/lib/docs.py --write copies them).
python3 "$ROOT/tests/lib/docs.py" "$ROOT"
