"""The demo's domain logic (the `lantern demo` command only parses, calls these and prints):

* `demo_key` — the investigator key the demo prints: reused from the state directory while it still
  authenticates, else created (a lost token's key is revoked first);
* `seed_extraction` — the seed corpus run through the extractor, cached under
  `<cache>/demo/seed-extract-<fingerprint>.jsonl`; the fingerprint covers the corpus and the extractor's
  code and patterns, so a changed extractor re-extracts;
* `ingest_seed`, `analyze` — load the extraction (unchanged documents skipped) and run the analytics;
* `load_money` — fictional transactions around the seed's seven networks (`lantern money generate`, no
  invented networks, DEMO_MONEY_PEOPLE people) imported and their red flags stored, before the analytics
  so risk reasons name them; re-running writes nothing new.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from api.config import Settings

ROOT = Path(__file__).resolve().parents[1]
SEED_CORPUS = ROOT / "seed" / "corpus"
EXAMPLES = ROOT / "seed" / "demo"
DEMO_KEY_NAME = "demo"
DEMO_KEY_FILE = "demo-api-key.txt"
SEED_PHONE_REGION = "GB"
"""The seed is set in Europe and writes UK numbers nationally ("07700 900123"), as a UK analyst reads them."""

Tick = Callable[[int], None]
DEMO_MONEY_PEOPLE = 40
"""People with everyday finances in the demo's transactions (about 4,800 transfers, ~10 s to import)."""


def demo_key(settings: Settings) -> str:
    """Reuse the demo key saved in the state directory if it still authenticates; else create one."""
    from api.auth import authenticate, create_key, list_keys, revoke_key
    from api.state import StateStore

    store = StateStore.open(settings.state_path)
    saved = settings.state_path / DEMO_KEY_FILE
    if saved.exists():
        token = saved.read_text(encoding="utf-8").strip()
        if authenticate(store, f"Bearer {token}") is not None:
            return token
    names = {k.name: k for k in list_keys(store)}
    name = DEMO_KEY_NAME
    if name in names:  # key exists but its token was lost: retire it, make a fresh one
        if names[name].revoked_at is None:
            revoke_key(store, name)
        name = f"{DEMO_KEY_NAME}-{int(time.time())}"
    token = create_key(store, name, "investigator")
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(token + "\n", encoding="utf-8")
    saved.chmod(0o600)
    return token


def fingerprint() -> str:
    """Changes when the seed corpus or the extractor (code, patterns, model config) changes."""
    h = hashlib.sha256(SEED_PHONE_REGION.encode())
    files = sorted(SEED_CORPUS.glob("*.jsonl")) + sorted(
        p for p in (ROOT / "extraction").rglob("*") if p.is_file() and p.suffix in {".py", ".jsonl", ".json"}
    )
    for path in files:
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cached_extraction(settings: Settings) -> Path:
    return settings.cache_dir / "demo" / f"seed-extract-{fingerprint()}.jsonl"


def seed_extraction(
    settings: Settings,
    start: Callable[[int], Tick] | None = None,
) -> Path:
    """The seed corpus run through the extractor, cached by fingerprint: warm re-runs skip spaCy.
    `start(total)` is called before extracting and returns the per-document progress callback."""
    cached = cached_extraction(settings)
    if cached.exists():
        return cached
    from extraction.boilerplate import Boilerplate
    from extraction.models import ReadError
    from extraction.pipeline import Extractor
    from extraction.readers import read_inputs

    cached.parent.mkdir(parents=True, exist_ok=True)
    docs = [d for d in read_inputs([SEED_CORPUS]) if not isinstance(d, ReadError)]
    tick = start(len(docs)) if start else (lambda _n: None)
    boilerplate = Boilerplate.of(docs)  # as `lantern extract` does
    tmp = cached.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for result in Extractor(region=SEED_PHONE_REGION).extract_many(docs):
            out.write(boilerplate.apply(result).model_dump_json() + "\n")
            tick(1)
    tmp.replace(cached)
    for old in cached.parent.glob("seed-extract-*.jsonl"):  # keep only the current extraction
        if old != cached:
            old.unlink(missing_ok=True)
    return cached


def ingest_seed(db: Any, settings: Settings, extracted: Path, progress: Tick | None = None) -> Any:
    """Load the extraction; unchanged documents are skipped by content hash."""
    from graph.ingest import ingest_paths

    return ingest_paths(
        db, [extracted], batch_size=settings.ingest_batch_size, progress=progress, region=SEED_PHONE_REGION
    )


def analyze(db: Any, settings: Settings) -> str:
    """Run the analytics; a failure is reported (the data is loaded and the API still serves)."""
    try:
        from graph.analytics import run_analysis
    except ImportError as exc:
        return f"[yellow]skipped[/] (analytics not available: {exc})"
    try:
        result = run_analysis(db, settings)
    except Exception as exc:  # the demo goes on
        return f"[yellow]failed[/] ({type(exc).__name__}: {exc}); retry later with `lantern analyze`"
    return f"done (run {getattr(result, 'run_id', '?')})"


def demo_money_dir(settings: Settings) -> Path:
    """Where the demo's generated transactions and their ground truth are written."""
    return settings.cache_dir / "demo" / "money"


def load_money(db: Any, settings: Settings, progress: Tick | None = None) -> tuple[Any, int]:
    """(import summary, red flags stored) for the demo's generated transactions."""
    from graph.money.load import import_file
    from seed.money import write

    csv_path, _ = write(demo_money_dir(settings), extra_networks=0, people=DEMO_MONEY_PEOPLE)
    summary, flags = import_file(
        db, csv_path, "demo-generator", start=(lambda _total: progress) if progress else None
    )
    return summary, flags or 0
