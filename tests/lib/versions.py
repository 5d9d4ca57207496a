"""Checks that one version, the workspace's, is the version of every package: the crates inherit
it, maturin gives it to the wheel, and the npm package and the Maven artifacts must repeat it.

    python3 tests/lib/versions.py ROOT
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path


def pom_value(path: Path, pattern: str) -> str:
    """The first match of `pattern` (one group) in a pom.xml."""
    match = re.search(pattern, path.read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit(f"versions: nothing matches {pattern!r} in {path}")
    return match.group(1)


def main() -> None:
    root = Path(sys.argv[1])
    workspace = tomllib.loads((root / "Cargo.toml").read_text(encoding="utf-8"))["workspace"]["package"]["version"]
    found = {
        "bindings-wasm/package.json": json.loads((root / "bindings-wasm/package.json").read_text())["version"],
        "bindings-wasm/package-lock.json": json.loads((root / "bindings-wasm/package-lock.json").read_text())["version"],
        "bindings-uniffi/kotlin/pom.xml": pom_value(
            root / "bindings-uniffi/kotlin/pom.xml", r"<artifactId>zapi-communities</artifactId>\s*<version>([^<]+)</version>"
        ),
        "tests/kotlin-consumer/pom.xml": pom_value(root / "tests/kotlin-consumer/pom.xml", r"<zapi.version>([^<]+)</zapi.version>"),
    }
    for manifest in sorted(root.glob("*/Cargo.toml")):
        package = tomllib.loads(manifest.read_text(encoding="utf-8")).get("package", {})
        version = package.get("version")
        if version is not None and version != {"workspace": True}:
            found[str(manifest.relative_to(root))] = version
    wrong = {path: version for path, version in found.items() if version != workspace}
    if wrong:
        raise SystemExit(f"versions: the workspace is {workspace}, but " + ", ".join(f"{p} says {v}" for p, v in wrong.items()))
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    if "## [Unreleased]" not in changelog and f"## [{workspace}]" not in changelog:
        raise SystemExit(f"versions: CHANGELOG.md has neither [Unreleased] nor [{workspace}]")
    print(f"versions: {workspace} everywhere ({len(found)} manifests besides the workspace's, and the wheel through maturin)")


if __name__ == "__main__":
    main()
