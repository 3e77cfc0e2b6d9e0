"""`lantern demo` pieces that need no database: the demo key, the guide, the extraction fingerprint."""

from __future__ import annotations

from pathlib import Path

from api.auth import authenticate
from api.commands.demo import print_guide
from api.config import Settings
from api.demo import DEMO_KEY_FILE, EXAMPLES, demo_key, fingerprint
from api.state import StateStore


def test_demo_key_is_created_once_and_reused(tmp_path: Path) -> None:
    s = Settings(state_dir=tmp_path / "state")
    first = demo_key(s)
    assert authenticate(StateStore.open(s.state_path), f"Bearer {first}") is not None
    assert demo_key(s) == first
    (s.state_path / DEMO_KEY_FILE).unlink()  # token lost: the old key is revoked, a new one made
    second = demo_key(s)
    store = StateStore.open(s.state_path)
    assert second != first
    assert authenticate(store, f"Bearer {first}") is None
    assert authenticate(store, f"Bearer {second}") is not None


def test_guide_prints_urls_key_and_examples(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    s = Settings(state_dir=tmp_path, api_port=8123, neo4j_http_port=7999)
    print_guide(s, "lt_abc_secret", serving=True)
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8123/graphql" in out and "http://127.0.0.1:8123/explore" in out
    assert '"Authorization": "Bearer lt_abc_secret"' in out
    assert "http://127.0.0.1:7999/browser/" in out
    assert len(list(EXAMPLES.glob("*.graphql"))) + len(list(EXAMPLES.glob("*.cypher"))) >= 5
    assert "(b:Person {name: 'Viktor Hrabar'})-[:MENTIONED_IN]->" in out  # markup-like text printed verbatim


def test_fingerprint_is_stable() -> None:
    assert fingerprint() == fingerprint()
