#!/usr/bin/env bash
# The shared scenario's end state, compared across runtimes: every runner wrote what the
# simulator server saw (request log) and ended with (state) to target/scenario/<runtime>.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT/target/scenario"
python3 "$ROOT/tests/lib/compare_scenarios.py"
