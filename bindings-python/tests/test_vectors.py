"""The shared conformance vectors (tests/vectors/*.json, read by every language) through the
Python clients, over real HTTP: the simulator server records each request, and its ``respond``
fault plays the vector's canned response."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, Backend

from zapi_communities import (
    AnnouncementSource,
    Client,
    DeliveryStatus,
    GroupAddPrivacy,
    GroupNotification,
    GroupSettings,
    InvitationLinkErrorKind,
    JoinRequestMethod,
    LinkMode,
    MessageContent,
    PresenceStatus,
    ValidationError,
    WebhookEvent,
    WhoCanAddGroups,
    ZapiError,
    parse_webhook,
)

VECTORS = ROOT / "tests" / "vectors"


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((VECTORS / name).read_text())
    return cases


def ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["name"] for c in cases]


SETTINGS = ("admin_only_message", "admin_only_settings", "require_admin_approval", "admin_only_add_member")


def dispatch(client: Client, call: str, args: dict[str, Any]) -> Any:
    """Runs the call a vector names; the vectors' argument names are the Python parameter names."""
    args = dict(args)
    if call == "update_group_settings":
        settings = GroupSettings(**{k: args.pop(k) for k in SETTINGS if k in args})
        return client.update_group_settings(args.pop("group_id"), settings)
    method = getattr(client, call)
    return method(**args)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def to_json(value: Any) -> Any:
    """A result in the vectors' camelCase JSON shape (the core's serde shape)."""
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, (AnnouncementSource, WhoCanAddGroups, InvitationLinkErrorKind, GroupAddPrivacy)):
        return value.value
    if isinstance(value, (DeliveryStatus, PresenceStatus, JoinRequestMethod, LinkMode)):
        return value.value
    if isinstance(value, float):
        return value
    for union, tag in ((WebhookEvent, "type"), (MessageContent, "kind"), (GroupNotification, "kind")):
        if isinstance(value, union):
            # A data-carrying enum: the variant is the class, its fields are its match arguments.
            variant = next(n for n in dir(union) if getattr(union, n) is type(value))
            snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in variant).lstrip("_")
            fields: tuple[str, ...] = getattr(type(value), "__match_args__")
            return {tag: snake, **{camel(f): to_json(getattr(value, f)) for f in fields}}
    names = [n for n, d in vars(type(value)).items() if not n.startswith("_") and hasattr(d, "__get__")]
    return {camel(n): to_json(getattr(value, n)) for n in names}


ERRORS: dict[str, Any] = json.loads((VECTORS / "errors.json").read_text())


def error_json(e: ZapiError) -> dict[str, Any]:
    """An exception in the shared shape of errors (tests/vectors/errors.json): its kind and every
    attribute it carries, camelCased, checked to be exactly the fields declared for its kind."""
    shape = {"kind": e.kind, **{camel(name): value for name, value in vars(e).items() if name != "kind"}}
    assert sorted(shape) == sorted(["kind", *ERRORS["kinds"][e.kind]]), f"the fields of a {e.kind} error"
    return shape


def outcome(run: Any) -> dict[str, Any]:
    try:
        return {"ok": run()}
    except ZapiError as e:
        return {"error": error_json(e)}


def check(expect: dict[str, Any], got: dict[str, Any], name: str) -> None:
    if "ok" in expect:
        assert got == {"ok": expect["ok"]}, name
    else:
        assert "error" in got, f"{name}: got {got}"
        for key, value in expect["error"].items():
            assert got["error"].get(key) == value, f"{name}: {key} want {value!r}, got {got['error']}"


def key(request: dict[str, Any]) -> str:
    query = "&".join(f"{k}={v}" for k, v in request["query"])
    return f"{request['method']} {request['path']}" + (f"?{query}" if query else "")


def respond(response: dict[str, Any], **match: Any) -> dict[str, Any]:
    fault = {"kind": "respond", "status": response["status"], "headers": response.get("headers", {})}
    fault["body"] = response.get("body") or ""
    return {"fault": fault, **match}


