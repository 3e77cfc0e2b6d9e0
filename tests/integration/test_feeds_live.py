"""News feeds against fixture feeds served from 127.0.0.1 only: a good feed, one that times out, one that
returns garbage and one that answers 500 — the bad ones record their errors and never stop the good one;
dedupe by URL and content hash; a changed article replaces its old version; and the latency from publishing
a fixture article to an alert on a watched phone (goal: within one poll interval + 30 s)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from api.app import create_app
from api.auth import create_key
from api.config import Settings
from api.feeds.scheduler import FeedScheduler, FeedSettings
from graph.db import Database

INTERVAL_S = 3.0
ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Police in Leeds asked anyone with information to come forward and said the
investigation was continuing across the region this week.</p></article></body></html>"""
PAGES: dict[str, tuple[int, str, float]] = {}


def rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{link}</link></item>" for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>{entries}</channel></rss>'


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body, delay = PAGES.get(self.path, (404, "not found", 0.0))
        time.sleep(delay)
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        return


def test_feeds_errors_dedupe_replace_and_alert_latency(
    db: Database, neo4j_settings: Settings, tmp_path: Path
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    first = f"{base}/a/first.html"
    PAGES.clear()
    PAGES.update(
        {
            "/good.xml": (200, rss([("First", first)]), 0.0),
            "/slow.xml": (200, rss([]), 5.0),
            "/garbage.xml": (200, "}}}} this is not a feed <<<", 0.0),
            "/broken.xml": (500, "boom", 0.0),
            "/a/first.html": (
                200,
                ARTICLE.format(
                    title="Car wash raided",
                    body="Workers at a car wash in Leeds were paid nothing for months.",
                ),
                0.0,
            ),
        }
    )
    settings = neo4j_settings.model_copy(update={"state_dir": tmp_path, "default_phone_region": "GB"})
    app = create_app(settings)
    state = app.state.lantern
    state.feed_scheduler.stop()  # the app's own scheduler; this test runs one with short timeouts
    token = create_key(state.store, "inv", "investigator")
    assert token
    feeds = state.feeds
    ws = state.watches
    watch = ws.add_watch("inv", "identifier", "phone:+447700900888", {}, "feed test")
    for path in ("/good.xml", "/slow.xml", "/garbage.xml", "/broken.xml"):
        feeds.add(f"{base}{path}", path.strip("/"), "GB", INTERVAL_S)
    fs = FeedSettings(timeout_s=1.0, max_backoff_s=20.0, tick_s=0.2)
    scheduler = FeedScheduler(state.graph.database, feeds, fs, "GB").start()
    try:
        deadline = time.monotonic() + 120  # first poll loads the extraction pipeline
        while time.monotonic() < deadline:
            status = {f.name: f for f in feeds.feeds()}
            if status["good.xml"].items_new >= 1 and all(
                status[n].last_error for n in ("slow.xml", "garbage.xml", "broken.xml")
            ):
                break
            time.sleep(0.5)
        status = {f.name: f for f in feeds.feeds()}
        assert status["good.xml"].last_success and status["good.xml"].last_error is None
        assert "timed out" in (status["slow.xml"].last_error or "")
        assert "not a readable feed" in (status["garbage.xml"].last_error or "")
        assert "HTTP 500" in (status["broken.xml"].last_error or "")
        docs = {
            r["props"]["id"]: r["props"] for r in db.read("ingest/dump_nodes") if "Document" in r["labels"]
        }
        assert len(docs) == 1 and next(iter(docs.values()))["url"] == first

        # publish: a new article with the watched phone, and the first article changes
        second = f"{base}/a/second.html"
        PAGES["/a/second.html"] = (
            200,
            ARTICLE.format(
                title="Agency phone traced",
                body=(
                    "The agency that recruited the workers advertised the number +44 7700 900888 in Leeds."
                ),
            ),
            0.0,
        )
        PAGES["/a/first.html"] = (
            200,
            ARTICLE.format(
                title="Car wash raided",
                body=("Workers at a car wash in Leeds were paid nothing for months; two men were charged."),
            ),
            0.0,
        )
        published = time.monotonic()
        PAGES["/good.xml"] = (200, rss([("First", first), ("Second", second)]), 0.0)
        latency = None
        while time.monotonic() - published < INTERVAL_S + 30:
            if ws.alerts(None, None, watch.id, 0, 10, 0):
                latency = time.monotonic() - published
                break
            time.sleep(0.2)
        assert latency is not None, "no alert within one poll interval + 30 s"
        print(f"\nfeed article -> alert latency: {latency:.1f} s (interval {INTERVAL_S:g} s)")
        alert = ws.alerts(None, None, watch.id, 0, 10, 0)[0]
        assert "900888" in alert.snippet and alert.document_id and alert.document_id.startswith("feed:")

        time.sleep(INTERVAL_S * 2)  # more polls: nothing duplicated, the changed article replaced
        docs = {
            r["props"]["id"]: r["props"] for r in db.read("ingest/dump_nodes") if "Document" in r["labels"]
        }
        assert sorted(d["url"] for d in docs.values()) == sorted([first, second])
        assert any("two men were charged" in d["text"] for d in docs.values())
        assert len(ws.alerts(None, None, watch.id, 0, 10, 0)) == 1
        status = {f.name: f for f in feeds.feeds()}
        assert status["good.xml"].items_new == 3  # first, second, first again (changed)
        assert status["broken.xml"].errors_in_row >= 1
    finally:
        scheduler.stop()
        server.shutdown()
