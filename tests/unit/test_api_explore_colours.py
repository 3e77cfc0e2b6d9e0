"""The link chart and the audit report colour nodes from the ontology (lt:colour), not a copy."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.explore import router
from graph.audit.model import ExposurePath, Hop, PathNode
from graph.audit.render_html import path_svg
from ontology import load_ontology


def test_explore_serves_every_graph_label_colour_from_the_ontology() -> None:
    app = FastAPI()
    app.include_router(router)
    colours = TestClient(app).get("/explore/colours.json").json()
    ont = load_ontology()
    assert set(colours) == set(ont.graph_labels())
    for label, colour in colours.items():
        assert colour == ont.colour(label)
    assert colours["FrontBusiness"] != colours["Business"]  # a subclass with its own colour keeps it


def test_link_chart_script_has_no_colour_table_of_its_own() -> None:
    from api.explore import STATIC_DIR

    script = (STATIC_DIR / "explore.js").read_text(encoding="utf-8")
    assert "/explore/colours.json" in script
    for label in load_ontology().graph_labels():
        assert f"{label}:" not in script, label


def test_audit_diagram_fills_each_node_with_its_ontology_colour() -> None:
    ont = load_ontology()
    nodes = [PathNode("b1", "Acme Staffing", "EmploymentAgency"), PathNode("p1", "Ann Example", "Person")]
    path = ExposurePath("b1", nodes, [Hop("WORKS_FOR", "p1", "b1", [], [])], ["charged"], 0.5)
    svg = path_svg(path)
    assert f'fill="{ont.colour("EmploymentAgency")}"' in svg
    assert f'fill="{ont.colour("Person")}"' in svg
