"""``plan`` / ``apply`` over the shared vectors (``tests/vectors/plans.json``) on the in-memory
simulator, with both clients; the spec as a dict, as JSON text and as ``CommunitySpec``; the
schema; and ``python -m zapi_communities`` against ``zapi-sim``, one process planning what
another applied."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLIENT_TOKEN, INSTANCE_ID, ROOT, TOKEN, SimServer
from zapi_communities import (
    AsyncClient,
    Client,
    CommunitySettingsSpec,
    CommunitySpec,
    GroupSpec,
    PlanChange,
    StepStatus,
    ValidationError,
    WhoCanAddGroups,
)

VECTORS: dict[str, Any] = json.loads((ROOT / "tests/vectors/plans.json").read_text())
SCHEMA: dict[str, Any] = json.loads((ROOT / "schemas/community-spec.v1.json").read_text())


@pytest.mark.parametrize("scenario", VECTORS["scenarios"], ids=lambda s: str(s["name"]))
def test_every_scenario_plans_dry_runs_applies_and_re_plans_empty(scenario: dict[str, Any]) -> None:
    client = Client.simulated()
    for i, step in enumerate(scenario["steps"]):
        # Alternate the three shapes a spec may take.
        spec: Any = [step["spec"], json.dumps(step["spec"]), CommunitySpec(**_keywords(step["spec"]))][i % 3]
        plan = client.plan(spec)
        assert [s.summary for s in plan.steps] == step["plan"], i
        assert plan.notes == step["notes"]
        assert all(s.reason for s in plan.steps)

        dry = client.apply(plan, dry_run=True)
        assert (dry.requests, dry.complete) == (0, True)
        assert {s.status for s in dry.steps} <= {StepStatus.DRY_RUN}
        assert client.plan(spec) == plan, "a dry run changes nothing"

        applied = client.apply(plan)
        assert applied.complete, applied
        assert applied.requests == len(plan.steps)
        again = client.plan(spec)
        assert not again and len(again) == 0, [s.summary for s in again.steps]


def _keywords(document: dict[str, Any]) -> dict[str, Any]:
    """A spec document as CommunitySpec's keyword arguments."""
    out = {k: v for k, v in document.items() if k not in ("settings", "groups")}
    if "settings" in document:
        who = WhoCanAddGroups.ADMINS if document["settings"]["whoCanAddNewGroups"] == "admins" else WhoCanAddGroups.ALL
        out["settings"] = CommunitySettingsSpec(who_can_add_new_groups=who)
    out["groups"] = [GroupSpec(**g) for g in document.get("groups", [])]
    return out


def test_the_async_client_plans_and_applies_the_same() -> None:
    import asyncio

    async def run() -> None:
        client = AsyncClient.simulated()
        first = VECTORS["scenarios"][0]["steps"][0]
        plan = await client.plan(first["spec"])
        assert [s.summary for s in plan.steps] == first["plan"]
        assert (await client.apply(plan)).complete
        assert not await client.plan(first["spec"])

    asyncio.run(run())


@pytest.mark.parametrize("case", VECTORS["invalid"], ids=lambda c: str(c["name"]))
def test_invalid_specs_are_refused_by_field(case: dict[str, Any]) -> None:
    client = Client.simulated()
    with pytest.raises(ValidationError) as refused:
        client.plan(case["spec"])
    assert refused.value.field == case["field"]
    assert not client.list_communities(1, 10), "nothing was created"


def test_changes_match_by_variant_and_serialise() -> None:
    plan = Client.simulated().plan(VECTORS["scenarios"][0]["steps"][0]["spec"])
    match plan.steps[0].change:
        case PlanChange.CreateCommunity(name=name, description=description):
            assert (name, description) == ("Rua das Flores", "Vizinhos da rua")
        case other:
            pytest.fail(f"unexpected {other!r}")
    assert [s.change.kind for s in plan.steps][:3] == ["create_community", "update_settings", "create_group"]
    document = json.loads(plan.to_json())
    assert document["steps"][0]["change"] == {"kind": "create_community", "name": "Rua das Flores", "description": "Vizinhos da rua"}
    assert "Plan(community_name='Rua das Flores'" in repr(plan)
    with pytest.raises(TypeError):
        Client.simulated().plan(42)  # type: ignore[arg-type]


def test_the_vector_specs_match_the_schema() -> None:
    jsonschema: Any = importlib.import_module("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for scenario in VECTORS["scenarios"]:
        for step in scenario["steps"]:
            validator.validate(step["spec"])
    # The two refusals the schema itself can make.
    by_field = {c["field"]: c["spec"] for c in VECTORS["invalid"]}
    assert not validator.is_valid(by_field["spec"]) and not validator.is_valid(by_field["version"])


def run_command(*args: str, env: dict[str, str] | None = None, spec: str | None = None) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        [sys.executable, "-m", "zapi_communities", *args],
        input=spec, capture_output=True, text=True, env={**base, **(env or {})}, timeout=60, check=False,
    )


def test_the_command_plans_and_applies_against_zapi_sim(sim: SimServer, tmp_path: Path) -> None:
    env = {"ZAPI_INSTANCE_ID": INSTANCE_ID, "ZAPI_TOKEN": TOKEN, "ZAPI_CLIENT_TOKEN": CLIENT_TOKEN, "ZAPI_BASE_URL": sim.url}
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(VECTORS["scenarios"][0]["steps"][0]["spec"]))

    shown = run_command("plan", str(spec), env=env)
    assert shown.returncode == 0, shown.stderr
    assert "community 'Rua das Flores' (new)" in shown.stdout and "create group \"Bloco A\" with 2 people" in shown.stdout
    assert CLIENT_TOKEN not in shown.stdout + shown.stderr

    dry = run_command("apply", str(spec), "--dry-run", "--json", env=env)
    assert dry.returncode == 0, dry.stderr
    assert {s["status"] for s in json.loads(dry.stdout)["outcome"]["steps"]} == {"dry_run"}
    assert not sim.state()["communities"], "a dry run creates nothing"

    applied = run_command("apply", str(spec), env=env)
    assert applied.returncode == 0, applied.stderr + applied.stdout
    assert "7 requests sent" in applied.stdout
    again = run_command("plan", "-", "--json", env=env, spec=spec.read_text())
    assert again.returncode == 0 and json.loads(again.stdout)["steps"] == []


def test_the_command_refuses_a_bad_spec_and_runs_simulated(tmp_path: Path) -> None:
    bad = run_command("plan", "-", "--simulated", spec=json.dumps(VECTORS["invalid"][0]["spec"]))
    assert bad.returncode == 2 and "groups[0].members[1]" in bad.stderr
    good = run_command("apply", "-", "--simulated", spec=json.dumps(VECTORS["scenarios"][0]["steps"][0]["spec"]))
    assert good.returncode == 0 and "done" in good.stdout
