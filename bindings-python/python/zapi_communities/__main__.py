"""``python -m zapi_communities plan|apply spec.json``: a community described as data, compared
with the account (``ZAPI_*`` environment variables, or ``--simulated`` for the in-memory
simulator), printed as a table (or ``--json``), and applied.

Exit status: 0 when the plan was made (and, for ``apply``, every step ran), 1 when a step of
``apply`` failed, 2 when the spec or the configuration was refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import ApplyOutcome, Client, Plan, ZapiError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m zapi_communities", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("plan", "print the changes the spec needs"), ("apply", "make them")):
        command = commands.add_parser(name, help=text)
        command.add_argument("spec", help="the spec document (schemas/community-spec.v1.json), or - for stdin")
        command.add_argument("--json", action="store_true", help="print JSON instead of a table")
        command.add_argument("--simulated", action="store_true", help="use the in-memory simulator, not ZAPI_*")
        if name == "apply":
            command.add_argument("--dry-run", action="store_true", help="send nothing; say what would run")
    return parser


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def format_plan(plan: Plan) -> str:
    """The plan as a table: one row per step, with what it does and why."""
    title = f"community {plan.community_name!r}" + (f" ({plan.community_id})" if plan.community_id else " (new)")
    if not plan:
        body = "nothing to change"
    else:
        rows = [("#", "change", "why")]
        rows += [(str(i), step.summary, step.reason) for i, step in enumerate(plan.steps, 1)]
        body = _table(rows)
    notes = "".join(f"\nnote: {note}" for note in plan.notes)
    return f"{title}\n{body}{notes}"


def format_outcome(outcome: ApplyOutcome) -> str:
    """What apply did: each step's status, and the error of the one that failed."""
    if not outcome.steps:
        return "nothing to do"
    rows = [("#", "status", "change")]
    rows += [(str(i), s.status.value, s.step.summary) for i, s in enumerate(outcome.steps, 1)]
    errors = "".join(f"\nerror in step {i}: {s.error}" for i, s in enumerate(outcome.steps, 1) if s.error)
    return f"{_table(rows)}\n{outcome.requests} requests sent{errors}"


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        text = sys.stdin.read() if args.spec == "-" else Path(args.spec).read_text(encoding="utf-8")
        client = Client.simulated() if args.simulated else Client.from_env()
        plan = client.plan(text)
        if args.command == "plan":
            print(plan.to_json() if args.json else format_plan(plan))
            return 0
        outcome = client.apply(plan, dry_run=args.dry_run)
    except (OSError, ZapiError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"plan": json.loads(plan.to_json()), "outcome": json.loads(outcome.to_json())}))
    else:
        print(format_plan(plan))
        print()
        print(format_outcome(outcome))
    return 0 if outcome.complete else 1


if __name__ == "__main__":
    sys.exit(main())
