"""Prints the first fenced code block of a language under a README heading, so that the test
steps run a README's quick start exactly as a reader would copy it.

    python3 tests/lib/readme_block.py README.md "Quick start" python
"""

from __future__ import annotations

import re
import sys


def block(text: str, heading: str, language: str) -> str:
    """The first ```language block after the heading `heading` (any level), before the next heading."""
    lines = text.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if re.fullmatch(rf"#+\s+{re.escape(heading)}\s*", line)),
        None,
    )
    if start is None:
        raise SystemExit(f"readme_block: no heading {heading!r}")
    inside, out = False, []
    for line in lines[start + 1 :]:
        if not inside and line.startswith("#"):
            break
        if not inside and line.strip() == f"```{language}":
            inside = True
        elif inside and line.strip() == "```":
            return "\n".join(out) + "\n"
        elif inside:
            out.append(line)
    raise SystemExit(f"readme_block: no ```{language} block under {heading!r}")


if __name__ == "__main__":
    path, heading, language = sys.argv[1:4]
    with open(path, encoding="utf-8") as f:
        sys.stdout.write(block(f.read(), heading, language))
