"""The command line, driven through click's runner on a temporary store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from wirecheck import render
from wirecheck.cli import main
from wirecheck.cluster import Move
from wirecheck.pipeline import IngestReport


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    result = CliRunner().invoke(main, ["--db", str(db), "demo"])
    assert result.exit_code == 0, result.output
    assert "fictional" in result.output.lower()
    assert "wirecheck --db" in result.output  # where to look next
    return db


def run(db, *args):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_json_follows_the_export_contract(demo_db):
    events = json.loads(run(demo_db, "events", "--json"))
    assert events
    keys = {
        "id",
        "title",
        "type",
        "date",
        "location",
        "actors",
        "killed",
        "injured",
        "articles",
        "facts",
    }
    assert keys <= set(events[0])
    assert {"start", "end", "best", "precision"} <= set(events[0]["date"])
    assert {"low", "best", "high"} <= set(events[0]["killed"])


def test_events_filters(demo_db):
    everything = json.loads(run(demo_db, "events", "--json", "--limit", "100"))
    none = json.loads(run(demo_db, "events", "--json", "--until", "1990-01-01"))
    assert none == [] and len(everything) >= 4
    country = next(e["location"]["country"] for e in everything if e["location"])
    by_place = json.loads(run(demo_db, "events", "--json", "--place", country))
    assert by_place and all(e["location"]["country"] == country for e in by_place)
    by_country = json.loads(run(demo_db, "events", "--json", "--country", country.lower()))
    assert [e["id"] for e in by_country] == [e["id"] for e in by_place]
    disputed = json.loads(run(demo_db, "events", "--json", "--disputed", "--limit", "100"))
    undisputed = json.loads(run(demo_db, "events", "--json", "--undisputed", "--limit", "100"))
    has_dispute = lambda e: any(f["status"] == "disputed" for f in e["facts"])  # noqa: E731
    assert disputed and all(map(has_dispute, disputed))
    assert not any(map(has_dispute, undisputed))
    assert len(disputed) + len(undisputed) == len(everything)


def test_events_table_and_show(demo_db):
    table = run(demo_db, "events")
    assert "events" in table
    events = json.loads(run(demo_db, "events", "--json"))
    event = max(events, key=lambda e: sum(bool(a["outlet"]) for a in e["articles"]))
    shown = run(demo_db, "show", event["id"][:9])
    assert "Sources" in shown and event["id"] in shown
    outlet = next(a["outlet"] for a in event["articles"] if a["outlet"])
    assert outlet in shown
    assert json.loads(run(demo_db, "show", event["id"], "--json"))["id"] == event["id"]


def test_show_unknown_event_fails_cleanly(demo_db):
    result = CliRunner().invoke(main, ["--db", str(demo_db), "show", "nope"])
    assert result.exit_code != 0 and "no event" in result.output


@pytest.mark.parametrize("what", ["events", "articles"])
def test_export_formats(demo_db, what):
    as_json = json.loads(run(demo_db, "export", "--format", "json", "--what", what))
    lines = run(demo_db, "export", "--format", "jsonl", "--what", what).splitlines()
    rows = list(
        csv.DictReader(io.StringIO(run(demo_db, "export", "--format", "csv", "--what", what)))
    )
    assert len(as_json) == len(lines) == len(rows) > 0
    if what == "articles":
        article = as_json[0]
        assert {"id", "event_id", "boilerplate", "quotes", "places", "dates", "numbers"} <= set(
            article
        )


def test_ingest_reports_counts_and_skips(tmp_path, nlp):
    good = tmp_path / "a.txt"
    good.write_text(
        "Bridge closed in Lyon\n\nPolice in Lyon, France, closed a bridge on Friday after "
        "a truck crash injured two people, officials said.\n"
    )
    empty = tmp_path / "b.txt"
    empty.write_text("")
    db = tmp_path / "t.db"
    report = json.loads(run(db, "ingest", str(good), str(empty), "--json"))
    assert report["added"] == 1
    assert [s["origin"] for s in report["skipped"]] == [str(empty)]
    again = json.loads(run(db, "ingest", str(good), "--json"))
    assert again["added"] == 0 and again["duplicates"] == 1


def test_ingest_from_stdin(tmp_path, nlp):
    db = tmp_path / "t.db"
    line = json.dumps(
        {
            "id": "in-1",
            "outlet": "example.test",
            "published": "2024-05-02",
            "text": "Storm hits Manila\n\nA storm hit Manila on Thursday, "
            "killing three people, officials said.",
            "gold": {"x": 1},
        }
    )
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "-", "--json"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 1
    articles = json.loads(run(db, "export", "--format", "json", "--what", "articles"))
    assert articles[0]["id"] == "in-1"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_command(demo_db, tmp_path, fmt):
    events = json.loads(run(demo_db, "events", "--json"))
    target = tmp_path / f"report.{fmt}"
    run(demo_db, "report", events[0]["id"], "--format", fmt, "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert events[0]["title"] in text and "Sources" in text


@pytest.mark.parametrize("width", [50, 80, 120, 200])
def test_events_table_fits_the_terminal_one_line_per_event(demo_db, width):
    from rich.console import Console

    from wirecheck import render
    from wirecheck.store import open_store

    records = open_store(demo_db).list_events(limit=None)
    console = Console(width=width, record=True, file=io.StringIO())
    render.events_table(console, records, total=len(records))
    text = console.export_text()
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    rows = [line for line in lines if line.startswith("│")]
    assert len(rows) == len(records)  # nothing wrapped onto a second line
    assert all(r.id in "".join(rows) for r in records)  # the id column is always kept
    if width >= 120:
        assert "title" in text


def test_ingest_report_tells_moves_from_splits():
    report = IngestReport(
        moves=[Move("a1", "ev-1", "ev-2"), Move("a2", "ev-1", "ev-3", split=True)]
    )
    console = Console(record=True, width=200)
    render.ingest_report(console, report)
    lines = console.export_text().splitlines()
    assert "  moved article a1 from event ev-1 to ev-2" in lines
    assert "  moved article a2 from event ev-1 to new event ev-3 (split off)" in lines
