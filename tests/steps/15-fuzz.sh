#!/usr/bin/env bash
# Fuzz each parser for a short, bounded time (CI). Run longer by hand, e.g.
#   cd core && RUSTC_BOOTSTRAP=1 cargo fuzz run parse_responses -- -max_total_time=600
# cargo-fuzz needs nightly-only flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them,
# since no nightly toolchain can be downloaded on these machines.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT/core"
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.1 --quiet
fi
export RUSTC_BOOTSTRAP=1
passed=0
failed=0
for target in parse_responses normalise_ids parse_webhook; do
    if cargo fuzz run "$target" --sanitizer none -- -max_total_time="${FUZZ_SECONDS:-30}" -rss_limit_mb=2048 2>/tmp/fuzz-$target.log; then
        echo "fuzz $target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' /tmp/fuzz-$target.log | tail -1)"
        passed=$((passed + 1))
    else
        tail -40 /tmp/fuzz-$target.log
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
