"""Train the event-type classifier shipped as ``src/wirecheck/analyze/event_types.npz``.

    python bench/train_event_types.py [--data ../shared/bench/case2021/articles.jsonl]
        [--seeds bench/data/event_type_seeds.tsv | --no-seeds] [--out MODEL.npz]
        [--report bench/out/event_types.json] [--cv-only]

Training data: the 403 labelled CASE 2021 task-2 snippets of ``../shared/bench/case2021``
(development side; the held-out side is never read) plus the hand-written seed descriptions
in ``bench/data/event_type_seeds.tsv`` (two or three per label, paraphrasing the ACLED
codebook). Features come from ``wirecheck.analyze.event_types`` (the same code the product
uses); the classifier is scikit-learn's multinomial logistic regression (``pip install
-e '.[bench]'``). Figures are cross-validated only: stratified 5-fold repeated 3 times with
seed 0; the seeds are added to every training fold and never scored. The model is then fitted
on all snippets and seeds and written as an npz of plain arrays with fixed zip timestamps,
so a re-run on the same library versions reproduces the file.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import RepeatedStratifiedKFold

from wirecheck.analyze.event_types import (
    MIN_CONFIDENCE,
    OTHER,
    TAXONOMY,
    EventTypeModel,
    term_blocks,
    tfidf,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "case2021" / "articles.jsonl"
DEFAULT_SEEDS = ROOT / "bench" / "data" / "event_type_seeds.tsv"
DEFAULT_MODEL = ROOT / "src" / "wirecheck" / "analyze" / "event_types.npz"
DEFAULT_REPORT = ROOT / "bench" / "out" / "event_types.json"
MIN_DF = 2  # a term must occur in two training texts
C = 100.0  # inverse regularisation strength, chosen on the snippets alone (see BENCHMARKS.md)
FOLDS, REPEATS, SEED = 5, 3, 0
SWEEP = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)  # thresholds shown next to MIN_CONFIDENCE


def read_snippets(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(record["text"])
            labels.append(record["gold"]["label"])
    return texts, labels


def read_seeds(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            if label not in TAXONOMY:
                raise ValueError(f"{path}: unknown label {label!r}")
            labels.append(label)
            texts.append(text)
    return texts, labels


def fit(texts: list[str], labels: list[str]) -> EventTypeModel:
    """Vocabularies and IDF from ``texts``, then the logistic regression on their TF-IDF."""
    blocks = [term_blocks(t) for t in texts]
    vocabularies: list[dict[str, int]] = []
    df: Counter[str] = Counter()
    size = 0
    for b in range(len(blocks[0])):
        block_df = Counter(term for doc in blocks for term in doc[b])
        kept = sorted(t for t, n in block_df.items() if n >= MIN_DF)
        vocabularies.append({t: size + i for i, t in enumerate(kept)})
        size += len(kept)
        df.update({t: block_df[t] for t in kept})
    idf = np.zeros(size)
    for vocabulary in vocabularies:
        for term, index in vocabulary.items():
            idf[index] = math.log((1 + len(texts)) / (1 + df[term])) + 1.0
    matrix = _matrix(blocks, vocabularies, idf)
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    classifier.fit(matrix, labels)
    return EventTypeModel(
        labels=[str(c) for c in classifier.classes_],
        vocabularies=vocabularies,
        idf=idf,
        coef=classifier.coef_,
        intercept=classifier.intercept_,
    )


def _matrix(blocks, vocabularies, idf) -> csr_matrix:
    rows, cols, vals = [], [], []
    for r, doc in enumerate(blocks):
        indices, values = tfidf(doc, vocabularies, idf)
        rows += [r] * len(indices)
        cols += indices.tolist()
        vals += values.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(blocks), len(idf)))


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    return {
        avg: round(float(f1_score(gold, predicted, average=avg, zero_division=0)), 4)
        for avg in ("weighted", "macro", "micro")
    }


def cross_validate(texts, labels, seed_texts, seed_labels) -> dict:
    """Per-fold F1 (argmax, and with the OTHER threshold), pooled over the first repeat."""
    splitter = RepeatedStratifiedKFold(n_splits=FOLDS, n_repeats=REPEATS, random_state=SEED)
    folds: dict[str, list[dict[str, float]]] = {"argmax": [], "thresholded": []}
    sweep: dict[float, list[float]] = {t: [] for t in SWEEP}
    pooled: dict[int, tuple[str, float]] = {}
    for k, (train, test) in enumerate(splitter.split(texts, labels)):
        model = fit(
            [texts[i] for i in train] + seed_texts, [labels[i] for i in train] + seed_labels
        )
        probs = [model.probabilities(texts[i]) for i in test]
        argmax = [model.labels[int(np.argmax(p))] for p in probs]
        thresholded = [
            lab if float(p.max()) >= MIN_CONFIDENCE else OTHER
            for lab, p in zip(argmax, probs, strict=True)
        ]
        gold = [labels[i] for i in test]
        folds["argmax"].append(scores(gold, argmax))
        folds["thresholded"].append(scores(gold, thresholded))
        for t in SWEEP:
            cut = [
                lab if float(p.max()) >= t else OTHER for lab, p in zip(argmax, probs, strict=True)
            ]
            sweep[t].append(scores(gold, cut)["weighted"])
        if k < FOLDS:
            pooled.update(
                {
                    i: (lab, float(p.max()))
                    for i, lab, p in zip(test, thresholded, probs, strict=True)
                }
            )
        print(f"fold {k + 1}/{FOLDS * REPEATS}: {folds['thresholded'][-1]}", flush=True)
    summary = {
        mode: {
            avg: {
                "mean": round(float(np.mean([f[avg] for f in runs])), 4),
                "std": round(float(np.std([f[avg] for f in runs])), 4),
            }
            for avg in ("weighted", "macro", "micro")
        }
        for mode, runs in folds.items()
    }
    predicted = [pooled[i][0] for i in range(len(texts))]
    per_class = f1_score(labels, predicted, labels=sorted(set(labels)), average=None)
    confusions = Counter((g, p) for g, p in zip(labels, predicted, strict=True) if g != p)
    acled_gold = [TAXONOMY[g] or "none" for g in labels]
    acled_pred = [TAXONOMY[p] or "none" for p in predicted]
    return {
        "cv": f"stratified {FOLDS}-fold x {REPEATS} repeats, random_state={SEED}",
        "min_confidence": MIN_CONFIDENCE,
        "folds": summary,
        "weighted_f1_by_threshold": {str(t): round(float(np.mean(v)), 4) for t, v in sweep.items()},
        "pooled_first_repeat": {
            "per_class_f1": {
                lab: round(float(f), 3)
                for lab, f in zip(sorted(set(labels)), per_class, strict=True)
            },
            "top_confusions": [
                {"gold": g, "predicted": p, "count": n} for (g, p), n in confusions.most_common(15)
            ],
            "acled_event_type_weighted_f1": round(
                float(f1_score(acled_gold, acled_pred, average="weighted")), 4
            ),
            "share_other": round(predicted.count(OTHER) / len(predicted), 4),
        },
    }


def write_npz(model: EventTypeModel, path: Path) -> None:
    """An npz (np.load-able without pickle) whose bytes depend only on the arrays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in model.arrays().items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--no-seeds", action="store_true", help="train on the snippets only")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--cv-only", action="store_true", help="evaluate, write no model")
    args = parser.parse_args()

    texts, labels = read_snippets(args.data)
    seed_texts, seed_labels = ([], []) if args.no_seeds else read_seeds(args.seeds)
    report = {
        "data": str(args.data.name),
        "snippets": len(texts),
        "seed_texts": len(seed_texts),
        **cross_validate(texts, labels, seed_texts, seed_labels),
    }
    print(json.dumps(report["folds"], indent=1))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if not args.cv_only:
        model = fit(texts + seed_texts, labels + seed_labels)
        write_npz(model, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(model.idf):,} features)")


if __name__ == "__main__":
    main()
