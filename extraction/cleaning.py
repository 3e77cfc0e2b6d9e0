"""Boilerplate removal for scraped web pages saved as plain text.

Scraped press-release pages (navigation, a press-contact block, share buttons, "latest posts",
comment forms) are reduced to the article title and body. Every kept line is a line of the source,
only stripped of surrounding whitespace, so offsets annotated on the raw file can be re-aligned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

NAV_MARKERS = {
    "skip to content",
    "scroll to top",
    "follow us",
    "search for",
    "latest posts",
    "recent posts",
    "share",
    "home",
}
END_MARKERS = {
    "share",
    "latest posts",
    "recent posts",
    "related posts",
    "tagged with:",
    "leave a reply",
    "name*",
    "email*",
    "back to top",
    "you may also like",
    "###",
}
HEADER_LINE = re.compile(
    r"^(for immediate release|case\s*#.*|case no\.?.*|date:.*|author|published|home|press|"
    r"\d+ min read|media contact.*|contact:?.*|(office|cell|phone|fax|tel|mobile)\s*:.*|"
    r"[A-Z][a-z]+ \d{1,2}, \d{4})$",
    re.IGNORECASE,
)
CONTACT_LINE = re.compile(
    r"^((office|cell|phone|fax|tel|mobile|e-?mail)\s*:\s*\S.*"
    r"|\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}\s*(office|cell|fax|mobile)?)$",
    re.IGNORECASE,
)
FURNITURE_LINE = re.compile(
    r"^(contact:?|press release|media advisory|#?\s*\d{2}[A-Z]{1,3}\d{3,5}|\S+@\S+\.\w+|"
    r"[A-Z][a-z]+\.?\s*\d{1,2},\s*\d{4}|[A-Z][a-z]+|\d{1,2},\s*\d{4}|"
    r"(director|spokesperson|chief|public|media|senior|assistant|deputy|communications)\b.{0,50})$",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’]{2,40}(,\s*(Calif\.|CA|California|[A-Z][a-z]+\.?))?\s*[–—-]{1,2}(\s|$)"
)
TITLE_SUFFIX = re.compile(r"\s+[-–|]\s+[^-–|]{3,80}$")
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%Y-%m-%d", "%m/%d/%Y", "%d %B %Y")


@dataclass
class CleanedPage:
    text: str
    title: str | None
    published: str | None
    scraped: bool


def parse_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) from a human date like "May 8, 2014"; None when not a date."""
    value = value.strip().replace("Sept.", "Sep.")
    value = re.sub(r"^(date|published)\s*:\s*", "", value, flags=re.IGNORECASE)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


OPENING_DATE = re.compile(
    r"^(?:(?:date|published|released|updated|posted|issued|for immediate release)\s*:?\s*)?"
    r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})\b",
    re.IGNORECASE,
)
OPENING_LINES = 8
FILE_NAME_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?=[_\-. ]|$)")


def opening_date(text: str) -> str | None:
    """ISO date a plain document opens with: a line among its first `OPENING_LINES` that starts with
    a written date ("October 15, 2018  Contact: …", "Date: Sept. 9, 2015", "FOR IMMEDIATE RELEASE:
    May 8, 2014"), as press releases and letters date themselves. A date further into the text is
    an event, not the publication, and is not read."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:OPENING_LINES]
    for line in lines:
        m = OPENING_DATE.match(line)
        found = parse_date(m.group(1)) if m else None
        if found:
            return found
    return None


def file_name_date(stem: str) -> str | None:
    """ISO date a file name starts with (`20230216_da-launches-campaign`, `2023-02-16 notes`): how
    exported archives often name their documents; None when the digits are no valid date."""
    m = FILE_NAME_DATE.match(stem)
    return parse_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


def looks_scraped(lines: list[str]) -> bool:
    head = {line.lower() for line in lines[:40]} | {line.lower() for line in lines[-120:]}
    return len(head & NAV_MARKERS) >= 2


def _find_published(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:60]):
        low = line.lower()
        if low in {"published", "date", "for immediate release"} and i + 1 < len(lines):
            found = parse_date(lines[i + 1])
            if found:
                return found
        if low.startswith(("date:", "published:")):
            found = parse_date(line)
            if found:
                return found
    for line in lines[:60]:
        found = parse_date(line)
        if found:
            return found
    return None


def _page_title(first_line: str) -> str:
    return TITLE_SUFFIX.sub("", first_line).strip()


def _key(line: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", line.casefold())


SENTENCE_WORDS = 6
"""A line of at least this many words, three of them lower-case, is prose: the reader never drops it
as furniture (a body sentence that carries a phone number or an e-mail is still a sentence)."""


def is_sentence(line: str) -> bool:
    words = line.split()
    return len(words) >= SENTENCE_WORDS and sum(1 for w in words if w[:1].islower()) >= 3


def _is_furniture(lines: list[str], i: int) -> bool:
    """A header line: breadcrumbs, dates, case numbers, the press-contact block. Never a sentence."""
    line = " ".join(lines[i].split())
    if is_sentence(line):
        return False
    if HEADER_LINE.match(line) or CONTACT_LINE.match(line) or FURNITURE_LINE.match(line):
        return True
    following = lines[i + 1 : i + 4]
    return len(line) < 60 and any(CONTACT_LINE.match(nxt) for nxt in following)


def _body_range(lines: list[str], title: str) -> tuple[int, int, int | None]:
    """(start, end, title_index) of the article in stripped, non-empty lines.

    The article starts after the last repeat of the title before the first end marker ("Share",
    "Tagged with:", "Latest Posts", "###", ...) and ends at that marker.
    """
    title_key = _key(title)
    first_end = next((i for i, ln in enumerate(lines) if ln.lower() in END_MARKERS), len(lines))
    title_idx = [i for i in range(1, first_end) if _key(lines[i]) == title_key]
    if title_idx:
        start = title_idx[-1] + 1
    else:
        crumbs = [i for i in range(1, min(first_end, 40)) if lines[i].lower() == "home"]
        start = crumbs[0] + 1 if crumbs else 1
    end = len(lines)
    seen_prose = False
    for i in range(start, len(lines)):
        if lines[i].lower() in END_MARKERS and (seen_prose or lines[i].lower() != "share"):
            end = i  # a share bar above the article does not end it
            break
        seen_prose = seen_prose or is_sentence(lines[i])
    return start, end, (title_idx[-1] if title_idx else None)


def _drop_header_furniture(lines: list[str], start: int, end: int) -> list[str]:
    """Body lines without the furniture that precedes the first paragraph or dateline."""
    kept: list[str] = []
    in_header = True
    for i in range(start, end):
        line = lines[i]
        if in_header and (DATELINE.match(line) or len(line) >= 100):
            in_header = False
        if in_header and _is_furniture(lines, i):
            continue
        kept.append(line)
    return kept


def clean_scraped_text(raw: str) -> CleanedPage:
    """Title + article body of a scraped page; other text is returned unchanged (scraped=False)."""
    lines = [line.strip() for line in raw.splitlines()]
    lines = [line for line in lines if line]
    if not lines or not looks_scraped(lines):
        return CleanedPage(text=raw, title=None, published=None, scraped=False)
    title = _page_title(lines[0])
    start, end, title_index = _body_range(lines, title)
    body = _drop_header_furniture(lines, start, end)
    kept = ([lines[title_index]] if title_index is not None else []) + body
    return CleanedPage(
        text="\n".join(kept),
        title=title or None,
        published=_find_published(lines),
        scraped=True,
    )
