"""README.md is assembled from docs/readme/*.md; it must be up to date and open with the two commands."""

from __future__ import annotations

import subprocess
import sys

from graph.config import REPO_ROOT


def test_readme_is_built_from_its_parts() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO_ROOT / "docs" / "build_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr


def test_readme_opens_with_the_two_commands_then_what_you_see() -> None:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "## What you see"


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("setup", "demo", "test", "bench"):
        assert f"\n{target}:" in makefile or makefile.startswith(f"{target}:")
