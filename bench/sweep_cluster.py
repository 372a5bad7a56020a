"""Replay clustering over stored signatures at several assignment thresholds (dev only).

    python bench/harness.py gva --keep-db bench/out/gva.db      # once per set
    python bench/sweep_cluster.py gva=bench/out/gva.db basil=bench/out/basil.db ...

Analysis is the slow part of clustering a set; the signatures it produced are kept in the
store, so the incremental assignment can be replayed in the same article order at other
thresholds in seconds. Prints B-cubed F1 per set and threshold, and the mean over sets.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from harness import SHARED, opaque
from metrics import ari, bcubed

from wirecheck.cluster import EventIndex, Signature
from wirecheck.store import open_store

GOLD_KEY = {"gva": "incident_id", "gvc": "incident_id", "ecbplus": "subtopic", "basil": "event_id"}
THRESHOLDS = [0.04, 0.06, 0.08, 0.10, 0.12, 0.15, 0.18, 0.22, 0.26, 0.30]


def gold_of(dataset: str) -> dict[str, str]:
    path = SHARED / dataset / "articles.jsonl"
    key = GOLD_KEY[dataset]
    return {
        opaque(r["id"], "wirecheck-bench"): r["gold"][key]
        for r in map(json.loads, path.open(encoding="utf-8"))
    }


def replay(signatures: list[Signature], threshold: float) -> dict[str, str]:
    index = EventIndex(threshold=threshold)
    events = {}
    for sig in signatures:
        event_id = index.assign(sig) or sig.article_id
        index.add(event_id, sig)
        events[sig.article_id] = event_id
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+", metavar="SET=DB")
    args = parser.parse_args()
    table: dict[str, dict[float, tuple[float, float]]] = {}
    for item in args.stores:
        dataset, db = item.split("=", 1)
        store = open_store(Path(db))
        signatures = [Signature.from_dict(data) for _, _, data in store.iter_signatures()]
        gold = gold_of(dataset)
        table[dataset] = {}
        for threshold in THRESHOLDS:
            pred = replay(signatures, threshold)
            table[dataset][threshold] = (bcubed(pred, gold)[2], ari(pred, gold))
    print("threshold  " + "  ".join(f"{d:>14}" for d in table) + "   mean F1")
    for threshold in THRESHOLDS:
        cells = [table[d][threshold] for d in table]
        mean = sum(f for f, _ in cells) / len(cells)
        row = "  ".join(f"{f:.3f} ({a:.3f})" for f, a in cells)
        print(f"{threshold:9.2f}  {row}   {mean:.3f}")
    print("cells: B-cubed F1 (ARI)")


if __name__ == "__main__":
    main()
