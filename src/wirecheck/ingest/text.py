"""Plain-text articles: headline from the first real line, publication date from a date line."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from wirecheck.ingest.boilerplate import find_boilerplate, split_lines
from wirecheck.models import RawArticle

__all__ = ["parse_published", "parse_text"]

DATE_LINE_SCAN = 8  # non-empty lines from the top that may hold the date line
MAX_DATE_LINE = 80
MAX_OTHER_WORDS = 2  # words besides month, weekday, time and label: more means a sentence
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december"
)
WEEKDAYS = (
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday"
)
LOOKS_LIKE_DATE = re.compile(
    rf"\b({MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
HAS_YEAR = re.compile(r"\b(19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2}\b")
DATE_WORDS = re.compile(
    rf"\b({MONTHS}|{WEEKDAYS}|am|pm|a\.m|p\.m|at|on|of|the|\d+(st|nd|rd|th)|utc|gmt|[ecmp][sd]t)\b",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(first |last )?(published|updated|posted|date|created|modified)\s*(on|at)?\s*:?\s*", re.I
)
SEGMENTS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")  # "By Jane Doe | March 4, 2016"
# Never resolve a partial date to the future of today; the date line is absolute anyway.
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def _date_segment(segment: str) -> dt.date | None:
    segment = LABEL.sub("", segment.strip())
    if not (LOOKS_LIKE_DATE.search(segment) and HAS_YEAR.search(segment)):
        return None
    other = re.findall(r"[A-Za-z]{2,}", DATE_WORDS.sub(" ", segment))
    if len(other) > MAX_OTHER_WORDS:  # a sentence that mentions a date
        return None
    parsed = dateparser.parse(segment, languages=["en"], settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def parse_published(line: str) -> dt.date | None:
    """The date of a short date line ("January 20, 2015, 4:50pm"), or None for other lines."""
    if len(line) > MAX_DATE_LINE:
        return None
    for segment in SEGMENTS.split(line.strip()):
        date = _date_segment(segment)
        if date is not None:
            return date
    return None


def parse_text(text: str, origin: str) -> RawArticle:
    """A plain-text article: ``text`` is kept verbatim, headline and date read from the top."""
    boilerplate = find_boilerplate(text)
    in_boilerplate = {start for start, _ in boilerplate.ranges}
    ranges = list(boilerplate.ranges)
    title = published = None
    for line in split_lines(text)[:DATE_LINE_SCAN]:
        if line.start in in_boilerplate:
            continue
        date = parse_published(line.text) if published is None else None
        if date is not None:
            published = date
            # The date line is page furniture: kept as `published`, not analysed.
            ranges = sorted([*ranges, (line.start, line.end)])
        elif title is None:
            title = line.text
    return RawArticle(
        text=text,
        origin=origin,
        title=title,
        published=published,
        attribution=boilerplate.attribution,
        boilerplate=ranges,
    )
