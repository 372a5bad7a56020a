"""CPU time of wirecheck's analysis alone, on GVA docs parsed once (spaCy's time left out).

    python bench/analysis_time.py [--limit N] [--cache FILE]

The throughput ratio (``bench/throughput.py``) moves by 10 % and more between runs on a shared
machine, because spaCy's own time does. This times only ``Analyzer.analyze_doc`` over docs
parsed beforehand (read from ``--cache``, a spaCy DocBin, when it holds them), best of three
passes in CPU time, so that two versions of the code can be compared: run it once per
checkout (``PYTHONPATH=<checkout>/src``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from spacy.tokens import DocBin

from wirecheck.analyze.analyzer import Analyzer, headline_text
from wirecheck.analyze.nlp import load_nlp, mask
from wirecheck.analyze.places import Gazetteer
from wirecheck.ingest.boilerplate import find_boilerplate
from wirecheck.models import Article

PASSES = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=Path("../shared/bench/gva/articles.jsonl"))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--cache", type=Path, help="DocBin of the parsed texts (written if absent)")
    args = parser.parse_args()
    nlp, gazetteer = load_nlp(), Gazetteer()
    with args.path.open() as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, args.limit)]
    articles = [
        Article(
            text=r["text"],
            origin=str(r.get("id")),
            title=r.get("title"),
            outlet=r.get("outlet"),
            boilerplate=find_boilerplate(r["text"]).ranges,
        )
        for r in rows
    ]
    if args.cache is None or not args.cache.exists():
        docs = nlp.pipe(mask(a.text, a.boilerplate) for a in articles)
        parsed = DocBin(docs=list(docs))
        if args.cache is not None:
            parsed.to_disk(args.cache)
    titles = list(nlp.pipe(headline_text(a) for a in articles))
    analyzer = Analyzer(nlp, gazetteer)
    best = float("inf")
    for _ in range(PASSES):
        # Fresh docs each pass: the analysis caches what it reads on each doc.
        bin_ = DocBin().from_disk(args.cache) if args.cache else parsed
        docs = list(itertools.islice(bin_.get_docs(nlp.vocab), len(articles)))
        start = time.process_time()
        for article, doc, title in zip(articles, docs, titles, strict=True):
            analyzer.analyze_doc(article, doc, None, title)
        best = min(best, time.process_time() - start)
    per_doc = 1000 * best / len(articles)
    print(f"{len(articles)} docs: analysis {best:.2f} s CPU, {per_doc:.1f} ms per doc")


if __name__ == "__main__":
    main()
