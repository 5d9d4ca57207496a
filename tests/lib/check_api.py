#!/usr/bin/env python3
"""The cross-language API check: the client's methods, and their parameters, must be the same set
in Rust (core `impl Client`), Python (`Client` and `AsyncClient` of the installed wheel), the
`.d.ts` of the npm package, the generated Kotlin and the generated Swift. A call added in the
core and forgotten in one binding fails here.

Names are compared in snake_case. Parameters are the call's own arguments, in order: options
that a language gathers in an object (JS `options`, Kotlin/Swift `…Options` records, Python's
keyword-only arguments) are left out, because each language shapes those its own way.

usage: check_api.py ROOT PYTHON_WITH_THE_WHEEL
Every public method of `Client` in every language must also have a doc (docs.py makes the
first paragraph the core's). Prints one line per difference and `api-check: N passed, N failed`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

# Core methods that are not calls a binding offers, with the reason.
RUST_ONLY = {
    "builder": "Rust's builder; every binding's constructor takes the options instead",
    "builder_from_vars": "the core of every binding's from_env",
    "from_vars": "Rust's from_env over another environment",
    "simulated_with": "a Rust simulator handle; bindings offer simulated()",
    "endpoint": "Rust's view of the endpoint; bindings show base_url and instance_id",
    "config": "Rust's view of the configuration",
    "execute": "the sans-IO escape hatch (any Call); bindings expose each call",
    "bulk_with_progress": "what each binding's four bulk methods call, with their progress callback",
    "recipient": "a parser the bindings' send_text calls",
    "resolve_announcement_group_from": "the `source` argument of resolve_announcement_group",
}

# Members a binding has for its platform, not calls of the core.
PLATFORM = {
    "new", "simulated", "from_env", "with_transport", "close", "is_closed", "instance_id", "base_url",
    "timeout_ms", "max_retries", "max_body_bytes", "page_size", "free", "destroy", "constructor",
}

# Members the binding generator writes itself, without a doc (wasm-bindgen's `free`).
GENERATED = {"free"}

# Per-binding spellings of the same argument: the core's parameter name → the binding's.
RENAMED_CORE_PARAMS = {
    # The core takes a ready SendText; every binding takes its parts.
    "send_text": ["to", "message"],
    # The core's resolve_announcement_group_from, as an optional argument.
    "resolve_announcement_group": ["community_id", "source"],
    # The core sets the page size on the pager; the bindings take it as an optional argument.
    "communities": ["page_size"],
    "chats": ["page_size"],
    "groups": ["page_size"],
    # An options record in the core; its parts are options in the bindings.
    "announce": ["community_id", "text"],
    "add_participants_bulk": ["target", "phones", "progress"],
    "remove_participants_bulk": ["target", "phones", "progress"],
    "add_admins_bulk": ["target", "phones", "progress"],
    "remove_admins_bulk": ["target", "phones", "progress"],
}

# Trailing arguments a binding may gather with the other options (an options object, or
# keyword-only in Python) instead of taking them in line.
OPTIONAL_TAIL = {
    "add_participants": {"auto_invite"},
    "create_group": {"auto_invite"},
    "set_group_add_privacy": {"blacklist_add", "blacklist_remove"},
    "set_every_webhook": {"notify_sent_by_me"},
    "apply": {"dry_run"},
    # Keyword-only in Python, `onProgress` in the JS options, a trailing listener in Kotlin/Swift.
    "add_participants_bulk": {"progress"},
    "remove_participants_bulk": {"progress"},
    "add_admins_bulk": {"progress"},
    "remove_admins_bulk": {"progress"},
}


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def rust(root: Path) -> dict[str, list[str]]:
    methods: dict[str, list[str]] = {}
    for path in sorted((root / "core" / "src" / "client").glob("*.rs")):
        text = path.read_text()
        for block in re.finditer(r"^impl Client \{\n(.*?)^\}", text, re.M | re.S):
            for m in re.finditer(r"^    pub (?:async )?fn (\w+)(?:<[^>]*>)?\(([^)]*)\)", block.group(1), re.M | re.S):
                name, params = m.group(1), m.group(2)
                names = [p.split(":")[0].strip() for p in params.split(",") if ":" in p]
                if name not in RUST_ONLY and name not in PLATFORM:
                    methods[name] = RENAMED_CORE_PARAMS.get(name, names)
    return methods


def python(interpreter: str) -> dict[str, dict[str, list[str]]]:
    script = r"""
