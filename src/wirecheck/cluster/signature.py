"""What the clusterer keeps of an article: date, place, names, keywords, counts, MinHash."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from datasketch import MinHash

from wirecheck.analyze.nlp import mask
from wirecheck.models import Analysis, Article

__all__ = ["NUM_PERM", "SCHEME", "Signature", "body_minhash", "jaccard", "signature"]

NUM_PERM = 64
SCHEME = "affine32"  # stored hash values are only comparable under one scheme
SHINGLE = 3
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
WORD = re.compile(r"\w+")


def body_minhash(text: str) -> MinHash:
    """MinHash of the word 3-shingles of a (boilerplate-masked) text."""
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash value arrays."""
    return float(np.mean(a == b))


def _norm_name(text: str) -> str:
    text = re.sub(r"^(the)\s+", "", text.strip().lower())
    return re.sub(r"[’']s$", "", text)


@dataclass
class Signature:
    """An article as the event index sees it; JSON-safe through to_dict / from_dict."""

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

    @property
    def day(self) -> dt.date | None:
        """The day used to block by time: the event date, else publication."""
        value = self.date_start or self.published
        return dt.date.fromisoformat(value) if value else None

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        if self.date_start and self.date_end:
            return dt.date.fromisoformat(self.date_start), dt.date.fromisoformat(self.date_end)
        if self.published:
            day = dt.date.fromisoformat(self.published)
            return day - dt.timedelta(days=7), day  # reported events happened shortly before
        return None

    def terms(self) -> set[str]:
        return {f"n:{n}" for n in self.names} | {f"k:{k}" for k in self.keywords}


def signature(article: Article, analysis: Analysis) -> Signature:
    """The clustering signature of an analysed article."""
    place = analysis.event_place.place if analysis.event_place else None
    date = analysis.event_date
    names = sorted(
        {
            _norm_name(e.text)
            for e in analysis.entities
            if e.label in NAME_LABELS and len(e.text) > 1
        }
    )
    body = mask(article.text, article.boilerplate)
    return Signature(
        article_id=article.id,
        published=article.published.isoformat() if article.published else None,
        date_start=date.range_start.isoformat() if date else None,
        date_end=date.range_end.isoformat() if date else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        city=(place.city or place.county) if place else None,
        names=names,
        keywords=list(analysis.keywords),
        killed=analysis.killed.best if analysis.killed else None,
        injured=analysis.injured.best if analysis.injured else None,
        minhash=[int(v) for v in body_minhash(body).hashvalues],
    )
