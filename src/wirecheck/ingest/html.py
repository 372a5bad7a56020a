"""HTML pages: article text and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import trafilatura
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from wirecheck.ingest.boilerplate import find_boilerplate
from wirecheck.models import RawArticle, Skipped

__all__ = ["MIN_ARTICLE_CHARS", "outlet_from_url", "parse_html", "published_from_url"]

MIN_ARTICLE_CHARS = 100


def outlet_from_url(url: str | None) -> str | None:
    """The publisher host of a URL without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def published_from_url(url: str | None) -> dt.date | None:
    """The publication day a news URL names ("/2010/05/05/story", "2009-04-28-091.asp"),
    or None (also for a year and month alone)."""
    if not url:
        return None
    # htmldate's URL rule, the one trafilatura applies to pages; it checks the date is
    # plausible (from 1995 to now).
    options = Extractor(False, dt.datetime.now(), dt.datetime(1995, 1, 1), True, "%Y-%m-%d")
    return _date(extract_url_date(url, options))


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
