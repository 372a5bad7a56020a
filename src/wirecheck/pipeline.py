"""The pipeline: ingest → analyze → cluster → reconcile → store, one article per transaction.

This is the only module that wires the stages together and talks to the store. The CLI
(and later the API and web pages) call :func:`ingest_articles` and nothing lower.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wirecheck.analyze.analyzer import ANALYSIS_VERSION, Analyzer
from wirecheck.analyze.places import Gazetteer, OutletHomes, settled_place
from wirecheck.cluster import EventIndex, Move, Signature, signature
from wirecheck.cluster.sources import SourceGroups
from wirecheck.models import Analysis, Article, RawArticle, Skipped
from wirecheck.reconcile import Member, reconcile
from wirecheck.store import Store, new_id

BATCH_SIZE = 16
# Articles (with analyses and body MinHashes) of recently touched events kept in memory, so
# a growing event is not re-read from the store for each new article; beyond this, the
# least recently touched events are dropped (and re-read if they grow again). An article
# with its analysis takes some 80 KiB in memory: this is about 160 MB.
MAX_CACHED_ARTICLES = 2000
# Within a run, a stale event is reconciled at the end of a batch only once it has grown (or
# shrunk, by articles re-placed out of it) by this share since its record was saved:
# reconciling costs more than linearly in an event's size (its quotes and facts are matched
# across articles; a 450-article event takes seconds), so doing it at every batch would make
# a large event's articles cost ever more. Every stale event is reconciled when the run ends.
RECONCILE_GROWTH = 0.25


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)  # article ids
    duplicates: list[str] = field(default_factory=list)  # origins whose content was stored
    skipped: list[Skipped] = field(default_factory=list)
    events_touched: set[str] = field(default_factory=set)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (kept, absorbed) event ids
    moves: list[Move] = field(default_factory=list)  # articles re-placed or split off
    interrupted: bool = False

    def to_dict(self) -> dict:
        return {
            "added": len(self.added),
            "duplicates": len(self.duplicates),
            "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
            "events_touched": len(self.events_touched),
            "events_merged": len(self.merges),
            "articles_moved": len(self.moves),
            "events_split_off": len({move.target for move in self.moves if move.split}),
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
        homes.observe(outlet, settled_place(event, places, Gazetteer()))
    return homes


class _CachedEvent:
    """An event's articles and analyses in ingest order, with their source groups kept up
    to date one article at a time."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.analyses: list[Analysis] = []
        self.sources = SourceGroups()
        self.groups: dict[str, str] = {}
        self.reconciled = 0  # articles in the event when its record was last saved

    def __len__(self) -> int:
        return len(self.articles)

    def append(self, article: Article, analysis: Analysis) -> None:
        self.articles.append(article)
        self.analyses.append(analysis)
        self.sources.add(article)

    def ids(self) -> list[str]:
        return [article.id for article in self.articles]

    def regroup(self) -> dict[str, str]:
        """Bring the source groups up to date; return those that changed, by article id."""
        groups = self.sources.groups()
        changed = {a: g for a, g in groups.items() if self.groups.get(a) != g}
        self.groups = groups
        return changed

    def members(self) -> list[Member]:
        return [
            Member(article, analysis, self.groups[article.id])
            for article, analysis in zip(self.articles, self.analyses, strict=True)
        ]


