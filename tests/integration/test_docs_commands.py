"""Every `lantern` command the README shows, and every `Example:` in a command's `--help`, runs against the
demo data (`lantern demo --no-serve` on the test Neo4j) and exits 0.

Commands run in-process (typer's CliRunner) from a scratch directory holding a copy of seed/, so relative
outputs (`--out report.html`, `ontology/lantern.grass`) land there; `/tmp/` in an example is the test's own
temporary directory. SKIPPED lists the few examples that cannot run here, each with its reason.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.config import Settings, get_settings
from graph.config import REPO_ROOT

SKIPPED = {
    "lantern demo": "serves the API until Ctrl-C (`lantern demo --no-serve` runs)",
    "lantern serve --port 8000": "serves until stopped (test_api_startup.py starts the API)",
    "lantern neo4j stop": "would stop the test server (test_platform_lifecycle.py covers it)",
    "lantern seed build": "rewrites the committed corpus (`lantern seed check` runs: same bytes)",
    "lantern resolve split merge-1a2b3c4d5e": "needs the id a merge printed (test_resolve_merge.py)",
}
SKIPPED_PREFIXES = {
    "lantern resolve merge": "a person's decision on two entities; tests/integration/test_resolve_merge.py",
    "lantern evaluate extraction": "reads the development texts outside the repository (../shared/data)",
    "lantern screen": "a partner's command against a running hub with a partner key; "
    "tests/integration/test_screening_psi.py runs it end to end over 127.0.0.1",
    "lantern evaluate analysis": "reads the raw releases outside the repository (../shared/data); "
    "test_evaluate_analysis.py runs it on a fictional office",
}
_FENCE = re.compile(r"```bash\n(.*?)```", re.S)


def readme_commands(text: str) -> list[str]:
    """`lantern ...` lines of the README's bash blocks, comments stripped."""
    out = []
    for block in _FENCE.findall(text):
        for line in block.splitlines():
            cmd = line.split("  #", 1)[0].strip()
            if cmd.startswith("lantern "):
                out.append(cmd)
    return out


def help_examples(sources: list[Path]) -> list[str]:
    """Commands of every `Example:` line in the CLI modules (`&&` and `|` separate several)."""
    out = []
    for path in sources:
        for match in re.finditer(r"Example: (lantern [^\n]*)", path.read_text(encoding="utf-8")):
            text = match.group(1).split("\\n", 1)[0]
            for quote in "\"'":  # the end of a Python string literal the example sits in
                if text.count(quote) % 2:
                    text = text[: text.rindex(quote)]
            text = re.sub(r"\s+\(then in Browser.*$", "", text)
            out += [c.strip() for c in re.split(r"&&|\s\|\s", text) if c.strip().startswith("lantern ")]
    return out


def documented_commands() -> list[str]:
    sources = [*sorted((REPO_ROOT / "api" / "commands").glob("*.py")), REPO_ROOT / "api" / "cli.py"]
    readme = readme_commands((REPO_ROOT / "README.md").read_text(encoding="utf-8"))
    return list(dict.fromkeys(readme + help_examples(sources)))


def skip_reason(command: str) -> str | None:
    if command in SKIPPED:
        return SKIPPED[command]
    return next((r for p, r in SKIPPED_PREFIXES.items() if command.startswith(p)), None)


def test_the_readme_and_help_examples_are_collected() -> None:
    commands = documented_commands()
    audit = "lantern audit seed/suppliers.csv --max-hops 3 --out /tmp/report.html --out /tmp/report.json"
    assert audit in commands
    assert "lantern keys list" in commands and "lantern schema apply" in commands
    assert all(c in commands for c in SKIPPED), "a skipped example no longer exists: drop it from SKIPPED"


@pytest.fixture()
def demo(neo4j_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    s = neo4j_settings
    env = {
        "NEO4J_URI": s.uri,
        "NEO4J_PASSWORD": s.password,
        "LANTERN_NEO4J_BOLT_PORT": str(s.neo4j_bolt_port),
        "LANTERN_NEO4J_HTTP_PORT": str(s.neo4j_http_port),
        "LANTERN_NEO4J_INSTANCE_DIR": str(s.neo4j_instance_dir),
        "LANTERN_NEO4J_HEAP": s.neo4j_heap,
        "LANTERN_NEO4J_PAGECACHE": s.neo4j_pagecache,
        "LANTERN_API_PORT": str(s.api_port),
        "LANTERN_STATE_DIR": str(tmp_path / "state"),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    work = tmp_path / "work"
    shutil.copytree(REPO_ROOT / "seed", work / "seed", ignore=shutil.ignore_patterns("__pycache__"))
    for d in ("ontology", "browser"):
        (work / d).mkdir()
    monkeypatch.chdir(work)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_every_documented_command_runs_on_the_demo_data(db: object, demo: Path) -> None:
    from api.cli import app

    runner = CliRunner()
    loaded = runner.invoke(app, ["demo", "--no-serve"])
    assert loaded.exit_code == 0, loaded.output
    failures = demo_example_failures(demo) + library_example_failures()  # before commands change the graph
    for command in documented_commands():
        if skip_reason(command):
            continue
        args = [a.replace("/tmp/", f"{demo}/") for a in shlex.split(command)[1:]]
        result = runner.invoke(app, args)
        if result.exit_code != 0:
            failures.append(f"{command}\n  exit {result.exit_code}: {result.output[-600:]}")
    assert not failures, "\n".join(failures)


def _empty(value: object) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value == []


def demo_example_failures(demo: Path) -> list[str]:
    """Every GraphQL example the demo prints answers without errors and with data (issue 24: `network(id: 0)`
    printed by the demo returned null); every Cypher example returns rows."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.demo import EXAMPLES, demo_key
    from graph.db import open_driver

    settings = get_settings()
    failures = []
    with TestClient(create_app(settings)) as client:
        headers = {"Authorization": f"Bearer {demo_key(settings)}"}
        for path in sorted(EXAMPLES.glob("*.graphql")):
            body = client.post("/graphql", json={"query": path.read_text(encoding="utf-8")}, headers=headers)
            answer = body.json()
            if answer.get("errors") or any(_empty(v) for v in (answer.get("data") or {None: None}).values()):
                failures.append(f"seed/demo/{path.name} answered {str(answer)[:300]}")
    with open_driver(settings) as driver:
        for path in sorted(EXAMPLES.glob("*.cypher")):
            records, _, _ = driver.execute_query(
                path.read_text(encoding="utf-8").strip().rstrip(";"), database_=settings.neo4j_database
            )
            if not records:
                failures.append(f"seed/demo/{path.name} returned no rows")
    return failures


# Library queries whose example has no rows on the demo data, for a reason in the data (not in the example).
# Each must stay empty: when the data gains them, drop the entry (the test says so).
KNOWN_EMPTY = {
    "recruiter_victims_sites": "the seed's extraction writes no RECRUITED edge yet",
}


def library_example_failures() -> list[str]:
    """Every query of the analysts' library (and so of the Browser guide) has rows for its example values."""
    from graph.db import Database
    from graph.library import library, run_library_query

    failures = []
    with Database.connect(get_settings()) as db:
        for name, query in sorted(library().items()):
            rows = run_library_query(db, name, query.example_params(), get_settings().default_phone_region)
            if bool(rows) == (name in KNOWN_EMPTY):
                fix = f"in KNOWN_EMPTY ({KNOWN_EMPTY[name]}): drop it" if rows else "give it demo values"
                failures.append(f"library query {name} ({query.example_params()}): {len(rows)} rows; {fix}")
    return failures
