"""Settings and the scheduler: a daemon thread in the API process (`lantern serve`) that polls every due
feed on its interval; a failing feed backs off (interval × 2^errors, capped) and never stops the others."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from api.feeds.poll import PollResult, poll_feed
from api.feeds.store import Feed, FeedStore

log = logging.getLogger("lantern.feeds")


class FeedSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="LANTERN_FEEDS_", extra="ignore"
    )

    interval_s: float = 900.0
    """Default poll interval of a new feed (`lantern feeds add --interval`)."""
    timeout_s: float = 20.0
    """Per HTTP request (feed or article)."""
    max_backoff_s: float = 3600.0
    scheduler: bool = True
    """`LANTERN_FEEDS_SCHEDULER=0`: the API does not poll (use `lantern feeds poll` from cron instead)."""
    tick_s: float = 1.0


@lru_cache(maxsize=1)
def get_feed_settings() -> FeedSettings:
    return FeedSettings()


@lru_cache(maxsize=4)
def _extractor(region: str) -> Any:
    from extraction.pipeline import Extractor

    return Extractor(region=region)


def poll_one(db: Any, feeds: FeedStore, feed: Feed, s: FeedSettings, region: str) -> PollResult:
    """Poll a feed and record its status; any error is recorded on the feed, never raised."""
    started = time.time()
    try:
        result = poll_feed(db, feeds, feed, _extractor(feed.region or region), s.timeout_s, region)
    except Exception as exc:  # timeout, garbage, HTTP 500, Neo4j down: this feed only
        feeds.failed(feed, str(exc) or exc.__class__.__name__, started, s.max_backoff_s)
        log.warning("feed %s failed: %s", feed.name, exc)
        return PollResult(feed=feed.name, errors=[str(exc)])
    feeds.succeeded(feed, result.seen, result.new + result.changed, started)
    return result


class FeedScheduler:
    def __init__(self, db_factory: Any, feeds: FeedStore, settings: FeedSettings, region: str) -> None:
        self._db_factory, self.feeds, self.settings, self.region = db_factory, feeds, settings, region
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="lantern-feeds", daemon=True)
        # feeds are polled side by side: one that hangs until its timeout does not hold up the others
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lantern-feed")
        self._busy: set[int] = set()
        self._busy_lock = threading.Lock()

    def start(self) -> FeedScheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                due = self.feeds.due(time.time())
            except sqlite3.ProgrammingError:  # the state store was closed: the app is gone
                return
            for feed in due:
                with self._busy_lock:
                    if feed.id in self._busy:
                        continue
                    self._busy.add(feed.id)
                self._pool.submit(self._poll, feed)
            self._stop.wait(self.settings.tick_s)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _poll(self, feed: Feed) -> None:
        try:
            poll_one(self._db_factory(), self.feeds, feed, self.settings, self.region)
        except Exception as exc:  # e.g. Neo4j unreachable when opening the database
            log.warning("feed %s: %s", feed.name, exc)
        finally:
            with self._busy_lock:
                self._busy.discard(feed.id)


def install(state: Any, settings: FeedSettings | None = None) -> FeedStore:
    s = settings or get_feed_settings()
    feeds = FeedStore(state.store)
    state.feeds = feeds
    if s.scheduler:
        state.feed_scheduler = FeedScheduler(
            state.graph.database, feeds, s, state.settings.default_phone_region
        ).start()
    return feeds
