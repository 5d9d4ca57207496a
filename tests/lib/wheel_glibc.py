"""Checks a wheel's platform tag and the newest glibc symbol version its extension needs.

    python3 tests/lib/wheel_glibc.py WHEEL manylinux2014 2.17
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def newest_glibc(library: Path) -> tuple[int, ...]:
    """The highest GLIBC_x.y version among the library's dynamic symbols (objdump -T)."""
    symbols = subprocess.run(["objdump", "-T", str(library)], check=True, capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)\b", symbols)}
    return max(versions, default=(0,))


def main() -> None:
    wheel, tag, ceiling = Path(sys.argv[1]), sys.argv[2], tuple(int(p) for p in sys.argv[3].split("."))
    if f"-{tag}_x86_64" not in wheel.name:
        raise SystemExit(f"wheel: {wheel.name} is not tagged {tag}")
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as archive:
        libraries = [n for n in archive.namelist() if n.endswith(".so")]
        if not libraries:
            raise SystemExit(f"wheel: {wheel.name} holds no extension")
        needed = max(newest_glibc(Path(archive.extract(n, tmp))) for n in libraries)
    shown = ".".join(map(str, needed))
    if needed > ceiling:
        raise SystemExit(f"wheel: {wheel.name} needs GLIBC_{shown}, above {sys.argv[3]}")
    print(f"wheel: tagged {tag}, needs at most GLIBC_{shown} (≤ {sys.argv[3]})")


if __name__ == "__main__":
    main()
