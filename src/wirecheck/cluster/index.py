"""The incremental event index: which existing event, if any, a new article reports.

Candidates come from indexes, never from a scan of the store: MinHash LSH over article
bodies, and an inverted index over names restricted to a time window around the article.
Each candidate event is then scored on words, names, date, place and casualty counts.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from wirecheck.cluster.signature import NUM_PERM, SCHEME, Signature

__all__ = [
    "ASSIGN_THRESHOLD",
    "MAX_EVENT_DAYS",
    "MERGE_THRESHOLD",
    "EventIndex",
    "Move",
    "Placement",
    "Refinement",
    "is_firm_range",
]

# Chosen on the dev sets with bench/sweep_cluster.py (best mean B-cubed F1 over gva, gvc,
# ecbplus and basil, averaged over file order and five seeded shuffles; BENCHMARKS.md). It
# is low because the date and place rules in `score` already rule out look-alike events;
# the threshold only has to reject unrelated stories.
ASSIGN_THRESHOLD = 0.08
# A late article that matches a second event this well (as well as its best one) shows the
# two are one event, and they are merged. Chosen on the dev sets like ASSIGN_THRESHOLD.
MERGE_THRESHOLD = 0.4
# ... as does one that fits a second event at all, when the two events' centroids are this
# alike: an event split by the order its reports came in is joined again.
EVENTS_ALIKE = 0.4
# ... and a lone report among the article's candidates joins the article's event when it fits
# the event grown by the article (at ASSIGN_THRESHOLD) and their words are this alike: the
# report came before the article that links it to the others. Chosen like EVENTS_ALIKE, on
# the order-averaged mean from 0.1 / 0.2 / 0.3.
LONE_ALIKE = 0.2
# An event whose articles fall into two groups this unlike (the cosine of the groups'
# centroids) is two events, joined by the order its reports came in or by a report that
# bridged them; it is split in two, and two events this unlike are never merged (``place``).
# Chosen on the order-averaged mean from 0.2 / 0.25 / 0.3.
EVENTS_UNLIKE = 0.2
SPLIT_MIN_ARTICLES = 2  # on each side of a split: a lone misfit is for re-placing, not a split
BISECT_ROUNDS = 10  # 2-means rounds at most (a dozen articles settle in two or three)
# How many steps of "an article of this event fits that event" `refine` follows out from the
# events a batch touched. On ecbplus replays (bench/sweep_cluster.py, 3 orders), 1 step left
# B-cubed F1 as order-dependent as no re-clustering (spread 0.013), 2 steps 0.010, 3 steps
# 0.001; 4 changed nothing on 4 orders. Twin sub-topics pull each other in through a report
# or two they share.
REGION_HOPS = 3
PROVISIONAL = "\x00"  # prefix of ids no stored event has (event ids are printable)
# An event's reports' date ranges all fit in this many days, whether it grows by a merge or
# by an article (``place``, ``_replace``): reports of one event date it within weeks, and
# growing step by step past that chains look-alike stories. On PolNeAR's election coverage,
# merges alone made one event of 598 articles without it, 116 with it; articles joining one
# at a time within MAX_DATE_GAP of some member still made one of 453 over nine months until
# it bounded them too. The smallest of 14 / 30 / 45 / 60 / 90 that left the four labelled
# dev sets unchanged (as a bound on merges).
MAX_EVENT_DAYS = 45
LSH_THRESHOLD = 0.3
WINDOW_DAYS = 10  # blocking window around the article's day for name candidates
MAX_DATE_GAP = 7  # days between date ranges beyond which two reports are different events
COMMON_TERM_EVENTS = 500  # a name in more events than this retrieves no candidates
NAME_WEIGHT = 2.0
# How much an article whose date range overlaps one of the event's gains (chosen on the dev
# sets like ASSIGN_THRESHOLD): different write-ups of one event share fewer words than
# copies do, and a date that fits is evidence of its own.
DATE_AGREES = 1.7
STATES_ONLY_DIFFER = 0.8  # chosen like DATE_AGREES; 0.4 when either side names a city
# Two events with at most this many pairs of members are compared pair by pair in Python,
# larger ones with their members' arrays (``_Packed``): building and comparing arrays costs
# a fixed ~10 us, a pair in Python 0.3 us (dates) to 2 us (MinHashes). With arrays only, a
# store of many small events (bench/scale_cluster.py, 30,000 articles), scored mostly against
# events of one or two articles, was placed 1.4x slower and scanned 2x slower.
SMALL_PAIRS = 4


@dataclass
class _Event:
    """What the index knows of one event: its members' signatures, merged."""

    terms: Counter = field(default_factory=Counter)  # term -> summed weight over articles
    minhashes: list[np.ndarray] = field(default_factory=list)
    spans: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    places: Counter = field(default_factory=Counter)
    killed: Counter = field(default_factory=Counter)  # count -> articles giving it
    articles: list[str] = field(default_factory=list)
    # The days its members' names are filed under in the name index (date.min: no day), so
    # refiling an event's names visits those days, not every day a name was ever seen.
    days: Counter = field(default_factory=Counter)
    # Its members' dates and MinHashes as arrays (``packed``), dropped when it grows.
    _packed: _Packed | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, sig: Signature) -> _Event:
        """An event of one article."""
        event = cls(terms=Counter(sig.terms()), articles=[sig.article_id])
        event.minhashes.append(np.array(sig.minhash, dtype=np.uint64))
        if sig.span:
            event.spans.append(sig.span)
        if sig.country:
            event.places[(sig.country, sig.admin1, sig.city)] += 1
        if sig.killed is not None:
            event.killed[sig.killed] += 1
        event.days[_block_day(sig) or dt.date.min] += 1
        return event

    def absorb(self, other: _Event) -> None:
        """Add another event's articles to this one."""
        self.terms.update(other.terms)
        self.minhashes += other.minhashes
        self.spans += other.spans
        self.places.update(other.places)
        self.killed.update(other.killed)
        self.articles += other.articles
        self.days.update(other.days)
        self._packed = None

    def packed(self) -> _Packed:
        """Its members' date ranges and MinHashes as arrays, built on first use."""
        if self._packed is None:
            self._packed = _Packed.of(self)
        return self._packed

    def without(self, sig: Signature, terms: bool = True) -> _Event:
        """A copy of this event without one of its articles (and with no terms at all when
        ``terms`` is false: a fit given the cosine does not read them, and taking the
        article's terms out of a large event costs more than the fit)."""
        alone = _Event.of(sig)
        at = self.articles.index(sig.article_id)
        spans = list(self.spans)
        for span in alone.spans:
            spans.remove(span)
        # Weights are float sums: a term only this article brought can leave rounding dust.
        kept = (
            Counter({t: w for t, w in (self.terms - alone.terms).items() if w > 1e-9})
            if terms
            else Counter()
        )
        rest = _Event(
            terms=kept,
            minhashes=self.minhashes[:at] + self.minhashes[at + 1 :],
            spans=spans,
            places=self.places - alone.places,
            killed=self.killed - alone.killed,
            articles=self.articles[:at] + self.articles[at + 1 :],
            days=self.days - alone.days,
        )
        # Its arrays are this event's less the article's: ``_replace`` fits each member
        # against its event without it (with arrays only when that is not pair by pair).
        if _pairs(alone, rest) > SMALL_PAIRS:
            mine = self.minhashes[at]
            rest._packed = self.packed().without(
                self.spans.index(alone.spans[0]) if alone.spans else None,
                len(mine),
                sum(len(values) == len(mine) for values in self.minhashes[:at]),
            )
        return rest


