"""Independent sources: one outlet's reports, and copies of one story (syndication, wire
copy) under any outlets, form one source group.

Two articles are one source when their bodies (boilerplate masked) are near-identical:
MinHash Jaccard of word 3-shingles >= ``COPY_JACCARD``, or the shorter body is almost all
inside the longer one (a syndicated copy cut short, or with a paragraph added). Two
articles that carry the same wire credit (``attribution``) need less: a rewrite of the same
wire story around its paragraphs is still that agency's story. Two reports of one outlet
are one source too, whatever their words (a first report and its update are one newsroom's
account, not two that corroborate each other), unless they carry different wire credits
(an aggregator's site carrying two agencies' stories).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from wirecheck.analyze.nlp import mask
from wirecheck.cluster.signature import NUM_PERM, _shingles, body_minhash
from wirecheck.models import Article, outlet_key

__all__ = [
    "COPY_CONTAINMENT",
    "COPY_JACCARD",
    "SourceGroups",
    "WIRE_CONTAINMENT",
    "copy_similarity",
    "source_groups",
]

COPY_JACCARD = 0.8
COPY_CONTAINMENT = 0.8  # share of the shorter body's shingles found in the longer one
WIRE_CONTAINMENT = 0.4  # enough when both carry the same wire credit
MIN_SHINGLES = 20  # a shorter text than this is too short to call a copy by containment


def copy_similarity(jaccard: float, size_a: int, size_b: int) -> float:
    """Containment of the smaller shingle set in the larger, from their Jaccard estimate.

    |A ∩ B| = J (|A| + |B|) / (1 + J); divided by min(|A|, |B|), capped at 1.
    """
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / (1.0 + jaccard) / smaller)


def _wire(article: Article) -> str | None:
    return article.attribution.strip().casefold() if article.attribution else None


def source_groups(articles: list[Article]) -> dict[str, str]:
    """Map each article id to its source group: the id of the group's earliest article
    (earliest published; the first given on ties or without dates)."""
    groups = SourceGroups()
    for article in articles:
        groups.add(article)
    return groups.groups()


class SourceGroups:
    """:func:`source_groups` built one article at a time, for an event that grows.

    Adding an article compares it with the articles before it only (their MinHashes are
    kept), so a growing event costs one pass per new article, not one over all pairs. The
    groups after any sequence of adds are those of ``source_groups`` on the same list.
    """

    def __init__(self) -> None:
        self._articles: list[Article] = []
        self._sizes: list[int] = []
        self._parent: list[int] = []
        self._by_outlet: dict[str, list[int]] = {}  # outlet -> its articles, in order added
        # The body MinHash values, one row per article: a new article is compared with all
        # the others at once (pair by pair, a large event re-read from the store cost seconds).
        self._values = np.empty((0, NUM_PERM), dtype=np.uint64)

    def _rank(self, i: int) -> tuple[dt.date, int]:
        return (self._articles[i].published or dt.date.max, i)

    def _root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def add(self, article: Article) -> None:
        """Add the article that comes after all those added so far."""
        body = mask(article.text, article.boilerplate)
        i = len(self._articles)
        minhash = body_minhash(body)
        self._articles.append(article)
        self._sizes.append(len(_shingles(body)) if body.strip() else 0)
        self._parent.append(i)
        before, self._values = self._values, np.vstack([self._values, minhash.hashvalues])
        self._join_outlet(i)
        if not self._sizes[i] or not i:
            return
        sizes = np.array(self._sizes[:i], dtype=np.float64)
        jaccard = (before == minhash.hashvalues).sum(axis=1) / NUM_PERM
        contained = jaccard * (sizes + self._sizes[i]) / (1.0 + jaccard)
        contained /= np.maximum(np.minimum(sizes, self._sizes[i]), 1)
        # Every test below needs at least the containment of the weakest one; each
        # article that passes it is then tested exactly as one pair.
        for j in np.flatnonzero((contained >= WIRE_CONTAINMENT) & (sizes > 0)):
            self._join_if_copies(i, int(j), float(jaccard[j]))

    def _join_if_copies(self, i: int, j: int, jac: float) -> None:
        """Put articles ``i`` and ``j`` in one group if they are copies of one story
        (``jac``: their bodies' estimated Jaccard similarity)."""
        sizes = self._sizes
        contained = copy_similarity(jac, sizes[i], sizes[j])
        wire = _wire(self._articles[i])
        same_wire = wire is not None and wire == _wire(self._articles[j])
        if (
            jac >= COPY_JACCARD
            or (contained >= COPY_CONTAINMENT and min(sizes[i], sizes[j]) >= MIN_SHINGLES)
            or (same_wire and contained >= WIRE_CONTAINMENT)
        ):
            self._join(i, j)

    def _join_outlet(self, i: int) -> None:
        """Put article ``i`` in one group with the earlier articles of its outlet, but not
        with one that carries another wire credit than its own."""
        outlet = outlet_key(self._articles[i].outlet)
        if outlet is None:
            return
        wire = _wire(self._articles[i])
        earlier = self._by_outlet.setdefault(outlet, [])
        for j in earlier:
            other = _wire(self._articles[j])
            if wire is None or other is None or wire == other:
                self._join(i, j)
        earlier.append(i)

    def _join(self, i: int, j: int) -> None:
        """Put articles ``i`` and ``j`` in one group, rooted at its earliest article."""
        a, b = self._root(i), self._root(j)
        keep, drop = (a, b) if self._rank(a) < self._rank(b) else (b, a)
        self._parent[drop] = keep

    def groups(self) -> dict[str, str]:
        """Each article id's source group, as :func:`source_groups` gives it."""
        return {a.id: self._articles[self._root(i)].id for i, a in enumerate(self._articles)}
