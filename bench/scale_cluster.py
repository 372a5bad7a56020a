"""Event assignment at scale: cost per article as the store grows to 100,000+ articles.

    python bench/harness.py gva --keep-db bench/out/gva.db      # once per set used
    python bench/scale_cluster.py bench/out/gva.db bench/out/gvc.db ... --total 100000 \
        [--json bench/out/scale.json] [--plot bench/results/scale_cluster.png]

Analysis is not what this measures (it costs the same per article at any store size); the
signatures the harness stored are replayed through ``EventIndex`` (candidates, scoring,
merges, adding, and re-placing the members of the events each batch of ``BATCH_SIZE``
touched) as the pipeline does, round after round, until ``--total`` articles. Each
round is a new stream: its dates are shifted past the previous round's, and its MinHash
values pass through a round-specific bijection, which keeps every Jaccard inside the round
and makes its texts unrelated to other rounds' (as new stories are). Names and keywords are
kept, so common names recur across rounds as they do in news. Signatures with no date at all
(no publication date, none in the text: most of ecbplus) are left out, since a replay cannot
move them in time and a live stream always has a publication or fetch date.

In the same run, a full scan (scoring the article against every event, which is what the
index avoids) is timed on a sample of articles at each checkpoint. Reports articles/s of
the indexed path over the block before each checkpoint, the scan's articles/s, and peak
memory (max RSS of the process).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

from sweep_cluster import split_ids

from wirecheck.cluster import EventIndex, Signature
from wirecheck.pipeline import BATCH_SIZE
from wirecheck.store import open_store

CHECKPOINTS = (1_000, 3_000, 10_000, 30_000, 100_000)
BLOCK = 1_000  # articles per timing block
SCAN_SAMPLE = 50  # articles timed with a full scan at each checkpoint
MASK32 = (1 << 32) - 1


def load(dbs: list[Path]) -> list[Signature]:
    """Stored signatures in the order they were ingested, one set after another. An id
    another store used already gets the store's name: the harness hashes the sets' own ids,
    and gvc's articles carry the ids of the gva articles they come from."""
    signatures: list[Signature] = []
    seen: set[str] = set()
    for db in dbs:
        store = open_store(db)
        for _, _, data in store.iter_signatures():
            sig = Signature.from_dict(data)
            if sig.article_id in seen:
                sig = dataclasses.replace(sig, article_id=f"{sig.article_id}@{db.stem}")
            seen.add(sig.article_id)
            signatures.append(sig)
        store.close()
    return signatures


def _shift(value: str | None, days: int) -> str | None:
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat() if value else None


def replayed(sig: Signature, round_no: int, days: int) -> Signature:
    """A copy of ``sig`` for replay round ``round_no``: new id, later dates, unrelated text."""
    multiplier, offset = 2 * round_no + 1, round_no * 0x9E3779B1  # odd: a bijection mod 2^32
    return dataclasses.replace(
        sig,
        article_id=f"{sig.article_id}#{round_no}",
        published=_shift(sig.published, days),
        date_start=_shift(sig.date_start, days),
        date_end=_shift(sig.date_end, days),
        minhash=[(v * multiplier + offset) & MASK32 for v in sig.minhash],
    )


def replay_period(signatures: list[Signature]) -> int:
    """Days each replay round is shifted by: past the stored dates, with a gap."""
    days = [sig.day for sig in signatures if sig.day]
    return (max(days) - min(days)).days + 60 if days else 0


def stream(signatures: list[Signature], total: int, period: int):
    """``total`` signatures: the stored ones, then shifted replays of them."""
    n = 0
    round_no = 0
    while True:
        for sig in signatures:
            if n == total:
                return
            yield replayed(sig, round_no, round_no * period) if round_no else sig
            n += 1
        round_no += 1


def lookup(signatures: list[Signature], period: int) -> Callable[[str], Signature]:
    """A replayed signature by its id, rebuilt on demand as the pipeline reads one from its
    store (keeping 100,000 of them would add their memory to the peak measured)."""
    by_id = {sig.article_id: sig for sig in signatures}

    def signature_of(article_id: str) -> Signature:
        base, _, round_no = article_id.partition("#")
        if not round_no:
            return by_id[base]
        return replayed(by_id[base], int(round_no), int(round_no) * period)

    return signature_of


def place_and_add(index: EventIndex, sig: Signature) -> str:
    """What the pipeline does with the index for one new article; returns its event."""
    placement = index.place(sig)
    event_id = placement.event or sig.article_id
    for other in placement.merge:
        index.merge(event_id, other)
    index.add(event_id, sig)
    return event_id


def scan_rate(index: EventIndex, sample: list[Signature]) -> float:
    """Articles/s when every event is scored (no candidate retrieval)."""
    start = time.perf_counter()
    for sig in sample:
        max((index.score(sig, e) for e in index.events), default=0.0)
    return len(sample) / (time.perf_counter() - start)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dbs", nargs="+", type=Path, help="stores kept by bench/harness.py")
    parser.add_argument("--total", type=int, default=CHECKPOINTS[-1])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--plot", type=Path, help="write a PNG of cost against store size")
    args = parser.parse_args()
    stored = load(args.dbs)
    signatures = [sig for sig in stored if sig.day]
    print(f"{len(signatures)} dated signatures replayed ({len(stored) - len(signatures)} undated)")
    period = replay_period(signatures)
    signature_of = lookup(signatures, period)
    index = EventIndex()
    new_event_id = split_ids()
    rows, blocks = [], []
    block_start = time.perf_counter()
    pending: list[Signature] = []
    touched: set[str] = set()
    for n, sig in enumerate(stream(signatures, args.total, period), start=1):
        touched.add(place_and_add(index, sig))
        if n % BATCH_SIZE == 0:  # as the pipeline does after each batch
            index.refine(touched, signature_of, new_event_id)
            touched = set()
        pending.append(sig)
        if n % BLOCK == 0:
            seconds = time.perf_counter() - block_start
            blocks.append({"articles": n, "ms_per_article": 1000 * seconds / BLOCK})
            if n in CHECKPOINTS:
                row = {
                    "articles": n,
                    "events": len(index),
                    "indexed_articles_per_s": BLOCK / seconds,
                    "scan_articles_per_s": scan_rate(index, pending[-SCAN_SAMPLE:]),
                    "peak_rss_mib": peak_mib(),
                }
                rows.append(row)
                print(
                    f"{n:>7} articles  {row['events']:>7} events  "
                    f"indexed {row['indexed_articles_per_s']:8.1f}/s  "
                    f"scan {row['scan_articles_per_s']:8.1f}/s  "
                    f"peak {row['peak_rss_mib']:7.0f} MiB",
                    flush=True,
                )
            pending = []
            block_start = time.perf_counter()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"checkpoints": rows, "blocks": blocks}, indent=2))
    if args.plot:
        plot(blocks, rows, args.plot)


def plot(blocks: list[dict], rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(
        [b["articles"] for b in blocks],
        [b["ms_per_article"] for b in blocks],
        label="indexed (per block of 1,000)",
    )
    ax.plot(
        [r["articles"] for r in rows],
        [1000 / r["scan_articles_per_s"] for r in rows],
        "o--",
        label="full scan (sample)",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles in the store")
    ax.set_ylabel("ms to assign one article")
    ax.set_title("Event assignment cost against store size")
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
