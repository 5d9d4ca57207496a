"""The hand-written stubs (``_zapi_communities.pyi``) against the built module: every method of
``Client`` and ``AsyncClient`` is in both, with the same parameters, kinds and defaults, and
each awaitable method of ``AsyncClient`` returns ``Awaitable[…]`` of what ``Client``'s returns.
A call added in Rust and not stubbed (or stubbed wrongly) fails here."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

import zapi_communities
from zapi_communities import AsyncClient, Client

STUB = Path(zapi_communities.__file__).with_name("_zapi_communities.pyi")
TREE = ast.parse(STUB.read_text())
# What the stub describes that the signature cannot show: the constructor is `__new__` in Rust
# and `__init__` in the stub, and context-manager and async-iterator dunders are checked by use.
SKIP = {"__init__", "__new__", "__enter__", "__exit__", "__aenter__", "__aexit__", "__repr__"}
NO_IO = {"communities", "chats", "groups", "remember_announcement_group", "cached_announcement_group", "invalidate",
         "invalidate_all", "export_knowledge", "import_knowledge", "close"}


def stub_methods(name: str) -> dict[str, ast.FunctionDef]:
    cls = next(n for n in TREE.body if isinstance(n, ast.ClassDef) and n.name == name)
    return {
        f.name: f
        for f in cls.body
        if isinstance(f, ast.FunctionDef)
        and f.name not in SKIP
        and not any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)
    }


def stub_params(f: ast.FunctionDef) -> list[tuple[str, str, str | None]]:
    """(name, kind, default source) of each parameter but self."""
    out: list[tuple[str, str, str | None]] = []
    positional = f.args.posonlyargs + f.args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(f.args.defaults)) + list(f.args.defaults)
    for arg, default in zip(positional, defaults):
        if arg.arg != "self":
            out.append((arg.arg, "positional", None if default is None else ast.unparse(default)))
    for arg, kw_default in zip(f.args.kwonlyargs, f.args.kw_defaults):
        out.append((arg.arg, "keyword", None if kw_default is None else ast.unparse(kw_default)))
    return out


def module_params(member: Any) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    for p in inspect.signature(member).parameters.values():
        if p.name == "self":
            continue
        kind = "keyword" if p.kind is p.KEYWORD_ONLY else "positional"
        out.append((p.name, kind, None if p.default is p.empty else repr(p.default)))
    return out


def module_methods(cls: type) -> dict[str, Any]:
    return {
        name: getattr(cls, name)
        for name, member in vars(cls).items()
        if name not in SKIP and not name.startswith("__") and not isinstance(member, property)
        and callable(getattr(cls, name)) and not inspect.isdatadescriptor(member)
    }


@pytest.mark.parametrize("cls", [Client, AsyncClient], ids=["Client", "AsyncClient"])
def test_every_method_is_stubbed_with_its_signature(cls: type) -> None:
    stubs = stub_methods(cls.__name__)
    real = module_methods(cls)
    assert sorted(real) == sorted(stubs), "methods of the module and of the stub differ"
    for name, member in real.items():
        got, want = module_params(member), stub_params(stubs[name])
        # pyo3 shows most defaults as `...`: then only whether there is one can be compared.
        for (real_name, real_kind, real_default), (stub_name, stub_kind, stub_default) in zip(got, want):
            assert (real_name, real_kind) == (stub_name, stub_kind), f"{cls.__name__}.{name}: {got} != {want}"
            assert (real_default is None) == (stub_default is None), f"{cls.__name__}.{name}.{real_name}: default"
            if real_default not in (None, "Ellipsis"):
                assert real_default == stub_default, f"{cls.__name__}.{name}.{real_name}: default"
        assert len(got) == len(want), f"{cls.__name__}.{name}: {got} != {want}"


def returns(f: ast.FunctionDef) -> str:
    return ast.unparse(f.returns) if f.returns is not None else "None"


def test_async_methods_return_awaitables_of_the_sync_results() -> None:
    sync, asynchronous = stub_methods("Client"), stub_methods("AsyncClient")
    for name, f in sync.items():
        if name in {"from_env", "simulated"}:
            continue
        want, got = returns(f), returns(asynchronous[name])
        if name in NO_IO:
            assert got.replace("AsyncPager", "Pager") == want or name == "close", name
        else:
            assert got == f"Awaitable[{want}]", f"{name}: {got} is not Awaitable[{want}]"


def test_every_method_has_a_docstring() -> None:
    for cls in (Client, AsyncClient):
        for name, member in module_methods(cls).items():
            assert (inspect.getdoc(member) or "").strip(), f"{cls.__name__}.{name} has no docstring"
