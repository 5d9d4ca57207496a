#!/usr/bin/env bash
# Python: build the abi3 wheel with maturin, install it (not editable) into a fresh venv, run the
# pytest suite against the HTTP simulator server and the in-memory simulator, type-check the tests
# and examples with mypy --strict (and check the stubs reject misuse), compare the Python tour with
# the Rust one, and report the wheel size and the import time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/env.sh"
cd "$ROOT"

PY="${PYTHON:-python3}"
BUILD_VENV="$ROOT/.venv-build"
TEST_VENV="$ROOT/.venv-test"
PKG="$ROOT/bindings-python"

# Debian's python3 creates venvs only with python3-venv (ensurepip) installed.
"$PY" -c 'import ensurepip' 2>/dev/null || apt_install python3-venv

# 1. Tools: maturin (and zig, its linker for old-glibc wheels), mypy and pytest, pinned, in their
#    own venv (kept between runs).
[ -x "$BUILD_VENV/bin/python" ] || "$PY" -m venv "$BUILD_VENV"
"$BUILD_VENV/bin/python" -m pip install -q --disable-pip-version-check maturin==1.16.0 ziglang==0.17.1 mypy==2.4.1 pytest

# 2. The wheel and the sdist, built as bindings-python/README.md says (release, abi3: one wheel
#    for CPython >= 3.9, linked by zig against glibc 2.17 so that it installs on manylinux2014).
rm -f "$ROOT"/dist/zapi_communities-*
(cd "$PKG" && PATH="$BUILD_VENV/bin:$PATH" maturin build --release --zig --compatibility manylinux2014 -o "$ROOT/dist")
(cd "$PKG" && PATH="$BUILD_VENV/bin:$PATH" maturin sdist -o "$ROOT/dist")
WHEEL="$(ls "$ROOT"/dist/zapi_communities-*.whl)"
SDIST="$(ls "$ROOT"/dist/zapi_communities-*.tar.gz)"
"$PY" "$ROOT/tests/lib/wheel_glibc.py" "$WHEEL" manylinux2014 2.17

# 3. A fresh venv with the wheel installed like a user would, plus pytest.
rm -rf "$TEST_VENV"
"$PY" -m venv "$TEST_VENV"
# jsonschema checks exported documents against schemas/ (test_knowledge.py).
"$TEST_VENV/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL" pytest jsonschema==4.23.0

# The README's quick start, copied as a reader would, run from outside the checkout.
quickstart() {
    local dir
    dir="$(mktemp -d)"
    "$PY" "$ROOT/tests/lib/readme_block.py" "$PKG/README.md" "Quick start" python > "$dir/quickstart.py"
    (cd "$dir" && "$1/bin/python" quickstart.py) | tee "$dir/out.txt"
    grep -q '^announcement group .* (source: ' "$dir/out.txt" || { echo "quick start ($2): unexpected output" >&2; exit 1; }
    echo "quick start: runs from the $2"
    rm -rf "$dir"
}
quickstart "$TEST_VENV" wheel

# 4. The HTTP simulator server the tests drive (built once per run, see tests/lib/env.sh).
build_zapi_sim

# 5. The tests, from the package folder so its pyproject.toml configures pytest and mypy. The
#    source tree's package is not on sys.path: the installed wheel is what gets tested.
cd "$PKG"
"$TEST_VENV/bin/python" -m pytest -q -p no:cacheprovider tests

# 6. Types: the tests and examples pass mypy --strict against the installed stubs ...
MYPY=("$BUILD_VENV/bin/mypy" --strict --python-executable "$TEST_VENV/bin/python" --cache-dir "$ROOT/target/mypy-cache")
"${MYPY[@]}" tests examples
# ... and the stubs reject misuse: exactly the lines marked `# error` in tests/typing/misuse.py.
expected="$(grep -n '# error$' tests/typing/misuse.py | cut -d: -f1 | sort -un | tr '\n' ' ')"
reported="$("${MYPY[@]}" tests/typing/misuse.py | sed -n 's/^tests\/typing\/misuse\.py:\([0-9]*\): error.*/\1/p' | sort -un | tr '\n' ' ' || true)"
if [ "$expected" != "$reported" ]; then
    echo "mypy: misuse lines expected [$expected], reported [$reported]" >&2
    exit 1
fi
echo "mypy: tests/typing/misuse.py rejected on its $(wc -w <<<"$expected") marked lines"

# 7. The Python tour tells the same story as the Rust tour, line for line.
cd "$ROOT"
cargo run -q --example tour > /tmp/zapi-tour-rust.txt
"$TEST_VENV/bin/python" "$PKG/examples/tour.py" > /tmp/zapi-tour-python.txt
diff -u /tmp/zapi-tour-rust.txt /tmp/zapi-tour-python.txt
echo "tour: identical to the Rust tour ($(wc -l < /tmp/zapi-tour-python.txt) lines)"

# 8. The sdist installs into a fresh venv (pip builds it with maturin, as from a checkout) and
#    runs the quick start. No shared target dir: the sdist's files carry one fixed mtime, so
#    cargo would take a build of older sources for current.
SDIST_VENV="$ROOT/.venv-sdist"
rm -rf "$SDIST_VENV"
"$PY" -m venv "$SDIST_VENV"
"$SDIST_VENV/bin/python" -m pip install -q --disable-pip-version-check "$SDIST"
quickstart "$SDIST_VENV" sdist

# 9. Size and import time.
echo "wheel: $(basename "$WHEEL") $(du -k "$WHEEL" | cut -f1) KiB"
"$TEST_VENV/bin/python" "$ROOT/tests/lib/import_time.py"
