"""Independent sources: copies of one story (syndication, wire copy) form one source group.

Two articles are one source when their bodies (boilerplate masked) are near-identical:
MinHash Jaccard of word 3-shingles >= ``COPY_JACCARD``, or the shorter body is almost all
inside the longer one (a syndicated copy cut short, or with a paragraph added). Two
articles that carry the same wire credit (``attribution``) need less: a rewrite of the same
wire story around its paragraphs is still that agency's story.
"""

from __future__ import annotations

import datetime as dt

from wirecheck.analyze.nlp import mask
from wirecheck.cluster.signature import _shingles, body_minhash
from wirecheck.models import Article

__all__ = [
    "COPY_CONTAINMENT",
    "COPY_JACCARD",
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
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or dt.date.max, i))
    rank = {i: r for r, i in enumerate(order)}
    bodies = [mask(a.text, a.boilerplate) for a in articles]
    hashes = [body_minhash(b) for b in bodies]
    sizes = [len(_shingles(b)) if b.strip() else 0 for b in bodies]
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i):
            if not sizes[i] or not sizes[j]:
                continue
            jac = hashes[i].jaccard(hashes[j])
            contained = copy_similarity(jac, sizes[i], sizes[j])
            same_wire = _wire(articles[i]) is not None and _wire(articles[i]) == _wire(articles[j])
            if (
                jac >= COPY_JACCARD
                or (contained >= COPY_CONTAINMENT and min(sizes[i], sizes[j]) >= MIN_SHINGLES)
                or (same_wire and contained >= WIRE_CONTAINMENT)
            ):
                a, b = root(i), root(j)
                keep, drop = (a, b) if rank[a] < rank[b] else (b, a)
                parent[drop] = keep
    return {a.id: articles[root(i)].id for i, a in enumerate(articles)}
