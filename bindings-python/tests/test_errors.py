"""Every exception class, raised for real by both clients, with its attributes and ``kind``."""

from __future__ import annotations

import builtins

import pytest
from conftest import PHONES, Backend

import zapi_communities
from zapi_communities import (
    ApiError,
    DecodeError,
    NotAnnouncementGroupError,
    NotFoundError,
    RateLimitedError,
    TimeoutError,
    TransportError,
    ValidationError,
    ZapiError,
)

ALL = [
    (ValidationError, "validation"),
    (ApiError, "api"),
    (RateLimitedError, "rate_limited"),
    (TimeoutError, "timeout"),
    (TransportError, "transport"),
    (DecodeError, "decode"),
    (NotFoundError, "not_found"),
    (NotAnnouncementGroupError, "not_announcement_group"),
]


@pytest.mark.parametrize(("cls", "kind"), ALL)
def test_the_hierarchy(cls: type[ZapiError], kind: str) -> None:
    assert issubclass(cls, ZapiError) and issubclass(cls, Exception)
    assert cls.kind == kind
    assert cls.__module__ == "zapi_communities"
    assert cls.__doc__
    assert getattr(zapi_communities, cls.__name__) is cls


def test_builtin_bases() -> None:
    assert issubclass(ValidationError, ValueError)
    assert issubclass(TimeoutError, builtins.TimeoutError)
    assert not issubclass(ApiError, ValueError)
    assert ZapiError.kind == "internal"


def test_validation_error(backend: Backend) -> None:
    with pytest.raises(ValidationError) as caught:
        backend.api.link_groups("120363000000000001", ["120363000000000003-group", "nope"])
    e = caught.value
    assert (e.kind, e.field) == ("validation", "group_ids[1]")
    assert "nope" in e.reason and str(e) == f"invalid {e.field}: {e.reason}"


def test_api_error(backend: Backend) -> None:
    with pytest.raises(ApiError) as caught:
        backend.api.community_metadata("120363999999999999")
    e = caught.value
    assert (e.kind, e.status) == ("api", 404)
    assert "120363999999999999" in e.detail and e.detail in str(e)


def test_api_error_from_a_fault(http_backend: Backend) -> None:
    assert http_backend.server
    http_backend.server.fault({"fault": {"kind": "status", "status": 500, "message": "on fire"}, "method": "POST"})
    with pytest.raises(ApiError) as caught:
        http_backend.api.create_community("Rua das Flores")
    assert (caught.value.status, caught.value.detail) == (500, "on fire")


def test_rate_limited_error(http_backend: Backend) -> None:
    assert http_backend.server
    # A Retry-After beyond the longest backoff is not waited for: the caller decides.
    http_backend.server.fault({"fault": {"kind": "rate_limit", "retryAfter": 120}})
    with pytest.raises(RateLimitedError) as caught:
        http_backend.api.list_chats()
    assert (caught.value.kind, caught.value.retry_after_ms) == ("rate_limited", 120_000)
    http_backend.server.fault({"fault": {"kind": "rate_limit"}, "method": "POST"})
    with pytest.raises(RateLimitedError) as caught:
        http_backend.api.create_community("x")
    assert caught.value.retry_after_ms is None


def test_timeout_error(http_backend: Backend) -> None:
    assert http_backend.server
    http_backend.server.fault({"fault": {"kind": "delay", "ms": 3000}, "pathPrefix": "/chats"})
    client = http_backend.make(timeout_ms=250, max_retries=0)
    with pytest.raises(TimeoutError) as caught:
        client.list_chats()
    e = caught.value
    assert (e.kind, e.timeout_ms) == ("timeout", 250)
    assert isinstance(e, builtins.TimeoutError)


def test_transport_error_nothing_sent(http_backend: Backend, closed_port: int) -> None:
    client = http_backend.make(base_url=f"http://127.0.0.1:{closed_port}", max_retries=0)
    with pytest.raises(TransportError) as caught:
        client.create_community("Rua das Flores")
    assert (caught.value.kind, caught.value.sent) == ("transport", False)
    assert caught.value.detail


def test_transport_error_maybe_sent(http_backend: Backend) -> None:
    assert http_backend.server
    http_backend.server.fault({"fault": {"kind": "reset_before_headers"}, "method": "POST"})
    with pytest.raises(TransportError) as caught:
        http_backend.api.create_community("Rua das Flores")
    assert caught.value.sent is True
    # The POST was not repeated: it may have been applied.
    assert [r["method"] for r in http_backend.server.requests()] == ["POST"]


def test_decode_error(http_backend: Backend) -> None:
    assert http_backend.server
    http_backend.server.fault({"fault": {"kind": "malformed"}, "pathPrefix": "/chats"})
    with pytest.raises(DecodeError) as caught:
        http_backend.make(max_retries=0).list_chats()
    assert caught.value.kind == "decode" and caught.value.detail


def test_not_found_error(backend: Backend) -> None:
    community = backend.api.create_community("Rua das Flores")
    with pytest.raises(NotFoundError) as caught:
        backend.api.resolve_announcement_group(community.id, source="explicit")
    e = caught.value
    assert (e.kind, e.id) == ("not_found", community.id)
    assert "announcement group" in e.what


def test_not_announcement_group_error(backend: Backend) -> None:
    community = backend.api.create_community("Rua das Flores")
    with pytest.raises(NotAnnouncementGroupError) as caught:
        backend.api.send_text(community.id, "Hello")
    e = caught.value
    assert (e.kind, e.community_id, e.announcement_group) == (
        "not_announcement_group",
        community.id,
        community.announcement_group,
    )
    assert "announcement group" in str(e)


def test_not_announcement_group_error_after_a_metadata_lookup(backend: Backend) -> None:
    community = backend.api.create_community("Rua das Flores")
    group = backend.api.create_group("Building A", PHONES[:1])
    backend.api.link_groups(community.id, [group.id])
    backend.api.invalidate_all()
    backend.api.community_metadata(community.id)  # known again, announcement group included
    with pytest.raises(NotAnnouncementGroupError) as caught:
        backend.api.send_text(f"{community.id}@g.us", "Hello")
    assert caught.value.announcement_group == community.announcement_group


def test_every_error_is_catchable_as_zapi_error(backend: Backend) -> None:
    with pytest.raises(ZapiError) as caught:
        backend.api.create_community("")
    assert caught.value.kind == "validation"


def test_exceptions_can_be_built_by_hand() -> None:
    # For tests of code that uses this package: the class attribute `kind` is always there.
    e = ApiError("the service answered 502: bad gateway")
    assert e.kind == "api" and str(e) == "the service answered 502: bad gateway"
