"""Ingest throughput against bare spaCy `nlp.pipe` on the same texts, in one run.

    python bench/throughput.py ../shared/bench/gva/articles.jsonl [--limit N] [--json OUT]

The baseline is timed before and after wirecheck and averaged, so that a change in machine
load during the run shows as a gap between the two baseline figures rather than as a skew.
Gold annotations in the file are never read (the ingest reader ignores them).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from wirecheck.analyze.nlp import load_nlp, mask
from wirecheck.ingest import read_paths
from wirecheck.models import RawArticle
from wirecheck.pipeline import Pipeline
from wirecheck.store import open_store


def time_spacy(texts: list[str]) -> float:
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    articles = [a for a in read_paths([args.jsonl]) if isinstance(a, RawArticle)][: args.limit]
    texts = [mask(a.text, a.boilerplate) for a in articles]
    load_nlp()  # model load is not part of either figure
    before = time_spacy(texts)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        pipeline = Pipeline(store)
        pipeline.analyzer  # noqa: B018 - load the model and gazetteer outside the timing
        start = time.perf_counter()
        report = pipeline.ingest(articles)
        ours = time.perf_counter() - start
    after = time_spacy(texts)
    baseline = (before + after) / 2
    n = len(articles)
    figures = {
        "articles": n,
        "added": len(report.added),
        "spacy_pipe_articles_per_s": round(n / baseline, 2),
        "spacy_pipe_before_after_s": [round(before, 2), round(after, 2)],
        "wirecheck_ingest_articles_per_s": round(n / ours, 2),
        "ratio_vs_spacy": round(baseline / ours, 3),
    }
    print(f"{'articles':34}{n}")
    print(f"{'bare spaCy nlp.pipe (articles/s)':34}{figures['spacy_pipe_articles_per_s']}")
    print(f"{'wirecheck ingest (articles/s)':34}{figures['wirecheck_ingest_articles_per_s']}")
    print(f"{'ratio wirecheck / spaCy':34}{figures['ratio_vs_spacy']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