@dataclass(frozen=True)
class _Packed:
    """An event's members' date ranges (as day numbers) and MinHash values as arrays:
    ``_fit`` and ``_compatible`` compare an article or event with every member, which one
    pair at a time cost most of the time of re-clustering a dense stream."""

    starts: np.ndarray
    ends: np.ndarray
    minhashes: dict[int, np.ndarray]  # length -> one row per member MinHash that long

    @classmethod
    def of(cls, event: _Event) -> _Packed:
        """The arrays of an event's members."""
        rows: dict[int, list[np.ndarray]] = defaultdict(list)
        for values in event.minhashes:
            if len(values):  # an article without a MinHash is like no article
                rows[len(values)].append(values)
        return cls(
            starts=np.array([start.toordinal() for start, _ in event.spans], dtype=np.int64),
            ends=np.array([end.toordinal() for _, end in event.spans], dtype=np.int64),
            minhashes={length: np.stack(values) for length, values in rows.items()},
        )

    def without(self, span: int | None, length: int, row: int) -> _Packed:
        """These arrays without date range number ``span`` and row ``row`` of the MinHashes
        of ``length`` (0: none), as ``of`` would build them for the event without them."""
        starts, ends, minhashes = self.starts, self.ends, dict(self.minhashes)
        if span is not None:
            starts, ends = np.delete(starts, span), np.delete(ends, span)
        if length:
            rows = np.delete(minhashes.pop(length), row, axis=0)
            if len(rows):
                minhashes[length] = rows
        return _Packed(starts, ends, minhashes)

    @functools.cached_property
    def bounds(self) -> tuple[int, int] | None:
        """The first start and last end of the date ranges that count in an extent
        (``is_firm_range``), as day numbers (None: none does)."""
        firm = self.ends - self.starts <= WINDOW_DAYS
        if not firm.any():
            return None
        return int(self.starts[firm].min()), int(self.ends[firm].max())

    def gap(self, other: _Packed) -> int:
        """Days between the nearest two date ranges, one of each (0 when two overlap;
        both must have some)."""
        gaps = np.maximum.outer(self.starts, other.starts) - np.minimum.outer(self.ends, other.ends)
        return max(0, int(gaps.min()))

    def copy(self, other: _Packed) -> float:
        """Estimated Jaccard similarity of the most alike MinHashes, one of each (0 when
        none compare)."""
        best = 0.0
        for length, rows in self.minhashes.items():
            others = other.minhashes.get(length)
            if others is not None:
                # The estimated Jaccard similarity: the share of equal MinHash values.
                same = (rows[:, None, :] == others[None, :, :]).sum(axis=2).max()
                best = max(best, int(same) / length)
        return best


