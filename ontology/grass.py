"""Neo4j Browser stylesheet (GraSS) generated from the ontology.

Each graph class gets its `lt:colour` (inherited from the nearest ancestor when it has none) and the
caption `{name}`. Rules are written from general to specific (by class depth), and Browser applies
later matching rules over earlier ones, so a `(:Entity:Organization:Business:FrontBusiness)` node is
drawn in FrontBusiness red. Load it in Browser with `:style` and drag `ontology/lantern.grass` in.
"""

from __future__ import annotations

from pathlib import Path

from ontology.loader import Ontology, load_ontology

GRASS_PATH = Path(__file__).resolve().parent / "lantern.grass"


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _darker(colour: str, factor: float = 0.8) -> str:
    r, g, b = _rgb(colour)
    return f"#{int(r * factor):02X}{int(g * factor):02X}{int(b * factor):02X}"


def _text_colour(colour: str) -> str:
    r, g, b = _rgb(colour)
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return "#2A2C34" if luminance > 150 else "#FFFFFF"


def _rule(selector: str, props: dict[str, str]) -> str:
    body = "".join(f"  {k}: {v};\n" for k, v in props.items())
    return f"{selector} {{\n{body}}}\n"


def node_styles(ont: Ontology | None = None) -> dict[str, dict[str, str]]:
    """Class name -> GraSS properties, general classes first."""
    ont = ont or load_ontology()
    names = sorted(ont.graph_labels(), key=lambda n: (len(ont.classes[n].ancestors), n))
    styles = {}
    for name in names:
        colour = ont.colour(name)
        styles[name] = {
            "color": colour,
            "border-color": _darker(colour),
            "text-color-internal": _text_colour(colour),
            "diameter": "65px" if ont.is_subclass(name, "Organization") or name == "Person" else "50px",
            "caption": "'{name}'",
        }
    return styles


def grass_text(ont: Ontology | None = None) -> str:
    ont = ont or load_ontology()
    parts = [
        "/* Lantern Neo4j Browser style, GENERATED from ontology/lantern.ttl by `lantern schema grass`. */\n",
        _rule(
            "node",
            {
                "diameter": "50px",
                "color": "#A5ABB6",
                "border-color": "#9AA1AC",
                "border-width": "2px",
                "text-color-internal": "#FFFFFF",
                "font-size": "10px",
                "caption": "'{name}'",
            },
        ),
        _rule(
            "relationship",
            {
                "color": "#A5ABB6",
                "shaft-width": "1px",
                "font-size": "8px",
                "padding": "3px",
                "text-color-external": "#000000",
                "text-color-internal": "#FFFFFF",
                "caption": "'<type>'",
            },
        ),
    ]
    for name, props in node_styles(ont).items():
        parts.append(_rule(f"node.{name}", props))
    for rel in ont.relationship_types:
        if rel in ("MENTIONED_TOGETHER", "POSSIBLY_SAME_AS"):
            parts.append(_rule(f"relationship.{rel}", {"color": "#D0D3D9", "shaft-width": "1px"}))
        elif rel == "MENTIONED_IN":
            parts.append(_rule(f"relationship.{rel}", {"color": "#C990C0", "shaft-width": "1px"}))
    return "\n".join(parts)


def write_grass(path: Path = GRASS_PATH, ont: Ontology | None = None) -> Path:
    path.write_text(grass_text(ont), encoding="utf-8")
    return path
