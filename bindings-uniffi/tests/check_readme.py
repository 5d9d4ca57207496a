#!/usr/bin/env python3
"""Checks that bindings-uniffi/README.md shows the quickstarts exactly as the tests run them.

The snippets live between `// START quickstart` and `// END quickstart` in
tests/kotlin/QuickstartTest.kt and tests/swift/Tests/ZapiCommunitiesTests/QuickstartTests.swift;
the README shows each in the fenced block after a `<!-- quickstart: kotlin|swift -->` marker.

usage: check_readme.py BINDING_DIR [--fix]   (--fix rewrites the README's blocks from the tests)
"""

import re
import sys
from pathlib import Path

SOURCES = {
    "kotlin": "tests/kotlin/QuickstartTest.kt",
    "swift": "tests/swift/Tests/ZapiCommunitiesTests/QuickstartTests.swift",
}


def snippet(path: Path) -> str:
    text = path.read_text()
    m = re.search(r"^[ \t]*// START quickstart\n(.*?)^[ \t]*// END quickstart", text, re.M | re.S)
    if not m:
        raise SystemExit(f"{path}: no START/END quickstart region")
    lines = m.group(1).rstrip("\n").split("\n")
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return "\n".join(l[indent:] for l in lines)


def main() -> int:
    root = Path(sys.argv[1])
    readme_path = root / "README.md"
    readme = readme_path.read_text()
    failed = 0
    for lang, source in SOURCES.items():
        want = snippet(root / source)
        pattern = re.compile(rf"(<!-- quickstart: {lang} -->\n```{lang}\n)(.*?)(\n```)", re.S)
        m = pattern.search(readme)
        if not m:
            print(f"README.md: no `<!-- quickstart: {lang} -->` block")
            failed += 1
        elif m.group(2) != want:
            if "--fix" in sys.argv:
                readme = readme[: m.start(2)] + want + readme[m.end(2) :]
            else:
                print(f"README.md: the {lang} quickstart differs from {source} (run check_readme.py --fix)")
                failed += 1
    if "--fix" in sys.argv:
        readme_path.write_text(readme)
    print(f"readme-snippets: {len(SOURCES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
