"""A generated hostile corpus through `lantern extract` (issue 23, items 8 and 10): no crash, every
bad item reported with its id and reason, every valid document through exactly once, the output
valid JSONL written as results finish."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

VALID_TEXT = "Tobias Quill{n}, 41, of Kestrel was charged with pimping a woman at the Willow Motel."


def _hostile_files(root: Path, rng: random.Random) -> tuple[set[str], int]:
    """Write the corpus; return (ids of valid documents, number of bad items)."""
    valid: set[str] = set()
    bad = 0
    files = root / "files"
    files.mkdir()
    for n in range(40):  # valid text files
        (files / f"ok_{n}.txt").write_text(VALID_TEXT.format(n=n), encoding="utf-8")
        valid.add(f"ok_{n}")
    for n in range(500):  # random bytes of every small size, binary, broken encodings
        size = rng.choice([1, 2, 3, 5, 7, 16, 64, 512])
        (files / f"junk_{n}.txt").write_bytes(bytes(rng.randrange(256) for _ in range(size)))
        bad += 1
    for n in range(100):  # broken PDFs
        (files / f"broken_{n}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(rng.randrange(10, 300)))
        bad += 1
    (files / "empty.txt").write_bytes(b"")
    (files / "nul.txt").write_bytes(b"abc\x00def" * 20)
    bad += 2
    same = root / "same"
    (same / "a").mkdir(parents=True)
    (same / "b").mkdir()
    (same / "a" / "twin.txt").write_text(VALID_TEXT.format(n="twin"), encoding="utf-8")
    (same / "b" / "twin.txt").write_text(VALID_TEXT.format(n="twin2"), encoding="utf-8")
    valid.add("twin")
    bad += 1  # the second twin is reported as a duplicate id
    loop = root / "loop"
    loop.mkdir()
    (loop / "self.txt").symlink_to(loop / "self.txt")
    bad += 1
    fifo = root / "fifo.txt"
    os.mkfifo(fifo)
    bad += 1
    odd = os.fsencode(str(root)) + b"/bad\xffname.txt"
    with open(odd, "wb") as fh:
        fh.write(VALID_TEXT.format(n="odd").encode())
    valid.add("bad\ufffdname")

    lines = []
    for n in range(400):  # JSONL: valid records interleaved with every kind of broken line
        kind = n % 10
        if kind == 0:
            lines.append(json.dumps({"id": f"j{n}", "text": VALID_TEXT.format(n=n) + " \u2028 line sep"}))
            valid.add(f"j{n}")
        elif kind == 1:
            lines.append("[" * 100_000 + "]" * 100_000)
        elif kind == 2:
            lines.append(json.dumps({"id": ["list", "id"], "text": VALID_TEXT.format(n=n)}))
        elif kind == 3:
            lines.append(json.dumps({"id": f"tab\tid{n}", "text": VALID_TEXT.format(n=n)}))
        elif kind == 4:
            lines.append(json.dumps({"id": "x" * 100_000, "text": VALID_TEXT.format(n=n)}))
        elif kind == 5:
            lines.append(f'{{"id": "lone{n}", "text": "Quill \\ud800 was charged in Kestrel today."}}')
            valid.add(f"lone{n}")
        elif kind == 6:
            lines.append(json.dumps({"id": "j0", "text": VALID_TEXT.format(n=n)}))  # duplicate id
        elif kind == 7:
            lines.append('{"id": "broken", "text": ')
        elif kind == 8 and n < 20:
            lines.append(json.dumps({"id": f"huge{n}", "text": "a " * 600_000}))  # over the 1M limit
        else:
            lines.append(json.dumps({"id": f"tiny{n}", "text": "ab"}))
        bad += kind not in (0, 5)
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    csv_rows = ["id,text"]
    csv_rows.append('c1,"' + " ".join([VALID_TEXT.format(n="c1")] * 2_000) + '"')  # a 170 k-character cell
    valid.add("c1")
    csv_rows.append("c2,text,with,too,many,cells")
    csv_rows.append('c3,"' + VALID_TEXT.format(n="c3") + '"')
    valid.add("c3")
    csv_rows.append('c4,"unterminated quote runs to the end of the file')
    csv_rows.append('c5,"' + VALID_TEXT.format(n="c5") + '"')
    bad += 2  # ragged row; the unterminated quote (the record after it is not trusted)
    (root / "table.csv").write_text("\n".join(csv_rows) + "\n", encoding="utf-8")
    return valid, bad


@pytest.mark.timeout(900)
def test_hostile_corpus_never_stops_the_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    valid, bad = _hostile_files(corpus, random.Random(23))
    assert bad + len(valid) >= 1000
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [row["id"] for row in written]
    assert len(ids) == len(set(ids)), "a document was written twice"
    assert set(ids) == valid
    assert all(not row["errors"] for row in written), [row["errors"] for row in written if row["errors"]]
    reported = result.output.count("skipped")
    assert reported >= bad, (reported, bad)
