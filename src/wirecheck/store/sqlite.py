"""The SQLite store: one file, WAL mode, numbered migrations, every write in a transaction.

All SQL that only SQLite understands lives in this module.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from wirecheck.models import Analysis, Article, EventRecord, from_dict, to_dict

MIGRATIONS = resources.files("wirecheck.store") / "migrations"
ARTICLE_COLUMNS = (
    "id, content_hash, text, outlet, url, title, published, origin, attribution, boilerplate"
)

EVENT_COLUMNS = (
    "id, title, type, date_start, date_end, date_best, precision, place_name, country, admin1, "
    "city, lat, lon, killed_best, injured_best, n_articles, n_sources, has_disputes, record, "
    "updated_at"
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
                if version <= self.schema_version():  # re-read under the write lock
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

    def save_signature(self, article_id: str, data: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, json.dumps(data))
        )

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
        """Write an event row with its facts and their support, replacing what was there."""
        with self.transaction():
            self.db.execute("DELETE FROM facts WHERE event_id = ?", (record.id,))
            loc = record.location
            # An upsert, not INSERT OR REPLACE: replacing would delete the row and cascade to
            # the event's membership.
            self.db.execute(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 20)})"
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

    def delete_event(self, event_id: str) -> None:
        self.db.execute("DELETE FROM events WHERE id = ?", (event_id,))

    def get_event(self, event_id: str) -> EventRecord | None:
        """An event by id, or by a unique id prefix (None when missing or ambiguous)."""
        exact = self.db.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        if exact:
            return from_dict(EventRecord, json.loads(exact[0]))
        if not event_id:
            return None
        # A range, not LIKE: ids are case-sensitive and may contain '%' or '_'.
        rows = self.db.execute(
            "SELECT record FROM events WHERE id > ? AND id < ? LIMIT 2",
            (event_id, event_id + "\U0010ffff"),
        ).fetchall()
        return from_dict(EventRecord, json.loads(rows[0][0])) if len(rows) == 1 else None

    def list_events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        place: str | None = None,
        text: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[EventRecord]:
        """Events newest first, filtered by date overlap, place and words."""
        where, params = [], []
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
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(date_best, date_start) DESC, id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [from_dict(EventRecord, json.loads(r[0])) for r in self.db.execute(sql, params)]

    def iter_events(self) -> Iterator[EventRecord]:
        for row in self.db.execute(
            "SELECT record FROM events ORDER BY COALESCE(date_best, date_start), id"
        ):
            yield from_dict(EventRecord, json.loads(row[0]))

    def count_events(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

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


def _contains(column: str) -> str:
    """SQL testing that ``column`` contains a casefolded parameter, Unicode-aware."""
    return f"instr(casefold({column}), ?) > 0"


def _country_code(name: str) -> str | None:
    """The ISO alpha-2 code of the country a place filter names ("Iraq", "IRQ"), if any."""
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None
