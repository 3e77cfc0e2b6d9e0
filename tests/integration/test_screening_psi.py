"""PSI end to end over 127.0.0.1: a real uvicorn hub on the fixture graph, the partner's `lantern screen
--psi FILE.csv --url …` as a user runs it (typer's CliRunner in this process, HTTP to the server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.auth import create_key
from api.cli import app as cli
from api.config import Settings
from graph.db import Database
from tests.integration.live_api import live_api
from tests.integration.test_api_fixtures import load_corpus, make_app


@pytest.fixture()
def hub(db: Database, neo4j_settings: Settings, tmp_path: Path):
    load_corpus(db)
    app, _ = make_app(neo4j_settings, tmp_path / "state")
    token = create_key(app.state.lantern.store, "bank", "partner", "Example Bank plc", "AML onboarding", 50)
    with live_api(app) as live:
        yield live, token


def test_psi_tells_the_partner_which_identifiers_the_hub_holds(hub, tmp_path: Path) -> None:
    live, token = hub
    csv = tmp_path / "partner.csv"
    csv.write_text(
        "value,kind\n"
        "07700 900123,phone\n"  # held (written differently than in the hub's documents)
        "+44 7700 900987,phone\n"  # not held
        "Viktor.Petrov@Example.com,email\n"  # held
        "GB33 BUKB 2020 1555 5555 55,account\n"  # held
        "zed.quux@example.org,email\n"  # not held
        "Anna Kowalska,name\n",  # names are not sent by PSI
        encoding="utf-8",
    )
    args = ["screen", "--psi", str(csv), "--url", live.base, "--key", token, "--region", "GB"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "The hub holds 3 of your 5 distinct identifiers" in out
    held = [line.strip() for line in out.splitlines() if line.strip().startswith("line ")]
    assert held == [
        "line 2: 07700 900123",
        "line 4: Viktor.Petrov@Example.com",
        "line 5: GB33 BUKB 2020 1555 5555 55",
    ]
    assert "line 7: names cannot be screened by PSI" in out
    # the hub's audit row: partner, purpose and counts — nothing about which identifiers matched
    state = live.app.state.lantern
    state.audit.flush()
    rows = state.store.execute("SELECT * FROM audit_log WHERE operation = 'screen psi'")
    assert len(rows) == 1 and json.loads(rows[0]["entity_ids"]) == []
    detail = json.loads(rows[0]["details"])[0]
    assert {k: detail[k] for k in ("partner", "purpose", "inputs")} == {
        "partner": "Example Bank plc", "purpose": "AML onboarding", "inputs": 5,
    }  # fmt: skip
    assert "hits" not in detail and detail["hub_size"] == 3
    stored = b"".join(p.read_bytes() for p in state.store.path.parent.iterdir() if p.is_file()).lower()
    for miss in (b"+447700900987", b"zed.quux"):
        assert miss not in stored and miss.decode() not in live.logs.text().lower()
    # the quota counted the 5 identifiers; the setup was built once for this graph version
    assert state.store.execute("SELECT used FROM partner_usage WHERE key_name = 'bank'")[0]["used"] == 5
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and live.app.state.screening.psi.builds == 1


def test_a_warmed_hub_answers_psi_without_building_again(hub, tmp_path: Path) -> None:
    live, token = hub
    service = live.app.state.screening
    service.warm()  # what LANTERN_SCREEN_PSI_WARM=1 runs in a thread at start-up
    assert service.psi.builds == 1
    csv = tmp_path / "one.csv"
    csv.write_text("+44 7700 900123\n", encoding="utf-8")
    args = ["screen", "--psi", str(csv), "--url", live.base, "--key", token, "--region", "GB"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "holds 1 of your 1" in result.output
    assert service.psi.builds == 1


def test_psi_quota_and_wrong_keys_are_refused_with_what_to_do(hub, tmp_path: Path) -> None:
    live, token = hub
    csv = tmp_path / "many.csv"
    csv.write_text("".join(f"+44 7700 900{n:03d}\n" for n in range(60)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["screen", "--psi", str(csv), "--url", live.base, "--key", token])
    assert result.exit_code != 0
    assert "429" in result.output and "Quota exceeded" in result.output and "Send at most 50" in result.output
    result = CliRunner().invoke(cli, ["screen", "--psi", str(csv), "--url", live.base, "--key", "lt_x_wrong"])
    assert result.exit_code != 0 and "401" in result.output


def test_plain_screening_from_the_cli(hub, tmp_path: Path) -> None:
    live, token = hub
    csv = tmp_path / "people.csv"
    csv.write_text("value,kind\nVictor Petrov,name\nZebedee Quuxworth,name\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["screen", str(csv), "--url", live.base, "--key", token, "--region", "GB"]
    )
    assert result.exit_code == 0, result.output
    assert "1 hit(s)" in result.output and "name" in result.output


def test_a_restarted_hub_builds_its_setup_at_start_from_the_psi_store(
    hub, neo4j_settings: Settings, tmp_path: Path
) -> None:
    """The defaults: the key and encrypted set are kept in the state directory, and a hub with a partner
    key builds its setup at start — from the store, encrypting nothing when the graph did not change."""
    import stat
    import time

    import httpx

    live, token = hub
    csv = tmp_path / "partner.csv"
    csv.write_text("value\n07700 900123\nzed.quux@example.org\n", encoding="utf-8")
    args = ["screen", "--psi", str(csv), "--key", token, "--region", "GB"]
    assert CliRunner().invoke(cli, [*args, "--url", live.base]).exit_code == 0
    first = live.app.state.screening.psi
    assert first.encryptions == first.status()["identifiers"] > 0 and first.reused == 0
    state_dir = live.app.state.lantern.store.path.parent
    stored = state_dir / "screening-psi.bin"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600 and b"7700900123" not in stored.read_bytes()

    from api.app import create_app

    restarted = create_app(neo4j_settings.model_copy(update={"state_dir": state_dir}))  # a restart
    with live_api(restarted, key_prefix="restarted") as again:
        deadline = time.monotonic() + 120
        while httpx.get(f"{again.base}/readyz", timeout=30).json()["psi"] != "ready":
            assert time.monotonic() < deadline, "the start-up build did not finish"
            time.sleep(0.1)
        psi = restarted.state.screening.psi
        assert (psi.builds, psi.encryptions, psi.reused) == (1, 0, first.encryptions)
        result = CliRunner().invoke(cli, [*args, "--url", again.base])
        assert result.exit_code == 0 and "holds 1 of your 2" in result.output, result.output
        assert psi.builds == 1
