"""Body-text extraction: wirecheck's ingest against bare trafilatura, on the same pages, one run.

    python bench/extraction.py [../shared/bench/extraction] [--json OUT] [--worst N]

The metric is the one ``../shared/bench/README.md`` defines (the benchmark's evaluate.py):
``\\w+`` tokens, overlapping word 4-gram shingles with multiplicity, per-page TP/FP/FN
divided by their sum, precision and recall averaged over pages, F1 their harmonic mean.

Each page's HTML file goes through wirecheck's own ingest path (``read_paths``, the reader a
``wirecheck ingest page.html.gz`` uses). Two views of what wirecheck keeps are scored:

* ``wirecheck`` (headline): the text analysis sees, i.e. the stored text with its boilerplate
  ranges blanked (``analyze.nlp.mask``). Those ranges are never analysed, so for every figure
  wirecheck derives they are removed; counting them as removed is what the pipeline does.
* ``wirecheck stored``: the stored text verbatim, boilerplate ranges included (what an export
  or a reader of the article sees).

The baseline is ``trafilatura.extract`` with its default settings on the same decoded HTML.
A page wirecheck skips scores as an empty prediction. Gold is read only to score.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import trafilatura

from wirecheck.analyze.nlp import mask
from wirecheck.ingest import read_paths
from wirecheck.models import RawArticle

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction"
TOKEN = re.compile(r"\w+")
SHINGLE = 4
SYSTEMS = ("wirecheck", "wirecheck stored", "trafilatura")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Word n-gram shingles with multiplicity (a text shorter than n is one shingle)."""
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """TP, FP, FN shingle counts of one page, divided by their sum."""
    gold_sh, pred_sh = shingles(gold), shingles(predicted)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages, and F1 their harmonic mean."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def wirecheck_views(html_file: Path) -> tuple[str, str]:
    """(analysed text, stored text) that wirecheck's ingest keeps for a page; empty if skipped."""
    for item in read_paths([html_file]):
        if isinstance(item, RawArticle):
            return mask(item.text, item.boilerplate), item.text
    return "", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, nargs="?", default=DEFAULT_SET)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages wirecheck loses")
    args = parser.parse_args()

    records = [json.loads(line) for line in (args.dataset / "articles.jsonl").open()]
    counts: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    for record in records:
        html_file = args.dataset / record["gold"]["html_file"]
        analysed, stored = wirecheck_views(html_file)
        baseline = trafilatura.extract(gzip.decompress(html_file.read_bytes()).decode()) or ""
        gold = record["gold"]["article_body"]
        for name, text in zip(SYSTEMS, (analysed, stored, baseline), strict=True):
            counts[name].append(page_counts(gold, text))

    figures = {name: score(c) for name, c in counts.items()}
    figures["pages"] = len(records)
    print(f"{'system':<18} {'F1':>6} {'P':>6} {'R':>6}   ({len(records)} pages)")
    for name in SYSTEMS:
        f = figures[name]
        print(f"{name:<18} {f['f1']:>6.3f} {f['precision']:>6.3f} {f['recall']:>6.3f}")
    if args.worst:
        gaps = sorted(
            (_tp_share(counts["wirecheck"][i]) - _tp_share(counts["trafilatura"][i]), r["id"])
            for i, r in enumerate(records)
        )
        for gap, page in gaps[: args.worst]:
            print(f"  {gap:+.3f} {page}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


def _tp_share(counts: tuple[float, float, float]) -> float:
    """A page's shingle agreement (TP over TP + FP + FN), for ranking pages."""
    return counts[0]


if __name__ == "__main__":
    main()
