"""Stop the Neo4j instances Lantern's tests and demo start (used by .ci/run's exit trap)."""

from __future__ import annotations

from api.config import Settings
from graph import neo4j_server
from tests.servers import test_settings


def main() -> None:
    for s in (Settings(), test_settings()):
        print(f"{s.instance_dir}: {neo4j_server.stop(s)}")


if __name__ == "__main__":
    main()
