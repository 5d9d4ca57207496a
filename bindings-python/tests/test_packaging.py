"""What the wheel installs: the native abi3 module, the stubs and py.typed, from site-packages
(not from the source tree), and one name for each public class."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import zapi_communities
from zapi_communities import _zapi_communities


def test_installed_from_the_wheel() -> None:
    package = Path(zapi_communities.__file__).parent
    assert "site-packages" in package.parts, f"imported from {package}, not from an installed wheel"
    assert (package / "py.typed").is_file()
    assert (package / "_zapi_communities.pyi").is_file()
    native = Path(_zapi_communities.__file__).name
    assert native.startswith("_zapi_communities.abi3.") and native.endswith(".so"), native


def test_version_and_metadata() -> None:
    assert zapi_communities.__version__ == importlib.metadata.version("zapi-communities")


def test_public_names() -> None:
    for name in zapi_communities.__all__:
        value = getattr(zapi_communities, name)
        if isinstance(value, type) and name != "GroupMention":
            assert value.__module__ == "zapi_communities", name
            assert value.__doc__, f"{name} has no docstring"
        elif callable(value):
            assert value.__doc__, f"{name}() has no docstring"
    assert "TimeoutError" not in zapi_communities.__all__  # would shadow the builtin on `import *`


def test_every_public_method_has_a_docstring() -> None:
    for cls in (zapi_communities.Client, zapi_communities.AsyncClient):
        for name in dir(cls):
            if not name.startswith("_"):
                assert getattr(cls, name).__doc__, f"{cls.__name__}.{name} has no docstring"


def test_the_stubs_cover_the_module() -> None:
    stub = (Path(_zapi_communities.__file__).parent / "_zapi_communities.pyi").read_text()
    for name in dir(_zapi_communities):
        if not name.startswith("_"):
            value = getattr(_zapi_communities, name)
            if name.isupper():
                declared = f"{name}: {type(value).__name__}"
            elif callable(value) and name.islower():
                declared = f"def {name}("
            else:
                declared = f"class {name}"
            assert declared in stub, f"{name} is missing from the stubs"
    for cls in (zapi_communities.Client, zapi_communities.AsyncClient):
        for name in dir(cls):
            if not name.startswith("_"):
                assert f"def {name}(" in stub, f"{cls.__name__}.{name} is missing from the stubs"


def test_import_is_quick_and_starts_no_thread() -> None:
    code = "import threading, zapi_communities; print(threading.active_count())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "1"  # the runtime starts on the first call, not at import
