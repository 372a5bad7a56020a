"""Dev figures for the event date and place pickers on the GVA shooting reports.

    python bench/dev_dates_places.py [--path ../shared/bench/gva/articles.jsonl] [--offset K]
        [--limit N] [--errors date|state|city] [--cache DOCBIN] [--homes stream|all]

Prints exact-day accuracy of the analyzer's event date (``pick_event_date``, else the
publication date) against the gold date, and state / city-or-county accuracy of
``pick_event_place``, on articles K..K+N-1 of the file. Like the analyzer, the extractors see
the text with its boilerplate blanked. Gold is only read to score.

``--homes`` gives the picker outlet home states learnt from the articles' own texts
(``OutletHomes``): ``stream`` from the articles before each one, as the pipeline learns them
one by one; ``all`` from every other article of the slice, as a store that already holds
them would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import time
from pathlib import Path

from metrics import place_matches

from wirecheck.analyze.analyzer import Analyzer
from wirecheck.analyze.analyzer import event_date as pick_or_infer_date
from wirecheck.analyze.dates import extract_dates
from wirecheck.analyze.nlp import load_nlp, mask
from wirecheck.analyze.places import (
    Gazetteer,
    OutletHomes,
    extract_places,
    pick_event_place,
    settled_place,
)
from wirecheck.ingest import find_boilerplate
from wirecheck.models import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gva" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--offset", type=int, default=0, help="skip the first K articles")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--errors", choices=["date", "state", "city"], help="print misses")
    parser.add_argument("--cache", type=Path, help="DocBin file: reuse parsed docs across runs")
    parser.add_argument("--homes", choices=["stream", "all"], help="learn outlet home states")
    args = parser.parse_args()

    rows = []
    with args.path.open() as fh:
        for line in itertools.islice(fh, args.offset, args.offset + args.limit):
            rows.append(json.loads(line))
    nlp, gazetteer = load_nlp(), Gazetteer()
    n = date_ok = date_none = state_ok = city_ok = place_none = 0
    t_nlp = t_ext = 0.0
    texts = [mask(r["text"], find_boilerplate(r["text"]).ranges)[:100_000] for r in rows]
    docs = None
    if args.cache and args.cache.exists():
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
        docs = docs if len(docs) == len(rows) else None
    if docs is None:
        docs = list(nlp.pipe(texts, batch_size=16))
        if args.cache:
            from spacy.tokens import DocBin

            DocBin(store_user_data=True, docs=docs).to_disk(args.cache)
    analyzer = Analyzer(nlp, gazetteer)
    headlines = [
        analyzer.read_headline(
            Article(text="", origin="", title=r.get("title"), outlet=r.get("outlet"))
        ).places
        for r in rows
    ]
    homes = OutletHomes() if args.homes else None
    if homes is not None and args.homes == "all":
        for row, doc, title_places in zip(rows, docs, headlines, strict=True):
            places = extract_places(doc, gazetteer)
            event_place = pick_event_place(
                places, doc, row.get("outlet"), None, row.get("title"), title_places
            )
            homes.observe(row.get("outlet"), settled_place(event_place, places, gazetteer))
    start = time.perf_counter()
    for row, doc, title_places in zip(rows, docs, headlines, strict=True):
        t1 = time.perf_counter()
        t_nlp += t1 - start
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        dates = extract_dates(doc, published)
        event_date = pick_or_infer_date(dates, doc, published, row.get("title"))
        places = extract_places(doc, gazetteer)
        event_place = pick_event_place(
            places, doc, row.get("outlet"), homes, row.get("title"), title_places
        )
        if homes is not None and args.homes == "stream":
            homes.observe(row.get("outlet"), settled_place(event_place, places, gazetteer))
        start = time.perf_counter()
        t_ext += start - t1
        gold = row["gold"]
        n += 1
        got_date = event_date.best.isoformat() if event_date and event_date.best else None
        date_none += got_date is None
        date_ok += got_date == gold["date"]
        place = event_place.place if event_place else None
        place_none += place is None
        s_ok = place is not None and place.admin1 == gold["state"]
        c_ok = place is not None and place_matches(gold["city_or_county"], place.city, place.county)
        state_ok += s_ok
        city_ok += c_ok
        miss = {"date": got_date != gold["date"], "state": not s_ok, "city": not c_ok}
        if args.errors and miss[args.errors]:
            print(
                f"--- {row['id']} pub={row['published']} gold={gold['date']} "
                f"{gold['city_or_county']}, {gold['state']}"
            )
            print(
                f"    got date={got_date} ({event_date.text if event_date else None!r}) "
                f"place={place.name if place else None} city={place and place.city} "
                f"county={place and place.county} admin1={place and place.admin1} "
                f"({event_place.text if event_place else None!r})"
            )
    print(f"articles: {n}")
    print(f"date exact-day: {date_ok / n:.3f}  (no date: {date_none})")
    print(f"state:          {state_ok / n:.3f}  (no place: {place_none})")
    print(f"city_or_county: {city_ok / n:.3f}")
    print(f"time: spaCy {t_nlp:.1f}s, extractors {t_ext:.2f}s ({1000 * t_ext / n:.1f} ms/doc)")


if __name__ == "__main__":
    main()
