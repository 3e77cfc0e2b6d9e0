"""Readers: files and folders → `SourceDocument` (or `ReadError`), one at a time, never fatal.

Formats: .txt/.text/.md (scraped pages are cleaned, see `cleaning.py`), .html/.htm (trafilatura),
.jsonl (`{"id","text","title"?,"url"?,"published"?,"source"?}`), .csv (column mapping), .pdf (pypdf).
Folders are read recursively in sorted order. Encodings are detected with charset-normalizer.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from extraction.cleaning import clean_scraped_text, file_name_date, opening_date, parse_date
from extraction.models import ReadError, SourceDocument
from extraction.read_checks import BadInput, SeenIds, check_id, check_text, file_id
from ontology.names import C

csv.field_size_limit(16 * 1024 * 1024)
"""A CSV cell may hold a whole document (the csv module's default limit is 131,072 characters)."""

log = logging.getLogger("lantern.extraction")

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".csv", ".pdf"}


@dataclass(frozen=True)
class CsvOptions:
    """Which CSV columns hold what (`--text-column`, `--id-column`, ...)."""

    text_column: str = "text"
    id_column: str = "id"
    title_column: str = "title"
    url_column: str = "url"
    published_column: str = "published"
    delimiter: str = ","


class UnreadableError(Exception):
    """Raised inside readers; becomes a `ReadError` with this message."""


def decode_bytes(data: bytes) -> str:
    """Text from bytes: UTF-8 first, else charset-normalizer's best guess; binary is refused."""
    if not data.strip():
        raise UnreadableError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableError("binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableError("undecodable: no text encoding fits these bytes")
    if best.encoding.startswith(("iso8859", "cp125", "latin", "mac_")):
        # Single-byte Latin guesses are often ambiguous on short texts; Windows-1252 is the
        # common Western web encoding, use it whenever it decodes the bytes cleanly.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _check_text(text: str) -> str:
    if not text.strip():
        raise UnreadableError("no text after cleaning")
    try:
        text = check_text(text)
    except BadInput as exc:
        raise UnreadableError(str(exc)) from exc
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:5000])
    if printable < 0.9 * min(len(text), 5000):
        raise UnreadableError("binary content: too many control characters")
    return text


def read_text_file(path: Path) -> SourceDocument:
    raw = decode_bytes(path.read_bytes())
    page = clean_scraped_text(raw)
    return SourceDocument(
        id=file_id(path.stem),
        text=_check_text(page.text),
        title=page.title,
        published=page.published or opening_date(page.text) or file_name_date(path.stem),
        source=str(path),
        doc_type=C.PressRelease if page.scraped and path.stem.startswith("press") else None,
    )


def read_html_file(path: Path) -> SourceDocument:
    return read_html(path.read_bytes(), file_id(path.stem), str(path))


