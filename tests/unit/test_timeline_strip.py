"""The /explore page loads the timeline strip, whose query matches the GraphQL schema's `timeline`."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.commands.serve import schema_sdl
from api.config import Settings


def test_explore_serves_the_timeline_strip_and_its_query_fits_the_schema(tmp_path: Path) -> None:
    app = create_app(Settings(state_dir=tmp_path, neo4j_uri="bolt://127.0.0.1:1"))
    app.state.lantern.feed_scheduler.stop()
    with TestClient(app) as client:
        page = client.get("/explore").text
        js = client.get("/explore/static/timeline.js")
    assert '<script src="/explore/static/timeline.js"></script>' in page
    assert js.status_code == 200 and "http" not in js.text.replace('"/graphql"', "")  # local only
    fields = re.search(r"timeline\(entityId: \$id, limit: 200\) \{ ([a-z ]+) \}", js.text)
    assert fields is not None
    sdl = schema_sdl()
    event = sdl.split("type TimelineEvent {", 1)[1].split("}", 1)[0]
    for name in fields.group(1).split():
        assert re.search(rf"\b{name}:", event), name
    assert "timeline(entityId: String!, from: String = null, to: String = null" in sdl
