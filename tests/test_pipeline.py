"""End-to-end: files on disk → events in the store, on the demo corpus and the seed reports."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from wirecheck import pipeline as pipeline_module
from wirecheck.analyze.analyzer import Analyzer
from wirecheck.cluster import Move, Refinement, source_groups
from wirecheck.ingest import read_paths
from wirecheck.models import Analysis, DateMention, Entity, Place, PlaceMention, to_dict
from wirecheck.pipeline import Pipeline
from wirecheck.reconcile import Member, reconcile
from wirecheck.store import new_id, open_store

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


def assert_events_as_if_reconciled_from_scratch(store):
    """No event is marked stale, and every stored event record and source group is what
    regrouping and reconciling all the event's stored articles at once gives."""
    assert store.stale_events() == []
    for record in store.list_events(limit=None):
        articles = list(store.iter_articles(store.event_member_ids(record.id)))
        groups = source_groups(articles)
        members = [Member(a, store.get_analysis(a.id), groups[a.id]) for a in articles]
        fresh = reconcile(record.id, members)
        assert json.loads(json.dumps(to_dict(record))) == json.loads(json.dumps(to_dict(fresh)))
        stored = store.db.execute(
            "SELECT article_id, source_group FROM event_articles WHERE event_id = ?", (record.id,)
        )
        assert dict(stored.fetchall()) == groups


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
    first two stay, and running the same ingest again finishes without duplicates, with
    every event as reconciling it from scratch gives it."""
    store = open_store(tmp_path / "t.db")
    items = list(read_paths([DEMO]))
    save_signature = store.save_signature
    calls = {"n": 0}

    def interrupt_third(article_id, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        save_signature(article_id, data)

    monkeypatch.setattr(store, "save_signature", interrupt_third)
    first = Pipeline(store, analyzer).ingest(items)
    assert first.interrupted and len(first.added) == 2
    assert store.count_articles() == 2
    stored = set(first.added)
    assert {a for a, _, _ in store.iter_signatures()} == stored  # no half-written article
    monkeypatch.setattr(store, "save_signature", save_signature)
    second = Pipeline(store, analyzer).ingest(items)
    assert store.count_articles() == len(items)
    assert len(second.added) == len(items) - 2 and len(second.duplicates) == 2
    member_total = sum(len(e.articles) for e in store.list_events(limit=None))
    assert member_total == len(items)
    assert_events_as_if_reconciled_from_scratch(store)


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


@pytest.mark.parametrize("cached_articles", [pipeline_module.MAX_CACHED_ARTICLES, 0])
def test_a_late_article_merges_two_events_and_the_store_records_it(
    tmp_path, monkeypatch, cached_articles
):
    # With no room in memory, every event is read back from the store: same result.
    monkeypatch.setattr(pipeline_module, "MAX_CACHED_ARTICLES", cached_articles)
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
    assert_events_as_if_reconciled_from_scratch(store)
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


DAYTON = [
    "Shooting\n\nGunfire on Salem Avenue left Marcus Reed dead, and Devon Price was hurt.",
    "Salem Avenue\n\nMarcus Reed died and Devon Price was wounded in gunfire on Salem Avenue.",
    "Vigil\n\nNeighbours of Marcus Reed held a vigil on Salem Avenue; Devon Price spoke.",
    "Charged\n\nA man was charged over the Salem Avenue gunfire that killed Marcus Reed.",
]


def write_texts(folder, texts):
    paths = []
    for n, text in enumerate(texts):
        paths.append(folder / f"{n}.txt")
        paths[-1].write_text(text)
    return paths


def test_a_growing_event_is_not_read_back_from_the_store(tmp_path, monkeypatch):
    """Each new article of an event is compared with the others kept in memory: the store's
    analyses are not read again per article (that made large events quadratic)."""
    store = open_store(tmp_path / "t.db")
    reads = {"n": 0}
    get_analysis = store.get_analysis

    def counted(article_id):
        reads["n"] += 1
        return get_analysis(article_id)

    monkeypatch.setattr(store, "get_analysis", counted)
    report = Pipeline(store, NamesOnlyAnalyzer()).ingest(read_paths(write_texts(tmp_path, DAYTON)))
    assert len(report.added) == 4 and store.count_events() == 1
    assert reads["n"] == 0
    assert_events_as_if_reconciled_from_scratch(store)


def test_an_event_left_stale_by_an_interrupt_is_reconciled_by_the_next_ingest(
    tmp_path, monkeypatch
):
    """Articles are committed with their event marked stale and the event is reconciled at
    the end of the batch; Ctrl-C in between leaves the mark, and the next ingest (even one
    with nothing new) reconciles the event before anything else."""
    monkeypatch.setattr(pipeline_module, "BATCH_SIZE", 8)
    store = open_store(tmp_path / "t.db")
    save_event = store.save_event

    def interrupt_growing(record):
        if len(record.articles) > 1:  # a batch-end reconcile, not a new event's record
            raise KeyboardInterrupt
        save_event(record)

    monkeypatch.setattr(store, "save_event", interrupt_growing)
    first = Pipeline(store, NamesOnlyAnalyzer()).ingest(read_paths(write_texts(tmp_path, DAYTON)))
    assert first.interrupted and len(first.added) == 4
    (event_id,) = first.events_touched
    assert store.stale_events() == [event_id]
    assert len(store.get_event(event_id).articles) == 1  # the stored record misses three
    monkeypatch.setattr(store, "save_event", save_event)
    second = Pipeline(store, NamesOnlyAnalyzer()).ingest([])
    assert not second.interrupted and second.added == []
    assert len(store.get_event(event_id).articles) == 4
    assert_events_as_if_reconciled_from_scratch(store)


def test_a_large_event_is_reconciled_as_it_grows_and_at_the_end(tmp_path, monkeypatch):
    """Batch ends reconcile an event only once it has grown enough since its record (here:
    doubled); the end of the run reconciles the rest."""
    monkeypatch.setattr(pipeline_module, "BATCH_SIZE", 1)
    monkeypatch.setattr(pipeline_module, "RECONCILE_GROWTH", 1.0)
    store = open_store(tmp_path / "t.db")
    saved = []
    save_event = store.save_event

    def counted(record):
        saved.append(len(record.articles))
        save_event(record)

    monkeypatch.setattr(store, "save_event", counted)
    texts = DAYTON + [DAYTON[0].replace("Shooting", "Gunfire")]
    Pipeline(store, NamesOnlyAnalyzer()).ingest(read_paths(write_texts(tmp_path, texts)))
    assert saved == [1, 2, 4, 5]  # not 3 (grown by half only); 5 at the end of the run
    assert_events_as_if_reconciled_from_scratch(store)


def _ingest_all_but_the_last(tmp_path, texts):
    """A store and pipeline holding all the texts but the last; the paths and stored ids."""
    paths = write_texts(tmp_path, texts)
    store = open_store(tmp_path / "t.db")
    pipeline = Pipeline(store, NamesOnlyAnalyzer())
    pipeline.ingest(read_paths(paths[:-1]))
    return store, pipeline, paths, [a.id for a in store.iter_articles()]


def test_articles_the_index_moves_are_moved_in_the_store_and_both_events_reconciled(
    tmp_path, monkeypatch
):
    texts = [
        "Shooting\n\nGunfire on Salem Avenue left Marcus Reed dead.",
        "Vigil\n\nNeighbours held a vigil for Marcus Reed on Salem Avenue.",
        "Arrest\n\nDevon Price was arrested downtown on Saturday.",
        "Court\n\nDevon Price appeared in court on Monday.",
    ]
    store, pipeline, paths, ids = _ingest_all_but_the_last(tmp_path, texts)
    source, target = store.event_of(ids[1]), store.event_of(ids[2])
    assert source == store.event_of(ids[0]) and source != target

    def move_the_vigil(event_ids, signature_of, new_event_id):
        # Stand-in for EventIndex.refine: what the pipeline must do with a move it returns.
        pipeline.index.move(signature_of(ids[1]), target)
        return Refinement([Move(ids[1], source, target)])

    monkeypatch.setattr(pipeline.index, "refine", move_the_vigil)
    reads = []
    get_analysis = store.get_analysis
    monkeypatch.setattr(store, "get_analysis", lambda a: reads.append(a) or get_analysis(a))
    report = pipeline.ingest(read_paths(paths[-1:]))
    assert report.moves == [Move(ids[1], source, target)]
    assert store.event_of(ids[1]) == target
    assert store.event_member_ids(source) == [ids[0]]
    moved = store.db.execute("SELECT article_id, from_id, to_id FROM article_moves").fetchall()
    assert [tuple(row) for row in moved] == [(ids[1], source, target)]
    # Both events were in memory: they are rebuilt from it, not read back from the store
    # (for a large event that cost seconds per batch).
    assert reads == []
    assert_events_as_if_reconciled_from_scratch(store)
    # A restart rebuilds the index from the store: the article is where it was moved.
    assert Pipeline(store, NamesOnlyAnalyzer()).index.article_event[ids[1]] == target


def test_an_event_the_index_empties_is_stored_as_merged_into_the_one_that_took_it(
    tmp_path, monkeypatch
):
    texts = [
        "Shooting\n\nGunfire on Salem Avenue left Marcus Reed dead.",
        "Arrest\n\nDevon Price was arrested downtown on Saturday.",
        "Court\n\nDevon Price appeared in court on Monday.",
    ]
    store, pipeline, paths, ids = _ingest_all_but_the_last(tmp_path, texts)
    emptied, kept = store.event_of(ids[0]), store.event_of(ids[1])
    assert emptied != kept
    store.mark_stale(emptied)  # as if a batch had grown it

    def fold_the_shooting_in(event_ids, signature_of, new_event_id):
        # Stand-in for EventIndex.refine finding that the lone report belongs elsewhere.
        pipeline.index.move(signature_of(ids[0]), kept)
        return Refinement([Move(ids[0], emptied, kept)], [(kept, emptied)])

    monkeypatch.setattr(pipeline.index, "refine", fold_the_shooting_in)
    report = pipeline.ingest(read_paths(paths[-1:]))
    assert (kept, emptied) in report.merges
    assert emptied not in report.events_touched
    assert store.event_of(ids[0]) == kept
    assert store.get_event(emptied).id == kept  # the old id still finds the event
    assert emptied not in store.stale_events()  # no record left to bring up to date
    assert_events_as_if_reconciled_from_scratch(store)


def test_a_group_split_off_an_event_becomes_a_new_reconciled_event(tmp_path, monkeypatch):
    texts = [
        "Shooting\n\nGunfire on Salem Avenue left Marcus Reed dead.",
        "Vigil\n\nNeighbours held a vigil for Marcus Reed on Salem Avenue.",
        "Funeral\n\nMarcus Reed was buried on Salem Avenue.",
        "Memorial\n\nA memorial for Marcus Reed grew on Salem Avenue.",
        "Rally\n\nMarcus Reed's family led a march down Salem Avenue.",
    ]
    store, pipeline, paths, ids = _ingest_all_but_the_last(tmp_path, texts)
    source = store.event_of(ids[0])
    assert {store.event_of(i) for i in ids} == {source}
    # The id the split-off group would take from its first article is taken: that report
    # founded an event once, which was merged away.
    taken = new_id("ev", ids[2])
    store.db.execute("INSERT INTO event_merges VALUES (?, ?, ?, '')", (taken, source, ids[2]))

    def split_off_the_funeral(event_ids, signature_of, new_event_id):
        # Stand-in for EventIndex.refine splitting the last two reports off their event.
        target = new_event_id(ids[2])
        for article in ids[2:4]:
            pipeline.index.move(signature_of(article), target)
        return Refinement([Move(article, source, target, split=True) for article in ids[2:4]])

    monkeypatch.setattr(pipeline.index, "refine", split_off_the_funeral)
    report = pipeline.ingest(read_paths(paths[-1:]))
    target = report.moves[0].target
    assert target not in {source, taken}
    assert report.to_dict()["events_split_off"] == 1
    assert store.event_member_ids(target) == ids[2:4]
    assert store.get_event(target) is not None
    assert_events_as_if_reconciled_from_scratch(store)
    assert Pipeline(store, NamesOnlyAnalyzer()).index.article_event[ids[3]] == target
