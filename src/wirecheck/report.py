"""The event record for a reader: a summary sentence, facts by status, then the sources.

Markdown and one self-contained HTML file (no external assets), rendered with Jinja2 from
`templates/`; the web pages will reuse the same templates.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from wirecheck.analyze.event_types import TYPE_NAMES
from wirecheck.models import EventRecord, Source

__all__ = ["FORMATS", "render_report", "summary"]

FORMATS = {"md": "report.md.j2", "html": "report.html.j2"}
STATUS_GROUPS = (
    ("corroborated", "Corroborated", "reported by two or more independent sources"),
    ("disputed", "Disputed", "independent sources give conflicting values"),
    ("single_source", "Single source", "reported by one independent source only"),
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("wirecheck", "templates"),
        autoescape=select_autoescape(["html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _place(record: EventRecord) -> str | None:
    loc = record.location
    if loc is None:
        return None
    parts = [loc.city or loc.county or loc.name, loc.admin1, loc.country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _when(record: EventRecord) -> str | None:
    d = record.date
    if d.best:
        return f"on {d.best:%d %B %Y}"
    if d.start and d.end and d.start != d.end:
        return f"between {d.start:%d %B} and {d.end:%d %B %Y}"
    if d.end:
        return f"by {d.end:%d %B %Y}"
    return None


def summary(record: EventRecord) -> str:
    """One sentence: what, where, when, and how many independent sources report it."""
    kind = TYPE_NAMES.get(record.type, record.type)
    where = _place(record)
    when = _when(record)
    sources = len({a.source_group for a in record.articles})
    text = f"{kind}{f' in {where}' if where else ''}{f' {when}' if when else ''}: {record.title}"
    return (
        f"{text.rstrip('.')}. Reported by {sources} independent source"
        f"{'s' if sources != 1 else ''} ({len(record.articles)} articles)."
    )


def _source_label(source: Source) -> str:
    return source.outlet or source.url or source.id


def render_report(record: EventRecord, fmt: str) -> str:
    """The report as Markdown (``md``) or a self-contained HTML page (``html``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    label = {a.id: _source_label(a) for a in record.articles}

    def outlets(ids: list[str]) -> str:
        return ", ".join(dict.fromkeys(label.get(i, i) for i in ids))

    groups = [
        (title, note, [f for f in record.facts if f.status == status])
        for status, title, note in STATUS_GROUPS
    ]
    return (
        _environment()
        .get_template(FORMATS[fmt])
        .render(
            record=record,
            summary=summary(record),
            place=_place(record),
            groups=[g for g in groups if g[2]],
            outlets=outlets,
            source_label=_source_label,
            quote=lambda f: f.kind == "quote",
        )
    )
