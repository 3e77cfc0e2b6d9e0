"""README.md is the user's guide: short, opens with the two commands, a first 10 minutes per user,
and every relative link in it and in docs/ resolves. (Its commands run in
tests/integration/test_docs_commands.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from graph.config import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_is_a_guide_of_at_most_250_lines() -> None:
    assert len(README.splitlines()) <= 250


def test_readme_opens_with_the_two_commands_then_what_you_see() -> None:
    first_block = README.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    headings = [line for line in README.splitlines() if line.startswith("## ")]
    assert headings[0] == "## What you see"


def test_readme_has_a_first_10_minutes_for_each_user() -> None:
    users = [line[4:].split(":")[0] for line in README.splitlines() if line.startswith("### ")]
    assert users == ["Investigator", "Analyst", "Auditor", "Operator"]


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("setup", "demo", "test", "bench", "lint", "typecheck"):
        assert f"\n{target}:" in makefile or makefile.startswith(f"{target}:")


def broken_links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    out = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if not target.startswith(("http://", "https://", "mailto:")) and not (path.parent / target).exists():
            out.append(f"{path.relative_to(REPO_ROOT)} -> {target}")
    return out


def test_every_relative_link_in_the_readme_and_docs_resolves() -> None:
    pages = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").rglob("*.md"))]
    pages.append(REPO_ROOT / "bench" / "results" / "HISTORY.md")
    assert [b for p in pages for b in broken_links(p)] == []
