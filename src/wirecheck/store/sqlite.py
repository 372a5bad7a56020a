"""The SQLite store: one file, WAL mode, numbered migrations, every write in a transaction.

All SQL that only SQLite understands lives in this module.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from wirecheck.models import Analysis, Article, EventRecord, PlaceMention, from_dict, to_dict
from wirecheck.store import EventFilters, EventSummary, SearchHit

MIGRATIONS = resources.files("wirecheck.store") / "migrations"
ARTICLE_COLUMNS = (
    "id, content_hash, text, outlet, url, title, published, origin, attribution, boilerplate"
)

# Match markers FTS5 puts around matched words in a snippet (control characters that the
# ingest rejects in bulk, so article text all but never holds them).
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"

SUMMARY_COLUMNS = (
    "id, title, type, COALESCE(date_best, date_start) AS day, place_name, city, admin1,"
    " country, killed_best, injured_best, n_articles, n_sources, has_disputes"
)
EVENT_COLUMNS = (
    "id, title, type, date_start, date_end, date_best, precision, place_name, country, admin1, "
    "city, lat, lon, killed_best, injured_best, n_articles, n_sources, has_disputes, record, "
    "updated_at, event_type"
)


class SchemaTooNew(RuntimeError):
    """The store was written by a newer wirecheck than this one."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _casefold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def _migrations() -> list[tuple[int, str]]:
    """(version, sql) of every bundled migration ``NNNN_name.sql``, in order."""
    files = [f for f in MIGRATIONS.iterdir() if f.name.endswith(".sql")]
    return sorted((int(f.name.split("_", 1)[0]), f.read_text("utf-8")) for f in files)


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of a script (semicolons inside strings or triggers kept)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]!r}")