def _pairs(a: _Event, b: _Event) -> int:
    """How many pairs of members, one of each, comparing two events compares."""
    return len(a.articles) * len(b.articles)


def _gap(a: _Event, b: _Event) -> int:
    """Days between the nearest two date ranges, one of each event's (0 when two overlap;
    both must have some)."""
    if _pairs(a, b) > SMALL_PAIRS:
        return a.packed().gap(b.packed())
    return max(0, min((max(x[0], y[0]) - min(x[1], y[1])).days for x in a.spans for y in b.spans))


def _copy(a: _Event, b: _Event) -> float:
    """Estimated Jaccard similarity of the most alike MinHashes, one of each event's (0 when
    none compare: no MinHash, or MinHashes of different lengths)."""
    if _pairs(a, b) > SMALL_PAIRS:
        return a.packed().copy(b.packed())
    # The estimated Jaccard similarity: the share of equal MinHash values.
    return max(
        (
            int(np.count_nonzero(x == y)) / len(x)
            for x in a.minhashes
            for y in b.minhashes
            if len(x) and len(x) == len(y)
        ),
        default=0.0,
    )


def _extent(a: _Event, b: _Event) -> int:
    """Days from the first start to the last end of two events' firm date ranges
    (``is_firm_range``; 0 when neither has one)."""
    if _pairs(a, b) > SMALL_PAIRS:
        bounds = [x for x in (a.packed().bounds, b.packed().bounds) if x]
        if not bounds:
            return 0
        return max(last for _, last in bounds) - min(first for first, _ in bounds)
    spans = [span for span in a.spans + b.spans if is_firm_range(span)]
    if not spans:
        return 0
    return (max(end for _, end in spans) - min(start for start, _ in spans)).days


@dataclass(frozen=True)
class Move:
    """An article the index moved from one event to another that fits it better, or (with
    ``split``) to a new event split off its own."""

    article: str
    source: str
    target: str
    split: bool = False


@dataclass(frozen=True)
class Refinement:
    """What ``EventIndex.refine`` changed: articles moved, and events left without
    articles, each recorded as merged into the event that took most of them."""

    moves: list[Move] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (kept, absorbed)

    def __bool__(self) -> bool:
        return bool(self.moves or self.merged)


def _arrival_key(sig: Signature) -> tuple[dt.date, str]:
    """The order ``refine`` places a neighbourhood's articles in: by the day they block on
    (undated ones last), then by id, so the result depends on the articles, not on the order
    they came in. Day order is also the order a live stream mostly comes in."""
    return (_block_day(sig) or dt.date.max, sig.article_id)


@dataclass(frozen=True)
class Placement:
    """Where a new article goes: an existing event (or None for a new one), and the other
    events it shows to be the same event as that one."""

    event: str | None
    merge: tuple[str, ...] = ()


def _lean(values: np.ndarray) -> LeanMinHash:
    """A MinHash for the LSH from stored values (building a MinHash would draw permutations)."""
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


