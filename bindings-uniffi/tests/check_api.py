#!/usr/bin/env python3
"""Checks that the generated Swift (and Kotlin) show everything the Rust code exports.

The source of truth is the Rust code, read as text: every type deriving `uniffi::Record`,
`uniffi::Enum`, `uniffi::Error` or `uniffi::Object` (in the core behind `cfg_attr`, or in the
binding), every `uniffi::custom_type!`, every `pub fn` of a `#[uniffi::export]` impl block, and
every top-level `#[uniffi::export] pub fn` (a module-level function in Swift and Kotlin).
For each, the Swift module must declare it with the right shape (a struct with every field, an
enum with every case and label, `async` and `throws` where the Rust side is async and fallible)
and the Kotlin package must declare it (`suspend fun` where async).

usage: check_api.py ROOT SWIFT_DIR KOTLIN_DIR
Prints one line per failure and `swift-api: N passed, N failed`; exits 1 on any failure.
"""

import re
import sys
from pathlib import Path


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def blocks(text: str, opener: str):
    """(match, body) for each `opener` regex whose `{ … }` body ends at a line holding only `}`."""
    for m in re.finditer(opener, text, re.M):
        end = text.find("\n}", m.end())
        yield m, text[m.end() : end if end >= 0 else len(text)]


def rust_items(root: Path):
    sources = sorted((root / "core" / "src").rglob("*.rs")) + sorted((root / "bindings-uniffi" / "src").rglob("*.rs"))
    records, enums, errors, objects, customs, methods, traits, functions = [], [], [], [], [], [], [], []
    for path in sources:
        text = path.read_text()
        derive = r"derive\(([^)]*uniffi::(Record|Enum|Error|Object)[^)]*)\)(?:, uniffi\(name = \"(\w+)\"\))?[^\n]*\n(?:[^\n]*\n)*?pub (struct|enum) (\w+)"
        for m in re.finditer(derive, text):
            kind, renamed, name = m.group(2), m.group(3), m.group(5)
            rest = text[m.end() :]
            body = rest[: rest.find("\n}")] if rest.lstrip().startswith("{") else ""
            foreign = renamed or name
            if kind == "Record":
                fields = re.findall(r"^    pub (\w+):", body, re.M)
                records.append((foreign, fields))
            elif kind == "Enum":
                # Unit variants (`A,`) and data-carrying ones (`A { field: T, … },`).
                data = [
                    (v, re.findall(r"^        (\w+):", vbody, re.M))
                    for v, vbody in re.findall(r"^    (\w+) \{(.*?)^    \},", body, re.M | re.S)
                ]
                enums.append((foreign, re.findall(r"^    (\w+),", body, re.M), data))
            elif kind == "Error":
                variants = []
                for v, vbody in re.findall(r"^    (\w+) \{(.*?)^    \},", body, re.M | re.S):
                    variants.append((v, re.findall(r"^        (\w+):", vbody, re.M)))
                variants += [(v, None) for v in re.findall(r"^    (\w+),$", body, re.M)]  # unit variants
                errors.append((foreign, variants))
            else:
                objects.append(foreign)
        customs += re.findall(r"uniffi::custom_type!\((\w+), String", text)
        for m, body in blocks(text, r"^#\[uniffi::export\(with_foreign\)\]\n(?:#\[[^\n]*\n)*pub trait (\w+)[^{]*\{"):
            for f in re.finditer(r"^    (async )?fn (\w+)\(([^;]*);", body, re.M):
                traits.append((m.group(1), f.group(2), bool(f.group(1)), "Result<" in f.group(3)))
        for m, body in blocks(text, r"^#\[uniffi::export[^\]]*\]\nimpl (\w+) \{"):
            owner = m.group(1)
            for f in re.finditer(r"((?:^    #\[[^\n]*\n)*)^    pub (async )?fn (\w+)\(([^{]*)\{", body, re.M):
                attrs, is_async, name, signature = f.groups()
                ctor = "uniffi::constructor" in attrs
                methods.append((owner, name, bool(is_async), "Result<" in signature, ctor))
        for f in re.finditer(r"^#\[uniffi::export[^\]]*\]\n(?:#\[[^\n]*\n)*pub (async )?fn (\w+)\(([^{]*)\{", text, re.M):
            is_async, name, signature = f.groups()
            functions.append((name, bool(is_async), "Result<" in signature))
    return records, enums, errors, objects, customs, methods, traits, functions


