"""Time the event-type classifier per article next to the spaCy pass, on the same articles.

    python bench/event_types_speed.py ../shared/bench/gva/articles.jsonl [--limit 200]

The classifier reads what the analyzer gives it (title and first sentences of the Doc),
so the spaCy pass runs first; only the classification is timed on top of it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from wirecheck.analyze.event_types import LEAD_SENTENCES, classify, lead_text, load_model
from wirecheck.analyze.nlp import load_nlp, mask, sentences
from wirecheck.ingest import read_paths
from wirecheck.models import RawArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()

    articles = [a for a in read_paths([args.jsonl]) if isinstance(a, RawArticle)][: args.limit]
    nlp = load_nlp()
    load_model()
    start = time.perf_counter()
    docs = list(nlp.pipe((mask(a.text, a.boilerplate) for a in articles), batch_size=16))
    spacy_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        sents = [s.text for s in sentences(doc)[: LEAD_SENTENCES + 1]]
        classify(lead_text(article.title, sents))
    type_seconds = time.perf_counter() - start
    n = len(articles)
    print(
        f"{n} articles: spaCy {1000 * spacy_seconds / n:.1f} ms/article, "
        f"event type {1000 * type_seconds / n:.2f} ms/article "
        f"({100 * type_seconds / spacy_seconds:.1f}% of spaCy)"
    )


if __name__ == "__main__":
    main()