def _bisect(vectors: dict[str, dict[str, float]]) -> tuple[list[str], list[str]] | None:
    """Two groups of the given term vectors, by spherical 2-means (None: they do not part).

    Seeded with the vector least like the mean and the vector least like that one, so the
    result depends only on the vectors. Hand-written: a dozen sparse vectors per event, and
    scikit-learn is no dependency of the product.
    """
    ids = list(vectors)
    mean = _total(vectors.values())  # a sum: cosines do not depend on scale
    mean_norm = _norm(mean)
    first = min(ids, key=lambda a: _cosine_normed(vectors[a], mean, mean_norm))
    first_norm = _norm(vectors[first])
    second = min(
        (a for a in ids if a != first),
        key=lambda a: _cosine_normed(vectors[a], vectors[first], first_norm),
    )
    seeds = [vectors[first], vectors[second]]
    groups: tuple[list[str], list[str]] | None = None
    for _ in range(BISECT_ROUNDS):
        norms = [_norm(seed) for seed in seeds]
        regrouped: tuple[list[str], list[str]] = ([], [])
        for a in ids:
            near = [
                _cosine_normed(vectors[a], seed, norm)
                for seed, norm in zip(seeds, norms, strict=True)
            ]
            regrouped[0 if near[0] >= near[1] else 1].append(a)
        if not all(regrouped):
            return None
        if regrouped == groups:
            break
        groups = regrouped
        seeds = [_total(vectors[a] for a in group) for group in groups]
    return groups


