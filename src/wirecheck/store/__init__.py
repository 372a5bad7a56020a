"""Store stage: where articles, analyses, events and facts live.

`Store` is the backend-neutral interface the pipeline and the faces use. SQLite is the
default backend (`wirecheck.store.sqlite`, the only module with SQLite-specific SQL);
PostgreSQL will be a second implementation of the same protocol.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from wirecheck.models import Analysis, Article, EventRecord, PlaceMention

__all__ = [
    "EventFilters",
    "EventSummary",
    "SearchHit",
    "Store",
    "default_db_path",
    "new_id",
    "open_store",
]


@dataclass
class EventFilters:
    """Which events a list shows; None means no filter.

    ``country`` is an ISO alpha-2 code or a country name; ``type`` a sub-event label
    (ARMED_CLASH, "armed clash") or an ACLED event type ("battles"), case-insensitive;
    ``place`` matches place, city, region or country; ``text`` the title or a fact.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    place: str | None = None
    type: str | None = None
    has_disputes: bool | None = None
    text: str | None = None


@dataclass
class EventSummary:
    """An event as a list shows it: the events table's columns, not the whole record."""

    id: str
    title: str
    type: str
    date: dt.date | None  # the best day, else the start of the date range
    place_name: str | None
    city: str | None
    admin1: str | None
    country: str | None  # ISO 3166-1 alpha-2
    killed: int | None  # best estimates
    injured: int | None
    n_articles: int
    n_sources: int  # independent sources
    has_disputes: bool


@dataclass
class SearchHit:
    """One article found by full-text search, with a snippet and the matches in it."""

    article_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    event_id: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # [start, end) of the matched words in ``snippet``


class Store(Protocol):
    """Everything the pipeline and the faces ask of a store."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def schema_version(self) -> int: ...
    def article_id_for_hash(self, content_hash: str) -> str | None: ...
    def has_article(self, article_id: str) -> bool: ...
    def add_article(self, article: Article) -> None: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...
    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...
    def save_analysis(self, analysis: Analysis, version: int) -> None: ...
    def get_analysis(self, article_id: str) -> Analysis | None: ...
    def save_signature(self, article_id: str, data: dict[str, Any]) -> None: ...
    def get_signature(self, article_id: str) -> dict[str, Any] | None: ...
    def iter_signatures(self) -> Iterator[tuple[str, str | None, dict[str, Any]]]: ...
    def iter_event_places(self) -> Iterator[tuple[str, PlaceMention, list[PlaceMention]]]: ...
    def set_membership(self, event_id: str, article_id: str, source_group: str) -> None: ...
    def event_member_ids(self, event_id: str) -> list[str]: ...
    def event_of(self, article_id: str) -> str | None: ...
    def save_event(self, record: EventRecord) -> None: ...
    def delete_event(self, event_id: str) -> None: ...
    def merge_events(self, kept_id: str, absorbed_id: str, article_id: str) -> None: ...
    def move_article(self, article_id: str, from_id: str, to_id: str) -> None: ...
    def merged_into(self, event_id: str) -> str | None: ...
    def mark_stale(self, event_id: str) -> None: ...
    def stale_events(self) -> list[str]: ...
    def get_event(self, event_id: str) -> EventRecord | None: ...
    def list_events(
        self, filters: EventFilters | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> list[EventRecord]: ...
    def list_event_summaries(
        self, filters: EventFilters | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> list[EventSummary]: ...
    def iter_events(self) -> Iterator[EventRecord]: ...
    def count_events(self) -> int: ...
    def feed_validators(self, url: str) -> tuple[str | None, str | None]: ...
    def save_feed_validators(
        self, url: str, etag: str | None, last_modified: str | None
    ) -> None: ...
    def seen_feed_items(self, url: str) -> set[str]: ...
    def mark_feed_items_seen(self, url: str, keys: Iterable[str]) -> None: ...
    def record_skip(self, origin: str, reason: str) -> None: ...
    def stats(self) -> dict[str, int]: ...
    def close(self) -> None: ...


def new_id(prefix: str, seed: str | None = None) -> str:
    """``prefix-`` and 12 hex digits: from sha1 of ``seed`` (deterministic), else random.

    An event's id comes from its first article: ``new_id("ev", first_article_id)``.
    """
    digest = hashlib.sha1(seed.encode()).hexdigest() if seed is not None else uuid.uuid4().hex
    return f"{prefix}-{digest[:12]}"


def default_db_path() -> Path:
    """The store path when none is given: $WIRECHECK_DB, else ./wirecheck.db."""
    return Path(os.environ.get("WIRECHECK_DB") or "wirecheck.db")


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating if needed) the SQLite store at ``path``."""
    from wirecheck.store.sqlite import SQLiteStore

    return SQLiteStore(Path(path))
