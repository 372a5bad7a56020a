"""The reader's report: summary, facts by status, sources; HTML self-contained and escaped."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wirecheck.models import Alternative, EventDate, EventRecord, Fact, Place, Range, Source
from wirecheck.report import render_report, summary

DAY = dt.date(2025, 3, 10)


def record(title="Convoy attacked near Gao") -> EventRecord:
    return EventRecord(
        id="ev-123",
        title=title,
        date=EventDate(DAY, DAY, DAY, "day"),
        location=Place("Gao", city="Gao", country="ML", lat=16.27, lon=-0.04, precision="city"),
        killed=Range(3, 3, 5),
        articles=[
            Source("a1", "harbor.example", None, DAY, "a1"),
            Source("a2", "northline.example", None, DAY, "a2"),
            Source("a3", "valley.example", None, DAY, "a1"),
        ],
        facts=[
            Fact(
                "quote",
                "We hold the road",
                "we hold the road",
                "corroborated",
                ["a1", "a2"],
                speaker="Amira Haddad",
            ),
            Fact(
                "casualty",
                "three soldiers were killed",
                "killed: 3",
                "disputed",
                ["a1", "a3"],
                alternatives=[Alternative("killed: 5", ["a2"])],
            ),
            Fact("number", "some 300 families", "300", "single_source", ["a1"]),
        ],
    )


def test_summary_sentence():
    text = summary(record())
    assert text.startswith("Event in Gao, ML on 10 March 2025: Convoy attacked near Gao.")
    assert text.endswith("Reported by 2 independent sources (3 articles).")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_facts_grouped_with_their_outlets(fmt):
    out = render_report(record(), fmt)
    order = [out.index(h) for h in ("Corroborated", "Disputed", "Single source", "Sources")]
    assert order == sorted(order)
    assert "harbor.example, northline.example" in out  # the quote's outlets
    assert "killed: 5" in out and "valley.example" in out


def test_html_is_self_contained_and_escapes_article_text():
    hostile = 'Attack <script>alert(1)</script><img src=x onerror="alert(2)">'
    out = render_report(record(title=hostile), "html")
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", out)  # no external assets
    assert "<link" not in out


def test_unknown_format():
    with pytest.raises(ValueError):
        render_report(record(), "pdf")
