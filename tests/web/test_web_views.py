"""Page helpers: annotated text segments, fact groups, map position, timeline."""

from __future__ import annotations

import datetime as dt

from wirecheck.export import article_to_dict
from wirecheck.models import (
    Analysis,
    Article,
    EventDate,
    EventRecord,
    Fact,
    Place,
    PlaceMention,
    Quote,
    Source,
)
from wirecheck.web.templates import render
from wirecheck.web.views import (
    Span,
    article_spans,
    fact_groups,
    fact_spans,
    map_point,
    segments,
    timeline,
    title_spans,
)

TEXT = 'Officials said "the bridge is closed" in Porto.'


def test_segments_cover_the_text_once_and_list_overlapping_spans():
    quote = Span(16, 36, "quote", "q0")
    place = Span(41, 46, "place")
    word = Span(20, 26, "fact", "f1")  # "bridge", inside the quote
    parts = segments(TEXT, [quote, place, word])
    assert "".join(p.text for p in parts) == TEXT
    covered = {p.text: p for p in parts if p.spans}
    assert covered["bridge"].spans == [quote, word]
    assert covered["bridge"].keys == "q0 f1" and covered["bridge"].classes == "quote fact"
    assert covered["the "].spans == [quote] and covered["Porto"].spans == [place]


def test_segments_clip_spans_outside_the_text_and_drop_empty_ones():
    parts = segments("abc", [Span(-5, 1, "x"), Span(2, 99, "y"), Span(1, 1, "z")])
    assert [(p.text, p.classes) for p in parts] == [("a", "x"), ("b", ""), ("c", "y")]
    assert segments("", [Span(0, 3, "x")]) == []


def test_annotated_text_is_escaped_in_the_markup():
    html = render(
        "article.html.j2",
        article={
            "id": "a<1>",
            "title": "<script>alert(1)</script>",
            **{k: [] for k in ("quotes", "places", "dates", "numbers", "casualties", "people")},
        },
        segments=segments("<b>bold</b>", [Span(0, 3, "quote", "q0", 'say "<i>"')]),
        kinds=["quote"],
    )
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert (
        '<mark class="quote" data-keys="q0" title="say &#34;&lt;i&gt;&#34;">&lt;b&gt;</mark>'
        in (html)
    )


def test_article_spans_come_from_the_exported_annotations():
    article = Article(text=TEXT, origin="t", id="a1", boilerplate=[(46, 47)])
    analysis = Analysis(
        article_id="a1",
        quotes=[
            Quote(
                16, 36, "the bridge is closed", "Officials", (0, 9), (10, 14), speaker_group="DOT"
            )
        ],
        places=[PlaceMention(41, 46, "Porto", Place("Porto", country="PT"), "event")],
    )
    spans = article_spans(article_to_dict(article, analysis, None))
    found = {(s.kind, TEXT[s.start : s.end]) for s in spans}
    assert found == {
        ("boilerplate", "."),
        ("quote", "the bridge is closed"),
        ("speaker", "Officials"),
        ("cue", "said"),
        ("place", "Porto"),
    }
    assert [s.label for s in spans if s.kind == "quote"] == ["quote — Officials (for DOT)"]


def event_record() -> EventRecord:
    day = dt.date(2025, 3, 10)
    return EventRecord(
        id="ev-1",
        title="Bridge closed",
        date=EventDate(day, day, day, "day"),
        articles=[
            Source("a1", "one.test", None, day, "a1"),
            Source("a2", "two.test", None, day + dt.timedelta(days=2), "a2"),
            Source("a3", None, None, None, "a3"),
        ],
        facts=[
            Fact("number", "3 lanes", "3", "single_source", ["a2"], spans={"a2": [5, 12]}),
            Fact("quote", "closed", "closed", "corroborated", ["a1", "a2"], spans={"a1": [0, 6]}),
            Fact("place", "Porto", "Porto", "single_source", ["a3"], title_spans={"a3": [0, 5]}),
        ],
    )


def test_fact_groups_follow_the_status_order_and_key_every_fact():
    groups = fact_groups(event_record())
    assert [g[0] for g in groups] == ["corroborated", "single_source"]
    assert [k for _, _, _, facts in groups for k, _ in facts] == ["f1", "f0", "f2"]
    assert fact_spans(event_record(), "a2") == [
        Span(5, 12, "fact number single_source", "f0", "3 lanes")
    ]
    assert [s.key for s in fact_spans(event_record(), "a1")] == ["f1"]
    # A fact a headline states is marked in the title, not in the text.
    assert fact_spans(event_record(), "a3") == []
    assert [s.key for s in fact_spans(event_record(), "a3", in_title=True)] == ["f2"]


def test_title_spans_mark_what_the_headline_states():
    title = "2 dead in Porto shooting"
    article = Article(text=TEXT, origin="t", id="a1", title=title)
    porto = PlaceMention(10, 15, "Porto", Place("Porto", country="PT"), "event", in_title=True)
    analysis = Analysis(article_id="a1", title_places=[porto], event_place=porto)
    exported = article_to_dict(article, analysis, None)
    assert exported["event_place"]["in_title"] is True
    assert [(s.kind, title[s.start : s.end]) for s in title_spans(exported)] == [("place", "Porto")]
    assert article_spans(exported) == []  # nothing indexes the text


def test_map_point_is_equirectangular():
    assert map_point(90, -180) == {"x": 0, "y": 0}
    assert map_point(0, 0) == {"x": 180, "y": 90}
    assert map_point(-90, 180) == {"x": 360, "y": 180}


def test_timeline_places_each_dated_source_and_the_event_day():
    line = timeline(event_record(), width=100)
    assert [(r["id"], r["x"]) for r in line["rows"]] == [("a1", 0), ("a2", 100)]
    assert line["event_x"] == 0 and [s.id for s in line["undated"]] == ["a3"]
    assert line["ticks"][0]["date"] == dt.date(2025, 3, 10)