def read_html(data: bytes, doc_id: str, source: str) -> SourceDocument:
    """A web page's main text (trafilatura) and metadata; files and fetched feed articles alike."""
    import trafilatura

    html = decode_bytes(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    return SourceDocument(
        id=doc_id,
        text=_check_text(text or ""),
        title=getattr(meta, "title", None) if meta else None,
        url=getattr(meta, "url", None) if meta else None,
        published=(parse_date(meta.date) if meta and meta.date else None),
        source=source,
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _pdf_warnings_collected() -> Iterator[list[str]]:
    """pypdf's own warnings (logging and `warnings`) collected instead of printed, one summary per file."""
    pdf_log = logging.getLogger("pypdf")
    handler, propagate = _Collect(), pdf_log.propagate
    pdf_log.addHandler(handler)
    pdf_log.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield handler.messages
            handler.messages.extend(str(w.message) for w in caught)
    finally:
        pdf_log.removeHandler(handler)
        pdf_log.propagate = propagate


def read_pdf_file(path: Path) -> SourceDocument:
    """A PDF's text layer. A scanned PDF (pages but no text) and a broken one are one clear reason each;
    pypdf's repairs of a damaged file are summarised in one log line, not printed one by one."""
    from pypdf import PdfReader

    with _pdf_warnings_collected() as problems:
        try:
            reader = PdfReader(path)
            pages = [page.extract_text() or "" for page in reader.pages]
            title = reader.metadata.title if reader.metadata else None
        except Exception as exc:  # pypdf raises many types for broken files
            raise UnreadableError(f"broken PDF: {exc.__class__.__name__}: {exc}") from exc
    if problems:
        log.info("%s: pypdf repaired %d problem(s), first: %s", path.name, len(problems), problems[0])
    text = "\n\n".join(pages)
    if not text.strip():
        raise UnreadableError(
            f"no text layer: {len(pages)} page(s) of images (a scanned PDF?); run OCR first, e.g. "
            "`ocrmypdf in.pdf out.pdf`, then extract out.pdf"
        )
    return SourceDocument(id=file_id(path.stem), text=_check_text(text), title=title, source=str(path),
                          published=opening_date(text) or file_name_date(path.stem))  # fmt: skip


def _record_to_document(record: dict, fallback_id: str, source: str) -> SourceDocument:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnreadableError("missing or empty 'text'")
    raw_id = record.get("id")
    try:
        doc_id = check_id(raw_id if raw_id not in (None, "") else fallback_id)
        text = check_text(text, record=True)
    except BadInput as exc:
        raise UnreadableError(str(exc)) from exc
    published = record.get("published")
    if isinstance(published, str) and published:
        published = parse_date(published) or published
    return SourceDocument(
        id=doc_id,
        text=text,
        title=record.get("title") or None,
        url=record.get("url") or None,
        published=published or None,
        source=record.get("source") or source,
        doc_type=record.get("doc_type") or None,
    )


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) else None


def read_jsonl_file(path: Path) -> Iterator[SourceDocument | ReadError]:
    text = decode_bytes(path.read_bytes())
    # lines end at "\n" only: str.splitlines() would also split at U+2028/U+0085 inside a JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        fallback = f"{path.stem}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise UnreadableError("line is not a JSON object")
            yield _record_to_document(record, fallback, str(path))
        except RecursionError:
            yield ReadError(id=fallback, source=str(path), reason=f"line {number}: JSON nested too deeply")
        except (json.JSONDecodeError, UnreadableError, ValueError) as exc:
            yield ReadError(id=fallback, source=str(path), reason=f"line {number}: {str(exc)[:300]}")


def read_csv_file(path: Path, options: CsvOptions) -> Iterator[SourceDocument | ReadError]:
    text = decode_bytes(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text), delimiter=options.delimiter, strict=True)
    if reader.fieldnames is None or options.text_column not in reader.fieldnames:
        columns = ", ".join(reader.fieldnames or [])
        yield ReadError(
            id=path.stem,
            source=str(path),
            reason=f"no text column {options.text_column!r} (columns: {columns}); use --text-column",
        )
        return
    rows = iter(reader)
    number = 0
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # an unterminated quote, a NUL: the rest of the file cannot be trusted
            yield ReadError(
                id=f"{path.stem}:{number}",
                source=str(path),
                reason=f"CSV broken at record {number} (line {reader.line_num}): {exc}; "
                "fix the quoting — records after it were not read",
            )
            return
        if None in row:  # more cells than header columns
            yield ReadError(
                id=f"{path.stem}:{number}",
                source=str(path),
                reason=f"record {number} has more cells than the header has columns (an unquoted delimiter?)",
            )
            continue
        record = {
            "id": row.get(options.id_column),
            "text": row.get(options.text_column),
            "title": row.get(options.title_column),
            "url": row.get(options.url_column),
            "published": row.get(options.published_column),
        }
        fallback = f"{path.stem}:{number}"
        try:
            yield _record_to_document(record, fallback, str(path))
        except (UnreadableError, ValueError) as exc:
            shown = record["id"] if isinstance(record["id"], str) and record["id"] else fallback
            yield ReadError(id=shown[:200], source=str(path), reason=str(exc)[:300])


def read_file(path: Path, csv_options: CsvOptions) -> Iterator[SourceDocument | ReadError]:
    """Every document in one file (JSONL and CSV hold many)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from read_jsonl_file(path)
        elif suffix == ".csv":
            yield from read_csv_file(path, csv_options)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path)
        elif suffix == ".pdf":
            yield read_pdf_file(path)
        else:
            yield read_text_file(path)
    except UnreadableError as exc:
        yield ReadError(id=file_id(path.stem), source=_shown(path), reason=str(exc))
    except OSError as exc:
        yield ReadError(id=file_id(path.stem), source=_shown(path), reason=f"cannot open: {exc.strerror}")


def _shown(path: Path) -> str:
    return file_id(str(path))


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly (any suffix) and supported files inside folders, recursively (symbolic
    links to folders are not followed, so a link loop cannot recur)."""
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in SUPPORTED and not child.is_dir():
                    yield child
        else:
            yield path


def _not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a document file (None when it can)."""
    try:
        if path.is_symlink() and not path.exists():
            return "broken or looping symbolic link"
        if not path.exists():
            return "no such file or folder"
        if not path.is_file():
            return "not a regular file (a FIFO, socket or device): skipped"
    except OSError as exc:  # ELOOP and friends
        return f"cannot inspect: {exc.strerror or exc}"
    return None


def read_inputs(
    paths: Iterable[str | Path],
    csv_options: CsvOptions | None = None,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
) -> Iterator[SourceDocument | ReadError]:
    """Documents from files and folders, in order; unreadable ones come back as `ReadError`."""
    options = csv_options or CsvOptions()
    if text_column or id_column:
        options = CsvOptions(
            text_column=text_column or options.text_column,
            id_column=id_column or options.id_column,
            title_column=options.title_column,
            url_column=options.url_column,
            published_column=options.published_column,
            delimiter=options.delimiter,
        )
    seen = SeenIds()
    for path in iter_files(paths):
        problem = _not_a_file(path)
        if problem:
            yield ReadError(id=file_id(path.stem), source=_shown(path), reason=problem)
            continue
        for number, item in enumerate(read_file(path, options), start=1):
            if isinstance(item, SourceDocument):
                try:
                    seen.claim(item.id, f"{_shown(path)}" + (f" (record {number})" if number > 1 else ""))
                except BadInput as exc:
                    item = ReadError(id=item.id, source=_shown(path), reason=str(exc))
            yield item
