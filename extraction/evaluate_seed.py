"""Gold from the fictional seed corpus (placeholder until the seed ground truth exists)."""

from __future__ import annotations

from pathlib import Path

from extraction.evaluate_gold import GoldDocument
from extraction.models import SourceDocument


def load_seed_gold(seed_dir: Path) -> tuple[list[GoldDocument], dict[str, SourceDocument]]:
    return [], {}
