"""Watching feeds: poll each feed, ingest the pages of its new items, remember what was handled.

The loop drives :class:`~wirecheck.pipeline.Pipeline`; what a feed has shown before (its
validators and the keys of its handled items) lives in the store, so a restarted watch
neither re-fetches old items nor re-downloads an unchanged feed.

Nothing is half-written when the loop is stopped (Ctrl-C): each article is its own
transaction (the pipeline's), an item is marked handled only after its outcome is stored,
and a feed's validators are saved only once all its new items are handled. An item caught
between its commit and its mark is fetched again on the next run and dropped as a duplicate.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from wirecheck.ingest.feeds import FeedError, FeedState, poll_feed, read_feed_item
from wirecheck.ingest.fetch import Fetcher, FetchError
from wirecheck.models import RawArticle, Skipped
from wirecheck.pipeline import IngestReport, Pipeline

__all__ = ["FeedResult", "WatchReport", "poll_and_ingest", "watch_feeds"]


@dataclass
class FeedResult:
    """One poll of one feed."""

    url: str
    new_items: int = 0
    not_modified: bool = False
    error: str | None = None  # why the feed itself failed
    report: IngestReport = field(default_factory=IngestReport)


@dataclass
class WatchReport:
    """What a watch run did, over all its polls."""

    polls: int = 0
    failed_polls: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)
    interrupted: bool = False

    def add(self, result: FeedResult) -> None:
        self.polls += 1
        self.failed_polls += result.error is not None
        self.ingest.added += result.report.added
        self.ingest.duplicates += result.report.duplicates
        self.ingest.skipped += result.report.skipped
        self.ingest.events_touched |= result.report.events_touched


def poll_and_ingest(
    pipeline: Pipeline,
    url: str,
    fetcher: Fetcher,
    on_item: Callable[[str, str], None] | None = None,
) -> FeedResult:
    """Poll one feed and ingest the pages of its new items.

    A feed that cannot be fetched or parsed is recorded as skipped (the result's ``error``)
    and nothing else changes. ``result.report.interrupted`` tells that Ctrl-C stopped it.
    """
    store = pipeline.store
    etag, last_modified = store.feed_validators(url)
    state = FeedState(url, etag, last_modified, store.seen_feed_items(url))
    result = FeedResult(url)
    try:
        poll = poll_feed(fetcher, state)
    except (FetchError, FeedError) as exc:
        result.error = str(exc)
        with store.transaction():
            store.record_skip(url, f"feed failed: {exc}")
        return result
    result.new_items, result.not_modified = len(poll.items), poll.not_modified
    keys_by_origin: dict[str, list[str]] = {}

    def articles() -> Iterator[RawArticle | Skipped]:
        for item in poll.items:
            article = read_feed_item(fetcher, item, url)
            keys_by_origin.setdefault(article.origin, []).append(item.key)
            yield article

    def mark_seen(origin: str, outcome: str) -> None:  # called once the outcome is stored
        with store.transaction():
            store.mark_feed_items_seen(url, keys_by_origin.pop(origin, []))
        if on_item:
            on_item(origin, outcome)

    if poll.items:
        result.report = pipeline.ingest(articles(), on_item=mark_seen)
    if not result.report.interrupted and not poll.not_modified:
        with store.transaction():
            store.save_feed_validators(url, poll.etag, poll.last_modified)
    return result


def watch_feeds(
    pipeline: Pipeline,
    feeds: Sequence[str],
    fetcher: Fetcher,
    *,
    interval: float = 900.0,
    once: bool = False,
    on_feed: Callable[[FeedResult], None] | None = None,
    on_item: Callable[[str, str], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchReport:
    """Poll every feed, then wait until ``interval`` seconds after the round began; repeat.

    Runs until Ctrl-C (or after one round with ``once``). ``on_feed`` is called after each
    feed's poll, ``on_item(origin, outcome)`` after each item is stored.
    """
    report = WatchReport()
    try:
        while True:
            started = time.monotonic()
            for url in feeds:
                result = poll_and_ingest(pipeline, url, fetcher, on_item)
                report.add(result)
                if on_feed:
                    on_feed(result)
                if result.report.interrupted:
                    report.interrupted = True
                    return report
            if once:
                return report
            sleep(max(0.0, started + interval - time.monotonic()))
    except KeyboardInterrupt:  # between two articles: everything stored so far is complete
        report.interrupted = True
        return report
