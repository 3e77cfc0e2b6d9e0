"""Turn an annotator's working list into a gold line (offsets + hashes, no text).

The working list is typed by the annotator while reading one raw file and is kept OUTSIDE the
repository (it holds surface text). One JSON object per file:

    {"doc": "news_x.txt", "corpus": "cook_il",
     "body": [["<first words of the article region>", "<last words of the region>"], ...],
     "entities": [
        {"type": "Person", "text": "Jane Q. Public", "role": "charged"},
        {"type": "Person", "text": "Public", "ref": "Jane Q. Public"},
        {"type": "Location", "text": "Chicago"},
        {"type": "Phone", "text": "(312) 555-0100", "role": "contact"},
        {"type": "Location", "text": "Orange", "occurrences": [0, 2]}
     ]}

Rules the tool applies (the guidelines' "every occurrence of a listed string inside the body"):
- a body region starts at the first occurrence of its start text (searched after the previous
  region) and ends at the end of the first occurrence of its end text after that;
- every occurrence of every listed text inside a body region becomes a mention, on word
  boundaries, case-sensitive; `occurrences` keeps only those (0-based, counted inside the body);
- overlaps: the longest span wins, then the earlier one;
- `ref`: later mentions of the same text, and mentions of a text whose `ref` names another listed
  text, point to that entity's first mention; `role` is stored on the entity's first mention.

    python -m extraction.evaluate_annotate WORKLIST.json... --data ../shared/data/press-releases \
        --out extraction/gold/cook_il.jsonl [--show]

`--show` prints the body with every mention bracketed, for the annotator's re-read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from extraction.evaluate_gold import GoldDocument, GoldMention, check_gold, read_raw, sha256_text


class WorklistError(ValueError):
    pass


def _body(raw: str, regions: list[list[str]], doc: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for pair in regions:
        if len(pair) != 2:
            raise WorklistError(f"{doc}: a body region is [start text, end text], got {pair!r}")
        start_text, end_text = pair
        start = raw.find(start_text, pos)
        if start < 0:
            raise WorklistError(f"{doc}: body start text not found: {start_text!r}")
        end_at = raw.find(end_text, start)
        if end_at < 0:
            raise WorklistError(f"{doc}: body end text not found after its start: {end_text!r}")
        end = end_at + len(end_text)
        spans.append((start, end))
        pos = end
    return spans


def _occurrences(raw: str, text: str, body: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
    found = []
    for b_start, b_end in body:
        for match in pattern.finditer(raw, b_start, b_end):
            found.append((match.start(), match.end()))
    return found


def build_line(work: dict[str, Any], raw: str) -> GoldDocument:
    doc = work["doc"]
    body = _body(raw, work.get("body") or [], doc)
    if not body:
        raise WorklistError(f"{doc}: no body region")
    candidates: list[tuple[int, int, str, str, dict[str, Any]]] = []
    for entity in work.get("entities", []):
        text = entity.get("text", "")
        if not text or text != text.strip():
            raise WorklistError(f"{doc}: entity text {text!r} is empty or has outer whitespace")
        spans = _occurrences(raw, text, body)
        if not spans:
            raise WorklistError(f"{doc}: {entity['type']} {text!r} does not occur in the body")
        keep = entity.get("occurrences")
        if keep is not None:
            if any(not 0 <= k < len(spans) for k in keep):
                raise WorklistError(f"{doc}: {text!r} has {len(spans)} occurrences, asked for {keep}")
            spans = [spans[k] for k in keep]
        for start, end in spans:
            candidates.append((start, end, entity["type"], text, entity))
    # longest first, then earliest; drop anything overlapping a kept span
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, str, str, dict[str, Any]]] = []
    for cand in candidates:
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c[0])
    first_of: dict[str, int] = {}
    mentions: list[GoldMention] = []
    for index, (start, end, type_, text, entity) in enumerate(kept):
        key = entity.get("ref") or text
        ref = first_of.get(key)
        if ref is None and entity.get("ref"):
            ref = first_of.get(entity["ref"])
        if ref is None:
            first_of[key] = index
            first_of.setdefault(text, index)
        else:
            first_of.setdefault(text, ref)
        role = entity.get("role") if ref is None else None
        mentions.append(GoldMention(type=type_, start=start, end=end, ref=ref, role=role))
    gold = GoldDocument(doc=doc, corpus=work["corpus"], sha256=sha256_text(raw), body=body, mentions=mentions)
    problems = check_gold(gold, raw)
    if problems:
        raise WorklistError("; ".join(problems[:5]))
    return gold


def render(gold: GoldDocument, raw: str) -> str:
    out: list[str] = []
    for b_start, b_end in gold.body:
        pos = b_start
        for m in gold.mentions:
            if b_start <= m.start < b_end:
                out.append(raw[pos : m.start])
                role = f"/{m.role}" if m.role else ""
                out.append(f"[{m.type}{role}: {raw[m.start : m.end]}]")
                pos = m.end
        out.append(raw[pos:b_end])
        out.append("\n----- (end of body region) -----\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("worklists", nargs="+", type=Path)
    parser.add_argument("--data", type=Path, required=True, help="folder holding <corpus>/<doc>")
    parser.add_argument("--out", type=Path, help="gold JSONL to write (sorted by doc)")
    parser.add_argument("--show", action="store_true", help="print each body with mentions bracketed")
    args = parser.parse_args(argv)
    lines: list[GoldDocument] = []
    failed = 0
    for path in args.worklists:
        try:
            work = json.loads(path.read_text(encoding="utf-8"))
            raw = read_raw(args.data / work["corpus"] / work["doc"])
            gold = build_line(work, raw)
        except (OSError, KeyError, ValueError) as exc:
            print(f"FAILED {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        lines.append(gold)
        if args.show:
            print(f"===== {gold.doc} ({len(gold.mentions)} mentions)")
            print(render(gold, raw))
    if args.out and lines:
        lines.sort(key=lambda g: g.doc)
        dumped = (json.dumps(g.model_dump(mode="json", exclude_none=True), ensure_ascii=False) for g in lines)
        args.out.write_text("".join(line + "\n" for line in dumped), encoding="utf-8")
        print(f"wrote {len(lines)} gold lines to {args.out}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
