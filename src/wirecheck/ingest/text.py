"""Plain-text articles: headline from the first real line, publication date from a date line."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from wirecheck.ingest.boilerplate import find_boilerplate, lines_with_offsets
from wirecheck.models import RawArticle

__all__ = ["parse_published", "parse_text"]

DATE_LINE_SCAN = 8  # non-empty lines from the top that may hold the date line
MAX_DATE_LINE = 60
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
LOOKS_LIKE_DATE = re.compile(
    rf"\b({MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+({MONTHS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
LABEL = re.compile(r"^(published|updated|posted|date|first published)\s*(on)?\s*:?\s*", re.I)
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_published(line: str) -> dt.date | None:
    """The date of a short date line ("January 20, 2015, 4:50pm"), or None for other lines."""
    line = LABEL.sub("", line.strip())
    if len(line) > MAX_DATE_LINE or not LOOKS_LIKE_DATE.search(line):
        return None
    if len(re.findall(r"[a-z]{3,}", line)) > 4:  # a sentence that mentions a date
        return None
    parsed = dateparser.parse(line, languages=["en"], settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def parse_text(text: str, origin: str) -> RawArticle:
    """A plain-text article: ``text`` is kept verbatim."""
    boilerplate = find_boilerplate(text)
    in_boilerplate = {start for start, _ in boilerplate.ranges}
    title = published = None
    ranges = list(boilerplate.ranges)
    for n, (start, end, line) in enumerate(lines_with_offsets(text)):
        if n >= DATE_LINE_SCAN:
            break
        if start in in_boilerplate:
            continue
        if title is None:
            title = line
        elif published is None:
            published = parse_published(line)
            if published is not None:
                # The date line is page furniture: kept as `published`, not analysed.
                ranges = sorted([*ranges, (start, end)])
    return RawArticle(
        text=text,
        origin=origin,
        title=title,
        published=published,
        attribution=boilerplate.attribution,
        boilerplate=ranges,
    )