def normalise(text: str) -> str:
    """Without doc comments, one space for every run of whitespace: shapes match on one line."""
    text = re.sub(r"/\*\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"\s+", " ", text)


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def main() -> int:
    root, swift_dir, kotlin_dir = (Path(a) for a in sys.argv[1:4])
    swift = normalise("\n".join(p.read_text() for p in sorted(swift_dir.glob("*.swift"))))
    kotlin = normalise("\n".join(p.read_text() for p in sorted(kotlin_dir.rglob("*.kt"))))
    records, enums, errors, objects, customs, methods, traits, functions = rust_items(root)
    checks = []  # (what, ok)

    def expect(what: str, pattern: str, haystack: str):
        checks.append((what, re.search(pattern, haystack) is not None))

    def declaration(haystack: str, opener: str, name: str) -> str:
        """The text from `opener` to the declaration of the type's converter, which follows it."""
        m = re.search(opener, haystack)
        if not m:
            return ""
        rest = haystack[m.end():]
        stop = re.search(rf"FfiConverterType{name} ?:", rest)
        return rest[: stop.start() if stop else len(rest)]

    for name, fields in records:
        expect(f"swift struct {name}", rf"public struct {name}\b", swift)
        expect(f"kotlin data class {name}", rf"data class {name}\b", kotlin)
        swift_body = declaration(swift, rf"public struct {name}\b", name)
        kotlin_body = declaration(kotlin, rf"data class {name} \(", name)
        for field in fields:
            expect(f"swift {name}.{camel(field)}", rf"public let {camel(field)}: ", swift_body)
            expect(f"kotlin {name}.{camel(field)}", rf"val `{camel(field)}`: ", kotlin_body)
    for name, variants, data in enums:
        expect(f"swift enum {name}", rf"public enum {name}\b", swift)
        swift_body = declaration(swift, rf"public enum {name}\b", name)
        for v in variants:
            expect(f"swift {name}.{lower_first(v)}", rf"case {lower_first(v)}\b", swift_body)
        if not data:
            expect(f"kotlin enum class {name}", rf"enum class {name}\b", kotlin)
            continue
        # A data-carrying enum: a Swift enum with associated values, a Kotlin sealed class.
        expect(f"kotlin sealed class {name}", rf"sealed class {name}\b", kotlin)
        kotlin_body = declaration(kotlin, rf"sealed class {name}\b", name)
        for v, fields in data:
            case = re.search(rf"case {lower_first(v)}\((.*)\)", swift_body)
            expect(f"swift {name}.{lower_first(v)}", rf"case {lower_first(v)}\(", swift_body)
            expect(f"kotlin {name}.{v}", rf"data class {v}\(", kotlin_body)
            for field in fields:
                expect(f"swift {name}.{lower_first(v)}.{camel(field)}", rf"\b{camel(field)}: ", case.group(1) if case else "")
                expect(f"kotlin {name}.{v}.{camel(field)}", rf"val `{camel(field)}`: ", kotlin_body)
    for name, variants in errors:
        expect(f"swift error {name}", rf"public enum {name}: Swift\.Error\b", swift)
        kotlin_name = name.removesuffix("Error") + "Exception" if name.endswith("Error") else name
        expect(f"kotlin exception {kotlin_name}", rf"sealed class {kotlin_name}\b", kotlin)
        swift_body = declaration(swift, rf"public enum {name}: Swift\.Error\b", name)
        kotlin_body = declaration(kotlin, rf"sealed class {kotlin_name}\b", name)
        for v, fields in variants:
            if fields is None:
                expect(f"swift {name}.{v}", rf"case {v}(?! ?\()", swift_body)
            else:
                labels = ", ".join(rf"{camel(f)}: [\w.?\[\]]+" for f in fields)
                expect(f"swift {name}.{v}", rf"case {v}\( ?{labels} ?\)", swift_body)
            expect(f"kotlin {kotlin_name}.{v}", rf"class {v}\(", kotlin_body)
    for name in objects:
        expect(f"swift class {name}", rf"open class {name}\b", swift)
        expect(f"kotlin class {name}", rf"open class {name}\b", kotlin)
    for name in customs:
        expect(f"swift typealias {name}", rf"public typealias {name} = String\b", swift)
        expect(f"kotlin typealias {name}", rf"public typealias {name} = kotlin\.String\b", kotlin)
    for owner, name, is_async, fallible, ctor in methods:
        effects = " ".join(w for w, on in (("async", is_async), ("throws", fallible)) if on)
        effects = rf" ?{effects}\b" if effects else r"(?! ?(?:async|throws))"
        params = r"\((?:[^()]|\(\))*\)"  # default values such as `= SendTextOptions()` included
        swift_body = declaration(swift, rf"open class {owner}\b", owner)
        if ctor and name == "new":
            expect(f"swift {owner}.init", rf"public convenience init{params}{effects}", swift_body)
            expect(f"kotlin {owner} constructor", r"constructor\((?:`|\) :)", declaration(kotlin, rf"open class {owner}\b", owner))
        elif ctor:
            expect(f"swift {owner}.{camel(name)}", rf"public static func {camel(name)}{params}{effects}", swift_body)
            expect(f"kotlin {owner}.{camel(name)}", rf"fun `{camel(name)}`\(", kotlin)
        else:
            expect(f"swift {owner}.{camel(name)}", rf"open func {camel(name)}{params}{effects}", swift_body)
            keyword = "suspend fun" if is_async else "fun"
            expect(f"kotlin {owner}.{camel(name)}", rf"(?<!suspend ){keyword} `{camel(name)}`\(", kotlin)

    for name, is_async, fallible in functions:
        effects = " ".join(w for w, on in (("async", is_async), ("throws", fallible)) if on)
        effects = rf" ?{effects}\b" if effects else r"(?! ?(?:async|throws))"
        params = r"\((?:[^()]|\(\))*\)"
        # Module level: methods are `open func`, constructors `public static func`.
        expect(f"swift func {camel(name)}", rf"public func {camel(name)}{params}{effects}", swift)
        keyword = "suspend fun" if is_async else "fun"
        throws = r"@Throws\(\w+::class\) " if fallible else ""
        expect(f"kotlin fun {camel(name)}", rf"{throws}(?<!suspend ){keyword} `{camel(name)}`\(", kotlin)

    for owner, name, is_async, fallible in traits:
        effects = " ".join(w for w, on in (("async", is_async), ("throws", fallible)) if on)
        expect(f"swift protocol {owner}", rf"public protocol {owner}\b", swift)
        expect(f"swift {owner}.{camel(name)}", rf"public protocol {owner}\b[^}}]*func {camel(name)}\([^)]*\) ?{effects}", swift)
        keyword = "suspend fun" if is_async else "fun"
        expect(f"kotlin interface {owner}", rf"public interface {owner} \{{[^}}]*{keyword} `{camel(name)}`\(", kotlin)

    failed = [what for what, ok in checks if not ok]
    for what in failed:
        print(f"missing or wrong: {what}")
    if len(checks) < 100:
        print(f"only {len(checks)} checks were found: the Rust sources were not read as expected")
        failed.append("too few checks")
    print(f"swift-api: {len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
