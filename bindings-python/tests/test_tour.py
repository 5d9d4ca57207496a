"""The examples run, and the README's quick start is the tested region of examples/tour.py."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from conftest import BINDING

TOUR = BINDING / "examples" / "tour.py"


def run_tour(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin"}  # no ZAPI_* variable: the embedded simulator
    return subprocess.run([sys.executable, str(TOUR), *args], capture_output=True, text=True, env=env, timeout=60)


def test_the_tour_runs_to_the_end() -> None:
    done = run_tour()
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Running the tour on the embedded simulator"
    assert [line.split(".")[0] for line in lines if re.match(r"^\d\. ", line)] == [str(i) for i in range(1, 10)]
    assert "   sending to the community id itself is refused: use its announcement group" in lines
    assert any(line.startswith("   unlinking the last group is refused: ") for line in lines)
    assert lines[-1] == "Done."


def test_the_quickstart_runs() -> None:
    done = run_tour("--quickstart")
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert re.fullmatch(r"announcement group \d+-group \(source: create_response\)", first)
    assert re.fullmatch(r"message \S+ queued in \d+-group", second)


def region(text: str, name: str) -> str:
    match = re.search(rf"# START {name}\n(.*?)\n\s*# END {name}", text, re.S)
    assert match, f"no {name} region"
    return textwrap.dedent(match.group(1)).strip()


def test_the_readme_quickstart_is_the_tested_code() -> None:
    readme = (BINDING / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert region(TOUR.read_text(), "quickstart") in [b.strip() for b in blocks]
    lines = region(TOUR.read_text(), "quickstart").splitlines()
    assert 10 <= len(lines) <= 15


def test_the_readme_chat_scan_example_runs() -> None:
    readme = (BINDING / "README.md").read_text()
    blocks = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "parse_announcement_groups" in b]
    assert len(blocks) == 1
    exec(compile(blocks[0], "README.md", "exec"), {})
