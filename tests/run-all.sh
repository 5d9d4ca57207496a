#!/usr/bin/env bash
# Installs what the tests need, then runs every test in every language.
# Each tests/steps/NN-*.sh is one runtime; its runner prints its own summary line, and this script
# ends with one line per step and a non-zero exit if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export ROOT="$PWD"
export CARGO_TERM_COLOR=never
# A fresh machine has rustup but maybe not the wasm target; every step may rely on these.
source "$ROOT/tests/lib/env.sh"
# Every step drives the same zapi-sim build.
build_zapi_sim
# Runners of the shared scenario write their end state here; start from none.
rm -rf "$ROOT/target/scenario"

declare -a results=()
status=0
for step in "$ROOT"/tests/steps/[0-9]*.sh; do
    name="$(basename "$step" .sh)"
    echo "=================== $name ==================="
    start=$SECONDS
    if bash "$step"; then
        results+=("$name: ok ($((SECONDS - start)) s)")
    else
        results+=("$name: FAILED ($((SECONDS - start)) s)")
        status=1
    fi
done

echo "=================== summary ==================="
printf '%s\n' "${results[@]}"
exit $status
