"""Export events and articles as JSON, JSON lines or CSV, in the export contract's shapes.

Later tools and benchmarks read these key names: keep them, add freely.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

import pycountry

from wirecheck.analyze.event_types import ACLED_SUB_EVENT, DISORDER_TYPE, OTHER, TAXONOMY
from wirecheck.models import (
    Analysis,
    Article,
    Casualty,
    EventRecord,
    PlaceMention,
    Source,
    to_dict,
)
from wirecheck.report import summary
from wirecheck.store import Store

__all__ = [
    "acled_row",
    "article_to_dict",
    "event_to_dict",
    "export_acled_csv",
    "export_articles",
    "export_events",
]


def event_to_dict(record: EventRecord) -> dict[str, Any]:
    """An event record in the export contract's shape."""
    return to_dict(record)


def _span(start: int, end: int) -> list[int]:
    return [start, end]


def _place(p: PlaceMention) -> dict[str, Any]:
    return {"text": p.text, "span": _span(p.start, p.end), "role": p.role, **to_dict(p.place)}


def _casualty(c: Casualty) -> dict[str, Any]:
    return {
        "text": c.text,
        "span": _span(c.start, c.end),
        "kind": c.kind,
        "low": c.low,
        "best": c.best,
        "high": c.high,
        "who": c.who,
    }


def article_to_dict(
    article: Article, analysis: Analysis | None, event_id: str | None
) -> dict[str, Any]:
    """An article with its annotations, every span an offset pair into the stored text, but
    those of ``title_places`` and ``title_casualties`` (and of a conclusion with ``in_title``),
    which index its title."""
    a = analysis or Analysis(article_id=article.id)
    return {
        "id": article.id,
        "event_id": event_id,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "type": a.type,
        "type_confidence": a.type_confidence,
        "event_type": a.event_type,
        "attribution": article.attribution,
        "origin": article.origin,
        "boilerplate": [list(r) for r in article.boilerplate],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_kind": q.speaker_kind,
                "speaker_group": q.speaker_group,
                "content_span": _span(q.start, q.end),
                "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                "cue_span": list(q.cue_span) if q.cue_span else None,
                "direct": q.direct,
            }
            for q in a.quotes
        ],
        "places": [_place(p) for p in a.places],
        "dates": [
            {
                "text": d.text,
                "span": _span(d.start, d.end),
                "start": d.range_start.isoformat(),
                "end": d.range_end.isoformat(),
                "best": d.best.isoformat() if d.best else None,
                "precision": d.precision,
            }
            for d in a.dates
        ],
        "numbers": [
            {
                "text": n.text,
                "span": _span(n.start, n.end),
                "value": n.value,
                "counts": n.counts,
                "approximate": n.approximate,
            }
            for n in a.numbers
        ],
        "casualties": [_casualty(c) for c in a.casualties],
        # What the headline states; spans index ``title``.
        "title_places": [_place(p) for p in a.title_places],
        "title_casualties": [_casualty(c) for c in a.title_casualties],
        "people": [
            {
                "name": p.name,
                "span": _span(p.start, p.end),
                "title": p.title,
                "affiliation": p.affiliation,
                "party": p.party,
                "role": p.role,
                "age": p.age,
                "gender": p.gender,
                "status": p.status,
            }
            for p in a.people
        ],
        "event_date": to_dict(a.event_date),
        "event_place": to_dict(a.event_place),
        "killed": to_dict(a.killed),
        "injured": to_dict(a.injured),
    }


EVENT_COLUMNS = (
    "id", "title", "type", "event_type", "type_confidence",
    "date_start", "date_end", "date_best", "precision",
    "place", "city", "admin1", "country", "lat", "lon",
    "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high",
    "n_articles", "n_sources", "outlets", "n_corroborated", "n_single_source", "n_disputed",
    "disputed_facts",
)  # fmt: skip
ARTICLE_COLUMNS = (
    "id", "event_id", "outlet", "url", "published", "title", "type", "event_type", "attribution",
    "n_quotes", "n_places", "n_dates", "n_numbers", "n_casualties", "n_people",
    "n_boilerplate_ranges", "killed_best", "injured_best",
)  # fmt: skip


def _event_row(record: EventRecord) -> dict[str, Any]:
    """One event as a flat CSV row (``EVENT_COLUMNS``)."""
    loc = record.location
    counts = {
        s: sum(f.status == s for f in record.facts)
        for s in ("corroborated", "single_source", "disputed")
    }
    return {
        "id": record.id,
        "title": record.title,
        "type": record.type,
        "event_type": record.event_type,
        "type_confidence": record.type_confidence,
        "date_start": record.date.start,
        "date_end": record.date.end,
        "date_best": record.date.best,
        "precision": record.date.precision,
        "place": loc.name if loc else None,
        "city": loc.city if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        **{f"killed_{k}": getattr(record.killed, k) for k in ("low", "best", "high")},
        **{f"injured_{k}": getattr(record.injured, k) for k in ("low", "best", "high")},
        "n_articles": len(record.articles),
        "n_sources": len({a.source_group for a in record.articles}),
        "outlets": "; ".join(sorted({a.outlet or "?" for a in record.articles})),
        **{f"n_{k}": v for k, v in counts.items()},
        "disputed_facts": "; ".join(
            f"{f.kind}: {f.text}" for f in record.facts if f.status == "disputed"
        ),
    }


