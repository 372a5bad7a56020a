"""JSON and JSON-lines records: fields kept, ``gold`` ignored, bad lines skipped alone."""

from __future__ import annotations

import datetime as dt
import json

from wirecheck.ingest import read_paths
from wirecheck.models import RawArticle, Skipped

PAGE = (
    "<!doctype html><html><head><title>Bridge collapse injures four in Riverton</title>"
    '<meta property="article:published_time" content="2016-03-04"></head><body><article>'
    "<h1>Bridge collapse injures four in Riverton</h1><p>Four people were injured on Friday when "
    "a footbridge over the Mill River collapsed during the morning rush hour, the county fire "
    "department said. Two were taken to hospital with broken bones.</p></article></body></html>"
)
BODY = "Two men were shot on Main Street on Friday night, police said.\n\nBoth are in hospital."


def record(**fields):
    base = {
        "id": "a1",
        "url": "https://www.example-news.com/story/1",
        "outlet": "example-news.com",
        "title": "Two shot on Main Street",
        "published": "2016-03-04",
        "text": BODY,
    }
    return {**base, **fields}


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_jsonl_keeps_fields_and_ignores_gold(tmp_path):
    gold = {"incident_id": "999", "num_killed": 7, "participants": [{"name": "Secret Name"}]}
    path = write_jsonl(tmp_path / "a.jsonl", [record(gold=gold)])
    (article,) = read_paths([path])
    assert article == RawArticle(
        text=BODY,
        origin=f"{path}:1",
        external_id="a1",
        url="https://www.example-news.com/story/1",
        outlet="example-news.com",
        title="Two shot on Main Street",
        published=dt.date(2016, 3, 4),
    )
    assert "Secret Name" not in repr(article) and "999" not in repr(article)


def test_malformed_line_is_skipped_alone(tmp_path):
    path = write_jsonl(
        tmp_path / "b.jsonl", [record(id="1"), '{"id": "2", "text": "broken', record(id="3")]
    )
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [RawArticle, Skipped, RawArticle]
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert items[1].reason.startswith("malformed JSON: ")
    assert [items[0].external_id, items[2].external_id] == ["1", "3"]


def test_record_without_text_or_html_is_skipped(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [record(text="")])
    assert list(read_paths([path])) == [Skipped(f"{path}:1", "record has no text or html")]


def test_html_record_is_extracted_and_outlet_taken_from_url(tmp_path):
    row = record(text="", html=PAGE, outlet=None, title=None, published=None)
    path = write_jsonl(tmp_path / "d.jsonl", [row])
    (article,) = read_paths([path])
    assert "footbridge over the Mill River collapsed" in article.text
    assert article.outlet == "example-news.com"
    assert article.title == "Bridge collapse injures four in Riverton"
    assert article.published == dt.date(2016, 3, 4)


def test_json_file_with_one_object_or_an_array(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record(id="x")))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([record(id="y"), record(id="z", text=" ")]))
    items = list(read_paths([one, many]))
    assert [i.origin for i in items] == [str(one), f"{many}#1", f"{many}#2"]
    assert items[0].external_id == "x" and items[1].external_id == "y"
    assert isinstance(items[2], Skipped)


def test_unicode_line_separator_inside_a_record(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text(
        json.dumps(record(text="First part.\u2028Second part of the story."), ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (article,) = read_paths([path])
    assert article.text == "First part.\u2028Second part of the story."


def test_a_record_without_a_date_takes_the_day_its_url_names(tmp_path):
    rows = [
        record(id="a", published=None, url="https://news.example/2010/05/05/three-dead/"),
        record(id="b", published=None, url="https://news.example/ens/2009-04-28-091.asp"),
        record(id="c", published=None, url="https://news.example/2019/07/story"),  # no day
        record(id="d", url="https://news.example/2010/05/05/three-dead/"),  # its own date wins
    ]
    articles = list(read_paths([write_jsonl(tmp_path / "a.jsonl", rows)]))
    assert [a.published for a in articles] == [
        dt.date(2010, 5, 5),
        dt.date(2009, 4, 28),
        None,
        dt.date(2016, 3, 4),
    ]
