"""Checks that every code block in the root README marked `<!-- snippet: FILE -->` is, line for
line, the first code block of the same language in FILE (whose own tests run it). Rust's hidden
doctest lines (`# …`) are dropped before comparing. Prints 'readme-snippets: N passed, N failed'."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"```(\w+)[^\n]*\n(.*?)```", re.S)


def first_block(path: pathlib.Path, language: str) -> str | None:
    for lang, body in BLOCK.findall(path.read_text()):
        if lang == language:
            return body
    return None


def visible(body: str, language: str) -> str:
    if language != "rust":
        return body
    return "".join(line for line in body.splitlines(keepends=True) if not re.match(r"\s*# |\s*#$", line))


readme = (root / "README.md").read_text()
passed = failed = 0
for match in re.finditer(r"<!-- snippet: (\S+) -->\s*```(\w+)[^\n]*\n(.*?)```", readme, re.S):
    source, language, body = match.group(1), match.group(2), match.group(3)
    want = first_block(root / source, language)
    if want is not None and visible(want, language) == body:
        passed += 1
    else:
        failed += 1
        print(f"README snippet from {source} ({language}) differs from that file's first {language} block")
print(f"readme-snippets: {passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
