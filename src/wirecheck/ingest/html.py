"""HTML pages: article text and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import trafilatura

from wirecheck.ingest.boilerplate import find_boilerplate
from wirecheck.models import RawArticle, Skipped

__all__ = ["MIN_ARTICLE_CHARS", "outlet_from_url", "parse_html"]

MIN_ARTICLE_CHARS = 100


def outlet_from_url(url: str | None) -> str | None:
    """The publisher host of a URL without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_html(html: str | bytes, origin: str, url: str | None = None) -> RawArticle | Skipped:
    """Extract the article of an HTML page, or say why there is none."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        return Skipped(origin, f"HTML could not be parsed: {exc}")
    text = (doc.text or "") if doc is not None else ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        return Skipped(origin, "no article text found in HTML")
    page_url = url or doc.url
    boilerplate = find_boilerplate(text)
    return RawArticle(
        text=text,
        origin=origin,
        url=page_url,
        outlet=doc.sitename or doc.hostname or outlet_from_url(page_url),
        title=doc.title,
        published=_date(doc.date),
        attribution=boilerplate.attribution,
        boilerplate=boilerplate.ranges,
    )
