"""Event types: the shipped classifier, OTHER, the event vote, store, CLI and ACLED CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from importlib import resources

import numpy as np
import pytest
from click.testing import CliRunner

from wirecheck.analyze.event_types import (
    ACLED_EVENT_TYPES,
    MIN_CONFIDENCE,
    OTHER,
    TAXONOMY,
    EventTypeModel,
    char_terms,
    classify,
    lead_text,
    load_model,
    word_terms,
)
from wirecheck.cli import main
from wirecheck.export import ACLED_COLUMNS, acled_row
from wirecheck.models import Analysis, Article, EventDate, EventRecord, Place, Range, Source
from wirecheck.reconcile import Member, reconcile
from wirecheck.store import EventFilters, open_store
from wirecheck.store import sqlite as sqlite_backend

BATTLES, EXPLOSIONS, CIVILIANS, PROTESTS, RIOTS, STRATEGIC = ACLED_EVENT_TYPES


# ----------------------------------------------------------------- taxonomy and artefact


def test_taxonomy_maps_the_thirty_labels_to_acled_types_or_none():
    assert len(TAXONOMY) == 30
    assert set(TAXONOMY.values()) == {*ACLED_EVENT_TYPES, None}
    assert [label for label, t in TAXONOMY.items() if t is None] == [
        "ORG_CRIME",
        "NATURAL_DISASTER",
        "MAN_MADE_DISASTER",
        "DIPLO",
        "ATTRIB",
        OTHER,
    ]


def test_shipped_model_loads_without_pickle():
    path = resources.files("wirecheck.analyze") / "event_types.npz"
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
        assert set(arrays.files) == {
            "labels",
            "word_terms",
            "char_terms",
            "idf",
            "coef",
            "intercept",
        }
    model = load_model()
    assert sorted(model.labels) == sorted(TAXONOMY)
    n_features = sum(len(v) for v in model.vocabularies)
    assert model.coef.shape == (30, n_features) == (30, len(model.idf))
    assert model.intercept.shape == (30,)
    probs = model.probabilities("Soldiers and rebels clashed near the border.")
    assert probs.shape == (30,) and abs(probs.sum() - 1) < 1e-9


def test_model_round_trips_through_its_arrays():
    model = load_model()
    again = EventTypeModel.from_arrays(model.arrays())
    text = "Police fired tear gas at students marching in the capital."
    assert np.allclose(model.probabilities(text), again.probabilities(text))


def test_features_stay_inside_words():
    assert word_terms("Rebels seized Kidal") == [
        "rebels",
        "seized",
        "kidal",
        "rebels seized",
        "seized kidal",
    ]
    terms = char_terms("Go on")
    assert " g" in terms and "go " in terms and "o o" not in terms


# ----------------------------------------------------------------- classification

# Hand-written for this test (not CASE 2021 snippets, not the training seeds).
CLEAR = [
    (
        "Soldiers and fighters of the separatist movement battled for hours on Saturday"
        " for control of the hills outside the town, with casualties on both sides.",
        BATTLES,
    ),
    (
        "An improvised explosive device buried under the road blew up as a minibus"
        " passed on Thursday, killing four passengers.",
        EXPLOSIONS,
    ),
    (
        "Gunmen on motorbikes stormed a village market and shot dead eleven unarmed"
        " traders, residents said.",
        CIVILIANS,
    ),
    (
        "Hundreds of nurses rallied peacefully outside the health ministry on Monday,"
        " waving placards and demanding unpaid salaries.",
        PROTESTS,
    ),
    (
        "Rioters hurled rocks at police, looted shops and set vehicles ablaze during a"
        " violent demonstration against the election result.",
        RIOTS,
    ),
    (
        "Police arrested twelve opposition activists in dawn raids on their homes and"
        " detained them at the central station.",
        STRATEGIC,
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLEAR, ids=[e for _, e in CLEAR])
def test_clear_snippets_get_their_acled_event_type(text, expected):
    prediction = classify(text)
    assert prediction.event_type == expected, prediction
    assert prediction.label != OTHER and prediction.confidence >= MIN_CONFIDENCE


def test_fire_and_flood_are_typed_outside_acled():
    fire = classify("A fire broke out at a paint warehouse overnight and destroyed the building.")
    assert fire.label == "MAN_MADE_DISASTER" and fire.event_type is None


def _uniform_model() -> EventTypeModel:
    labels = ["ARMED_CLASH", "PEACE_PROTEST", "ARREST"]
    return EventTypeModel(
        labels=labels,
        vocabularies=[{"clash": 0}, {" c": 1}],
        idf=np.ones(2),
        coef=np.zeros((3, 2)),
        intercept=np.zeros(3),
    )


def test_low_confidence_gives_other_not_a_guess():
    model = _uniform_model()  # every label 1/3
    assert model.predict("clash").label == "ARMED_CLASH"  # 0.33 passes the default threshold
    unsure = model.predict("clash", min_confidence=0.5)
    assert (unsure.label, unsure.event_type) == (OTHER, None)
    assert unsure.confidence == pytest.approx(1 / 3, abs=1e-4)
    empty = classify("   ")
    assert (empty.label, empty.confidence) == (OTHER, 0.0)


def test_lead_text_is_title_then_first_sentences():
    sents = ["Headline here", "First  sentence.", "Second.", "Third.", "Fourth.", "Fifth."]
    assert lead_text("Headline here", sents) == "Headline here First sentence. Second. Third."
    assert lead_text(None, ["  ", "Only one."]) == "Only one."


# ----------------------------------------------------------------- the event's vote


def _member(aid: str, group: str, label: str, confidence: float) -> Member:
    article = Article(text="x", origin=aid, id=aid, content_hash=aid, title=aid)
    analysis = Analysis(
        article_id=aid, type=label, type_confidence=confidence, event_type=TAXONOMY[label]
    )
    return Member(article, analysis, group)


def test_event_type_is_a_confidence_weighted_vote_of_independent_sources():
    members = [
        _member("a1", "A", "ATTACK", 0.6),
        _member("a2", "A", "ATTACK", 0.5),  # a copy: group A votes once, with a1
        _member("a3", "A", "ATTACK", 0.55),
        _member("b1", "B", "ARMED_CLASH", 0.5),
        _member("c1", "C", "ARMED_CLASH", 0.4),
    ]
    record = reconcile("ev-1", members)
    # ARMED_CLASH 0.5 + 0.4 beats ATTACK 0.6 (three copies of one story count once).
    assert (record.type, record.event_type) == ("ARMED_CLASH", BATTLES)
    assert record.type_confidence == pytest.approx(0.9 / 3)
    assert reconcile("ev-1", list(reversed(members))) == record


def test_weak_event_vote_gives_other():
    members = [_member("a1", "A", "ARREST", 0.2)] + [
        _member(f"o{i}", f"G{i}", OTHER, 0.05) for i in range(4)
    ]
    record = reconcile("ev-2", members)
    assert (record.type, record.event_type) == (OTHER, None)
    assert record.type_confidence == pytest.approx(0.2 / 5)


# ----------------------------------------------------------------- store


def _event(event_id: str, label: str) -> EventRecord:
    return EventRecord(
        id=event_id,
        title=f"event {event_id}",
        type=label,
        type_confidence=0.5,
        event_type=TAXONOMY[label],
        date=EventDate(dt.date(2025, 3, 10), dt.date(2025, 3, 10), dt.date(2025, 3, 10), "day"),
    )


def test_migration_adds_the_event_type_column_to_an_old_store(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    folder.mkdir()
    for name in ("0001_initial.sql", "0002_indexes.sql"):
        (folder / name).write_text((sqlite_backend.MIGRATIONS / name).read_text("utf-8"))
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", folder)
    old = open_store(tmp_path / "w.db")
    columns = {r[1] for r in old.db.execute("PRAGMA table_info(events)")}
    assert "event_type" not in columns
    old.close()
    monkeypatch.undo()
    new = open_store(tmp_path / "w.db")
    columns = {r[1] for r in new.db.execute("PRAGMA table_info(events)")}
    assert "event_type" in columns
    new.save_event(_event("ev-a", "ARMED_CLASH"))
    assert new.db.execute("SELECT event_type FROM events").fetchone()[0] == BATTLES


def test_list_events_filters_by_sub_event_label_or_acled_type(tmp_path):
    store = open_store(tmp_path / "s.db")
    for event_id, label in [("ev-a", "ARMED_CLASH"), ("ev-b", "PEACE_PROTEST"), ("ev-c", OTHER)]:
        store.save_event(_event(event_id, label))

    def ids(value):
        return [e.id for e in store.list_events(EventFilters(type=value))]

    assert ids("battles") == ids("BATTLES") == ids("armed clash") == ids("Armed_Clash") == ["ev-a"]
    assert ids("Protests") == ["ev-b"]
    assert ids("other") == ["ev-c"]
    assert ids("Riots") == []


# ----------------------------------------------------------------- ACLED-shaped rows


def test_acled_row_derives_only_what_wirecheck_knows():
    record = _event("ev-x", "FORCE_AGAINST_PROTEST")
    record.location = Place(
        "Nairobi", city="Nairobi", admin1="Nairobi Area", country="KE", lat=-1.28, lon=36.82,
        precision="city",
    )  # fmt: skip
    record.killed = Range(2, 2, 5)
    record.articles = [
        Source("a2", "late.example", None, dt.date(2025, 3, 12), "g1"),
        Source("a1", "first.example", None, dt.date(2025, 3, 11), "g1"),
        Source("b1", "other.example", None, dt.date(2025, 3, 11), "g2"),
    ]
    row = acled_row(record)
    assert set(row) <= set(ACLED_COLUMNS)
    assert row["event_type"] == PROTESTS
    assert row["sub_event_type"] == "Excessive force against protesters"
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2025-03-10", 2025, 1)
    assert (row["iso"], row["country"], row["geo_precision"]) == (404, "Kenya", 1)
    assert row["source"] == "first.example; other.example"
    assert row["fatalities"] == 2
    for unknown in ("actor1", "actor2", "inter1", "interaction", "region", "source_scale"):
        assert unknown not in row
    fire = acled_row(_event("ev-y", "MAN_MADE_DISASTER"))
    assert fire["event_type"] is None and fire["tags"] == "wirecheck type: MAN_MADE_DISASTER"
    assert acled_row(_event("ev-z", OTHER))["tags"] == ""


# ----------------------------------------------------------------- the demo corpus


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("types") / "demo.db"
    result = CliRunner().invoke(main, ["--db", str(db), "demo"])
    assert result.exit_code == 0, result.output
    return db


def _run(db, *args) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _demo_events(db) -> dict[str, dict]:
    """The demo's events by the city they happened in (two are in Dayton)."""
    events = json.loads(_run(db, "events", "--json", "--limit", "100"))
    return {f"{e['location']['city']} {e['title']}": e for e in events}