import inspect, json, zapi_communities as z
out = {}
for cls in (z.Client, z.AsyncClient):
    methods = {}
    for name, member in vars(cls).items():
        if name.startswith("_") or isinstance(member, property) or not callable(getattr(cls, name)):
            continue
        try:
            params = inspect.signature(getattr(cls, name)).parameters.values()
        except (TypeError, ValueError):
            params = []
        methods[name] = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                         and p.name != "self"]
        if not (inspect.getdoc(getattr(cls, name)) or "").strip():
            methods[name].append("<undocumented>")
    out[cls.__name__] = methods
print(json.dumps(out))
"""
    return json.loads(subprocess.run([interpreter, "-c", script], check=True, capture_output=True, text=True).stdout)


def typescript(root: Path) -> dict[str, list[str]]:
    # The `zapi-communities/plan` entry: the main one's client plus plan and apply.
    text = (root / "bindings-wasm" / "pkg" / "plan" / "node" / "zapi_communities_wasm.d.ts").read_text()
    body = re.search(r"^export class Client \{\n(.*?)^\}", text, re.M | re.S).group(1)
    methods = {}
    for m in re.finditer(r"^ {2,4}(?:static )?(\w+)\(([^)]*)\)", body, re.M):
        params = [p.split(":")[0].strip().rstrip("?") for p in m.group(2).split(",") if p.strip()]
        methods[snake(m.group(1))] = [snake(p) for p in params if p != "options"] + undocumented(body, m.start())
    return methods


def undocumented(body: str, at: int) -> list[str]:
    """`["<undocumented>"]` unless a doc comment (`*/` or `///`) ends on the line above `at`."""
    above = body[:at].rstrip().rsplit("\n", 1)[-1].strip()
    return [] if above.endswith("*/") or above.startswith("///") else ["<undocumented>"]


def declared(path: Path, opener: str) -> str:
    """The body of the declaration that starts with `opener` in the generated file under `path`."""
    for f in sorted(path.rglob("*")):
        if f.is_file() and opener in (text := f.read_text()):
            body = text[text.index(opener) :]
            return body[: body.index("\n}\n")]
    raise SystemExit(f"{path}: no `{opener}`")


def uniffi_params(raw: str, split_name) -> list[str]:
    """Parameters not typed as an options record, in snake_case."""
    kept = []
    for param in (p for p in raw.split(",") if ":" in p):
        name, kind = param.split(":", 1)
        if not kind.strip().split("?")[0].split("=")[0].strip().endswith("Options"):
            kept.append(snake(split_name(name)))
    return kept


def kotlin(root: Path) -> dict[str, list[str]]:
    body = declared(root / "bindings-uniffi" / "generated" / "kotlin", "interface ClientInterface")
    return {
        snake(m.group(1)): uniffi_params(m.group(2), lambda n: n.strip().strip("`")) + undocumented(body, m.start())
        for m in re.finditer(r"^    (?:suspend )?fun `(\w+)`\(((?:[^()]|\([^()]*\))*)\)", body, re.M)
    }


def swift(root: Path) -> dict[str, list[str]]:
    body = declared(root / "bindings-uniffi" / "generated" / "swift", "protocol ClientProtocol")
    return {
        snake(m.group(1)): uniffi_params(m.group(2), lambda n: n.split()[-1]) + undocumented(body, m.start())
        for m in re.finditer(r"^    func (\w+)\(([^)]*)\)", body, re.M)
    }


def main() -> int:
    root, interpreter = Path(sys.argv[1]), sys.argv[2]
    core = rust(root)
    py = python(interpreter)
    languages = {
        "python Client": py["Client"],
        "python AsyncClient": py["AsyncClient"],
        "typescript": typescript(root),
        "kotlin": kotlin(root),
        "swift": swift(root),
    }
    passed = failed = 0
    for language, methods in languages.items():
        calls = {name: params for name, params in methods.items() if name not in PLATFORM}
        for name in sorted(core.keys() - calls.keys()):
            print(f"missing in {language}: {name}")
            failed += 1
        for name in sorted(calls.keys() - core.keys()):
            print(f"{language} has {name}, which the core's Client does not")
            failed += 1
        for name in sorted(n for n, params in methods.items() if "<undocumented>" in params):
            methods[name].remove("<undocumented>")
            if name not in GENERATED:
                print(f"{language}: {name} has no doc")
                failed += 1
        for name in sorted(core.keys() & calls.keys()):
            want = core[name]
            trimmed = [p for p in want if p not in OPTIONAL_TAIL.get(name, set())]
            if calls[name] in (want, trimmed):
                passed += 1
            else:
                print(f"{language} {name}: parameters {calls[name]}, the core's {core[name]}")
                failed += 1
    print(f"api-check: {passed} passed, {failed} failed ({len(core)} calls, {len(languages)} bindings)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
