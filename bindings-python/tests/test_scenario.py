"""The shared scenario (tests/scenario/story.json) played by both Python clients against the
simulator server. What the server saw and ended with goes to target/scenario/python.json and
python-async.json, which tests/steps/90-compare.sh compares with every other runtime's."""

from __future__ import annotations

import json
from typing import Any

from conftest import ROOT, Backend
from test_vectors import dispatch, to_json

STORY = ROOT / "tests" / "scenario" / "story.json"
OUT = ROOT / "target" / "scenario"


def substitute(value: Any, saved: dict[str, Any]) -> Any:
    """Replaces ``$name`` strings (also inside lists and dicts) with saved values."""
    if isinstance(value, str) and value.startswith("$"):
        return saved[value[1:]]
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    return value


def test_the_shared_story_ends_in_the_shared_state(http_backend: Backend) -> None:
    server = http_backend.server
    assert server
    story = json.loads(STORY.read_text())
    server.control("POST", "reset", story["fixture"])
    saved: dict[str, Any] = {}
    for i, step in enumerate(story["steps"]):
        call, args = step["call"], substitute(step["args"], saved)
        result = to_json(dispatch(http_backend.api, call, args))
        for key, value in substitute(step.get("expect", {}), saved).items():
            assert result[key] == value, f"step {i} {call}: {key} want {value!r}, got {result}"
        for name, key in step.get("save", {}).items():
            saved[name] = result[key]

    requests = [
        {
            "method": r["method"],
            "path": r["path"],
            "query": r["query"],
            "body": json.loads(r["body"]) if r["body"] else None,
        }
        for r in server.requests()
    ]
    assert len(requests) >= len(story["steps"]) - 1  # every step but `invalidate` sends
    OUT.mkdir(parents=True, exist_ok=True)
    name = "python" if http_backend.name.startswith("sync") else "python-async"
    (OUT / f"{name}.json").write_text(json.dumps({"requests": requests, "state": server.state()}, indent=2))