class Pipeline:
    """Ingests articles into a store, keeping the event index and the outlets' learnt home
    states in step with it."""

    def __init__(self, store: Store, analyzer: Analyzer | None = None):
        self.store = store
        self._analyzer = analyzer
        self.index = load_index(store)
        self.homes = load_homes(store)
        self._events: OrderedDict[str, _CachedEvent] = OrderedDict()  # least recently used first
        self._cached = 0  # articles in self._events
        # Articles and analyses of cached events that a merge or a move changed, for
        # ``_load_event`` to take instead of reading them from the store again; emptied
        # after each batch.
        self._loose: dict[str, tuple[Article, Analysis]] = {}

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
        """Store every new article and assign it to an event; after each batch, re-place the
        articles of the events it grew (``EventIndex.refine``) and reconcile stale events.

        ``on_item(origin, outcome)`` is called once per input (outcome: added, duplicate
        or skipped), for progress display. A KeyboardInterrupt stops the run after rolling
        back the article in flight; everything committed before it stays, so running the
        same ingest again finishes the job without duplicates.

        An event that grows is not re-reconciled for each article (for a large event,
        reconciling is most of the cost of an article): its articles are committed with the
        event marked stale in the store, a batch ends by reconciling the stale events that
        grew by ``RECONCILE_GROWTH``, and the run by reconciling all of them. A run stopped
        in between leaves the marks, and the next ingest reconciles those events first, so
        no event record misses an article without the store saying so.
        """
        report = IngestReport()
        notify = on_item or (lambda origin, outcome: None)
        try:
            self._reconcile_stale()
            for batch in _batches(self._new_articles(items, report, notify), BATCH_SIZE):
                analyses = self.analyzer.analyze_many(batch, homes=self.homes)
                grown: set[str] = set()
                for article, analysis in zip(batch, analyses, strict=True):
                    event_id, absorbed = self._add(article, analysis)
                    grown = (grown - set(absorbed)) | {event_id}
                    # After the commit, like the index: the next article of the outlet may
                    # already lean on this one.
                    settled = settled_place(analysis.event_place, analysis.places, Gazetteer())
                    self.homes.observe(article.outlet, settled)
                    report.added.append(article.id)
                    report.events_touched.add(event_id)
                    report.events_touched -= set(absorbed)
                    report.merges += [(event_id, other) for other in absorbed]
                    notify(article.origin, "added")
                self._refine(grown, report)
                self._reconcile_stale(grown_only=True)
                self._loose.clear()
            self._reconcile_stale()
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            self._loose.clear()
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
        """Store one analysed article and its event membership, in one transaction.

        A new event is reconciled at once (it needs a record to belong to); a known one is
        marked stale, to be reconciled later (see ``ingest``). Returns the event id and the
        ids of events the article showed to be the same event, which were merged into it.
        """
        sig = signature(article, analysis)
        placement = self.index.place(sig)
        event_id = placement.event or new_id("ev", article.id)
        # The event's articles are kept in memory between articles (checked against the
        # store's member ids, which are cheap to read), so only the new article is hashed
        # and compared. Out of the cache during the transaction: a rolled-back article must
        # not stay in it. A new event starts empty.
        event = self._uncache(event_id) or _CachedEvent()
        with self.store.transaction():
            self.store.add_article(article)
            self.store.save_analysis(analysis, ANALYSIS_VERSION)
            self.store.save_signature(article.id, sig.to_dict())
            self.store.set_membership(event_id, article.id, article.id)
            for other in placement.merge:
                self.store.merge_events(event_id, other, article.id)
                self._loosen(self._uncache(other))
            ids = self.store.event_member_ids(event_id)
            if event.ids() == ids[:-1] and ids[-1] == article.id:
                event.append(article, analysis)
            else:
                # Not cached, merged (the two events' articles interleave, and their order
                # decides which article names a source group) or grown by another process.
                self._loosen(event)
                event = self._load_event(ids)
            for member_id, group in event.regroup().items():
                self.store.set_membership(event_id, member_id, group)
            if placement.event is None:
                self.store.save_event(reconcile(event_id, event.members()))
                event.reconciled = len(event)
            else:
                self.store.mark_stale(event_id)
        # Only after the commit: a rolled-back article leaves the index as it was.
        for other in placement.merge:
            self.index.merge(event_id, other)
        self.index.add(event_id, sig)
        self._cache(event_id, event)
        return event_id, placement.merge

    def _refine(self, event_ids: set[str], report: IngestReport) -> None:
        """Cluster the neighbourhood of the events a batch grew again, in a fixed order
        (``EventIndex.refine``); store the moves and the events it leaves empty (as merged
        into the event that took their articles), in one transaction. An event split off is
        reconciled at once, like any new event; the others an article moved out of or into
        are regrouped and left stale, to be reconciled like an event that grew."""
        try:
            refinement = self.index.refine(
                event_ids,
                lambda article_id: Signature.from_dict(self.store.get_signature(article_id)),
                self._new_event_id,
            )
            if not refinement:
                return
            changed = sorted({e for move in refinement.moves for e in (move.source, move.target)})
            split_off = {move.target for move in refinement.moves if move.split}
            reconciled = {}
            for event_id in changed:
                event = self._uncache(event_id)
                reconciled[event_id] = event.reconciled if event is not None else 0
                self._loosen(event)
            rebuilt = {}
            with self.store.transaction():
                for move in refinement.moves:
                    self.store.move_article(move.article, move.source, move.target)
                for kept, absorbed in refinement.merged:
                    why = next(m.article for m in refinement.moves if m.source == absorbed)
                    self.store.merge_events(kept, absorbed, why)
                for event_id in changed:
                    if event_id in split_off:
                        rebuilt[event_id] = self._save_reconciled(event_id, None)
                    elif ids := self.store.event_member_ids(event_id):
                        rebuilt[event_id] = event = self._load_event(ids)
                        for member_id, group in event.regroup().items():
                            self.store.set_membership(event_id, member_id, group)
                        event.reconciled = reconciled[event_id]
        except BaseException:
            # The index may have moved articles (even if stopped half-way) and the store
            # has not: start the index again from the store.
            self.index = load_index(self.store)
            raise
        for event_id, event in rebuilt.items():
            self._cache(event_id, event)
        report.events_touched |= set(changed)
        report.events_touched -= {absorbed for _, absorbed in refinement.merged}
        report.moves += refinement.moves
        report.merges += refinement.merged

    def _new_event_id(self, article_id: str) -> str:
        """An id for an event split off another: from its first article, as for any event,
        unless an event has or had that id (its article founded one that was merged away)."""
        event_id, attempt = new_id("ev", article_id), 0
        # get_event also finds the id of an event merged into another.
        while event_id in self.index.events or self.store.get_event(event_id) is not None:
            attempt += 1
            event_id = new_id("ev", f"{article_id}\n{attempt}")  # ids are one line
        return event_id

    def _reconcile_stale(self, grown_only: bool = False) -> None:
        """Reconcile the events marked stale, each in its own transaction; with
        ``grown_only``, only those grown by ``RECONCILE_GROWTH`` since their last record."""
        for event_id in self.store.stale_events():
            cached = self._events.get(event_id)
            if (
                grown_only
                and cached is not None
                and abs(len(cached) - cached.reconciled) < cached.reconciled * RECONCILE_GROWTH
            ):
                continue
            with self.store.transaction():
                event = self._save_reconciled(event_id, self._uncache(event_id))
            self._cache(event_id, event)

    def _save_reconciled(self, event_id: str, event: _CachedEvent | None) -> _CachedEvent:
        """Reconcile an event and save its record, in the caller's transaction; its articles
        are read from the store unless ``event`` (from the cache) holds them all."""
        ids = self.store.event_member_ids(event_id)
        if event is None or event.ids() != ids:
            event = self._load_event(ids)
            # The article transactions stored these groups, but an article moved in or out
            # (``_refine``) can change them.
            for member_id, group in event.regroup().items():
                self.store.set_membership(event_id, member_id, group)
        self.store.save_event(reconcile(event_id, event.members()))
        event.reconciled = len(event)
        return event

    def _load_event(self, ids: list[str]) -> _CachedEvent:
        """An event's articles and analyses by their ids in ingest order: from those a
        merge or move set loose (``_loosen``), else from the store."""
        event = _CachedEvent()
        for article_id in ids:
            loose = self._loose.pop(article_id, None)
            if loose is not None:
                event.append(*loose)
                continue
            article = self.store.get_article(article_id)
            analysis = self.store.get_analysis(article_id)
            if article is None or analysis is None:  # stored together, in one transaction
                raise RuntimeError(f"article {article_id} is missing or has no analysis")
            event.append(article, analysis)
        return event

    def _loosen(self, event: _CachedEvent | None) -> None:
        """Keep a changed event's articles for ``_load_event`` (analyses never change)."""
        if event is not None:
            self._loose.update(
                (article.id, (article, analysis))
                for article, analysis in zip(event.articles, event.analyses, strict=True)
            )

    def _uncache(self, event_id: str) -> _CachedEvent | None:
        event = self._events.pop(event_id, None)
        if event is not None:
            self._cached -= len(event)
        return event

    def _cache(self, event_id: str, event: _CachedEvent) -> None:
        """Keep an event in memory, dropping the least recently used ones beyond the cap
        (never the one just kept: a huge event would be re-read for every article)."""
        self._events[event_id] = event
        self._cached += len(event)
        while self._cached > MAX_CACHED_ARTICLES and len(self._events) > 1:
            _, dropped = self._events.popitem(last=False)
            self._cached -= len(dropped)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
