# ruff: noqa: E501
"""HTML (self-contained: inline CSS and SVG map, no internet) and PDF (WeasyPrint, when installed)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from graph.report import wording

CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:2px solid #d9dee8;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #e3e6ee;padding:.3rem .4rem;
text-align:left}.kj{background:#f5f7fb;border-left:4px solid #3a5bd9;padding:.6rem .9rem;margin:.8rem 0}
.word{font-weight:700;color:#3a5bd9}.ev{font-size:.85rem;color:#4a5263;margin:.2rem 0 .2rem 1rem}
.muted{color:#6b7385;font-size:.85rem}.up{color:#b3261e}.down{color:#1e7b34}svg{background:#f3f6fa;border-radius:6px}
.gap{background:#fff6e0;border-left:4px solid #c98a00;padding:.5rem .8rem}h3{font-size:1rem}"""


def _locate(names: list[str]) -> dict[str, tuple[float, float]]:
    """Coordinates from the extractor's gazetteer. A name several places share ('Paris',
    'Westminster') resolves to the candidate in the country most of the report's places are in and,
    within it, in the state or province most of them are in; else the most populous."""
    from collections import Counter

    from extraction.components.gazetteer import _key, gazetteer

    gaz = gazetteer()
    cands = {n: [c for c in gaz.cities.get(_key(n), []) if c.lat is not None] for n in names}
    majority = Counter(c[0].country_code for c in cands.values() if c).most_common(1)
    home = majority[0][0] if majority else None
    firsts = [next((c for c in cs if c.country_code == home), None) for cs in cands.values()]
    region = Counter(c.admin1 for c in firsts if c is not None and c.admin1).most_common(1)
    home_admin1 = region[0][0] if region else None
    out = {}
    for n, cs in cands.items():
        pick = next((c for c in cs if c.country_code == home and c.admin1 == home_admin1),
                    next((c for c in cs if c.country_code == home), cs[0] if cs else None))  # fmt: skip
        if pick is not None and pick.lat is not None and pick.lon is not None:
            out[n] = (float(pick.lat), float(pick.lon))
    return out


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels(
    circles: list[tuple[str, float, float, float]], width: int, height: int
) -> list[tuple[float, float, str] | None]:
    """Where each circle's name goes (x, y, text-anchor), largest circle first: right of it, left,
    above, below, then the diagonals; the first spot that stays inside the frame and covers no label
    already placed and no other circle (failing that, a spot over another circle). None when every
    spot is taken: the name is then listed under the map. Widths are estimated at 6.5 px a character
    of the 11 px font."""
    taken: list[Box] = []
    disks = [(x - r, y - r, x + r, y + r) for _, x, y, r in circles]
    out: list[tuple[float, float, str] | None] = []
    for i, (name, x, y, r) in enumerate(circles):
        w, h = 6.5 * len(name), 12.0
        spots = [(x + r + 3, y + 4, "start"), (x - r - 3, y + 4, "end"), (x, y - r - 4, "middle"),
                 (x, y + r + 12, "middle"), (x + 0.8 * r, y - 0.8 * r - 3, "start"), (x - 0.8 * r, y - 0.8 * r - 3, "end"),
                 (x + 0.8 * r, y + 0.8 * r + 11, "start"), (x - 0.8 * r, y + 0.8 * r + 11, "end")]  # fmt: skip
        chosen = None
        for strict, (tx, ty, anchor) in ((s, spot) for s in (True, False) for spot in spots):
            left = tx if anchor == "start" else tx - w if anchor == "end" else tx - w / 2
            box = (left, ty - h + 2, left + w, ty + 2)
            inside = box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
            clear = not any(_overlaps(box, b) for b in taken)
            off_disks = not strict or not any(_overlaps(box, d) for j, d in enumerate(disks) if j != i)
            if inside and clear and off_disks:
                chosen = (tx, ty, anchor)
                taken.append(box)
                break
        out.append(chosen)
    return out


FAR = 10.0  # a place this many times the typical distance from the middle is left off the map