class SQLiteStore:
    """A wirecheck store in one SQLite file."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # isolation_level=None: transactions are ours (BEGIN/SAVEPOINT below), not sqlite3's.
        # timeout is SQLite's busy timeout: wait up to 30 s for another writer's lock.
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.create_function("casefold", 1, _casefold, deterministic=True)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._depth = 0
        self._migrate()
        self.db.execute("PRAGMA foreign_keys=ON")

    # ----------------------------------------------------------------- schema & transactions

    def _migrate(self) -> None:
        """Apply every migration newer than the store's version, each in its own transaction.

        Foreign keys are still off here (the pragma is a no-op inside a transaction), so a
        migration may rebuild a table; a foreign-key violation it leaves aborts it.
        """
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, applied_at TEXT)"
        )
        migrations = _migrations()
        latest = migrations[-1][0]
        if self.schema_version() > latest:
            raise SchemaTooNew(
                f"{self.path} has schema version {self.schema_version()};"
                f" this wirecheck knows up to {latest}"
            )
        for version, sql in migrations:
            with self.transaction():
                # Re-read under the write lock. By set, not by maximum: a migration numbered
                # below one already applied (numbers taken by parallel branches) still runs.
                applied = {row[0] for row in self.db.execute("SELECT version FROM schema_version")}
                if version in applied:
                    continue
                for statement in _statements(sql):
                    self.db.execute(statement)
                if self.db.execute("PRAGMA foreign_key_check").fetchone():
                    raise sqlite3.IntegrityError(f"migration {version} breaks a foreign key")
                self.db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, _now()))

    def schema_version(self) -> int:
        """The number of the last migration applied (0 for an empty file)."""
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return row[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nesting uses savepoints."""
        name = f"sp{self._depth}"
        self.db.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
            if self._depth == 1:
                self.db.execute("COMMIT")
            else:
                self.db.execute(f"RELEASE {name}")
        except BaseException:
            if not self.db.in_transaction:  # SQLite already rolled back on its own
                raise
            if self._depth == 1:
                self.db.execute("ROLLBACK")
            else:
                self.db.execute(f"ROLLBACK TO {name}")
                self.db.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1

    def close(self) -> None:
        self.db.close()

    # ----------------------------------------------------------------- articles

    def article_id_for_hash(self, content_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def has_article(self, article_id: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def add_article(self, article: Article) -> None:
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        self.db.execute(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}, ingested_at, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.content_hash,
                article.text,
                article.outlet,
                article.url,
                article.title,
                _iso(article.published),
                article.origin,
                article.attribution,
                json.dumps([list(r) for r in article.boilerplate]),
                _now(),
                seq,
            ),
        )

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            text=row["text"],
            origin=row["origin"],
            external_id=None,
            url=row["url"],
            outlet=row["outlet"],
            title=row["title"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
            attribution=row["attribution"],
            boilerplate=[tuple(r) for r in json.loads(row["boilerplate"])],
            id=row["id"],
            content_hash=row["content_hash"],
        )

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return self._article(row) if row else None

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles by id in the order given, or all of them in ingest order."""
        if ids is not None:
            for article_id in ids:
                article = self.get_article(article_id)
                if article is not None:
                    yield article
            return
        for row in self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
            yield self._article(row)

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles whose title or text hold every word of ``query``, best match first.

        Words are matched as quoted FTS5 strings, so operators in the query are plain words;
        a word ending in ``*`` matches as a prefix. ValueError for a query with no words.
        """
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, m.event_id,"
            " snippet(articles_fts, -1, ?, ?, '…', 16)"
            " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " LEFT JOIN event_articles m ON m.article_id = a.id"
            " WHERE articles_fts MATCH ? ORDER BY rank, a.seq LIMIT ? OFFSET ?",
            (SNIPPET_OPEN, SNIPPET_CLOSE, fts_query(query), limit, offset),
        )
        return [
            SearchHit(
                article_id=row[0],
                title=row[1],
                outlet=row[2],
                published=dt.date.fromisoformat(row[3]) if row[3] else None,
                event_id=row[4],
                **_snippet(row[5] or ""),
            )
            for row in rows
        ]

    # ----------------------------------------------------------------- analyses & signatures

    def save_analysis(self, analysis: Analysis, version: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
            (analysis.article_id, version, json.dumps(to_dict(analysis))),
        )

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return from_dict(Analysis, json.loads(row[0])) if row else None

    def iter_event_places(self) -> Iterator[tuple[str, PlaceMention, list[PlaceMention]]]:
        """(outlet, event place, state-naming place mentions) of every stored article with
        an outlet and an event placed in the US, in ingest order.

        The mentions kept are those that may name a US state: a state, or a "Town, State"
        pair (a comma in the text). Only these parts of the analyses are decoded, and in
        SQLite, so even a large store is read in seconds.
        """
        rows = self.db.execute(
            "SELECT a.outlet, json_extract(an.data, '$.event_place'),"
            " (SELECT json_group_array(json(p.value)) FROM json_each(an.data, '$.places') p"
            "  WHERE json_extract(p.value, '$.place.country') = 'US' AND"
            "  (json_extract(p.value, '$.place.precision') = 'admin1'"
            "   OR instr(json_extract(p.value, '$.text'), ',')))"
            " FROM analyses an JOIN articles a ON a.id = an.article_id"
            " WHERE a.outlet IS NOT NULL"
            " AND json_extract(an.data, '$.event_place.place.country') = 'US'"
            " ORDER BY a.seq"
        )
        for outlet, event, places in rows:
            yield (
                outlet,
                from_dict(PlaceMention, json.loads(event)),
                [from_dict(PlaceMention, m) for m in json.loads(places)],
            )

    def save_signature(self, article_id: str, data: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, json.dumps(data))
        )

    def get_signature(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT data FROM signatures WHERE article_id = ?", (article_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def iter_signatures(self) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
        rows = self.db.execute(
            "SELECT s.article_id, m.event_id, s.data FROM signatures s"
            " JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN event_articles m ON m.article_id = s.article_id ORDER BY a.seq"
        )
        for row in rows:
            yield row[0], row[1], json.loads(row[2])

    # ----------------------------------------------------------------- events

    def set_membership(self, event_id: str, article_id: str, source_group: str) -> None:
        self.db.execute(
            "INSERT INTO event_articles VALUES (?, ?, ?) ON CONFLICT (article_id)"
            " DO UPDATE SET event_id = excluded.event_id, source_group = excluded.source_group",
            (event_id, article_id, source_group),
        )

    def event_member_ids(self, event_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT m.article_id FROM event_articles m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = ? ORDER BY a.seq",
            (event_id,),
        )
        return [row[0] for row in rows]

    def event_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def save_event(self, record: EventRecord) -> None:
        """Write an event row with its facts and their support, replacing what was there.

        The record is taken to be reconciled from all the event's articles: a stale mark on
        the event goes.
        """
        with self.transaction():
            self.db.execute("DELETE FROM facts WHERE event_id = ?", (record.id,))
            self.db.execute("DELETE FROM stale_events WHERE event_id = ?", (record.id,))
            loc = record.location
            # An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to
            # the event's membership.
            placeholders = ", ".join("?" * len(EVENT_COLUMNS.split(", ")))
            self.db.execute(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({placeholders})"
                " ON CONFLICT (id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS.split(", ")[1:]),
                (
                    record.id,
                    record.title,
                    record.type,
                    _iso(record.date.start),
                    _iso(record.date.end),
                    _iso(record.date.best),
                    record.date.precision,
                    loc.name if loc else None,
                    loc.country if loc else None,
                    loc.admin1 if loc else None,
                    loc.city if loc else None,
                    loc.lat if loc else None,
                    loc.lon if loc else None,
                    record.killed.best,
                    record.injured.best,
                    len(record.articles),
                    len({a.source_group for a in record.articles}),
                    int(any(f.status == "disputed" for f in record.facts)),
                    json.dumps(to_dict(record)),
                    _now(),
                    record.event_type,
                ),
            )
            for fact in record.facts:
                fact_id = self.db.execute(
                    "INSERT INTO facts (event_id, kind, text, value, speaker, status)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (record.id, fact.kind, fact.text, fact.value, fact.speaker, fact.status),
                ).lastrowid
                support = [(fact_id, a, fact.value) for a in fact.support] + [
                    (fact_id, a, alt.value) for alt in fact.alternatives for a in alt.support
                ]
                self.db.executemany("INSERT INTO fact_support VALUES (?, ?, ?)", support)

    def mark_stale(self, event_id: str) -> None:
        """Note that the event's stored record may miss an article (see ``stale_events``)."""
        self.db.execute("INSERT OR IGNORE INTO stale_events VALUES (?)", (event_id,))

    def stale_events(self) -> list[str]:
        """Events marked stale and not saved since: their records need reconciling again."""
        return [row[0] for row in self.db.execute("SELECT event_id FROM stale_events ORDER BY 1")]

    def delete_event(self, event_id: str) -> None:
        self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def merge_events(self, kept_id: str, absorbed_id: str, article_id: str) -> None:
        """Move an event's articles into another, drop it, and record why (the article)."""
        with self.transaction():
            self.db.execute(
                "UPDATE event_articles SET event_id = ? WHERE event_id = ?", (kept_id, absorbed_id)
            )
            self.db.execute("DELETE FROM events WHERE id = ?", (absorbed_id,))
            self.db.execute(
                "UPDATE event_merges SET kept_id = ? WHERE kept_id = ?", (kept_id, absorbed_id)
            )
            self.db.execute(
                "INSERT INTO event_merges VALUES (?, ?, ?, ?)",
                (absorbed_id, kept_id, article_id, _now()),
            )

    def move_article(self, article_id: str, from_id: str, to_id: str) -> None:
        """Move an article to another event, mark both stale, and record the move. The
        article is its own source group until the event is regrouped."""
        with self.transaction():
            self.db.execute(
                "UPDATE event_articles SET event_id = ?, source_group = ? WHERE article_id = ?",
                (to_id, article_id, article_id),
            )
            self.db.execute(
                "INSERT INTO article_moves VALUES (?, ?, ?, ?)",
                (article_id, from_id, to_id, _now()),
            )
            self.mark_stale(from_id)
            self.mark_stale(to_id)

    def merged_into(self, event_id: str) -> str | None:
        """The event an absorbed event was merged into, or None."""
        row = self.db.execute(
            "SELECT kept_id FROM event_merges WHERE absorbed_id = ?", (event_id,)
        ).fetchone()
        return row[0] if row else None

    def get_event(self, event_id: str) -> EventRecord | None:
        """An event by id, or by a unique id prefix (None when missing or ambiguous).

        The id of an event merged into another gives the event it was merged into.
        """
        exact = self.db.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        if exact:
            return from_dict(EventRecord, json.loads(exact[0]))
        kept = self.merged_into(event_id)
        if kept is not None:
            return self.get_event(kept)
        if not event_id:
            return None
        # A range, not LIKE: ids are case-sensitive and may contain '%' or '_'.
        rows = self.db.execute(
            "SELECT record FROM events WHERE id > ? AND id < ? LIMIT 2",
            (event_id, event_id + "\U0010ffff"),
        ).fetchall()
        return from_dict(EventRecord, json.loads(rows[0][0])) if len(rows) == 1 else None

    def list_events(
        self, filters: EventFilters | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> list[EventRecord]:
        """Events newest first (by best day or start), matching ``filters``, one page."""
        sql, params = _event_query("record", filters or EventFilters(), limit, offset)
        return [from_dict(EventRecord, json.loads(r[0])) for r in self.db.execute(sql, params)]

    def list_event_summaries(
        self, filters: EventFilters | None = None, *, limit: int | None = 50, offset: int = 0
    ) -> list[EventSummary]:
        """What ``list_events`` lists, as table rows: fast, no stored record is parsed."""
        sql, params = _event_query(SUMMARY_COLUMNS, filters or EventFilters(), limit, offset)
        return [
            EventSummary(
                id=row["id"],
                title=row["title"],
                type=row["type"],
                date=dt.date.fromisoformat(row["day"]) if row["day"] else None,
                place_name=row["place_name"],
                city=row["city"],
                admin1=row["admin1"],
                country=row["country"],
                killed=row["killed_best"],
                injured=row["injured_best"],
                n_articles=row["n_articles"],
                n_sources=row["n_sources"],
                has_disputes=bool(row["has_disputes"]),
            )
            for row in self.db.execute(sql, params)
        ]

    def iter_events(self) -> Iterator[EventRecord]:
        for row in self.db.execute(
            "SELECT record FROM events ORDER BY COALESCE(date_best, date_start), id"
        ):
            yield from_dict(EventRecord, json.loads(row[0]))

    def count_events(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    # ----------------------------------------------------------------- watched feeds

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) kept from the last complete poll of a feed."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute(
            "INSERT INTO feeds (url, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
            " last_modified = excluded.last_modified, polled_at = excluded.polled_at",
            (url, etag, last_modified, _now()),
        )

    def seen_feed_items(self, url: str) -> set[str]:
        """Keys of the items of a feed already handled."""
        rows = self.db.execute("SELECT item_key FROM feed_items WHERE feed_url = ?", (url,))
        return {row[0] for row in rows}

    def mark_feed_items_seen(self, url: str, keys: Iterable[str]) -> None:
        now = _now()
        self.db.executemany(
            "INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)",
            [(url, key, now) for key in keys],
        )

    # ----------------------------------------------------------------- skips & stats

    def record_skip(self, origin: str, reason: str) -> None:
        self.db.execute(
            "INSERT INTO skips (origin, reason, at) VALUES (?, ?, ?)", (origin, reason, _now())
        )

    def stats(self) -> dict[str, int]:
        """Row counts: articles, events, skipped inputs, facts, events with disputed facts."""
        row = self.db.execute(
            "SELECT (SELECT COUNT(*) FROM articles) AS articles,"
            " (SELECT COUNT(*) FROM events) AS events,"
            " (SELECT COUNT(*) FROM skips) AS skipped,"
            " (SELECT COUNT(*) FROM facts) AS facts,"
            " (SELECT COUNT(*) FROM events WHERE has_disputes) AS disputed_events"
        ).fetchone()
        return dict(row)


def _event_query(
    columns: str, filters: EventFilters, limit: int | None, offset: int
) -> tuple[str, list[Any]]:
    """SELECT ``columns`` of the events matching the filters, newest first, one page."""
    since, until, place, text = filters.since, filters.until, filters.place, filters.text
    country, type, has_disputes = filters.country, filters.type, filters.has_disputes
    where, params = [], []
    if country:
        where.append("country = ?")
        params.append(_country_code(country) or country.upper())
    if type:  # a sub-event label ("armed clash", ARMED_CLASH) or an ACLED event type
        where.append("(casefold(type) = ? OR casefold(event_type) = ?)")
        params += [type.casefold().replace(" ", "_").replace("-", "_"), type.casefold()]
    if has_disputes is not None:
        where.append("has_disputes = ?")
        params.append(int(has_disputes))
    if since:
        where.append("COALESCE(date_end, date_best, date_start) >= ?")
        params.append(since.isoformat())
    if until:
        where.append("COALESCE(date_start, date_best, date_end) <= ?")
        params.append(until.isoformat())
    if place:
        where.append(
            f"({_contains('place_name')} OR {_contains('city')} OR {_contains('admin1')}"
            " OR country IN (?, ?))"
        )
        params += [place.casefold()] * 3 + [place.upper(), _country_code(place)]
    if text:
        where.append(
            f"({_contains('title')} OR EXISTS (SELECT 1 FROM facts f"
            f" WHERE f.event_id = events.id AND {_contains('f.text')}))"
        )
        params += [text.casefold()] * 2
    sql = f"SELECT {columns} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY COALESCE(date_best, date_start) DESC, id LIMIT ? OFFSET ?"
    params += [-1 if limit is None else limit, offset]
    return sql, params


def fts_query(text: str) -> str:
    """The words of ``text`` as an FTS5 query that cannot be a syntax error: each word a quoted
    string (all must match), a trailing ``*`` kept as a prefix match."""
    terms = []
    for word in text.split():
        core = word.rstrip("*")
        if core:
            quoted = '"' + core.replace('"', '""') + '"'
            terms.append(quoted + ("*" if core != word else ""))
    if not terms:
        raise ValueError(f"search query {text!r} has no words")
    return " ".join(terms)


def _snippet(marked: str) -> dict[str, Any]:
    """An FTS5 snippet with its match markers taken out, as text and [start, end) highlights."""
    text, highlights, start = "", [], None
    for piece in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", marked):
        if piece == SNIPPET_OPEN:
            start = len(text)
        elif piece == SNIPPET_CLOSE and start is not None:
            highlights.append((start, len(text)))
            start = None
        elif piece not in (SNIPPET_OPEN, SNIPPET_CLOSE):
            text += piece
    return {"snippet": text, "highlights": highlights}


def _contains(column: str) -> str:
    """SQL testing that ``column`` contains a casefolded parameter, Unicode-aware."""
    return f"instr(casefold({column}), ?) > 0"


def _country_code(name: str) -> str | None:
    """The ISO alpha-2 code of the country a place filter names ("Iraq", "IRQ"), if any."""
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None
