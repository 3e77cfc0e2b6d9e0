"""Browser tests: a real Neo4j (same code users run), the fictional world ingested, the API served by
uvicorn on LANTERN_TEST_API_PORT with an analyst key, and Debian's headless Chromium driven by playwright."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from api.config import Settings
from graph import neo4j_server
from graph.db import Database
from tests.integration.library_world import load_world
from tests.servers import test_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(reason="Debian chromium missing: apt-get install -y chromium")
                )


@dataclass
class Served:
    settings: Settings
    base_url: str
    key: str


@pytest.fixture(scope="session")
def browser_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    s = test_settings().model_copy(update={"state_dir": tmp_path_factory.mktemp("state")})
    started_here = neo4j_server.status(s).pid is None
    neo4j_server.start(s)
    yield s
    if started_here:
        neo4j_server.stop(s)


@pytest.fixture(scope="session")
def served(browser_settings: Settings) -> Iterator[Served]:
    import uvicorn

    from api.app import create_app
    from api.auth import create_key
    from api.state import StateStore

    db = Database.connect(browser_settings)
    try:
        load_world(db, browser_settings)
    finally:
        db.close()
    store = StateStore.open(browser_settings.state_path)
    key = create_key(store, "browser-test", "analyst")
    store.close()
    app = create_app(browser_settings)
    port = browser_settings.api_port
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        raise RuntimeError(f"API did not start on {base}")
    yield Served(browser_settings, base, key)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Per module: Playwright's sync API keeps an event loop running in this thread while it is open,
    and tests run after the browser tests (asyncio.run in unit tests) need the thread free again."""
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
