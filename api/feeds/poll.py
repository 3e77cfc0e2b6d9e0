"""Poll one feed: read RSS/Atom with feedparser, fetch each new or changed article, clean it with the
HTML reader (trafilatura), extract and ingest it as a NewsArticle. Dedupe: an article URL whose cleaned
text hashes the same as last time is skipped; a changed one is re-ingested under the same document id,
so it replaces its old version (graph ingest replaces a document's mentions and evidence)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import feedparser
import httpx

from api.feeds.store import Feed, FeedStore
from extraction.models import SourceDocument
from extraction.readers import read_html
from ontology.names import C

if TYPE_CHECKING:
    from extraction.boilerplate import Boilerplate

USER_AGENT = "Lantern feed reader (+https://example.org/lantern)"


class FeedError(RuntimeError):
    """A feed that could not be read (timeout, HTTP error, not a feed): recorded, the others go on."""


@dataclass
class PollResult:
    feed: str
    seen: int = 0
    new: int = 0
    changed: int = 0
    errors: list[str] | None = None


def doc_id(url: str) -> str:
    return "feed:" + hashlib.sha256(url.encode()).hexdigest()[:20]


def _get(client: httpx.Client, url: str) -> bytes:
    try:
        r = client.get(url)
    except httpx.TimeoutException as exc:
        raise FeedError(f"timed out fetching {url}") from exc
    except httpx.HTTPError as exc:
        raise FeedError(f"could not fetch {url}: {exc}") from exc
    if r.status_code >= 400:
        raise FeedError(f"HTTP {r.status_code} from {url}")
    return r.content


def poll_feed(
    db: Any, feeds: FeedStore, feed: Feed, extractor: Any, timeout_s: float, region: str
) -> PollResult:
    from extraction.boilerplate import fingerprints, source_key
    from graph.ingest import ingest_results

    out = PollResult(feed=feed.name, errors=[])
    with httpx.Client(timeout=timeout_s, follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client:
        parsed = feedparser.parse(_get(client, feed.url))
        if not parsed.entries and (parsed.bozo or not parsed.get("version")):
            reason = getattr(parsed, "bozo_exception", None) or "no RSS/Atom entries"
            raise FeedError(f"not a readable feed: {reason}")
        pending: list[SourceDocument] = []
        hashes: dict[str, tuple[str, str, bool]] = {}
        for entry in parsed.entries:
            link = entry.get("link")
            if not link:
                continue
            out.seen += 1
            try:
                doc = read_html(_get(client, link), doc_id(link), feed.name)
            except (FeedError, ValueError) as exc:
                out.errors = [*(out.errors or []), f"{link}: {exc}"]
                continue
            digest = hashlib.sha256(doc.text.encode()).hexdigest()
            known = feeds.item(link)
            if known and known["content_hash"] == digest:
                continue
            published = doc.published or _entry_date(entry)
            src = doc.model_copy(update={"url": link, "title": doc.title or entry.get("title"),
                                         "published": published, "doc_type": C.NewsArticle})  # fmt: skip
            pending.append(src)
            hashes[src.id] = (link, digest, known is not None)
    boilerplate = _boilerplate(feeds, pending, hashes)
    results = [boilerplate.apply(extractor.extract(src)) for src in pending]
    if results:
        summary = ingest_results(db, results, region=feed.region or region, quiet_gc=False)
        failed = {f.id: f.reason for f in summary.failed}
        for r in results:
            link, digest, was_known = hashes[r.id]
            if r.id in failed:
                out.errors = [*(out.errors or []), f"{link}: {failed[r.id]}"]
                continue
            prints = set() if was_known else fingerprints(r.text)  # an article counts once, when new
            feeds.remember(link, feed.id, r.id, digest, source_key(r), prints)
            if was_known:
                out.changed += 1
            else:
                out.new += 1
    return out


def _boilerplate(
    feeds: FeedStore, pending: list[SourceDocument], hashes: dict[str, tuple[str, str, bool]]
) -> Boilerplate:
    """Sentence counts for this poll's articles: the source's earlier articles (state store) and the
    new articles of this poll, so a footer every article carries is known from the first poll on."""
    from extraction.boilerplate import Boilerplate, fingerprints, source_key

    found = Boilerplate()
    wanted: dict[str, set[str]] = {}
    for src in pending:
        wanted.setdefault(source_key(src), set()).update(fingerprints(src.text))
        if not hashes[src.id][2]:
            found.add(src)
    for source, prints in wanted.items():
        found.include(source, feeds.sentence_counts(source, prints))
    return found


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None
