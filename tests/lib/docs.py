#!/usr/bin/env python3
"""Docs once: the first paragraph of the `///` doc of each core `Client` method is the text every
language shows for that call. This copies it over the first paragraph of the same method's doc in
each binding's source (the Python call table, the JS and the Kotlin/Swift wrappers), whose later
paragraphs hold what only that language needs (its exceptions, its argument shapes).

usage: docs.py ROOT [--write]
Without --write it changes nothing and fails (exit 1) when a binding's doc differs from the
core's, naming each; with --write it rewrites them. Prints `docs: N same, N differ`.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

WIDTH = 100

# The binding files whose methods carry the core's docs: every JS source file, since the JS
# client's methods are spread over one file per area (a new area is covered without a change here).
BINDINGS = [
    "bindings-python/src/methods.rs",
    "bindings-python/src/handle.rs",
    "bindings-python/src/client.rs",
    "bindings-python/src/async_client.rs",
    "bindings-wasm/src/*.rs",
    "bindings-uniffi/src/client.rs",
]

FN = re.compile(r"^(?P<indent>[ \t]*)(?:pub(?:\([a-z]+\))? )?(?:async )?fn (?P<name>\w+)")


def doc_block(lines: list[str], at: int) -> tuple[int, int] | None:
    """The `///` lines above line `at`, attributes in between skipped: (first, end), or None."""
    i = at - 1
    # Only attributes (one line or several) stand between a doc and its function; code ends
    # with `{`, `;` or `}`, which no attribute line does.
    while i >= 0 and not lines[i].strip().startswith("///"):
        stripped = lines[i].strip()
        if not stripped or stripped.endswith(("{", ";", "}", "},")):
            return None
        i -= 1
    end = i + 1
    while i >= 0 and lines[i].strip().startswith("///"):
        i -= 1
    return (i + 1, end) if i + 1 < end else None


def first_paragraph(lines: list[str], block: tuple[int, int]) -> tuple[list[str], int]:
    """The text of the block's first paragraph and the index where the paragraph ends."""
    first, end = block
    text = []
    i = first
    while i < end and lines[i].strip() != "///":
        text.append(lines[i].strip()[3:].strip())
        i += 1
    return text, i


def neutral(words: str) -> str:
    """Rustdoc links as plain code: [`Client::announce`] → `announce`, [`Error::NotFound`] → `NotFound`."""
    words = re.sub(r"\[`(?:[A-Za-z]+::)*([A-Za-z_]+)`\]", r"`\1`", words)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", words)


def core_docs(root: Path) -> dict[str, str]:
    docs = {}
    for path in sorted((root / "core" / "src" / "client").glob("*.rs")):
        lines = path.read_text().split("\n")
        inside = False
        for i, line in enumerate(lines):
            if line.startswith("impl Client {"):
                inside = True
            elif line.startswith("}"):
                inside = False
            m = FN.match(line)
            if inside and m and line.startswith("    pub"):
                block = doc_block(lines, i)
                if block:
                    text, _ = first_paragraph(lines, block)
                    docs[m.group("name")] = neutral(" ".join(text))
    return docs


def rewrap(text: str, indent: str) -> list[str]:
    width = WIDTH - len(indent) - 4
    return [f"{indent}/// {line}" for line in textwrap.wrap(text, width, break_on_hyphens=False)]


def main() -> int:
    root = Path(sys.argv[1])
    write = "--write" in sys.argv[2:]
    docs = core_docs(root)
    same = differ = 0
    paths = sorted(p for pattern in BINDINGS for p in root.glob(pattern))
    for path in paths:
        relative = path.relative_to(root)
        lines = path.read_text().split("\n")
        out = []
        i = 0
        changed = False
        edits = []
        for at, line in enumerate(lines):
            m = FN.match(line)
            # Crate-private helpers of a binding are not its public methods.
            if not m or m.group("name") not in docs or "pub(crate)" in line:
                continue
            block = doc_block(lines, at)
            if block is None:
                print(f"{relative}: {m.group('name')} has no doc")
                differ += 1
                continue
            text, paragraph_end = first_paragraph(lines, block)
            if " ".join(text) == docs[m.group("name")]:
                same += 1
                continue
            differ += 1
            print(f"{relative}: {m.group('name')}: the first paragraph is not the core's")
            indent = lines[block[0]][: len(lines[block[0]]) - len(lines[block[0]].lstrip())]
            edits.append((block[0], paragraph_end, rewrap(docs[m.group("name")], indent)))
        for first, end, new in sorted(edits, reverse=True):
            lines[first:end] = new
            changed = True
        if write and changed:
            path.write_text("\n".join(lines))
    print(f"docs: {same} same, {differ} differ" + (" (rewritten)" if write and differ else ""))
    return 0 if write or not differ else 1


if __name__ == "__main__":
    sys.exit(main())
