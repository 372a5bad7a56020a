"""JSON and JSON-lines records: ``id``, ``url``, ``outlet``, ``title``, ``published``,
``text`` or ``html``. Every other key (a benchmark's ``gold``, say) is ignored, never read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from wirecheck.ingest.boilerplate import find_boilerplate
from wirecheck.ingest.html import outlet_from_url, parse_html, published_from_url
from wirecheck.ingest.text import parse_published
from wirecheck.models import RawArticle, Skipped

__all__ = ["parse_json", "parse_jsonl", "parse_record"]


def _str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value not in (None, "") else None


def _published(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or an ISO timestamp), else a written date; None when neither fits."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_published(value)


def parse_record(record: Any, origin: str) -> RawArticle | Skipped:
    """One record → an article; a record without text or html is skipped."""
    if not isinstance(record, dict):
        return Skipped(origin, "JSON record is not an object")
    url = _str(record, "url")
    text = record.get("text") or ""
    if not isinstance(text, str):
        return Skipped(origin, "'text' is not a string")
    if not text.strip():
        html = record.get("html")
        if not html or not isinstance(html, str):
            return Skipped(origin, "record has no text or html")
        parsed = parse_html(html, origin, url)
        if isinstance(parsed, Skipped):
            return parsed
        article = parsed
    else:
        boilerplate = find_boilerplate(text)
        article = RawArticle(
            text=text,
            origin=origin,
            url=url,
            attribution=boilerplate.attribution,
            boilerplate=boilerplate.ranges,
        )
    article.published = (
        _published(_str(record, "published")) or article.published or published_from_url(url)
    )
    article.external_id = _str(record, "id")
    article.title = _str(record, "title") or article.title
    article.outlet = _str(record, "outlet") or outlet_from_url(url) or article.outlet
    article.url = url or article.url
    return article


def parse_jsonl(text: str, origin: str) -> Iterator[RawArticle | Skipped]:
    """Each non-empty line is a record; a malformed line is skipped alone."""
    # Split on "\n" only: str.splitlines would also break at U+2028 inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield parse_record(record, where)


def parse_json(text: str, origin: str) -> Iterator[RawArticle | Skipped]:
    """A JSON file holding one record or an array of records."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # Several objects one per line in a .json file: read it as JSON lines.
        if exc.msg == "Extra data":
            yield from parse_jsonl(text, origin)
            return
        yield Skipped(origin, f"malformed JSON: {exc.msg} (line {exc.lineno})")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        yield parse_record(record, f"{origin}#{number}" if len(records) > 1 else origin)
