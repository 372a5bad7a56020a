"""Plain-text articles: verbatim text, headline and date line."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecheck.ingest import parse_text
from wirecheck.ingest.text import parse_published

ARTICLE = """This story is over 5 years old.

Flood waters cut off three villages in the north

Rescue teams reached the area by boat on Tuesday.
January 20, 2015, 4:50pm

Heavy rain on Monday night caused the river to burst its banks, officials said.
"""


def test_headline_skips_boilerplate_and_date_line_is_read():
    article = parse_text(ARTICLE, "a.txt")
    assert article.text == ARTICLE
    assert article.origin == "a.txt"
    assert article.title == "Flood waters cut off three villages in the north"
    assert article.published == dt.date(2015, 1, 20)
    marked = [ARTICLE[s:e] for s, e in article.boilerplate]
    assert marked == ["This story is over 5 years old.", "January 20, 2015, 4:50pm"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 20, 2015, 4:50pm", dt.date(2015, 1, 20)),
        ("Published: 2016-03-04", dt.date(2016, 3, 4)),
        ("Mar 4, 2016 11:02 AM EST", dt.date(2016, 3, 4)),
        ("Posted on Monday, March 4th, 2016 at 11:02 am", dt.date(2016, 3, 4)),
        ("By Jane Doe | March 4, 2016", dt.date(2016, 3, 4)),
        ("Last updated: 04 March 2016 09:15 GMT", dt.date(2016, 3, 4)),
        ("On March 4, 2016 police said the man died of his wounds.", None),
        ("March 4", None),  # no year: not guessed
        ("Flood waters cut off three villages", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_published(line) == expected


def test_no_date_line_gives_none():
    text = "Headline here\n\nA sentence that mentions March 4, 2016 as the day it all began.\n"
    article = parse_text(text, "b.txt")
    assert article.title == "Headline here"
    assert article.published is None
    assert article.boilerplate == []


def test_date_line_before_headline():
    text = "Published: 2016-03-04\nMayor opens new bridge\n\nThe bridge opened on Friday.\n"
    article = parse_text(text, "c.txt")
    assert article.published == dt.date(2016, 3, 4)
    assert article.title == "Mayor opens new bridge"


def test_text_with_windows_newlines_keeps_offsets():
    text = "Headline\r\nMarch 4, 2016\r\n\r\nBody text here.\r\nShare this: Facebook Twitter\r\n"
    article = parse_text(text, "d.txt")
    assert article.text == text
    assert [text[s:e] for s, e in article.boilerplate] == [
        "March 4, 2016",
        "Share this: Facebook Twitter",
    ]