@pytest.mark.slow
def test_demo_events_get_sensible_types(demo_db):
    by_city = _demo_events(demo_db)

    def event(word):
        return next(e for key, e in by_city.items() if key.startswith(word))

    assert event("Gao")["event_type"] in (BATTLES, CIVILIANS, EXPLOSIONS)
    assert event("Nairobi")["event_type"] == PROTESTS
    assert event("Leeds")["type"] == "MAN_MADE_DISASTER"
    assert all(0 <= e["type_confidence"] <= 1 for e in by_city.values())


@pytest.mark.slow
def test_events_type_filter_on_the_cli(demo_db):
    everything = json.loads(_run(demo_db, "events", "--json", "--limit", "100"))
    protests = json.loads(_run(demo_db, "events", "--json", "--type", "PROTESTS"))
    assert protests and all(e["event_type"] == PROTESTS for e in protests)
    label = protests[0]["type"]
    by_label = json.loads(_run(demo_db, "events", "--json", "--type", label.lower()))
    assert [e["id"] for e in by_label] == [e["id"] for e in everything if e["type"] == label]
    table = _run(demo_db, "events", "--type", "protests")
    assert "Protests" in table and label in table
    shown = _run(demo_db, "show", protests[0]["id"])
    assert label in shown and "Protests" in shown


