"""The shared fault suite (tests/faults/cases.json): both clients against every fault the
simulator server injects. Each case ends in a typed error or a result, never a hang, and the
server's log proves how often the request was sent (a POST never twice)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import ROOT, Backend
from test_vectors import dispatch, error_json

from zapi_communities import ZapiError

CASES: list[dict[str, Any]] = json.loads((ROOT / "tests" / "faults" / "cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fault_cases(http_backend: Backend, closed_port: int, case: dict[str, Any]) -> None:
    server = http_backend.server
    assert server
    options: dict[str, Any] = {
        "timeout_ms": case["client"]["timeout_ms"],
        "max_retries": case["client"]["max_retries"],
        "max_body_bytes": case["client"]["max_body_bytes"],
    }
    if "credentials" in case:
        options.update(token=case["credentials"]["token"], client_token=case["credentials"]["client_token"])
    if case.get("closed_port"):
        options["base_url"] = f"http://127.0.0.1:{closed_port}"
    if "rule" in case:
        server.fault(case["rule"])
    client = http_backend.make(**options)
    try:
        dispatch(client, case["call"], case["args"])
        got: dict[str, Any] = {"ok": True}
    except ZapiError as e:
        got = {"error": error_json(e)}
    if "ok" in case["expect"]:
        assert got == {"ok": True}, f"{case['name']}: {got}"
    else:
        assert "error" in got, f"{case['name']}: no error"
        for key, value in case["expect"]["error"].items():
            assert got["error"].get(key) == value, f"{case['name']}: {key} want {value!r}, got {got['error']}"
    if "requests" in case:
        sent = [r for r in server.requests() if r["method"] == case["method"]]
        assert len(sent) == case["requests"], f"{case['name']}: {len(sent)} requests"
    if "decoy_connections" in case:
        seen = server.decoy_connections()
        assert seen == case["decoy_connections"], f"{case['name']}: the decoy host saw {seen} connections"
