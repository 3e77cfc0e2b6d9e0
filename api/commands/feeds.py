"""`lantern feeds add|list|remove|poll`: news feeds read into the graph (polled by the API)."""

from __future__ import annotations

import typer
from rich.table import Table

from api.commands.common import connect, console, fail
from api.feeds.store import FeedStore

app = typer.Typer(help="News feeds (RSS/Atom).\n\nExample: lantern feeds list", no_args_is_help=True)


def _store() -> FeedStore:
    from api.config import get_settings
    from api.state import StateStore

    return FeedStore(StateStore.open(get_settings().state_path))


@app.command()
def add(
    url: str = typer.Argument(..., help="RSS or Atom URL."),
    name: str = typer.Option(None, "--name", help="Shown in status and as each article's source."),
    region: str = typer.Option(None, "--region", help="Phone region of the articles (e.g. GB, US)."),
    interval: float = typer.Option(None, "--interval", help="Seconds between polls (default 900)."),
) -> None:
    """Add a feed; the API polls it on its interval.

    Example: lantern feeds add http://127.0.0.1:8099/rss.xml --name "Local News" --region GB
    """
    from api.feeds.scheduler import get_feed_settings

    try:
        feed = _store().add(url, name, region, interval or get_feed_settings().interval_s)
    except ValueError as exc:
        fail(str(exc))
    console.print(f"Added feed {feed.id}: {feed.name} (every {feed.interval_s:g} s).")


@app.command("list")
def list_feeds() -> None:
    """Feeds with their status: last success, last error, items seen and new.

    Example: lantern feeds list
    """
    table = Table("id", "name", "url", "every s", "last success", "last error", "seen", "new")
    for f in _store().feeds():
        table.add_row(str(f.id), f.name, f.url, f"{f.interval_s:g}", f.last_success or "-",
                      f.last_error or "-", str(f.items_seen), str(f.items_new))  # fmt: skip
    console.print(table)


@app.command()
def remove(ref: str = typer.Argument(..., help="Feed id or URL.")) -> None:
    """Remove a feed (its articles stay in the graph).

    Example: lantern feeds remove http://127.0.0.1:8099/rss.xml
    """
    if not _store().remove(ref):
        fail(f"No feed {ref}; see `lantern feeds list`.")
    console.print(f"Removed feed {ref}.")


@app.command()
def poll() -> None:
    """Poll every feed now (once); errors are recorded per feed and the others go on.

    Example: lantern feeds poll
    """
    from api.config import get_settings
    from api.feeds.scheduler import get_feed_settings, poll_one
    from api.watch import enable_for_cli

    settings = get_settings()
    feeds = _store()
    enable_for_cli(settings)  # alerts for watched items in new articles
    db = connect(settings)
    with db:
        for feed in feeds.feeds():
            r = poll_one(db, feeds, feed, get_feed_settings(), settings.default_phone_region)
            problems = f", {len(r.errors)} error(s): {r.errors[0]}" if r.errors else ""
            console.print(f"{feed.name}: {r.seen} seen, {r.new} new, {r.changed} changed{problems}")
