"""The SQLite store: migrations, transactions, crash safety, events and facts, filters."""

from __future__ import annotations

import datetime as dt
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
    Range,
    Source,
)
from wirecheck.store import default_db_path, open_store


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
    assert first.schema_version() == 1
    first.close()
    again = open_store(path)
    rows = again.db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0]
    assert rows == 1
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


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


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article(1))
        with store.transaction():  # nested: a savepoint
            store.add_article(article(2))
        raise RuntimeError("boom")
    assert store.count_articles() == 0


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
    assert store.stats() == {"articles": 2, "events": 1, "skipped": 0}


def test_prefix_lookup_is_refused_when_ambiguous(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_event(event("ev-aa1", dt.date(2024, 1, 2), "PT", "One"))
        store.save_event(event("ev-aa2", dt.date(2024, 1, 3), "PT", "Two"))
    assert store.get_event("ev-aa") is None
    assert store.get_event("ev-aa2").title == "Two"
    assert store.get_event("nope") is None


def test_list_events_filters(store):
    with store.transaction():
        store.add_article(article(1))
        store.add_article(article(2))
        store.save_event(event("e1", dt.date(2024, 1, 2), "PT", "Bridge collapse"))
        store.save_event(event("e2", dt.date(2024, 3, 9), "IQ", "Convoy attack", True))
    titles = lambda **kw: [e.title for e in store.list_events(**kw)]  # noqa: E731
    assert titles() == ["Convoy attack", "Bridge collapse"]  # newest first
    assert titles(since=dt.date(2024, 2, 1)) == ["Convoy attack"]
    assert titles(until=dt.date(2024, 2, 1)) == ["Bridge collapse"]
    assert titles(place="Iraq") == ["Convoy attack"]
    assert titles(place="porto") == ["Convoy attack", "Bridge collapse"]  # both are in Porto
    assert titles(text="rebuild") == ["Convoy attack", "Bridge collapse"]
    assert titles(text="convoy") == ["Convoy attack"]
    assert titles(limit=1, offset=1) == ["Bridge collapse"]


def test_skips_are_recorded(store):
    with store.transaction():
        store.record_skip("bad.bin", "binary file")
    assert store.stats()["skipped"] == 1
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.add_article(article(1))
        store.add_article(article(1))
    assert store.count_articles() == 0
