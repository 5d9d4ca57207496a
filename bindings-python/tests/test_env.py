"""``Client.from_env()`` / ``AsyncClient.from_env()`` read the ``ZAPI_*`` variables as the core does."""

from __future__ import annotations

import pytest
from conftest import SimServer

from zapi_communities import AsyncClient, Client, ValidationError

VARS = (
    "ZAPI_INSTANCE_ID",
    "ZAPI_TOKEN",
    "ZAPI_CLIENT_TOKEN",
    "ZAPI_BASE_URL",
    "ZAPI_PROXY",
    "ZAPI_TIMEOUT_MS",
    "ZAPI_MAX_RETRIES",
    "ZAPI_ALLOW_INSECURE_HTTP",
    "ZAPI_PAGE_SIZE",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARS:
        monkeypatch.delenv(name, raising=False)


def test_from_env_talks_to_the_configured_instance(sim: SimServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAPI_INSTANCE_ID", "SIM-INSTANCE")
    monkeypatch.setenv("ZAPI_TOKEN", "sim-token")
    monkeypatch.setenv("ZAPI_CLIENT_TOKEN", "sim-client-token")
    monkeypatch.setenv("ZAPI_BASE_URL", sim.url)
    monkeypatch.setenv("ZAPI_MAX_RETRIES", "3")
    client = Client.from_env(timeout_ms=5000, max_retries=1)  # keyword arguments win over the variables
    assert (client.instance_id, client.base_url, client.timeout_ms, client.max_retries) == (
        "SIM-INSTANCE",
        sim.url,
        5000,
        1,
    )
    assert Client.from_env().max_retries == 3
    client.create_community("Rua das Flores")
    assert sim.routes() == [("POST", "/communities")]
    assert AsyncClient.from_env().base_url == sim.url


def test_default_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAPI_INSTANCE_ID", "I")
    monkeypatch.setenv("ZAPI_TOKEN", "t")
    assert Client.from_env().base_url == "https://api.z-api.io"


@pytest.mark.parametrize(
    ("present", "field"),
    [({}, "ZAPI_INSTANCE_ID"), ({"ZAPI_INSTANCE_ID": "I"}, "ZAPI_TOKEN"),
     ({"ZAPI_INSTANCE_ID": "I", "ZAPI_TOKEN": "t", "ZAPI_BASE_URL": "nope"}, "ZAPI_BASE_URL"),
     ({"ZAPI_INSTANCE_ID": "I", "ZAPI_TOKEN": "t", "ZAPI_BASE_URL": "http://example.com"}, "ZAPI_BASE_URL"),
     ({"ZAPI_INSTANCE_ID": "I", "ZAPI_TOKEN": "t", "ZAPI_TIMEOUT_MS": "soon"}, "ZAPI_TIMEOUT_MS"),
     ({"ZAPI_PROXY": "1"}, "ZAPI_BASE_URL")],
)
def test_missing_or_bad_variables(monkeypatch: pytest.MonkeyPatch, present: dict[str, str], field: str) -> None:
    for name, value in present.items():
        monkeypatch.setenv(name, value)
    for cls in (Client, AsyncClient):
        with pytest.raises(ValidationError) as caught:
            cls.from_env()
        assert caught.value.field == field


def test_every_option_has_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAPI_INSTANCE_ID", "I")
    monkeypatch.setenv("ZAPI_TOKEN", "t")
    monkeypatch.setenv("ZAPI_BASE_URL", "http://example.com")
    monkeypatch.setenv("ZAPI_ALLOW_INSECURE_HTTP", "1")  # the opt-in for clear text
    monkeypatch.setenv("ZAPI_PAGE_SIZE", "25")
    client = Client.from_env()
    assert (client.base_url, client.page_size) == ("http://example.com", 25)
    monkeypatch.setenv("ZAPI_TIMEOUT_MS", "soon")
    assert Client.from_env(timeout_ms=1000).timeout_ms == 1000  # an option given shadows its variable


def test_proxy_mode_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAPI_PROXY", "true")
    monkeypatch.setenv("ZAPI_BASE_URL", "https://backend.example/zapi")
    client = Client.from_env()
    assert (client.instance_id, client.base_url) == ("proxy", "https://backend.example/zapi")