def _frame(coords: list[tuple[float, float]]) -> list[bool]:
    """Which places the map draws: all of them, unless a few lie so far away that the rest would
    crowd into a corner (a county's towns and one city across the state). The middle is the median
    point; a place more than `FAR` times the median distance from it (and more than a degree) is
    left off and listed. Half the places or more are always drawn."""
    if len(coords) < 4:
        return [True] * len(coords)
    lat = sorted(c[0] for c in coords)[len(coords) // 2]
    lon = sorted(c[1] for c in coords)[len(coords) // 2]
    dist = [((c[0] - lat) ** 2 + (c[1] - lon) ** 2) ** 0.5 for c in coords]
    typical = sorted(dist)[len(dist) // 2]
    keep = [d <= max(FAR * typical, 1.0) for d in dist]
    return keep if sum(keep) >= len(coords) / 2 else [True] * len(coords)


def map_svg(hotspots: list[dict[str, object]], width: int = 640, height: int = 360) -> str:
    """Places as circles (area ~ documents; red = more than the previous period, green = fewer) on an
    equirectangular frame fitted to them, each named beside its circle where the name has room (see
    `_labels`). Places the gazetteer cannot place, names with no room and places far from all the others
    (`_frame`) are listed under it; every place is in the table below the map."""
    where = _locate([str(h["name"]) for h in hotspots])
    pts = [(h, where[str(h["name"])]) for h in hotspots if str(h["name"]) in where]
    if not pts:
        return '<p class="muted">No place in this report has coordinates in the gazetteer.</p>'
    inside = _frame([c for _, c in pts])
    afar = [str(h["name"]) for (h, _), keep in zip(pts, inside, strict=True) if not keep]
    pts = [p for p, keep in zip(pts, inside, strict=True) if keep]
    lats, lons = [c[0] for _, c in pts], [c[1] for _, c in pts]
    pad = 0.15 * max(max(lats) - min(lats), max(lons) - min(lons), 0.5)
    y0, y1, x0, x1 = min(lats) - pad, max(lats) + pad, min(lons) - pad, max(lons) + pad
    top = max(int(h["documents"]) for h, _ in pts) or 1  # type: ignore[call-overload]
    ordered = sorted(pts, key=lambda p: -int(p[0]["documents"]))  # type: ignore[call-overload]
    circles = [(str(h["name"]),
                20 + (lon - x0) / (x1 - x0) * (width - 40),
                20 + (y1 - lat) / (y1 - y0) * (height - 40),
                4 + 22 * (int(h["documents"]) / top) ** 0.5)  # type: ignore[call-overload]
               for h, (lat, lon) in ordered]  # fmt: skip
    out = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="hotspot map">']
    for (h, _), (raw, x, y, r) in zip(ordered, circles, strict=True):
        change = int(h["change"])  # type: ignore[call-overload]
        fill = "#d9483b" if change > 0 else "#2e9e55" if change < 0 else "#7d8799"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" fill-opacity=".55" '
                   f'stroke="{fill}"><title>{escape(raw)}: {h["documents"]} ({change:+d})</title></circle>')  # fmt: skip
    unlabelled = []
    for (raw, *_), spot in zip(circles, _labels(circles, width, height), strict=True):
        if spot is None:
            unlabelled.append(raw)
        else:
            tx, ty, anchor = spot
            out.append(
                f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="11" text-anchor="{anchor}">{escape(raw)}</text>'
            )
    out.append("</svg>")
    if unlabelled:
        out.append(
            f'<p class="muted">Circles too crowded to name on the map: {escape(", ".join(unlabelled))}</p>'
        )
    if afar:
        out.append(f'<p class="muted">Far from the others, so not drawn (the map would shrink the rest to a dot): '
                   f"{escape(', '.join(afar))}</p>")  # fmt: skip
    missing = [str(h["name"]) for h in hotspots if str(h["name"]) not in where]
    if missing:
        out.append(f'<p class="muted">Not on the map (no coordinates): {escape(", ".join(missing))}</p>')
    return "".join(out)


DECIMALS = {"p_recorded_again": 2}  # columns rounded to fewer than 3 decimals in the JSON


def _table(rows: list[dict[str, object]], cols: list[str], heads: dict[str, str] | None = None) -> str:
    """Rows as a table; `heads` renames a column's header (default: its key in words). Counts get
    thousands separators, forecasts `wording.amount`."""
    if not rows:
        return '<p class="muted">Nothing in this period.</p>'
    head = "".join(f"<th>{escape((heads or {}).get(c, c.replace('_', ' ')))}</th>" for c in cols)
    body = []
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c, "")
            if c == "change" and isinstance(v, int):
                cells.append(
                    f'<td class="{"up" if v > 0 else "down" if v < 0 else ""}">{wording.change(v)}</td>'
                )
            elif c == "forecast" and isinstance(v, float):
                cells.append(f"<td>{wording.amount(v)}</td>")
            elif isinstance(v, int) and not isinstance(v, bool) and c != "community":  # an id, not a count
                cells.append(f"<td>{wording.count(v)}</td>")
            elif v is None:  # no judgement used the word, no forecast made: not "None"
                cells.append("<td>—</td>")
            elif isinstance(v, float):  # scores and probabilities: the same digits down a column
                cells.append(f"<td>{v:.{DECIMALS.get(c, 3)}f}</td>")
            elif isinstance(v, list):
                sep = "–" if all(isinstance(x, int) for x in v) else ", "
                cells.append(
                    f"<td>{escape(sep.join(wording.count(x) if isinstance(x, int) else str(x) for x in v))}</td>"
                )
            else:
                cells.append(f"<td>{escape(str(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _judgement(j: dict[str, object]) -> str:
    word = escape(str(j["word"]))
    text = escape(str(j["text"])).replace(word, f'<span class="word">{word}</span>', 1)
    ev = "".join(f'<div class="ev">[{escape(e["id"])}, {escape(e["date"])}] {escape(e["snippet"])}</div>'
                 for e in j["evidence"])  # type: ignore[attr-defined]  # fmt: skip
    return (f'<div class="kj"><div>{text}</div>{ev}<div class="muted">What would change it: '
            f"{escape(str(j['would_change_it']))}</div></div>")  # fmt: skip


def _note(section: dict[str, object]) -> str:
    return f'<p class="gap">{escape(str(section["note"]))}</p>' if section.get("note") else ""


def _routes(sec: dict[str, object]) -> str:
    flows = sec["flows"]
    assert isinstance(flows, list)
    gone = sec.get("no_longer_seen") or []
    ahead = sec.get("outlook")
    cols = ["name", "persons", "previous", "change", "documents"] + (
        ["forecast", "interval_80", "word"] if ahead else []
    )
    return (_note(sec) + (_table(flows, cols, {"word": "recorded again next period"}) if flows else "")
            + (f'<p class="muted">Corridors of the previous period not seen now: {escape("; ".join(gone))}</p>'  # type: ignore[arg-type]
               if gone else "")
            + (f"<p>Outlook for {escape(wording.period(str(ahead['period'])))} (documents recording each corridor; "  # type: ignore[index]
               f"{escape(str(ahead['model']))}):</p>"  # type: ignore[index]
               + _table(ahead["predicted"], ["name", "forecast", "interval_80", "p_recorded_again", "word"],  # type: ignore[index]
                        {"p_recorded_again": "probability recorded again", "word": "in words"})
               if ahead else "")
            + f'<p class="muted">From {escape(str(sec["basis"]))}.</p>')  # fmt: skip


def _networks(sec: dict[str, object]) -> str:
    if not sec["available"]:
        return _note(sec)
    cols = [
        "community",
        "documents",
        "previous",
        "change",
        "members_active",
        "members_by_kind",
        "places",
        "forms",
    ]
    parts = [_note(sec)]
    for key, label in (("appeared", "Appeared"), ("grew", "Grew"), ("went_quiet", "Went quiet")):
        rows = sec[key]
        assert isinstance(rows, list)
        if rows:
            parts.append(f"<h3>{label}</h3>" + _table(rows, cols))
    parts.append(
        f'<p class="muted">{sec["active"]} communities active in the period, {sec["active_previous"]} '
        "in the previous one (last analytics run; members described by kind, never by name).</p>"
    )
    return "".join(parts)


def to_html(r: dict[str, object]) -> str:
    prov = r["provenance"]
    assert isinstance(prov, dict)
    gaps = r["intelligence_gaps"]
    assert isinstance(gaps, dict)
    parts = [
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{escape(str(r['title']))}</title>",
        f"<style>{CSS}</style><h1>{escape(str(r['title']))}</h1>",
        f'<p class="muted">Reader role: {escape(str(r["reader_role"]))} · generated {escape(str(prov["generated_at"]))}</p>',
        "<h2>Summary</h2><ul>" + "".join(f"<li>{escape(s)}</li>" for s in r["summary"]) + "</ul>",  # type: ignore[attr-defined]
        "<h2>Key judgements</h2>" + "".join(_judgement(j) for j in r["key_judgements"]),  # type: ignore[attr-defined]
        "<h2>Hotspots</h2>" + map_svg(r["hotspots"])  # type: ignore[arg-type]
        + _table(r["hotspots"], ["name", "documents", "previous", "change", "forecast", "interval_80"]),  # type: ignore[arg-type]
        "<h2>Routes</h2>" + _routes(r["routes"]),  # type: ignore[arg-type]
        "<h2>Forms of trafficking</h2>" + _table(r["forms"], ["label", "documents", "previous", "change"], {"label": "form"}),  # type: ignore[arg-type]
        "<h2>Indicators</h2>" + _table(r["indicators"], ["label", "documents", "previous", "change"], {"label": "indicator"}),  # type: ignore[arg-type]
        "<h2>Networks that appeared, grew or went quiet</h2>" + _networks(r["networks"]),  # type: ignore[arg-type]
        "<h2>Sectors and businesses exposed</h2>"
        + (_table(r["sectors"], ["label", "documents", "previous", "change"], {"label": "sector"}) if r.get("sectors") else "")  # type: ignore[arg-type]
        + _table(r["businesses"], ["name", "sectors", "documents", "previous", "change"], {"name": "business"}),  # type: ignore[arg-type]
        "<h2>Intelligence gaps</h2><ul>"
        f"<li>Places named by a single document: {escape(', '.join(gaps['places_with_one_document']) or 'none')}</li>"
        f"<li>Forms with fewer than two documents: {escape(', '.join(map(wording.label, gaps['forms_with_fewer_than_two_documents'])) or 'none')}</li>"
        f"<li>Documents without a place: {gaps['documents_without_a_place']}</li>"
        + (f"<li>Documents in the source without a publication date, so in no period of this report: {gaps['documents_without_a_date']}</li>"
           if gaps.get("documents_without_a_date") else "")
        + "".join(f"<li>{escape(str(gaps[k]))}</li>" for k in ("routes", "networks") if gaps.get(k)) + "</ul>",
        "<h2>Recommended prevention targeting</h2>" + _table(r["prevention_targeting"], ["where", "why", "for_whom", "sectors", "watch_for"]),  # type: ignore[arg-type]
        "<h2>How this report was made</h2>"
        f'<p class="muted">Source: {escape(str(prov["source"]))} (sha256 {escape(str(prov["source_sha256"]))}); '
        f"{wording.count(int(prov['documents_read']))} documents read. Forecast for {escape(wording.period(str(prov['predicted_period'])))}: "
        f"{escape(str(prov['model']))}. Regenerate: <code>{escape(str(prov['regenerate']))}</code></p>",
        _table(prov["backtest"], ["model", "origins", "precision_at_k", "poisson_deviance", "log_score"],
               {"precision_at_k": f"precision@{prov['k']}"}),
        f"<p class='muted'>Calibration of the probability words on this data's backtest; probabilities: {escape(str(prov['probabilities']))}.</p>"
        + _table(prov["calibration"], ["word", "band", "judgements", "came_true"]),
        "</html>",
    ]  # fmt: skip
    return "\n".join(parts)


def write(report: dict[str, object], out: Path) -> None:
    """Write .json, .html or .pdf by the suffix of `out`."""
    import json

    suffix = out.suffix.lower()
    if suffix == ".json":
        out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    elif suffix == ".html":
        out.write_text(to_html(report), encoding="utf-8")
    elif suffix == ".pdf":
        try:
            from weasyprint import HTML
        except ImportError as exc:
            raise RuntimeError("PDF needs WeasyPrint (pip install weasyprint; it needs Pango from the OS). "
                               "Write .html or .json instead.") from exc  # fmt: skip
        HTML(string=to_html(report)).write_pdf(str(out))
    else:
        raise ValueError(f"unknown report format {out.suffix!r}: use .html, .pdf or .json")