def _total(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """The sum of sparse vectors."""
    total: Counter = Counter()
    for vector in vectors:
        total.update(vector)
    return dict(total)


class _Weights(dict):
    """Term weights for one number of events: a term's idf over events, more for names
    than for content words. Each is computed on first use, from the idf of its count of
    events, computed once per count."""

    def __init__(self, term_events: Counter) -> None:
        super().__init__()
        self.term_events = term_events
        self.events = -1  # the number of events the weights are for
        self.idf: dict[int, float] = {}

    def reset(self, events: int) -> None:
        """Forget all weights: there are ``events`` events now."""
        self.clear()
        self.idf.clear()
        self.events = events

    def __missing__(self, term: str) -> float:
        count = self.term_events[term]
        idf = self.idf.get(count)
        if idf is None:
            idf = self.idf[count] = math.log((self.events + 1) / (count + 1)) + 1
        self[term] = weight = idf * (NAME_WEIGHT if term.startswith("n:") else 1.0)
        return weight


def _is_provisional(event_id: str) -> bool:
    return event_id.startswith(PROVISIONAL)


def is_firm_range(span: tuple[dt.date, dt.date]) -> bool:
    """Whether a date range is no vaguer than the blocking window. A month named alone ("in
    March") says only that the event fell some time in it: such a range neither gives an
    article a day to block on nor counts in an event's extent (``_extent``), or one such
    report would make its event span a month and keep out later reports of it, and a report
    that dates an event only by its month could not join an event whose reports spread over
    a few weeks. ``MAX_DATE_GAP`` still keeps it near the event's dates. (A year never gets
    here: ``Signature.span`` falls back on the publication date.)"""
    start, end = span
    return (end - start).days <= WINDOW_DAYS


def _block_day(sig: Signature) -> dt.date | None:
    """The day an article is blocked on: none when its date is vaguer than the window
    (``is_firm_range``), since its first day says little about when it was."""
    if sig.dated and sig.span and not is_firm_range(sig.span):
        return None
    return sig.day


def _norm(vector: dict[str, float]) -> float:
    return math.hypot(*vector.values())


def _cosine_normed(a: dict[str, float], b: dict[str, float], norm_b: float) -> float:
    """``_cosine`` with ``b``'s norm known: the cost is ``a``'s size, not ``b``'s."""
    shared = sum(w * b[t] for t, w in a.items() if t in b)
    return shared / ((_norm(a) * norm_b) or 1.0)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors."""
    return _cosine_normed(a, b, _norm(b))


def _cosine_without(
    part: dict[str, float], mean: dict[str, float], norm: float, size: int
) -> float:
    """Cosine of ``part`` and what is left of ``mean`` (the mean of ``size`` vectors, one
    of them ``part``, with norm ``norm``) once ``part`` is taken out, without building what
    is left: it is ``size * mean - part``, and a cosine does not depend on scale."""
    dot = sum(w * mean.get(t, 0.0) for t, w in part.items()) * size
    part_sq = sum(w * w for w in part.values())
    rest_sq = (size * norm) ** 2 - 2 * dot + part_sq
    if rest_sq <= 1e-12:
        return 0.0
    return (dot - part_sq) / (math.sqrt(part_sq * rest_sq) or 1.0)


def _place_fit(
    a: tuple[str, str | None, str | None], b: tuple[str, str | None, str | None]
) -> float:
    """How two places (country, admin1, city) bear on the score of an article for an event."""
    (country, admin1, city), (other_country, other_admin1, other_city) = a, b
    if country != other_country:
        return 0.3
    if admin1 and other_admin1 and admin1 != other_admin1:
        # Two states without a city are weak evidence: a story placed only by a state is
        # often placed by a passing mention ("Washington", a senator's state).
        return 0.4 if city or other_city else STATES_ONLY_DIFFER
    if city and other_city:
        return 1.15 if city == other_city else 0.6
    return 1.0


class EventIndex:
    """In-memory, incremental; rebuilt from stored signatures at start-up."""

    def __init__(
        self, threshold: float = ASSIGN_THRESHOLD, merge_threshold: float = MERGE_THRESHOLD
    ) -> None:
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.events: dict[str, _Event] = {}
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.article_event: dict[str, str] = {}
        self.by_term_day: dict[str, dict[dt.date, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.term_events: Counter = Counter()  # how many events use each term (for idf)
        # Each term's weight, computed once while the number of events stays the same (a
        # term whose event count changes is dropped): weighting every term of every
        # candidate's centroid anew was most of the time of a dense stream's replay.
        self._weights = _Weights(self.term_events)
        # Centroids (``_centroid``) by the id of their event, kept with it so the id is not
        # reused, until the index changes: ``_region`` and ``place`` score many articles
        # against the same events.
        self._centroids: dict[int, tuple[_Event, dict[str, float], float]] = {}
        self._last_probe: tuple[Signature, _Event] | None = None
        # Ids of events `refine` builds before it knows which old event each one is; never
        # reused, so a name filed under one and left behind by a move finds no later event.
        self._provisional = (f"{PROVISIONAL}{n}" for n in itertools.count())

    def __len__(self) -> int:
        return len(self.events)

    def _count_term(self, term: str, change: int) -> None:
        """Count one event more (or fewer) using ``term``."""
        self.term_events[term] += change
        self._weights.pop(term, None)

    def _current_weights(self) -> _Weights:
        """The weight of every term, cached for the present number of events."""
        if self._weights.events != len(self.events):
            self._weights.reset(len(self.events))
        return self._weights

    def add(self, event_id: str, sig: Signature) -> None:
        """Record that ``sig``'s article belongs to ``event_id``."""
        self._centroids.clear()
        event = self.events.setdefault(event_id, _Event())
        for term in sig.terms():
            if term not in event.terms:
                self._count_term(term, 1)
        event.absorb(_Event.of(sig))
        block = _block_day(sig)
        for name in sig.names:
            # Articles without a day to block on are filed under date.min, which every
            # look-up also reads.
            self.by_term_day[name][block or dt.date.min].add(event_id)
        if sig.minhash and sig.article_id not in self.article_event:
            self.lsh.insert(sig.article_id, _lean(event.minhashes[-1]))
        self.article_event[sig.article_id] = event_id

    def move(self, sig: Signature, target: str) -> None:
        """Move ``sig``'s article out of its event into event ``target`` (an event left
        without articles is gone)."""
        self._centroids.clear()
        source = self.article_event[sig.article_id]
        rest = self.events[source].without(sig)
        for term in sig.terms():
            if term not in rest.terms:
                self._count_term(term, -1)
        if rest.articles:
            self.events[source] = rest
        else:
            del self.events[source]
        self.add(target, sig)

    def refine(
        self,
        event_ids: Iterable[str],
        signature_of: Callable[[str], Signature],
        new_event_id: Callable[[str], str],
    ) -> Refinement:
        """Cluster the neighbourhood of the given events again from scratch, in a fixed
        order, so where its articles end up depends on which articles the index holds and
        not on the order they came in.

        The neighbourhood is the given events and the events their articles fit, followed
        ``REGION_HOPS`` steps out. Its articles are taken out and placed again by
        ``_arrival_key`` (day, then id), as ``place`` would place new ones; then each
        article is re-placed once against the rebuilt events, and events holding two unlike
        groups are split (``_split``). Rebuilt events take the ids of the old events they
        share most articles with; the others get ``new_event_id(their first article)`` and
        count as split off (``Move.split``). An old event left with none of its articles is
        recorded as merged into the event that took most of them.
        """
        # Every step reads the members' signatures, which may come from a store.
        signature_of = functools.cache(signature_of)
        region = self._region({e for e in event_ids if e in self.events}, signature_of)
        # Where each article touched was before, for the moves: the region's articles, and
        # those of any event outside it that joins in, gains one of them or a re-placed one.
        before = {a: e for e in sorted(region) for a in self.events[e].articles}

        def note_members(event_ids: Iterable[str]) -> None:
            for event_id in event_ids:
                if event_id in self.events and not _is_provisional(event_id):
                    for article in self.events[event_id].articles:
                        before.setdefault(article, event_id)

        for event_id in region:
            self._drop(event_id)
        for article in sorted(before, key=lambda a: _arrival_key(signature_of(a))):
            sig = signature_of(article)
            placement = self.place(sig)
            event_id = placement.event or next(self._provisional)
            note_members(placement.merge)
            for other in placement.merge:
                self.merge(event_id, other)
            self.add(event_id, sig)
        rebuilt = {self.article_event[a] for a in before}
        note_members(rebuilt)
        targets = {move.target for move in self._replace(rebuilt, signature_of)}
        note_members(targets)
        for event_id in sorted(rebuilt | targets):
            if event_id in self.events:
                self._split(event_id, signature_of, lambda _: next(self._provisional))
        return self._settle_ids(before, new_event_id, signature_of)

    def _region(self, event_ids: set[str], signature_of: Callable[[str], Signature]) -> set[str]:
        """``event_ids`` and the events their articles fit, ``REGION_HOPS`` steps out."""
        region, frontier = set(event_ids), set(event_ids)
        for _ in range(REGION_HOPS):
            reached = set()
            for event_id in sorted(frontier):
                for article in self.events[event_id].articles:
                    sig = signature_of(article)
                    reached |= {
                        other
                        for other in self.candidates(sig) - region - reached
                        if self.score(sig, other) >= self.threshold
                    }
            if not reached:
                break
            region |= reached
            frontier = reached
        return region

    def _drop(self, event_id: str) -> None:
        """Take an event and its articles out of the index."""
        self._centroids.clear()
        event = self.events.pop(event_id)
        for term in event.terms:
            self._count_term(term, -1)
        self._refile_names(event, event_id, None)
        for article in event.articles:
            del self.article_event[article]
            if article in self.lsh:
                self.lsh.remove(article)

    def _settle_ids(
        self,
        before: dict[str, str],
        new_event_id: Callable[[str], str],
        signature_of: Callable[[str], Signature],
    ) -> Refinement:
        """Give the rebuilt events ids (see ``refine``) and say what moved."""
        overlap: Counter = Counter(
            (self.article_event[a], old)
            for a, old in before.items()
            if _is_provisional(self.article_event[a])
        )
        free = set(before.values()) - self.events.keys()
        first = {
            e: min(_arrival_key(signature_of(a)) for a in self.events[e].articles)
            for e, _ in overlap
        }
        named: dict[str, str] = {}
        # Most shared articles first; ties by old id, then by the rebuilt event's first
        # article, so the ids do not depend on arrival order either.
        for (event_id, old), _ in sorted(
            overlap.items(), key=lambda item: (-item[1], item[0][1], first[item[0][0]])
        ):
            if event_id not in named and old in free:
                named[event_id] = old
                free.discard(old)
        new_ids = set()
        for event_id in sorted(first, key=first.__getitem__):
            if event_id not in named:
                named[event_id] = new_event_id(first[event_id][1])
                new_ids.add(named[event_id])
            self._rename(event_id, named[event_id])
        moves = [
            Move(a, old, self.article_event[a], split=self.article_event[a] in new_ids)
            for a, old in sorted(before.items())
            if self.article_event[a] != old
        ]
        took: dict[str, Counter] = defaultdict(Counter)
        for move in moves:
            took[move.source][move.target] += 1
        merged = [(min(took[old], key=lambda e: (-took[old][e], e)), old) for old in sorted(free)]
        return Refinement(moves, merged)

    def _rename(self, old: str, new: str) -> None:
        """Give an event another id."""
        event = self.events.pop(old)
        self.events[new] = event
        for article in event.articles:
            self.article_event[article] = new
        self._refile_names(event, old, new)

    def _refile_names(self, event: _Event, old: str, new: str | None) -> None:
        """File an event's names under id ``new`` instead of ``old`` (None: unfile them)."""
        for term in event.terms:
            if not term.startswith("n:"):
                continue
            days = self.by_term_day.get(term[2:], {})
            for day in days.keys() & event.days.keys():  # the fewer of the two looked through
                events = days[day]
                if old in events:
                    events.discard(old)
                    if new is not None:
                        events.add(new)

    def _replace(self, event_ids: set[str], signature_of: Callable[[str], Signature]) -> list[Move]:
        """The re-placing step of ``refine``."""
        live = [self.events[e] for e in event_ids if e in self.events]
        members = sorted({article for event in live for article in event.articles})
        # Centroids (and norms) of the events looked at, kept for the pass and dropped when
        # a move changes an event: re-weighting every term of every candidate for every
        # member would cost more than all the placing before it.
        centroids: dict[str, tuple[dict[str, float], float]] = {}

        def centroid(event_id: str) -> tuple[dict[str, float], float]:
            if event_id not in centroids:
                centroids[event_id] = self._centroid_normed(self.events[event_id])
            return centroids[event_id]

        moves = []
        for article in members:
            source = self.article_event[article]
            event = self.events[source]
            sig = signature_of(article)
            probe = _Event.of(sig)
            mine = self._vector(sig)
            own = 0.0  # a lone report: an event it fits at all is better
            if len(event.articles) > 1:
                cosine = _cosine_without(mine, *centroid(source), len(event.articles))
                own = self._fit(probe, event.without(sig, terms=False), cosine)
            best, best_fit = None, max(own, self.threshold)
            for candidate in sorted(self.candidates(sig) - {source}):
                cosine = _cosine_normed(mine, *centroid(candidate))
                fit = self._fit(probe, self.events[candidate], cosine)
                if fit > best_fit:
                    best, best_fit = candidate, fit
            if best is not None:
                self.move(sig, best)
                moves.append(Move(article, source, best))
                centroids.pop(source, None)  # a lone report's was never needed
                centroids.pop(best)
        return moves

    def _split(
        self,
        event_id: str,
        signature_of: Callable[[str], Signature],
        new_event_id: Callable[[str], str],
    ) -> list[Move]:
        """Split an event in two when its two most unlike groups of articles are unlike
        enough (``EVENTS_UNLIKE``): the smaller group leaves (on a tie, the one without the
        smallest article id), so which group keeps the event does not depend on the order
        its articles came in. Articles without terms have nothing to group by and stay."""
        event = self.events[event_id]
        vectors = {}
        for article in sorted(event.articles):
            vector = self._vector(signature_of(article))
            if vector:
                vectors[article] = vector
        if len(vectors) < 2 * SPLIT_MIN_ARTICLES:
            return []
        groups = _bisect(vectors)
        if groups is None or min(map(len, groups)) < SPLIT_MIN_ARTICLES:
            return []
        first, second = (_total(vectors[a] for a in group) for group in groups)
        if _cosine(first, second) >= EVENTS_UNLIKE:
            return []
        smallest = min(vectors)
        leaving = min(groups, key=lambda group: (len(group), smallest in group))
        target = new_event_id(leaving[0])
        for article in leaving:
            self.move(signature_of(article), target)
        return [Move(article, event_id, target, split=True) for article in leaving]

    def merge(self, keep: str, absorbed: str) -> None:
        """Fold event ``absorbed`` into event ``keep``."""
        self._centroids.clear()
        gone = self.events.pop(absorbed)
        kept = self.events[keep]
        for term in gone.terms:
            if term in kept.terms:
                self._count_term(term, -1)
        self._refile_names(gone, absorbed, keep)
        kept.absorb(gone)
        for article in gone.articles:
            self.article_event[article] = keep

    def candidates(self, sig: Signature) -> set[str]:
        """Events sharing near-identical text, or a name within the time window."""
        found: set[str] = set()
        if sig.minhash:
            values = np.array(sig.minhash, dtype=np.uint64)
            found |= {self.article_event[a] for a in self.lsh.query(_lean(values))}
        day = _block_day(sig)
        window = (
            {day + dt.timedelta(days=offset) for offset in range(-WINDOW_DAYS, WINDOW_DAYS + 1)}
            if day
            else set()
        )
        window.add(dt.date.min)  # events with no day to block on
        for name in sig.names:
            days = self.by_term_day.get(name)
            if not days or self.term_events[f"n:{name}"] > COMMON_TERM_EVENTS:
                continue
            if day is None:  # no day: every event that shares a rare name
                for events in days.values():
                    found |= events
                continue
            for window_day in days.keys() & window:  # the fewer of the two looked through
                found |= days[window_day]
        # A name can still point at an event that lost the article naming it to a move and
        # was then merged away.
        return found & self.events.keys()

    def score(self, sig: Signature, event_id: str) -> float:
        """Similarity of an article to an event in [0, 1]; 0 when date or place rule it out."""
        return self._fit(self._probe(sig), self.events[event_id])

    def _probe(self, sig: Signature) -> _Event:
        """The article as an event of one, built once for the article being placed (it is
        scored against every candidate)."""
        if self._last_probe is None or self._last_probe[0] is not sig:
            self._last_probe = (sig, _Event.of(sig))
        return self._last_probe[1]

    def _fit(self, probe: _Event, event: _Event, cosine: float | None = None) -> float:
        """``score`` for a probe event of one article (or a few) against an event; ``cosine``
        is their centroids' cosine when the caller has it already."""
        gap = None
        if probe.spans and event.spans:
            gap = _gap(probe, event)
            if gap > MAX_DATE_GAP:
                return 0.0  # even templated, near-identical text: a different incident
            if _extent(probe, event) > MAX_EVENT_DAYS:
                return 0.0  # joined, it would span longer than one event's reports do
        copy = _copy(probe, event)
        if copy >= 0.8:
            return 1.0  # a copy of a member: same story
        # Cosine between the article's terms and the event's centroid (the mean of its
        # articles' term vectors): the words most of its reports share define an event, a
        # word one report brought in hardly counts.
        if cosine is None:
            cosine = _cosine_normed(self._centroid(probe), *self._centroid_normed(event))
        score = max(cosine, copy)
        if gap:
            score *= 0.8
        elif gap == 0:
            score *= DATE_AGREES  # when it happened fits: fewer shared words are enough

        if probe.places and event.places:
            score *= _place_fit(
                probe.places.most_common(1)[0][0], event.places.most_common(1)[0][0]
            )
        if probe.killed and event.killed and not probe.killed & event.killed:
            score *= 0.85
        return min(score, 1.0)

    def _vector(self, sig: Signature) -> dict[str, float]:
        """An article's term vector, each term weighted (its event-of-one centroid)."""
        weights = self._current_weights()
        return {t: weights[t] * w for t, w in sig.terms().items()}

    def _centroid(self, event: _Event) -> dict[str, float]:
        """The mean of an event's article term vectors, each term weighted."""
        return self._centroid_normed(event)[0]

    def _centroid_normed(self, event: _Event) -> tuple[dict[str, float], float]:
        """``_centroid`` and its norm."""
        cached = self._centroids.get(id(event))
        if cached is not None and cached[0] is event:
            return cached[1], cached[2]
        weights = self._current_weights()
        size = len(event.articles)
        centroid = {t: weights[t] * w / size for t, w in event.terms.items()}
        norm = _norm(centroid)
        self._centroids[id(event)] = (event, centroid, norm)
        return centroid, norm

    @staticmethod
    def _compatible(a: _Event, b: _Event) -> bool:
        """Whether two events could be one: no date range of one far from all of the other's,
        and all of them within ``MAX_EVENT_DAYS``."""
        if not a.spans or not b.spans:
            return True
        return _gap(a, b) <= MAX_DATE_GAP and _extent(a, b) <= MAX_EVENT_DAYS

    def place(self, sig: Signature) -> Placement:
        """The event this article reports (None: a new one), and events to merge into it."""
        scored = sorted(
            ((self.score(sig, e), e) for e in self.candidates(sig)), key=lambda se: (-se[0], se[1])
        )
        if not scored or scored[0][0] < self.threshold:
            return Placement(None)
        best_score, best = scored[0]
        others = [
            (score, e)
            for score, e in scored[1:]
            if self._compatible(self.events[best], self.events[e])
        ]
        # The parts of the event the article makes: the extent of all of them together is
        # that of the two parts farthest apart, so each event merged in must be within
        # ``MAX_EVENT_DAYS`` of each part.
        parts = [self.events[best], self._probe(sig)]

        def within(event: _Event) -> bool:
            return all(_extent(part, event) <= MAX_EVENT_DAYS for part in parts)

        fitting = [(score, e) for score, e in others if score >= self.threshold]
        centroid = self._centroid(self.events[best]) if fitting else {}
        merge = []
        for score, e in fitting:
            cosine = _cosine_normed(centroid, *self._centroid_normed(self.events[e]))
            # Events this unlike stay apart even when an article fits both well: ``refine``
            # would split them again.
            if (
                cosine >= EVENTS_ALIKE
                or (min(best_score, score) >= self.merge_threshold and cosine >= EVENTS_UNLIKE)
            ) and within(self.events[e]):
                merge.append(e)
                parts.append(self.events[e])
        lone = [e for _, e in others if e not in merge and len(self.events[e].articles) == 1]
        if lone:
            grown = _Event()
            grown.absorb(self.events[best])
            grown.absorb(self._probe(sig))
            grown_centroid = self._centroid(grown)
            for e in lone:
                event = self.events[e]
                if (
                    self._fit(event, grown) >= self.threshold
                    and _cosine_normed(grown_centroid, *self._centroid_normed(event)) >= LONE_ALIKE
                    and within(event)
                ):
                    merge.append(e)
                    parts.append(event)
        return Placement(best, tuple(merge))

    def assign(self, sig: Signature) -> str | None:
        """The existing event this article reports, or None for a new event."""
        return self.place(sig).event
