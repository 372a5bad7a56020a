"""Article pages from the web: fetched politely (``fetch.Fetcher``), extracted by ``parse_html``."""

from __future__ import annotations

import contextlib
import datetime as dt

from wirecheck.ingest.fetch import HTML_TYPES, Fetcher, FetchError
from wirecheck.ingest.html import parse_html
from wirecheck.models import RawArticle, Skipped

__all__ = ["parse_page", "read_url"]


def parse_page(
    body: bytes,
    charset: str | None,
    origin: str,
    url: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
) -> RawArticle | Skipped:
    """The article of an HTML page received over HTTP (from the web or from an archive).

    The charset the server named beats the page's own guess (an unknown name leaves the
    sniffing to the HTML parser). The page's metadata wins; ``title`` and ``published``
    (from a feed item or an archive record) fill what the page does not give.
    """
    html: str | bytes = body
    if charset:
        with contextlib.suppress(LookupError):
            html = body.decode(charset, errors="replace")
    article = parse_html(html, origin, url=url)
    if isinstance(article, RawArticle):
        article.title = article.title or title
        article.published = article.published or published
    return article


def read_url(
    fetcher: Fetcher,
    url: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
) -> RawArticle | Skipped:
    """Fetch an HTML page and extract its article (keeping the final URL), or say why not."""
    try:
        response = fetcher.get(url, accept=HTML_TYPES)
    except FetchError as exc:
        return Skipped(url, str(exc))
    return parse_page(
        response.body, response.charset, url, response.url, title=title, published=published
    )
