"""Web page latency on a large store: p50/p95 of the event list and event pages on loopback.

    python bench/web_load.py [--db bench/out/web-100k.db] [--articles 100000]
                             [--source STORE] [--requests 400] [--concurrency 4] [--json OUT]

Building a store of 100,000 articles through full analysis would take hours (about 10
articles/s), so the store is synthesised: an analysed source store (default: the bundled
demo corpus, analysed once; or any store, e.g. one kept by
`python bench/harness.py gva --keep-db /tmp/gva.db`) is replicated through the store API
with new article and event ids and publication and event dates shifted by one day per copy,
until it holds ``--articles`` articles. An existing ``--db`` with enough articles is reused.

The server (`wirecheck serve`, one uvicorn process) runs as a child process; this process is
the client: ``--concurrency`` threads, each with its own keep-alive HTTP connection, send the
requests and time them (time to the last byte of the body).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from wirecheck.analyze.analyzer import ANALYSIS_VERSION
from wirecheck.ingest import read_paths
from wirecheck.models import EventRecord
from wirecheck.pipeline import Pipeline
from wirecheck.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "wirecheck" / "demo" / "corpus"
COPIES_PER_TRANSACTION = 200


def demo_source(folder: Path) -> Path:
    """The demo corpus analysed into a store (once; reused)."""
    path = folder / "web-demo-source.db"
    if not path.exists():
        store = open_store(path)
        Pipeline(store).ingest(read_paths([CORPUS]))
        store.close()
    return path


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    return day + dt.timedelta(days=days) if day else None


def _copy_event(record: EventRecord, k: int, rename: dict[str, str]) -> EventRecord:
    """The event of copy ``k``: new ids everywhere, dates shifted by ``k`` days."""
    return dataclasses.replace(
        record,
        id=f"{record.id}~{k}",
        date=dataclasses.replace(
            record.date,
            start=_shift(record.date.start, k),
            end=_shift(record.date.end, k),
            best=_shift(record.date.best, k),
        ),
        articles=[
            dataclasses.replace(
                s,
                id=rename[s.id],
                source_group=rename[s.source_group],
                published=_shift(s.published, k),
            )
            for s in record.articles
        ],
        facts=[
            dataclasses.replace(
                f,
                support=[rename[a] for a in f.support],
                spans={rename[a]: span for a, span in f.spans.items()},
                title_spans={rename[a]: span for a, span in f.title_spans.items()},
                alternatives=[
                    dataclasses.replace(alt, support=[rename[a] for a in alt.support])
                    for alt in f.alternatives
                ],
            )
            for f in record.facts
        ],
    )


def synthesise(source_path: Path, target: Store, articles_wanted: int) -> None:
    """Fill ``target`` with copies of the source store until it holds ``articles_wanted``."""
    source = open_store(source_path)
    articles = list(source.iter_articles())
    analyses = {a.id: source.get_analysis(a.id) for a in articles}
    signatures = {article_id: data for article_id, _, data in source.iter_signatures()}
    events = list(source.iter_events())
    groups = {s.id: s.source_group for e in events for s in e.articles}
    source.close()
    copies = -(-(articles_wanted - target.count_articles()) // len(articles))
    start = time.perf_counter()
    for first in range(0, copies, COPIES_PER_TRANSACTION):
        with target.transaction():
            for k in range(first, min(first + COPIES_PER_TRANSACTION, copies)):
                rename = {a.id: f"{a.id}~{k}" for a in articles}
                for a in articles:
                    new_id = rename[a.id]
                    target.add_article(
                        dataclasses.replace(
                            a,
                            id=new_id,
                            content_hash=f"{a.content_hash}~{k}",
                            published=_shift(a.published, k),
                        )
                    )
                    analysis = dataclasses.replace(analyses[a.id], article_id=new_id)
                    target.save_analysis(analysis, ANALYSIS_VERSION)
                    if a.id in signatures:
                        target.save_signature(new_id, signatures[a.id])
                for e in events:
                    for s in e.articles:
                        target.set_membership(f"{e.id}~{k}", rename[s.id], rename[groups[s.id]])
                    target.save_event(_copy_event(e, k, rename))
        done = min(first + COPIES_PER_TRANSACTION, copies)
        print(
            f"  {done * len(articles):,} articles in {time.perf_counter() - start:.0f} s",
            file=sys.stderr,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "wirecheck.cli", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "WIRECHECK_TOKEN": ""},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("wirecheck serve did not start within 60 s")


def measure(port: int, paths: list[str], concurrency: int) -> dict[str, float]:
    """Request every path once, ``concurrency`` at a time; latency percentiles in ms."""
    queue = list(reversed(paths))
    lock = threading.Lock()
    times: list[float] = []
    errors: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            start = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                times.append(elapsed * 1000)
                if response.status != 200:
                    errors.append(f"{response.status} {path}")
        conn.close()

    wall = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[0]}")
    cuts = statistics.quantiles(times, n=100)
    return {
        "requests": len(times),
        "concurrency": concurrency,
        "p50_ms": round(cuts[49], 1),
        "p95_ms": round(cuts[94], 1),
        "p99_ms": round(cuts[98], 1),
        "max_ms": round(max(times), 1),
        "requests_per_s": round(len(times) / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "web-100k.db")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--source", type=Path, help="analysed store to replicate")
    parser.add_argument("--requests", type=int, default=400, help="per page kind")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    store = open_store(args.db)
    if store.count_articles() < args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            source = args.source or demo_source(Path(tmp))
            print(f"synthesising {args.db} from {source}", file=sys.stderr)
            synthesise(source, store, args.articles)
    stats = store.stats()
    rng = random.Random(args.seed)
    summaries = store.list_event_summaries(limit=None)
    event_ids = [e.id for e in summaries]
    countries = sorted({e.country for e in summaries if e.country})
    store.close()
    print(f"store: {stats}", file=sys.stderr)

    n = args.requests
    pages = {
        "event list, first page (/)": ["/"] * n,
        "event list, filtered (disputes or country), random page ≤ 20": [
            rng.choice(["/?has_disputes=true", f"/?country={rng.choice(countries)}"])
            + f"&offset={50 * rng.randrange(20)}"
            for _ in range(n)
        ],
        "event page (/events/ID), random events": [
            f"/events/{rng.choice(event_ids)}" for _ in range(n)
        ],
        "API event list (/api/events)": ["/api/events"] * n,
    }
    port = free_port()
    server = start_server(args.db, port)
    try:
        measure(port, ["/", f"/events/{event_ids[0]}"] * 10, args.concurrency)  # warm up
        results = {name: measure(port, paths, args.concurrency) for name, paths in pages.items()}
    finally:
        server.terminate()
        server.wait(10)

    print(f"\nstore {args.db}: {stats['articles']:,} articles, {stats['events']:,} events\n")
    print("| page | requests | concurrency | p50 ms | p95 ms | p99 ms | max ms | req/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['requests']} | {r['concurrency']} | {r['p50_ms']} | {r['p95_ms']}"
            f" | {r['p99_ms']} | {r['max_ms']} | {r['requests_per_s']} |"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"store": stats, "results": results}, indent=2))


if __name__ == "__main__":
    main()