@pytest.mark.parametrize("case", load("requests.json"), ids=ids(load("requests.json")))
def test_request_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    server = http_backend.server
    assert server
    server.fault(respond({"status": 200, "body": ""}))
    try:
        dispatch(http_backend.api, case["call"], case["args"])
    except ZapiError:
        pass  # an empty answer may not parse as this call's result; only the request matters here
    seen, *after = server.requests()
    assert [key(r) for r in after] == case.get("follow_up", []), "the requests after the call's own"
    want = case["request"]
    assert (seen["method"], seen["path"], seen["query"]) == (want["method"], want["path"], want["query"])
    headers = {k.lower(): v for k, v in seen["headers"]}
    for name in ("accept", "content-type"):
        assert headers.get(name) == {k.lower(): v for k, v in want["headers"].items()}.get(name), name
    assert headers["client-token"] == "***"  # sent (and redacted in the server's log)
    assert seen["status"] not in (401, 403)  # the simulator accepted both tokens
    assert (json.loads(seen["body"]) if seen["body"] else None) == want["body"]


@pytest.mark.parametrize("case", load("responses.json"), ids=ids(load("responses.json")))
def test_response_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    assert http_backend.server
    http_backend.server.fault(respond(case["response"]))
    followed_by: dict[str, Any] = case.get("followed_by", {})
    for request_key, response in followed_by.items():
        method, target = request_key.split(" ", 1)
        http_backend.server.fault(respond(response, method=method, pathPrefix=target))
    client = http_backend.make(max_retries=0)
    got = outcome(lambda: to_json(dispatch(client, case["call"], case["args"])))
    check(case["expect"], got, case["name"])
    assert len(http_backend.server.requests()) == 1 + len(followed_by), case["name"]


@pytest.mark.parametrize("case", load("events.json"), ids=ids(load("events.json")))
def test_event_vectors(case: dict[str, Any]) -> None:
    body = case["body"]
    for given in (body, body.encode()):
        got = outcome(lambda: to_json(parse_webhook(given)))
        check(case["expect"], got, case["name"])


def test_every_error_kind_is_declared() -> None:
    kinds = {cls.kind for cls in ZapiError.__subclasses__()}
    assert kinds == set(ERRORS["kinds"])


@pytest.mark.parametrize("case", ERRORS["cases"], ids=ids(ERRORS["cases"]))
def test_error_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    server = http_backend.server
    assert server
    if "response" in case:
        server.fault(respond(case["response"]))
    client = http_backend.make(max_retries=0)
    got = outcome(lambda: dispatch(client, case["call"], case["args"]))
    assert got == case["expect"], case["name"]
    assert len(server.requests()) == (1 if "response" in case else 0), case["name"]


@pytest.mark.parametrize("case", load("validation.json"), ids=ids(load("validation.json")))
def test_validation_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    assert http_backend.server
    with pytest.raises(ValidationError) as caught:
        dispatch(http_backend.api, case["call"], case["args"])
    check(case["expect"], {"error": error_json(caught.value)}, case["name"])
    assert http_backend.server.requests() == [], f"{case['name']}: a request was sent"


@pytest.mark.parametrize("case", load("resolution.json"), ids=ids(load("resolution.json")))
def test_resolution_vectors(http_backend: Backend, case: dict[str, Any]) -> None:
    server = http_backend.server
    assert server
    for request_key, response in case["responses"].items():
        method, target = request_key.split(" ", 1)
        server.fault(respond(response, method=method, pathPrefix=target, times=100))
    server.fault(respond({"status": 404, "body": '{"error":"not scripted"}'}, times=100))
    client = http_backend.make(max_retries=0)
    community = case["community_id"]
    if case.get("remember"):
        client.remember_announcement_group(community, case["remember"])
    if case.get("list_first"):
        client.list_communities(1, 10)

    def run() -> Any:
        if case.get("send_to"):
            return to_json(client.send_text(case["send_to"], "hi"))
        group = client.resolve_announcement_group(community, case.get("source"))
        return {"groupId": group.group_id, "source": group.source.value, "fromCache": group.from_cache}

    check(case["expect"], outcome(run), case["name"])
    assert [key(r) for r in server.requests()] == case["requests"], case["name"]


def test_every_vector_file_is_run() -> None:
    # paging.json runs in test_paging.py, plans.json in test_plan.py.
    assert sorted(p.name for p in Path(VECTORS).glob("*.json")) == [
        "errors.json",
        "events.json",
        "paging.json",
        "plans.json",
        "requests.json",
        "resolution.json",
        "responses.json",
        "validation.json",
    ]
