"""Export: every format of events and articles, in the contract's key names and offsets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from wirecheck.export import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_to_dict,
    event_to_dict,
    export_articles,
    export_events,
)
from wirecheck.models import (
    Actor,
    Alternative,
    Analysis,
    Article,
    Casualty,
    DateMention,
    EventDate,
    EventRecord,
    Fact,
    NumberMention,
    Person,
    Place,
    PlaceMention,
    Quote,
    Range,
    Source,
)
from wirecheck.store import open_store

TEXT = 'Ana Costa said "we will rebuild" after two people died in Porto on Monday.'

EVENT_KEYS = {"id", "title", "type", "date", "location", "actors", "killed", "injured"}
EVENT_KEYS |= {"articles", "facts"}
ARTICLE_KEYS = {"id", "event_id", "outlet", "url", "published", "title", "type"}
ARTICLE_KEYS |= {"attribution", "boilerplate", "quotes", "places", "dates", "numbers"}
ARTICLE_KEYS |= {"casualties", "people"}


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def make_article(n: int) -> Article:
    return Article(
        text=TEXT if n == 1 else f"Copy {n}. {TEXT}",
        origin=f"f{n}.txt",
        id=f"a{n}",
        content_hash=f"h{n}",
        outlet=f"outlet{n}.test",
        url=f"https://outlet{n}.test/story",
        title="Two die in Porto",
        published=dt.date(2024, 1, 9),
        attribution="Agencies",
        boilerplate=[(0, 0)] if n == 1 else [(0, 8)],
    )


def make_analysis() -> Analysis:
    porto = Place("Porto", city="Porto", admin1="Porto", country="PT", precision="city")
    killed = Casualty(*span("two people died"), "two people died", "killed", 2, 2, 2, "people")
    return Analysis(
        article_id="a1",
        quotes=[
            Quote(
                *span("we will rebuild"),
                "we will rebuild",
                speaker="Ana Costa",
                speaker_span=span("Ana Costa"),
                cue_span=span("said"),
                speaker_kind="person",
            )
        ],
        places=[PlaceMention(*span("Porto"), "Porto", porto, role="event")],
        dates=[
            DateMention(
                *span("Monday"),
                "Monday",
                dt.date(2024, 1, 8),
                dt.date(2024, 1, 8),
                "day",
                best=dt.date(2024, 1, 8),
            )
        ],
        numbers=[NumberMention(*span("two"), "two", 2.0, counts="people")],
        casualties=[killed],
        people=[Person("Ana Costa", *span("Ana Costa"), role="official")],
        killed=killed,
        type="ACCIDENT",
    )


def make_event(event_id: str, title: str, location: Place | None) -> EventRecord:
    day = dt.date(2024, 1, 8)
    return EventRecord(
        id=event_id,
        title=title,
        type="ACCIDENT",
        date=EventDate(day, day, day, "day"),
        location=location,
        actors=[Actor("Ana Costa", "official")],
        killed=Range(2, 2, 3),
        articles=[
            Source("a1", "outlet1.test", "https://outlet1.test/story", day, "a1"),
            Source("a2", "outlet2.test", None, day, "a1"),
        ],
        facts=[
            Fact("quote", "we will rebuild", "we will rebuild", "corroborated", ["a1", "a2"]),
            Fact(
                "casualty",
                "killed: 2",
                "2",
                "disputed",
                ["a1"],
                alternatives=[Alternative("3", ["a2"])],
            ),
        ],
    )


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "w.db")
    with s.transaction():
        for n in (1, 2):
            s.add_article(make_article(n))
        s.save_analysis(make_analysis(), version=1)
        porto = Place("Porto", city="Porto", country="PT", lat=41.15, lon=-8.61, precision="city")
        s.save_event(make_event("ev-1", "Two die in Porto", porto))
        s.save_event(make_event("ev-2", "Unplaced event", None))
        s.set_membership("ev-1", "a1", "a1")
        s.set_membership("ev-1", "a2", "a1")
    yield s
    s.close()


def export(fn, store, fmt: str) -> str:
    out = io.StringIO()
    fn(store, fmt, out)
    return out.getvalue()


def test_event_dict_has_the_contract_shape():
    porto = Place("Porto", country="PT", precision="city")
    data = event_to_dict(make_event("ev-1", "Two die in Porto", porto))
    assert data.keys() >= EVENT_KEYS
    day = "2024-01-08"
    assert data["date"] == {"start": day, "end": day, "best": day, "precision": "day"}
    assert {"name", "city", "admin1", "country", "lat", "lon", "precision"} <= data[
        "location"
    ].keys()
    assert data["actors"] == [{"name": "Ana Costa", "role": "official"}]
    assert data["killed"] == {"low": 2, "best": 2, "high": 3}
    assert data["articles"][1] == {
        "id": "a2",
        "outlet": "outlet2.test",
        "url": None,
        "published": "2024-01-08",
        "source_group": "a1",
    }
    fact = data["facts"][1]
    assert {"kind", "text", "value", "speaker", "status", "support", "alternatives"} <= fact.keys()
    assert fact["alternatives"] == [{"value": "3", "support": ["a2"]}]
    assert event_to_dict(make_event("ev-2", "x", None))["location"] is None


def test_article_dict_spans_index_the_stored_text():
    data = article_to_dict(make_article(1), make_analysis(), "ev-1")
    assert data.keys() >= ARTICLE_KEYS
    assert (data["id"], data["event_id"], data["type"]) == ("a1", "ev-1", "ACCIDENT")
    assert data["boilerplate"] == [[0, 0]]
    quote = data["quotes"][0]
    assert TEXT[slice(*quote["content_span"])] == quote["text"] == "we will rebuild"
    assert TEXT[slice(*quote["speaker_span"])] == quote["speaker"]
    assert quote["speaker_kind"] == "person"
    assert TEXT[slice(*quote["cue_span"])] == "said"
    place = data["places"][0]
    assert TEXT[slice(*place["span"])] == "Porto"
    assert {"name", "city", "admin1", "country", "lat", "lon", "precision", "role"} <= place.keys()
    date = data["dates"][0]
    assert (date["start"], date["end"], date["best"], date["precision"]) == (
        "2024-01-08",
        "2024-01-08",
        "2024-01-08",
        "day",
    )
    number = data["numbers"][0]
    assert (TEXT[slice(*number["span"])], number["value"], number["counts"]) == ("two", 2, "people")
    assert TEXT[slice(*data["casualties"][0]["span"])] == "two people died"
    assert TEXT[slice(*data["people"][0]["span"])] == "Ana Costa"


def test_article_without_analysis_exports_empty_annotations():
    data = article_to_dict(make_article(2), None, None)
    assert data["event_id"] is None and data["type"] == "OTHER"
    assert data["quotes"] == data["places"] == data["people"] == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_events_json_formats_round_trip(store, fmt):
    text = export(export_events, store, fmt)
    items = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert [e["id"] for e in items] == ["ev-1", "ev-2"]
    assert all(e.keys() >= EVENT_KEYS for e in items)
    assert items[0] == event_to_dict(store.get_event("ev-1"))
    assert items[1]["location"] is None


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_articles_json_formats_round_trip(store, fmt):
    text = export(export_articles, store, fmt)
    items = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert [(a["id"], a["event_id"]) for a in items] == [("a1", "ev-1"), ("a2", "ev-1")]
    assert all(a.keys() >= ARTICLE_KEYS for a in items)
    assert items[0]["quotes"][0]["content_span"] == list(span("we will rebuild"))
    assert items[1]["quotes"] == [] and items[1]["boilerplate"] == [[0, 8]]


def test_events_csv_has_a_header_and_one_row_per_event(store):
    rows = list(csv.DictReader(io.StringIO(export(export_events, store, "csv"))))
    assert len(rows) == store.count_events() == 2
    assert tuple(rows[0]) == EVENT_COLUMNS
    first = rows[0]
    assert (first["id"], first["place"], first["country"], first["lat"]) == (
        "ev-1",
        "Porto",
        "PT",
        "41.15",
    )
    assert (first["killed_low"], first["killed_best"], first["killed_high"]) == ("2", "2", "3")
    assert (first["n_articles"], first["n_sources"]) == ("2", "1")
    assert first["outlets"] == "outlet1.test; outlet2.test"
    assert (first["n_corroborated"], first["n_single_source"], first["n_disputed"]) == (
        "1",
        "0",
        "1",
    )
    assert rows[1]["place"] == "" and rows[1]["date_best"] == "2024-01-08"


def test_articles_csv_has_a_header_and_one_row_per_article(store):
    rows = list(csv.DictReader(io.StringIO(export(export_articles, store, "csv"))))
    assert [r["id"] for r in rows] == ["a1", "a2"]
    assert tuple(rows[0]) == ARTICLE_COLUMNS
    assert (rows[0]["event_id"], rows[0]["n_quotes"], rows[0]["killed_best"]) == ("ev-1", "1", "2")
    assert (rows[1]["n_quotes"], rows[1]["killed_best"]) == ("0", "")


def test_empty_store_exports_valid_empty_documents(tmp_path):
    empty = open_store(tmp_path / "empty.db")
    assert json.loads(export(export_events, empty, "json")) == []
    assert export(export_articles, empty, "jsonl") == ""
    assert export(export_events, empty, "csv").splitlines() == [",".join(EVENT_COLUMNS)]


def test_unknown_format_is_refused_before_writing(store):
    out = io.StringIO()
    with pytest.raises(ValueError, match="xml"):
        export_events(store, "xml", out)
    assert out.getvalue() == ""
