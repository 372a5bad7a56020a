"""Independent sources: copies of one story (syndication, wire copy) form one source group."""

from __future__ import annotations

from wirecheck.analyze.nlp import mask
from wirecheck.cluster.signature import body_minhash
from wirecheck.models import Article

__all__ = ["COPY_JACCARD", "WIRE_JACCARD", "source_groups"]

COPY_JACCARD = 0.6  # shared word 3-shingles: a lightly edited copy of the same text
WIRE_JACCARD = 0.3  # enough when both carry the same wire credit


def source_groups(articles: list[Article]) -> dict[str, str]:
    """Map each article id to its source group: the id of the group's first article.

    Two articles are one source when their bodies (boilerplate masked) are near-identical,
    or when they carry the same wire credit and share much of their text.
    """
    hashes = [body_minhash(mask(a.text, a.boilerplate)) for a in articles]
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i):
            similarity = hashes[i].jaccard(hashes[j])
            same_wire = (
                articles[i].attribution is not None
                and articles[i].attribution == articles[j].attribution
            )
            if similarity >= COPY_JACCARD or (same_wire and similarity >= WIRE_JACCARD):
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
    return {a.id: articles[root(i)].id for i, a in enumerate(articles)}
