"""Replay clustering over stored signatures at several thresholds (dev only).

    python bench/harness.py gva --keep-db bench/out/gva.db      # once per set
    python bench/sweep_cluster.py gva=bench/out/gva.db basil=bench/out/basil.db ... \
        [--thresholds 0.04,0.06] [--merge 0.3,0.5,1.1] [--shuffle SEED]

Analysis is the slow part of clustering a set; the signatures it produced are kept in the
store, so the incremental assignment can be replayed in the same article order (or, with
``--shuffle``, in a seeded random order) at other thresholds in seconds. Prints B-cubed F1
per set for each assignment threshold and merge threshold (above 1: never merge), and the
mean over sets.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections.abc import Callable
from pathlib import Path

from harness import SHARED, opaque
from metrics import ari, bcubed

from wirecheck.cluster import EventIndex, Signature
from wirecheck.pipeline import BATCH_SIZE
from wirecheck.store import open_store

GOLD_KEY = {"gva": "incident_id", "gvc": "incident_id", "ecbplus": "subtopic", "basil": "event_id"}
THRESHOLDS = "0.02,0.04,0.06,0.08,0.10,0.12,0.14,0.18,0.22,0.26,0.30"
MERGES = "1.1"


def gold_of(dataset: str) -> dict[str, str]:
    path = SHARED / dataset / "articles.jsonl"
    key = GOLD_KEY[dataset]
    return {
        opaque(r["id"], "wirecheck-bench"): r["gold"][key]
        for r in map(json.loads, path.open(encoding="utf-8"))
    }


def replay(signatures: list[Signature], threshold: float, merge: float) -> dict[str, str]:
    """Assign the articles one by one, as the pipeline does, merging events it shows are one."""
    return replay_into(EventIndex(threshold=threshold, merge_threshold=merge), signatures)


def split_ids() -> Callable[[str], str]:
    """Ids for events split off others (``EventIndex.refine``): a replay names an event after
    its first article, and a split-off group's first article may have named one already."""
    counter = itertools.count(1)
    return lambda article_id: f"{article_id}/split-{next(counter)}"


def replay_into(index: EventIndex, signatures: list[Signature]) -> dict[str, str]:
    """``replay`` through a given (perhaps customised) index: article id -> event id.

    As in the pipeline, after every batch of ``BATCH_SIZE`` articles the members of the
    events the batch touched are re-placed and split where they hold two unlike groups
    (``EventIndex.refine``).
    """
    by_id: dict[str, Signature] = {}
    new_event_id = split_ids()
    touched: set[str] = set()
    for n, sig in enumerate(signatures, start=1):
        by_id[sig.article_id] = sig
        placement = index.place(sig)
        event_id = placement.event or sig.article_id
        for other in placement.merge:
            index.merge(event_id, other)
        index.add(event_id, sig)
        touched.add(event_id)
        if n % BATCH_SIZE == 0 or n == len(signatures):
            index.refine(touched, by_id.__getitem__, new_event_id)
            touched = set()
    return dict(index.article_event)


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+", metavar="SET=DB")
    parser.add_argument("--thresholds", type=_floats, default=_floats(THRESHOLDS))
    parser.add_argument("--merge", type=_floats, default=_floats(MERGES))
    parser.add_argument(
        "--shuffle", type=int, default=0, metavar="SEED", help="replay in a seeded random order"
    )
    args = parser.parse_args()
    grid = [(t, m) for t in args.thresholds for m in args.merge]
    table: dict[str, dict[tuple[float, float], tuple[float, float]]] = {}
    for item in args.stores:
        dataset, db = item.split("=", 1)
        store = open_store(Path(db))
        signatures = [Signature.from_dict(data) for _, _, data in store.iter_signatures()]
        if args.shuffle:
            random.Random(args.shuffle).shuffle(signatures)
        gold = gold_of(dataset)
        table[dataset] = {}
        for threshold, merge in grid:
            pred = replay(signatures, threshold, merge)
            table[dataset][threshold, merge] = (bcubed(pred, gold)[2], ari(pred, gold))
    print("threshold  merge  " + "  ".join(f"{d:>14}" for d in table) + "   mean F1")
    for threshold, merge in grid:
        cells = [table[d][threshold, merge] for d in table]
        mean = sum(f for f, _ in cells) / len(cells)
        row = "  ".join(f"{f:.3f} ({a:.3f})" for f, a in cells)
        print(f"{threshold:9.2f}  {merge:5.2f}  {row}   {mean:.3f}")
    print("cells: B-cubed F1 (ARI)")


if __name__ == "__main__":
    main()
