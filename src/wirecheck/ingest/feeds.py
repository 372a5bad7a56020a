"""RSS and Atom feeds: conditional polling, new items only, and feed lists (plain or OPML).

A feed is fetched through :class:`~wirecheck.ingest.fetch.Fetcher` with the validators of
the last poll (If-None-Match, If-Modified-Since) and parsed with feedparser. What was seen
before is the caller's to keep (:class:`FeedState`): this stage does not touch the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import feedparser

from wirecheck.ingest.fetch import Fetcher, is_url
from wirecheck.ingest.web import read_url
from wirecheck.models import RawArticle, Skipped

__all__ = [
    "FEED_TYPES",
    "FeedError",
    "FeedItem",
    "FeedPoll",
    "FeedState",
    "poll_feed",
    "read_feed_item",
    "read_feed_list",
]

# Feeds come with many media types (and often a generic XML or text one); binary ones are
# refused before download, the rest is left to the parser.
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/",
)


class FeedError(Exception):
    """A feed that came back but is not a usable RSS or Atom feed."""


@dataclass
class FeedState:
    """What is remembered of a feed between polls."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: set[str] = field(default_factory=set)  # keys of items already handled


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    key: str  # the entry's id, else its link, else a hash of its title and summary
    link: str | None
    title: str | None
    published: dt.date | None


@dataclass
class FeedPoll:
    """The outcome of one poll: new items, and the validators to keep once they are handled."""

    items: list[FeedItem]
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


def poll_feed(fetcher: Fetcher, state: FeedState) -> FeedPoll:
    """Fetch a feed conditionally and return the items not in ``state.seen``, in feed order.

    Raises :class:`FetchError` when the feed cannot be fetched and :class:`FeedError` when
    what came back is not a feed.
    """
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    response = fetcher.get(state.url, accept=FEED_TYPES, headers=headers)
    if response.status == 304:
        return FeedPoll([], state.etag, state.last_modified, not_modified=True)
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={  # the charset, and the base for relative links
            "content-type": response.headers.get("Content-Type", ""),
            "content-location": response.url,
        },
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    fresh: list[FeedItem] = []
    keys = set(state.seen)
    for item in filter(None, map(_item, parsed.entries)):
        if item.key not in keys:
            keys.add(item.key)
            fresh.append(item)
    return FeedPoll(
        fresh,
        etag=response.headers.get("ETag") or None,
        last_modified=response.headers.get("Last-Modified") or None,
    )


def _item(entry: feedparser.FeedParserDict) -> FeedItem | None:
    link = entry.get("link") or None
    title = entry.get("title") or None
    key = entry.get("id") or link
    if not key:
        text = f"{title or ''}\n{entry.get('summary') or ''}"
        if not text.strip():
            return None  # an entry with nothing in it
        key = "sha1:" + hashlib.sha1(text.encode()).hexdigest()
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*when[:3]) if when else None
    return FeedItem(key=key, link=link, title=title, published=published)


def read_feed_item(fetcher: Fetcher, item: FeedItem, feed_url: str) -> RawArticle | Skipped:
    """The article an item links to, with the item's title and date filling gaps."""
    if not item.link or not is_url(item.link):
        return Skipped(f"{feed_url} item {item.key}", "feed item has no http(s) link")
    return read_url(fetcher, item.link, title=item.title, published=item.published)


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a file: OPML (every outline's xmlUrl), else one URL a line.

    Blank lines and lines starting with ``#`` are ignored. Raises ValueError, naming the
    file and the line, for broken OPML or a line that is not an http(s) URL.
    """
    text = path.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("<"):
        try:
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            raise ValueError(f"{path}: not valid OPML ({exc})") from exc
        urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline") if o.get("xmlUrl")]
    else:
        urls = []
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                if not is_url(line):
                    raise ValueError(f"{path}:{number}: not an http(s) URL: {line[:80]}")
                urls.append(line)
    return list(dict.fromkeys(urls))
