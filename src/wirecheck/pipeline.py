"""The pipeline: ingest → analyze → cluster → reconcile → store, one article per transaction.

This is the only module that wires the stages together and talks to the store. The CLI
(and later the API and web pages) call :func:`ingest_articles` and nothing lower.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wirecheck.analyze.analyzer import ANALYSIS_VERSION, Analyzer
from wirecheck.analyze.places import Gazetteer, OutletHomes, explicit_state
from wirecheck.cluster import EventIndex, Signature, signature, source_groups
from wirecheck.models import Analysis, Article, RawArticle, Skipped
from wirecheck.reconcile import Member, reconcile
from wirecheck.store import Store, new_id

BATCH_SIZE = 16


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)  # article ids
    duplicates: list[str] = field(default_factory=list)  # origins whose content was stored
    skipped: list[Skipped] = field(default_factory=list)
    events_touched: set[str] = field(default_factory=set)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (kept, absorbed) event ids
    interrupted: bool = False

    def to_dict(self) -> dict:
        return {
            "added": len(self.added),
            "duplicates": len(self.duplicates),
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "events_touched": len(self.events_touched),
            "events_merged": len(self.merges),
            "interrupted": self.interrupted,
        }


def content_hash(text: str) -> str:
    """sha256 of the article text: the identity used to drop re-ingested content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_index(store: Store) -> EventIndex:
    """Rebuild the in-memory event index from the signatures kept in the store."""
    index = EventIndex()
    for _article_id, event_id, data in store.iter_signatures():
        if event_id is not None:
            index.add(event_id, Signature.from_dict(data))
    return index


def load_homes(store: Store) -> OutletHomes:
    """Learn the outlets' home states from the event places of the stored analyses."""
    homes = OutletHomes()
    for outlet, event, places in store.iter_event_places():
        # The gazetteer takes seconds to load: only for a store with something to learn.
        homes.observe(outlet, explicit_state(event, places, Gazetteer()))
    return homes


class Pipeline:
    """Ingests articles into a store, keeping the event index and the outlets' learnt home
    states in step with it."""

    def __init__(self, store: Store, analyzer: Analyzer | None = None):
        self.store = store
        self._analyzer = analyzer
        self.index = load_index(store)
        self.homes = load_homes(store)

    @property
    def analyzer(self) -> Analyzer:
        # Loading spaCy takes seconds: only when there is something new to analyze.
        if self._analyzer is None:
            self._analyzer = Analyzer()
        return self._analyzer

    def ingest(
        self,
        items: Iterable[RawArticle | Skipped],
        on_item: Callable[[str, str], None] | None = None,
    ) -> IngestReport:
        """Store every new article, assign it to an event, and re-reconcile that event.

        ``on_item(origin, outcome)`` is called once per input (outcome: added, duplicate
        or skipped), for progress display. A KeyboardInterrupt stops the run after rolling
        back the article in flight; everything committed before it stays, so running the
        same ingest again finishes the job without duplicates.
        """
        report = IngestReport()
        notify = on_item or (lambda origin, outcome: None)
        try:
            for batch in _batches(self._new_articles(items, report, notify), BATCH_SIZE):
                analyses = self.analyzer.analyze_many(batch, homes=self.homes)
                for article, analysis in zip(batch, analyses, strict=True):
                    event_id, absorbed = self._add(article, analysis)
                    # After the commit, like the index: the next article of the outlet may
                    # already lean on this one.
                    state = explicit_state(analysis.event_place, analysis.places, Gazetteer())
                    self.homes.observe(article.outlet, state)
                    report.added.append(article.id)
                    report.events_touched.add(event_id)
                    report.events_touched -= set(absorbed)
                    report.merges += [(event_id, other) for other in absorbed]
                    notify(article.origin, "added")
        except KeyboardInterrupt:
            report.interrupted = True
        return report

    def _new_articles(
        self,
        items: Iterable[RawArticle | Skipped],
        report: IngestReport,
        notify: Callable[[str, str], None],
    ) -> Iterator[Article]:
        """Turn raw items into new Articles; record skips and drop duplicates on the way."""
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Skipped):
                with self.store.transaction():
                    self.store.record_skip(item.origin, item.reason)
                report.skipped.append(item)
                notify(item.origin, "skipped")
                continue
            digest = content_hash(item.text)
            if digest in seen or self.store.article_id_for_hash(digest) is not None:
                report.duplicates.append(item.origin)
                notify(item.origin, "duplicate")
                continue
            seen.add(digest)
            yield Article(**vars(item), id=self._article_id(item, digest), content_hash=digest)

    def _article_id(self, item: RawArticle, digest: str) -> str:
        """The input's own id when it has one and it is free; else one from the content."""
        if item.external_id and not self.store.has_article(item.external_id):
            return item.external_id
        if item.external_id:  # same id, different content: keep it recognisable
            return f"{item.external_id}~{digest[:8]}"
        return f"a-{digest[:12]}"

    def _add(self, article: Article, analysis: Analysis) -> tuple[str, tuple[str, ...]]:
        """Store one analysed article and its event, in one transaction.

        Returns the event id and the ids of events the article showed to be the same event,
        which were merged into it.
        """
        sig = signature(article, analysis)
        placement = self.index.place(sig)
        event_id = placement.event or new_id("ev", article.id)
        with self.store.transaction():
            self.store.add_article(article)
            self.store.save_analysis(analysis, ANALYSIS_VERSION)
            self.store.save_signature(article.id, sig.to_dict())
            self.store.set_membership(event_id, article.id, article.id)
            for other in placement.merge:
                self.store.merge_events(event_id, other, article.id)
            members = self._members(event_id)
            self.store.save_event(reconcile(event_id, members))
        # Only after the commit: a rolled-back article leaves the index as it was.
        for other in placement.merge:
            self.index.merge(event_id, other)
        self.index.add(event_id, sig)
        return event_id, placement.merge

    def _members(self, event_id: str) -> list[Member]:
        """Load an event's articles and analyses, regroup its sources, and persist groups."""
        articles = [
            article for article in self.store.iter_articles(self.store.event_member_ids(event_id))
        ]
        groups = source_groups(articles)
        members = []
        for article in articles:
            self.store.set_membership(event_id, article.id, groups[article.id])
            analysis = self.store.get_analysis(article.id)
            if analysis is None:  # every stored article is stored with its analysis
                raise RuntimeError(f"article {article.id} has no analysis")
            members.append(Member(article, analysis, groups[article.id]))
        return members


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
