#!/usr/bin/env bash
# The benchmark suite (not part of the test run): every language's figures measured side by side
# in one run against loopback servers, printed as ratios and written to BENCHMARKS.md.
#   bash tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export ROOT="$PWD"
source "$ROOT/tests/lib/env.sh"
apt_install wrk >/dev/null

out="$ROOT/target/bench"
mkdir -p "$out"
{
    echo "# Benchmarks"
    echo
    echo "Measured by \`bash tests/bench/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
    echo "$(rustc --version), $(python3 --version 2>&1), Node $(node --version). Figures are medians of several rounds after a"
    echo "warm-up (spread in brackets); only the ratios, measured in the same run, are meant to be compared across machines."
    echo
} > "$out/BENCHMARKS.md"

echo "== Rust"
cargo build -q --release -p zapi-communities-bench
"$ROOT/target/release/zapi-bench" | tee -a "$out/BENCHMARKS.md"
echo >> "$out/BENCHMARKS.md"

for part in "$ROOT"/tests/bench/[0-9]*.sh; do
    [ -e "$part" ] || continue
    echo "== $(basename "$part")"
    bash "$part" | tee -a "$out/BENCHMARKS.md"
    echo >> "$out/BENCHMARKS.md"
done

cp "$out/BENCHMARKS.md" "$ROOT/BENCHMARKS.md"
echo "wrote BENCHMARKS.md"