@pytest.mark.slow
def test_export_acled_csv_on_the_demo(demo_db):
    rows = list(csv.DictReader(io.StringIO(_run(demo_db, "export", "--format", "acled-csv"))))
    events = _demo_events(demo_db)
    assert len(rows) == len(events)
    assert list(rows[0]) == list(ACLED_COLUMNS)
    nairobi = next(r for r in rows if "Nairobi" in r["notes"])
    record = next(e for t, e in events.items() if "Nairobi" in t)
    assert nairobi["event_id_cnty"] == record["id"]
    assert (nairobi["country"], nairobi["iso"], nairobi["location"]) == ("Kenya", "404", "Nairobi")
    assert nairobi["event_type"] == PROTESTS and nairobi["actor1"] == ""
    groups = {a["source_group"]: a["outlet"] for a in record["articles"]}
    assert len(nairobi["source"].split("; ")) == len(groups)
    gao = next(r for r in rows if "Gao" in r["notes"])
    assert "Disputed:" in gao["notes"]
    assert len(gao["source"].split("; ")) < len(
        events[next(t for t in events if "Gao" in t)]["articles"]
    )


def test_acled_csv_refuses_articles(tmp_path):
    result = CliRunner().invoke(
        main,
        ["--db", str(tmp_path / "x.db"), "export", "--format", "acled-csv", "--what", "articles"],
    )
    assert result.exit_code != 0 and "events only" in result.output
