"""Store additions for the web: FTS5 article search kept in sync, event list filters."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from wirecheck.models import Article, EventDate, EventRecord, Fact, Place, Source
from wirecheck.store import EventFilters, open_store
from wirecheck.store.sqlite import _migrations, _statements, fts_query


def article(n: int, title: str, text: str) -> Article:
    return Article(
        text=text,
        origin=f"f{n}.txt",
        title=title,
        id=f"a{n}",
        content_hash=f"h{n}",
        outlet="outlet.test",
        published=dt.date(2024, 1, n),
    )


ARTICLES = [
    article(1, "Bridge closed after flood", "The river flooded the old bridge in Porto."),
    article(2, "Election results", "Voters in Lisbon chose a new mayor; the bridge vote waits."),
    article(3, "Café reopens", "The café near the harbour reopened after the storm."),
]


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "s.db")
    with store.transaction():
        for a in ARTICLES:
            store.add_article(a)
    yield store
    store.close()


def ids(hits) -> list[str]:
    return [h.article_id for h in hits]


def test_search_matches_all_words_in_title_or_text(store):
    assert set(ids(store.search_articles("bridge"))) == {"a1", "a2"}
    assert ids(store.search_articles("bridge flooded")) == ["a1"]
    assert ids(store.search_articles("election")) == ["a2"]  # title only
    assert ids(store.search_articles("cafe")) == ["a3"]  # diacritics folded
    assert ids(store.search_articles("flood*")) == ["a1"]  # prefix
    assert ids(store.search_articles("bridge", limit=1, offset=1)) in (["a1"], ["a2"])


def test_search_hits_carry_a_snippet_with_the_matches(store):
    (hit,) = store.search_articles("porto")
    assert hit.published == dt.date(2024, 1, 1) and hit.outlet == "outlet.test"
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Porto"]
    assert "\x02" not in hit.snippet and "\x03" not in hit.snippet


@pytest.mark.parametrize(
    "query", ['bridge"', "bridge OR", "(bridge", "NEAR(bridge porto)", "title:bridge", "-x ^y"]
)
def test_query_syntax_is_taken_as_plain_words(store, query):
    store.search_articles(query)  # no sqlite3.OperationalError


def test_fts_query_quotes_every_word():
    assert fts_query('bridge "porto" fl*') == '"bridge" """porto""" "fl"*'
    with pytest.raises(ValueError, match="no words"):
        fts_query("  * ")


def test_index_follows_deletes_and_updates(store):
    with store.transaction():
        store.db.execute("DELETE FROM articles WHERE id = 'a1'")
        store.db.execute("UPDATE articles SET text = 'Now about tramways.' WHERE id = 'a3'")
    assert ids(store.search_articles("bridge")) == ["a2"]
    assert ids(store.search_articles("tramways")) == ["a3"]
    assert store.search_articles("harbour") == []
    assert (
        store.db.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')"
        ).fetchall()
        == []
    )


def test_migration_backfills_articles_stored_before_it(tmp_path):
    """A store made by the migrations before 0004 gets its articles indexed on opening."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for version, sql in _migrations():
        if version < 4:
            for statement in _statements(sql):
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?, '')", (version,))
    db.execute(
        "INSERT INTO articles (id, content_hash, text, title, origin, ingested_at, seq)"
        " VALUES ('old', 'h', 'Text about lighthouses.', 'Old one', 'o.txt', '', 1)"
    )
    db.close()
    store = open_store(path)
    assert ids(store.search_articles("lighthouses")) == ["old"]
    store.close()


def record(event_id: str, country: str, kind: str, disputed: bool) -> EventRecord:
    status = "disputed" if disputed else "corroborated"
    return EventRecord(
        id=event_id,
        title=f"Event {event_id}",
        type=kind,
        date=EventDate(dt.date(2024, 1, 1), dt.date(2024, 1, 1), dt.date(2024, 1, 1), "day"),
        location=Place("Somewhere", country=country),
        articles=[Source("a1", None, None, None, "a1")],
        facts=[Fact("number", "3 people", "3", status, ["a1"])],
    )


def test_event_list_filters_by_country_type_and_disputes(store):
    with store.transaction():
        store.save_event(record("e1", "PT", "PROTEST", True))
        store.save_event(record("e2", "PT", "ATTACK", False))
        store.save_event(record("e3", "ES", "PROTEST", False))

    def listed(**filters) -> set[str]:
        return {e.id for e in store.list_events(EventFilters(**filters))}

    assert listed(country="PT") == listed(country="Portugal") == {"e1", "e2"}
    assert listed(type="PROTEST") == {"e1", "e3"}
    assert listed(has_disputes=True) == {"e1"}
    assert listed(has_disputes=False) == {"e2", "e3"}
    assert listed(country="es", type="PROTEST", has_disputes=False) == {"e3"}