def _article_row(article: dict[str, Any]) -> dict[str, Any]:
    """One exported article (``article_to_dict`` output) as a flat CSV row."""
    flat = {
        k: article[k]
        for k in (
            "id", "event_id", "outlet", "url", "published", "title", "type", "event_type",
            "attribution",
        )
    }  # fmt: skip
    for key in ("quotes", "places", "dates", "numbers", "casualties", "people"):
        flat[f"n_{key}"] = len(article[key])
    flat["n_boilerplate_ranges"] = len(article["boilerplate"])
    for kind in ("killed", "injured"):
        flat[f"{kind}_best"] = article[kind]["best"] if article[kind] else None
    return flat


def _write(
    items: Iterable[Any],
    fmt: str,
    out: TextIO,
    as_dict: Callable[[Any], dict[str, Any]],
    as_row: Callable[[Any], dict[str, Any]],
    columns: tuple[str, ...],
) -> None:
    """Stream ``items`` to ``out`` as one JSON array, JSON lines, or CSV rows of ``columns``."""
    if fmt not in ("json", "jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt == "jsonl":
        for item in items:
            out.write(json.dumps(as_dict(item), ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write("[")
        for i, item in enumerate(items):
            out.write(("," if i else "") + "\n" + json.dumps(as_dict(item), ensure_ascii=False))
        out.write("\n]\n")
    else:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(as_row(item) for item in items)


def export_events(store: Store, fmt: str, out: TextIO) -> None:
    """Write every event (json: one array; jsonl: one per line; csv: one row each)."""
    _write(store.iter_events(), fmt, out, event_to_dict, _event_row, EVENT_COLUMNS)


def _articles(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.iter_articles():
        yield article_to_dict(article, store.get_analysis(article.id), store.event_of(article.id))


def export_articles(store: Store, fmt: str, out: TextIO) -> None:
    """Write every article with its annotations and offsets (same formats as events)."""
    _write(_articles(store), fmt, out, dict, _article_row, ARTICLE_COLUMNS)


ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
# ACLED's geo_precision: 1 the town itself, 2 a part of a region near a town, 3 a larger region.
GEO_PRECISION = {"address": 1, "city": 1, "county": 2, "admin1": 3, "country": 3, "region": 3}


def _time_precision(record: EventRecord) -> int | None:
    """ACLED's time_precision: 1 the day is known, 2 within a week, 3 a month or longer."""
    d = record.date
    if d.precision == "day":
        return 1
    if d.precision == "week":
        return 2
    if d.precision in ("month", "year"):
        return 3
    if d.precision == "range" and d.start and d.end:
        return 2 if (d.end - d.start).days <= 7 else 3
    return None


def _independent_sources(articles: list[Source]) -> list[str]:
    """One outlet per source group (its earliest article's), in order of first report; the
    article's URL, else its id, when the outlet is unknown."""
    first: dict[str, Source] = {}
    for source in sorted(articles, key=lambda s: (s.published or dt.date.max, s.id)):
        first.setdefault(source.source_group, source)
    return [s.outlet or s.url or s.id for s in first.values()]


def _notes(record: EventRecord) -> str:
    """The summary sentence, then which facts independent sources dispute."""
    disputed = [
        f"{f.kind} ({' vs '.join([f.value, *(a.value for a in f.alternatives)])})"
        for f in record.facts
        if f.status == "disputed"
    ]
    return summary(record) + (f" Disputed: {'; '.join(disputed)}." if disputed else "")


def acled_row(record: EventRecord) -> dict[str, Any]:
    """One event as a row with ACLED's column names; what wirecheck does not know stays empty.

    Actors, interaction codes, region and source scale are ACLED coding wirecheck does not
    do. A type outside ACLED's taxonomy (a fire, a flood) leaves the event type empty and is
    named in ``tags``.
    """
    loc = record.location
    day = record.date.best or record.date.start
    country = pycountry.countries.get(alpha_2=loc.country) if loc and loc.country else None
    event_type = TAXONOMY.get(record.type)
    tags = "" if event_type or record.type == OTHER else f"wirecheck type: {record.type}"
    return {
        "event_id_cnty": record.id,
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": _time_precision(record) if day else None,
        "disorder_type": DISORDER_TYPE.get(record.type),
        "event_type": event_type,
        "sub_event_type": ACLED_SUB_EVENT.get(record.type),
        "civilian_targeting": (
            "Civilian targeting" if event_type == "Violence against civilians" else None
        ),
        "iso": int(country.numeric) if country else None,
        "country": country.name if country else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.county if loc else None,
        "location": (loc.city or loc.name) if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": GEO_PRECISION.get(loc.precision) if loc else None,
        "source": "; ".join(_independent_sources(record.articles)),
        "notes": _notes(record),
        "fatalities": record.killed.best,
        "tags": tags,
    }


def export_acled_csv(store: Store, out: TextIO) -> None:
    """Write every event as one CSV row with ACLED's column names (``ACLED_COLUMNS``)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(acled_row(record) for record in store.iter_events())
