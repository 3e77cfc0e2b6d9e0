"""The partner's side: read a CSV of identifiers, normalise them with the hub's own code, ask the hub.

`lantern screen FILE.csv --url URL` posts the rows to `POST /api/screen` in batches (plain screening:
the hub sees the inputs, keeps only hits); `lantern screen --psi FILE.csv --url URL` runs private set
intersection against `POST /api/screen/psi` (the hub sees how many identifiers were sent, nothing else).

CSV: a header row naming `value` (and optionally `kind`, `date_of_birth`, `country`), or no header and
the values in the first column. Kinds: phone, email, account, name (guessed when missing).
"""

from __future__ import annotations

import base64
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from graph.screening.identifiers import InputError, identifier_keys
from graph.screening.psi import client_intersection, client_request

HEADER = ("value", "kind", "date_of_birth", "country")


class ClientError(RuntimeError):
    """The check could not be completed; the message says why and what to do."""


@dataclass(frozen=True)
class Row:
    line: int
    value: str
    kind: str | None = None
    dob: str | None = None
    country: str | None = None


def read_rows(path: Path) -> list[Row]:
    """The CSV's rows (blank lines skipped); a header is recognised by a `value` column."""
    if not path.is_file():
        raise ClientError(f"{path} is not a file; give a CSV of identifiers (see `lantern screen --help`).")
    with path.open(newline="", encoding="utf-8-sig") as fh:
        table = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
    if not table:
        raise ClientError(f"{path} has no rows.")
    head = [c.strip().lower() for c in table[0]]
    if "value" in head:
        col = {name: head.index(name) for name in HEADER if name in head}

        def cell(r: list[str], name: str) -> str | None:
            i = col.get(name)
            return r[i].strip() or None if i is not None and i < len(r) else None

        return [
            Row(n + 2, cell(r, "value") or "", cell(r, "kind"), cell(r, "date_of_birth"), cell(r, "country"))
            for n, r in enumerate(table[1:])
        ]
    return [Row(n + 1, r[0].strip()) for n, r in enumerate(table)]


@dataclass
class PsiOutcome:
    held: list[Row] = field(default_factory=list)
    sent: int = 0
    skipped: list[str] = field(default_factory=list)
    """Rows not sent, by line and reason (names, unparsable values)."""
    references: list[str] = field(default_factory=list)
    hub_size: int = 0
    current: bool = True
    """False when the hub answered from its previous graph version's setup (rebuilding after a change)."""


def _post(url: str, key: str, content: bytes, content_type: str, timeout: float) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {key}", "Content-Type": content_type}
    try:
        response = httpx.post(url, content=content, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        raise ClientError(f"could not reach the hub at {url}: {exc}. Check --url and the network.") from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code != 200:
        reason = body.get("error") or body.get("detail") or response.text[:200]
        raise ClientError(f"the hub answered {response.status_code}: {reason}")
    return dict(body)


def psi_check(
    path: Path, url: str, key: str, region: str, batch: int = 20_000, timeout: float = 600.0
) -> PsiOutcome:
    """Which rows of `path` the hub holds, by private set intersection (batches of `batch` identifiers)."""
    rows = read_rows(path)
    keys, errors = identifier_keys([(r.value, r.kind) for r in rows], region)
    out = PsiOutcome(skipped=[f"line {rows[e.index].line}: {e.reason}" for e in errors])
    unique: dict[str, list[Row]] = {}
    for row, k in zip(rows, keys, strict=True):
        if k is not None:
            unique.setdefault(k, []).append(row)
    ordered = list(unique)
    endpoint = url.rstrip("/") + "/api/screen/psi"
    for start in range(0, len(ordered), batch):
        chunk = ordered[start : start + batch]
        client, request = client_request(chunk)
        answer = _post(endpoint, key, request, "application/octet-stream", timeout)
        try:
            found = client_intersection(
                client, base64.b64decode(answer["setup"]), base64.b64decode(answer["response"])
            )
        except (KeyError, ValueError) as exc:
            raise ClientError(
                f"the hub's PSI answer could not be read ({exc}); is --url a Lantern hub?"
            ) from None
        out.held += [row for i in found for row in unique[chunk[i]]]
        out.sent += len(chunk)
        out.references.append(str(answer.get("reference")))
        out.hub_size = int(answer.get("hubSize") or 0)
        out.current = out.current and bool(answer.get("graphCurrent", True))
    out.held.sort(key=lambda r: r.line)
    return out


def plain_check(
    path: Path, url: str, key: str, region: str, batch: int = 1_000, timeout: float = 120.0
) -> list[dict[str, Any]]:
    """The hub's screening reports for the rows of `path` (`POST /api/screen`, `batch` rows a request);
    each result carries the CSV line it answers (`line`)."""
    import orjson

    rows = read_rows(path)
    endpoint = url.rstrip("/") + "/api/screen"
    reports = []
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        items = [
            {"value": r.value, "kind": r.kind, "dateOfBirth": r.dob, "country": r.country} for r in chunk
        ]
        report = _post(
            endpoint, key, orjson.dumps({"identifiers": items, "region": region}), "application/json", timeout
        )
        for result in report.get("results", []):
            result["line"] = chunk[result["index"]].line
        reports.append(report)
    return reports


__all__ = ["ClientError", "InputError", "PsiOutcome", "Row", "plain_check", "psi_check", "read_rows"]
