"""End-to-end: files on disk → events in the store, on the demo corpus and the seed reports."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from wirecheck.analyze.analyzer import Analyzer
from wirecheck.ingest import read_paths
from wirecheck.models import Analysis, DateMention, Entity, Place, PlaceMention
from wirecheck.pipeline import Pipeline
from wirecheck.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "demo" / "corpus"


@pytest.fixture(scope="module")
def analyzer(nlp):
    return Analyzer(nlp)


def ingest(tmp_path, analyzer, *paths):
    store = open_store(tmp_path / "t.db")
    report = Pipeline(store, analyzer).ingest(read_paths(paths))
    return store, report


def overlaps(span, ranges):
    return any(span[0] < end and start < span[1] for start, end in ranges)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, analyzer, shared_dir):
    return ingest(tmp_path_factory.mktemp("seeds"), analyzer, shared_dir / "seeds")


def test_seeds_are_one_event_with_both_sources(seed_store):
    store, report = seed_store
    assert len(report.added) == 2
    events = store.list_events(limit=None)
    assert len(events) == 1
    record = events[0]
    assert len({a.source_group for a in record.articles}) == 2
    assert record.location is not None and record.location.country == "IQ"


def test_seeds_commander_quote_is_corroborated(seed_store):
    store, _ = seed_store
    record = store.list_events(limit=None)[0]
    quotes = [f for f in record.facts if f.kind == "quote" and f.status == "corroborated"]
    assert any(q.speaker and "Rouleau" in q.speaker for q in quotes), [
        (q.speaker, q.text[:60]) for q in quotes
    ]
    assert any("planning session" in q.value.lower() for q in quotes)


def test_seeds_have_single_source_and_disputed_facts(seed_store):
    store, _ = seed_store
    record = store.list_events(limit=None)[0]
    statuses = {f.status for f in record.facts}
    assert "single_source" in statuses
    # "no casualties or injuries" against "killing the ISIL fighters"
    assert any(f.status == "disputed" and f.kind == "casualty" for f in record.facts)


def test_seeds_no_fact_comes_from_boilerplate(seed_store):
    store, _ = seed_store
    record = store.list_events(limit=None)[0]
    articles = {a.id: a for a in store.iter_articles()}
    for fact in record.facts:
        for article_id, span in fact.spans.items():
            assert not overlaps(span, articles[article_id].boilerplate), (fact.kind, fact.text)
        for marker in ("Read more here", "Interactive:", "SOURCE: Agencies", "years old"):
            assert marker not in fact.text


def test_demo_corpus_end_to_end(tmp_path, analyzer):
    """The fictional corpus: five events, one wire copy, one look-alike kept apart."""
    store, report = ingest(tmp_path, analyzer, DEMO)
    assert not report.skipped and len(report.added) == 11
    events = {e.title: e for e in store.list_events(limit=None)}
    assert sorted(len(e.articles) for e in events.values()) == [1, 2, 2, 2, 4]
    convoy = next(e for e in events.values() if len(e.articles) == 4)
    assert len({a.source_group for a in convoy.articles}) == 3  # wire story + its copy = 1
    assert convoy.location.city == "Gao" and convoy.location.country == "ML"
    assert convoy.killed.low <= 3 and convoy.killed.best == 3 and convoy.killed.high == 5
    disputed = {(f.kind, f.value) for f in convoy.facts if f.status == "disputed"}
    assert ("casualty", "killed: 3") in disputed
    quote = next(f for f in convoy.facts if f.kind == "quote" and "neutrali" in f.value)
    assert quote.status == "corroborated" and quote.speaker == "Amira Haddad"
    dayton = [e for e in events.values() if e.location and e.location.city == "Dayton"]
    assert len(dayton) == 2  # two shootings nine days apart stay two events
    protest = next(e for e in events.values() if e.location and e.location.city == "Nairobi")
    assert protest.injured.best == 12
    titles = [f for f in protest.facts if f.kind == "title" and f.status == "disputed"]
    assert titles and titles[0].speaker == "Grace Wanjiru"
    crowd = [f for f in protest.facts if f.kind == "number" and f.value == "2000"]
    assert crowd and crowd[0].status == "corroborated"  # "about 2,000" / "some 2,000"


def test_reingest_adds_nothing(tmp_path, analyzer):
    store, _ = ingest(tmp_path, analyzer, DEMO)
    n_articles, n_events = store.count_articles(), store.count_events()
    report = Pipeline(store, analyzer).ingest(read_paths([DEMO]))
    assert report.added == [] and len(report.duplicates) == n_articles
    assert (store.count_articles(), store.count_events()) == (n_articles, n_events)


def test_bad_inputs_are_skipped_and_the_batch_goes_on(tmp_path, analyzer):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "empty.txt").write_text("")
    (folder / "bad.jsonl").write_text('{"id": "x1", "text": "ok"\nnot json\n')
    (folder / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (folder / "latin1.txt").write_bytes(
        "Flood hits Porto\n\nRescuers in Porto said the river rose by two metres on Monday, "
        "and résidents were evacuated from 40 homes near the quay.\n".encode("latin-1")
    )
    good = folder / "good.txt.gz"
    good.write_bytes(
        gzip.compress(
            b"Warehouse fire in Leeds\n\nFirefighters in Leeds, England, said a warehouse "
            b'fire on Tuesday injured three workers. "It spread fast," said fire officer '
            b"Dan Price.\n"
        )
    )
    store = open_store(tmp_path / "t.db")
    report = Pipeline(store, analyzer).ingest(read_paths([folder]))
    reasons = {Path(s.origin.split(":")[0]).name: s.reason for s in report.skipped}
    assert {"binary.txt", "empty.txt", "bad.jsonl", "nothing.html"} <= set(reasons)
    assert store.count_articles() == len(report.added) >= 2
    assert store.stats()["skipped"] == len(report.skipped)


def test_interrupted_ingest_resumes_without_duplicates(tmp_path, analyzer, monkeypatch):
    """Ctrl-C inside the third article's transaction: that article leaves no trace, the
    first two stay, and running the same ingest again finishes without duplicates."""
    store = open_store(tmp_path / "t.db")
    items = list(read_paths([DEMO]))
    save_event = store.save_event
    calls = {"n": 0}

    def interrupt_third(record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        save_event(record)

    monkeypatch.setattr(store, "save_event", interrupt_third)
    first = Pipeline(store, analyzer).ingest(items)
    assert first.interrupted and len(first.added) == 2
    assert store.count_articles() == 2
    stored = set(first.added)
    assert {a for a, _, _ in store.iter_signatures()} == stored  # no half-written article
    monkeypatch.setattr(store, "save_event", save_event)
    second = Pipeline(store, analyzer).ingest(items)
    assert store.count_articles() == len(items)
    assert len(second.added) == len(items) - 2 and len(second.duplicates) == 2
    member_total = sum(len(e.articles) for e in store.list_events(limit=None))
    assert member_total == len(items)


def test_killed_cli_ingest_finishes_on_rerun(tmp_path):
    """SIGKILL a real `wirecheck ingest` once it has stored something; the rerun completes
    the corpus with no duplicate article, membership or event."""
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "wirecheck.cli", "--db", str(db), "ingest", str(DEMO), "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 2:
                        break
            except sqlite3.OperationalError:
                pass  # schema not created yet
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    store = open_store(db)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.count_articles() == 11
    members = store.db.execute("SELECT COUNT(*) FROM event_articles").fetchone()[0]
    assert members == 11
    assert sum(len(e.articles) for e in store.list_events(limit=None)) == 11


class NamesOnlyAnalyzer:
    """A stand-in analyzer: people named in the text, one fixed day and city (no spaCy)."""

    NAMES = ("Marcus Reed", "Devon Price")

    def analyze_many(self, articles, homes=None):
        day = dt.date(2024, 5, 4)
        for article in articles:
            entities = [
                Entity(article.text.index(n), article.text.index(n) + len(n), n, "PERSON")
                for n in self.NAMES
                if n in article.text
            ]
            yield Analysis(
                article_id=article.id,
                entities=entities,
                event_date=DateMention(0, 1, "x", day, day, "day", day),
                event_place=PlaceMention(
                    0, 1, "Dayton", Place("Dayton", city="Dayton", country="US", precision="city")
                ),
            )


def test_a_late_article_merges_two_events_and_the_store_records_it(tmp_path):
    texts = {
        "1.txt": "Shooting\n\nGunfire on Salem Avenue left Marcus Reed dead.",
        "2.txt": "Arrest\n\nDevon Price was arrested downtown on Saturday.",
        "3.txt": "Charged\n\nDevon Price was charged over the gunfire that left Marcus Reed dead.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    store = open_store(tmp_path / "t.db")
    pipeline = Pipeline(store, NamesOnlyAnalyzer())
    pipeline.index.merge_threshold = 0.2  # the stand-in analysis gives few shared terms
    first = pipeline.ingest(read_paths([tmp_path / "1.txt", tmp_path / "2.txt"]))
    assert len(first.events_touched) == 2 and store.count_events() == 2
    late = pipeline.ingest(read_paths([tmp_path / "3.txt"]))
    assert len(late.merges) == 1 and store.count_events() == 1
    kept, absorbed = late.merges[0]
    assert len(store.event_member_ids(kept)) == 3
    assert store.merged_into(absorbed) == kept and store.get_event(absorbed).id == kept
    # A restart rebuilds the index from the store: the merged event is one event there too.
    again = Pipeline(store, NamesOnlyAnalyzer())
    assert set(again.index.article_event.values()) == {kept}


def test_a_call_sign_outlet_places_ambiguous_towns_in_its_learnt_state(tmp_path, analyzer):
    stories = [
        "JACKSONVILLE, N.C. -- A man was shot and killed outside a store early Sunday.",
        "A woman was wounded in a shooting in Jacksonville on Friday night, police said.",
        "Two teenagers were shot in Jacksonville on Tuesday afternoon, police said.",
    ]
    for n, text in enumerate(stories):
        record = {"id": f"w{n}", "outlet": "wcti12.com", "text": text}
        (tmp_path / f"{n}.jsonl").write_text(json.dumps(record) + "\n")
    store = open_store(tmp_path / "t.db")
    Pipeline(store, analyzer).ingest(read_paths([tmp_path / "0.jsonl", tmp_path / "1.jsonl"]))
    # The host names no place: the dateline of its first story taught the pipeline its state.
    assert store.get_analysis("w1").event_place.place.admin1 == "North Carolina"
    # A new pipeline learns it again from the store.
    Pipeline(store, analyzer).ingest(read_paths([tmp_path / "2.jsonl"]))
    assert store.get_analysis("w2").event_place.place.admin1 == "North Carolina"
