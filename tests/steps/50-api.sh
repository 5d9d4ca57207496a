#!/usr/bin/env bash
# The cross-language API check: the client's calls and their arguments are the same set in the
# Rust core, Python (both clients, from the installed wheel), the npm package's .d.ts and the
# generated Kotlin and Swift. Runs after the steps that build those (20, 30, 40).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
python3 "$ROOT/tests/lib/check_api.py" "$ROOT" "$ROOT/.venv-test/bin/python"
python3 "$ROOT/tests/lib/versions.py" "$ROOT"
