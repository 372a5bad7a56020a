"""What the clusterer keeps of an article: date, place, names, keywords, counts, MinHash.

A :class:`Signature` is small and JSON-safe: the pipeline stores it next to the article and
rebuilds the in-memory :class:`~wirecheck.cluster.index.EventIndex` from stored signatures
at start-up, without re-analysing anything.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash
from spacy.lang.en.stop_words import STOP_WORDS

from wirecheck.analyze.nlp import mask
from wirecheck.models import Analysis, Article

__all__ = [
    "NUM_PERM",
    "SCHEME",
    "Signature",
    "body_minhash",
    "lean_minhash",
    "normalise_name",
    "signature",
    "text_keywords",
]

NUM_PERM = 64  # stored signatures hold this many values: changing it needs a re-index
SCHEME = "affine32"  # stored hash values are only comparable under one scheme
SEED = 1
SHINGLE = 3
# Entity labels whose names identify an event: who, which organisation or group, where.
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
MAX_KEYWORDS = 40
# The rank at which a keyword weighs half as much as the first one (chosen on the dev sets
# with bench/sweep_cluster.py, like the index thresholds).
KEYWORD_RANK_HALF = 10
VAGUE_DAYS = 31  # an analysed date range longer than this does not count as a date
WORD = re.compile(r"\w+")
ALPHA = re.compile(r"[a-z]{3,}")
# Words of news furniture that say nothing about which event an article reports.
NEWS_WORDS = {"said", "says", "told", "according", "news", "report", "reported", "reports"}


# An article's body is shingled and hashed for its signature and again for its source
# group, one after the other: the last few are kept.
@functools.lru_cache(maxsize=4)
def _shingles(text: str) -> frozenset[str]:
    words = WORD.findall(text.lower())
    return frozenset(
        " ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))
    )


@functools.lru_cache(maxsize=4)
def body_minhash(text: str) -> LeanMinHash:
    """MinHash of the word 3-shingles of a (boilerplate-masked) text (immutable: shared)."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in _shingles(text)])
    return LeanMinHash(mh)


def lean_minhash(values: list[int] | np.ndarray) -> LeanMinHash:
    """A stored list of hash values as a (hashable, LSH-ready) LeanMinHash."""
    array = np.asarray(values, dtype=np.uint64)
    return LeanMinHash(MinHash(num_perm=len(array), hashvalues=array, seed=SEED, scheme=SCHEME))


def normalise_name(text: str) -> str:
    """Compare-ready entity name: case, accents, leading 'the', possessive and dots folded."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.strip().lower().replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _stem(word: str) -> str:
    """A light plural folding, so that text keywords meet (shootings/shooting)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def text_keywords(text: str, limit: int = MAX_KEYWORDS) -> list[str]:
    """Most frequent content words of a text, when the analysis gave no keyword lemmas."""
    counts = Counter(
        _stem(w) for w in ALPHA.findall(text.lower()) if w not in STOP_WORDS and w not in NEWS_WORDS
    )
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


@dataclass
class Signature:
    """An article as the event index sees it; JSON-safe through to_dict / from_dict.

    Dates are ISO strings. ``date_start``/``date_end`` come from the analysed event date
    only; ``published`` is kept apart so the index knows how firm the date is.
    """

    article_id: str
    published: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    country: str | None = None
    admin1: str | None = None
    city: str | None = None
    names: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    minhash: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signature:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    @functools.cached_property
    def _precise_range(self) -> tuple[dt.date, dt.date] | None:
        """The analysed date range, unless it is vaguer than a month (a year, a decade):
        such a date is usually background ("in 2009", "the 1960s") and cannot tell events
        apart or bring them together."""
        if not (self.date_start and self.date_end):
            return None
        start, end = dt.date.fromisoformat(self.date_start), dt.date.fromisoformat(self.date_end)
        return (start, end) if (end - start).days <= VAGUE_DAYS else None

    @property
    def day(self) -> dt.date | None:
        """The day used to block by time: the event date, else publication."""
        precise = self._precise_range
        if precise:
            return precise[0]
        return dt.date.fromisoformat(self.published) if self.published else None

    @property
    def dated(self) -> bool:
        """Whether the event date comes from the text (not from publication)."""
        return self._precise_range is not None

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """When the event happened: the analysed range, else the week before publication."""
        precise = self._precise_range
        if precise:
            return precise
        if self.published:
            day = dt.date.fromisoformat(self.published)
            return day - dt.timedelta(days=7), day  # reported events happened shortly before
        return None

    @property
    def place(self) -> tuple[str | None, str | None, str | None] | None:
        return (self.country, self.admin1, self.city) if self.country else None

    def terms(self) -> dict[str, float]:
        """Index terms with their weight in this article: names (``n:``) count 1, content
        keywords (``k:``) fall with their rank, since they come most frequent first and the
        signature keeps no counts (the rank stands in for term frequency)."""
        weights = {
            f"k:{k}": 1.0 / (1 + rank / KEYWORD_RANK_HALF) for rank, k in enumerate(self.keywords)
        }
        return weights | {f"n:{n}": 1.0 for n in self.names}


def signature(article: Article, analysis: Analysis) -> Signature:
    """The clustering signature of an analysed article (boilerplate never counts)."""
    # Only a place the text gives: an outlet's home town says nothing about which event it is.
    located = (
        analysis.event_place if analysis.event_place and analysis.event_place.from_text else None
    )
    place = located.place if located else None
    # A date inferred from publication is left out: ``span`` infers the same from ``published``.
    date = analysis.event_date if analysis.event_date and analysis.event_date.from_text else None
    names = sorted(
        {
            name
            for e in analysis.entities
            if e.label in NAME_LABELS
            for name in [normalise_name(e.text)]
            if len(name) > 1
        }
    )
    body = mask(article.text, article.boilerplate)
    keywords = [k.lower() for k in analysis.keywords] or text_keywords(body)
    return Signature(
        article_id=article.id,
        published=article.published.isoformat() if article.published else None,
        date_start=date.range_start.isoformat() if date else None,
        date_end=date.range_end.isoformat() if date else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        city=(place.city or place.county) if place else None,
        names=names,
        keywords=keywords,
        killed=analysis.killed.best if analysis.killed else None,
        injured=analysis.injured.best if analysis.injured else None,
        minhash=[int(v) for v in body_minhash(body).hashvalues],
    )
