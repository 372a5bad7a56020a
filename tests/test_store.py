"""The SQLite store: migrations, transactions, crash safety, events and facts, filters."""

from __future__ import annotations

import datetime as dt
import hashlib
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from wirecheck.models import (
    Alternative,
    Analysis,
    Article,
    EventDate,
    EventRecord,
    Fact,
    Place,
    PlaceMention,
    Range,
    Source,
)
from wirecheck.store import EventFilters, default_db_path, new_id, open_store
from wirecheck.store import sqlite as sqlite_backend

LATEST = max(sqlite_backend._migrations())[0]


def article(n: int, text: str | None = None) -> Article:
    return Article(
        text=text or f"Article number {n}.",
        origin=f"f{n}.txt",
        id=f"a{n}",
        content_hash=f"h{n}",
        outlet=f"outlet{n}.test",
        published=dt.date(2024, 1, n),
        boilerplate=[(0, 3)],
    )


def event(event_id: str, day: dt.date, country: str, title: str, disputed: bool = False):
    facts = [
        Fact(
            "quote",
            "We will rebuild",
            "we will rebuild",
            "corroborated",
            ["a1", "a2"],
            speaker="Ana Costa",
        )
    ]
    if disputed:
        facts.append(
            Fact(
                "casualty",
                "two killed",
                "killed: 2",
                "disputed",
                ["a1"],
                alternatives=[Alternative("killed: 0", ["a2"])],
            )
        )
    return EventRecord(
        id=event_id,
        title=title,
        date=EventDate(day, day, day, "day"),
        location=Place("Porto", city="Porto", country=country, precision="city"),
        killed=Range(0, 0, 2),
        articles=[Source("a1", "o1", None, day, "a1"), Source("a2", "o2", None, day, "a2")],
        facts=facts,
    )


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "sub" / "w.db")
    yield s
    s.close()


def test_schema_is_migrated_once_and_wal_is_on(tmp_path):
    path = tmp_path / "w.db"
    first = open_store(path)
    assert first.schema_version() == LATEST >= 2
    first.close()
    again = open_store(path)
    versions = [r[0] for r in again.db.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, LATEST + 1))
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert again.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def _migration_dir(tmp_path, files: dict[str, str]):
    folder = tmp_path / "migrations"
    folder.mkdir(exist_ok=True)
    for name, sql in files.items():
        (folder / name).write_text(sql)
    return folder


