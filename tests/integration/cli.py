"""Run the real `lantern` CLI against the test server: a subprocess configured through the environment
(NEO4J_*), as a user runs it — no settings patched inside the test process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from api.config import Settings

REPO = Path(__file__).resolve().parents[2]


def lantern(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": settings.neo4j_user,
           "NEO4J_PASSWORD": settings.password, "NEO4J_DATABASE": settings.neo4j_database}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