def test_an_old_store_is_upgraded_in_place(tmp_path, monkeypatch):
    initial = (sqlite_backend.MIGRATIONS / "0001_initial.sql").read_text("utf-8")
    monkeypatch.setattr(
        sqlite_backend, "MIGRATIONS", _migration_dir(tmp_path, {"0001_initial.sql": initial})
    )
    old = open_store(tmp_path / "w.db")
    with old.transaction():
        old.add_article(article(1))
    assert old.schema_version() == 1
    old.close()
    monkeypatch.undo()
    new = open_store(tmp_path / "w.db")
    assert new.schema_version() == LATEST
    assert [a.id for a in new.iter_articles()] == ["a1"]
    indexes = {r[0] for r in new.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "articles_seq" in indexes


def test_migration_runner_splits_statements_and_rolls_back_a_failure(tmp_path, monkeypatch):
    trigger = (
        "CREATE TABLE t (x TEXT);\n"
        "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
        "  INSERT INTO t2 VALUES ('a;b');\n"
        "END;\n"
        "CREATE TABLE t2 (y TEXT); -- trailing comment\n"
    )
    folder = _migration_dir(tmp_path, {"0001_a.sql": trigger})
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", folder)
    store = open_store(tmp_path / "w.db")
    store.db.execute("INSERT INTO t VALUES ('x')")
    assert store.db.execute("SELECT y FROM t2").fetchone()[0] == "a;b"
    store.close()
    (folder / "0002_bad.sql").write_text("CREATE TABLE u (z);\nINSERT INTO nowhere VALUES (1);\n")
    with pytest.raises(sqlite3.OperationalError):
        open_store(tmp_path / "w.db")
    (folder / "0002_bad.sql").unlink()
    reopened = open_store(tmp_path / "w.db")
    assert reopened.schema_version() == 1
    tables = {r[0] for r in reopened.db.execute("SELECT name FROM sqlite_master")}
    assert "u" not in tables  # the failed migration left nothing behind


def test_a_store_from_a_newer_wirecheck_is_refused(tmp_path):
    store = open_store(tmp_path / "w.db")
    with store.transaction():
        store.db.execute("INSERT INTO schema_version VALUES (?, 'later')", (LATEST + 1,))
    store.close()
    with pytest.raises(sqlite_backend.SchemaTooNew):
        open_store(tmp_path / "w.db")


def test_new_id_is_deterministic_from_a_seed():
    assert new_id("ev", "a1") == "ev-" + hashlib.sha1(b"a1").hexdigest()[:12]
    assert new_id("ev", "a1") != new_id("ev", "a2")
    assert new_id("run") != new_id("run") and new_id("run").startswith("run-")


def test_default_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("WIRECHECK_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("WIRECHECK_DB")
    assert str(default_db_path()) == "wirecheck.db"


def test_articles_round_trip_and_hash_lookup(store):
    with store.transaction():
        store.add_article(article(1))
        store.save_analysis(Analysis(article_id="a1", keywords=["fire"]), version=1)
    got = store.get_article("a1")
    assert got.text == "Article number 1." and got.boilerplate == [(0, 3)]
    assert got.published == dt.date(2024, 1, 1)
    assert store.article_id_for_hash("h1") == "a1" and store.article_id_for_hash("x") is None
    assert store.get_analysis("a1").keywords == ["fire"]


def test_event_places_come_with_their_state_naming_mentions(store):
    macon = Place("Macon", city="Macon", admin1="Georgia", country="US", precision="city")
    georgia = Place("Georgia", admin1="Georgia", country="US", precision="admin1")
    paris = Place("Paris", city="Paris", country="FR", precision="city")
    pair = PlaceMention(0, 12, "Macon, Ga.", macon, role="event")
    places = [pair, PlaceMention(20, 25, "Macon", macon), PlaceMention(30, 37, "Georgia", georgia)]
    with store.transaction():
        for n, event in ((1, pair), (2, PlaceMention(0, 5, "Paris", paris)), (3, None)):
            store.add_article(article(n))
            store.save_analysis(
                Analysis(f"a{n}", places=places if n == 1 else [], event_place=event), version=1
            )
    # Only the US-placed story comes back, with the mentions that may name its state.
    assert list(store.iter_event_places()) == [("outlet1.test", pair, [pair, places[2]])]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_failed_transaction_leaves_nothing(store, error):
    with pytest.raises(error), store.transaction():
        store.add_article(article(1))
        with store.transaction():  # nested: a savepoint
            store.add_article(article(2))
        raise error
    assert store.count_articles() == 0
    with store.transaction():  # and the store is usable afterwards
        store.add_article(article(3))
    assert store.count_articles() == 1


def test_nested_failure_rolls_back_only_the_inner_block(store):
    with store.transaction():
        store.add_article(article(1))
        with pytest.raises(ValueError), store.transaction():
            store.add_article(article(2))
            raise ValueError
    assert [a.id for a in store.iter_articles()] == ["a1"]


def test_sigkill_mid_transaction_leaves_a_consistent_store(tmp_path):
    path = tmp_path / "crash.db"
    open_store(path).close()
    script = textwrap.dedent(f"""
        import time
        from wirecheck.models import Article
        from wirecheck.store import open_store
        store = open_store({str(path)!r})
        with store.transaction():
            store.add_article(Article(text="ok", origin="o", id="done", content_hash="h0"))
        with store.transaction():
            store.add_article(Article(text="half", origin="o", id="half", content_hash="h1"))
            print("inside", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "inside"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.1)
    reopened = open_store(path)
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [a.id for a in reopened.iter_articles()] == ["done"]


def test_events_facts_support_and_membership(store):
    with store.transaction():
        for n in (1, 2):
            store.add_article(article(n))
        store.save_event(event("ev-abc", dt.date(2024, 1, 2), "PT", "Bridge", disputed=True))
        for n in (1, 2):
            store.set_membership("ev-abc", f"a{n}", "a1")
        store.save_event(event("ev-abc", dt.date(2024, 1, 2), "PT", "Bridge", disputed=True))
    assert store.event_member_ids("ev-abc") == ["a1", "a2"]  # survives re-saving the event
    assert store.event_of("a2") == "ev-abc"
    support = store.db.execute(
        "SELECT f.kind, s.article_id, s.value FROM facts f JOIN fact_support s"
        " ON s.fact_id = f.id ORDER BY f.id, s.article_id"
    ).fetchall()
    assert [tuple(r) for r in support] == [
        ("quote", "a1", "we will rebuild"),
        ("quote", "a2", "we will rebuild"),
        ("casualty", "a1", "killed: 2"),
        ("casualty", "a2", "killed: 0"),
    ]
    record = store.get_event("ev-a")  # unique prefix
    assert record.facts[1].alternatives[0].value == "killed: 0"
    assert store.stats() == {
        "articles": 2,
        "events": 1,
        "skipped": 0,
        "facts": 2,
        "disputed_events": 1,
    }
    row = store.db.execute("SELECT n_articles, n_sources, has_disputes FROM events").fetchone()
    assert tuple(row) == (2, 2, 1)  # two source groups in the record


def test_replacing_an_event_replaces_its_facts(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_event(event("ev-1", dt.date(2024, 1, 2), "PT", "Bridge", disputed=True))
        store.save_event(event("ev-1", dt.date(2024, 1, 2), "PT", "Bridge, revised"))
    assert store.get_event("ev-1").title == "Bridge, revised"
    assert store.db.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 1
    assert store.db.execute("SELECT COUNT(*) FROM fact_support").fetchone()[0] == 2


def test_save_event_alone_is_all_or_nothing(store):
    with store.transaction():
        store.add_article(article(1))
    bad = event("ev-1", dt.date(2024, 1, 2), "PT", "Bridge")  # support cites a2: not stored
    with pytest.raises(sqlite3.IntegrityError):
        store.save_event(bad)
    assert store.count_events() == 0
    assert store.db.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 0


def test_delete_event_removes_facts_support_and_membership(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.set_membership("ev-1", "a1", "a1")
        store.save_event(event("ev-1", dt.date(2024, 1, 2), "PT", "Bridge"))
    with store.transaction():
        store.delete_event("ev-1")
    assert store.get_event("ev-1") is None and store.event_of("a1") is None
    for table in ("facts", "fact_support", "event_articles"):
        assert store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    assert store.count_articles() == 2


def test_signatures_come_back_with_their_event(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_signature("a1", {"k": [1, 2]})
        store.save_signature("a2", {"k": [3]})
        store.set_membership("ev-1", "a1", "a1")
        store.save_event(event("ev-1", dt.date(2024, 1, 2), "PT", "Bridge"))
    assert list(store.iter_signatures()) == [
        ("a1", "ev-1", {"k": [1, 2]}),
        ("a2", None, {"k": [3]}),
    ]
    assert [a.id for a in store.iter_articles(["a2", "zz", "a1"])] == ["a2", "a1"]


def test_prefix_lookup_is_refused_when_ambiguous(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_event(event("ev-aa1", dt.date(2024, 1, 2), "PT", "One"))
        store.save_event(event("ev-aa2", dt.date(2024, 1, 3), "PT", "Two"))
    assert store.get_event("ev-aa") is None
    assert store.get_event("ev-aa2").title == "Two"
    assert store.get_event("ev-aa1").title == "One"
    assert store.get_event("nope") is None
    assert store.get_event("EV-AA2") is None  # ids are case-sensitive
    assert store.get_event("") is None
    assert store.get_event("ev-a_") is None  # no LIKE wildcards


def test_list_events_filters(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_event(event("e1", dt.date(2024, 1, 2), "PT", "Bridge collapse"))
        store.save_event(event("e2", dt.date(2024, 3, 9), "IQ", "Convoy attack", True))
    titles = lambda **kw: [e.title for e in store.list_events(EventFilters(**kw))]  # noqa: E731
    assert titles() == ["Convoy attack", "Bridge collapse"]  # newest first
    assert titles(since=dt.date(2024, 2, 1)) == ["Convoy attack"]
    assert titles(until=dt.date(2024, 2, 1)) == ["Bridge collapse"]
    assert titles(place="Iraq") == ["Convoy attack"]
    assert titles(place="porto") == ["Convoy attack", "Bridge collapse"]  # both are in Porto
    assert titles(text="rebuild") == ["Convoy attack", "Bridge collapse"]
    assert titles(text="convoy") == ["Convoy attack"]
    assert [e.title for e in store.list_events(limit=1, offset=1)] == ["Bridge collapse"]
    assert titles(place="pt") == ["Bridge collapse"]  # alpha-2 code, any case
    assert titles(place="Portugal") == ["Bridge collapse"]  # country name via pycountry
    assert titles(place="Lisbon") == []
    assert titles(text="nothing like it") == []
    assert titles(since=dt.date(2024, 1, 1), until=dt.date(2024, 1, 31)) == ["Bridge collapse"]


def test_list_events_date_ranges_overlap_and_unicode_case(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        long = event("e1", dt.date(2024, 1, 1), "TR", "Siege of İzmir", True)
        long.date = EventDate(dt.date(2024, 1, 1), dt.date(2024, 1, 31), None, "month")
        long.location = Place("Ürümqi", city="Ürümqi", admin1="Xinjiang", country="CN")
        store.save_event(long)
    titles = lambda **kw: [e.title for e in store.list_events(EventFilters(**kw))]  # noqa: E731
    assert titles(since=dt.date(2024, 1, 20), until=dt.date(2024, 2, 5)) == ["Siege of İzmir"]
    assert titles(since=dt.date(2024, 2, 1)) == []
    assert titles(until=dt.date(2023, 12, 31)) == []
    assert (
        titles(place="ÜRÜMQI")
        == titles(place="xinjiang")
        == titles(place="China")
        == ["Siege of İzmir"]
    )
    assert titles(text="KILLED") == ["Siege of İzmir"]  # a fact's text


def test_skips_are_recorded(store):
    with store.transaction():
        store.record_skip("bad.bin", "binary file")
    assert store.stats()["skipped"] == 1
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.add_article(article(1))
        store.add_article(article(1))
    assert store.count_articles() == 0


def test_merging_events_moves_members_and_redirects_the_old_id(store):
    with store.transaction():
        for n in (1, 2, 3):
            store.add_article(article(n))
        store.save_event(event("ev-one", dt.date(2024, 1, 2), "PT", "Bridge"))
        store.save_event(event("ev-two", dt.date(2024, 1, 2), "PT", "Bridge"))
        store.set_membership("ev-one", "a1", "a1")
        store.set_membership("ev-two", "a2", "a2")
        store.set_membership("ev-one", "a3", "a3")
        store.merge_events("ev-one", "ev-two", "a3")
    assert store.event_member_ids("ev-one") == ["a1", "a2", "a3"]
    assert store.count_events() == 1
    assert store.merged_into("ev-two") == "ev-one"
    assert store.get_event("ev-two").id == "ev-one"
    with store.transaction():  # a second merge carries the first one along
        store.save_event(event("ev-new", dt.date(2024, 1, 2), "PT", "Bridge"))
        store.merge_events("ev-new", "ev-one", "a3")
    assert store.merged_into("ev-two") == "ev-new"
    assert store.get_event("ev-two").id == "ev-new"


def test_stale_marks_go_when_the_event_is_saved_or_merged_away(store):
    with store.transaction():
        for n in (1, 2):
            store.add_article(article(n))
        store.save_event(event("ev-one", dt.date(2024, 1, 2), "PT", "Bridge"))
        store.save_event(event("ev-two", dt.date(2024, 1, 2), "PT", "Bridge"))
        store.mark_stale("ev-one")
        store.mark_stale("ev-two")
        store.mark_stale("ev-two")  # marking twice is one mark
    assert store.stale_events() == ["ev-one", "ev-two"]
    with pytest.raises(KeyboardInterrupt), store.transaction():
        store.save_event(event("ev-one", dt.date(2024, 1, 2), "PT", "Bridge"))
        raise KeyboardInterrupt
    assert store.stale_events() == ["ev-one", "ev-two"]  # a rolled-back save keeps the mark
    with store.transaction():
        store.save_event(event("ev-one", dt.date(2024, 1, 2), "PT", "Bridge"))
    assert store.stale_events() == ["ev-two"]
    with store.transaction():
        store.merge_events("ev-one", "ev-two", "a2")
    assert store.stale_events() == []
