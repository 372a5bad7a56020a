"""Numbers with what they count; dates, money, ages and percentages are not counts."""

from __future__ import annotations

import pytest

from wirecheck.analyze.numbers import VAGUE_COUNTS, extract_numbers, number_value


@pytest.mark.parametrize(
    ("text", "value", "counts", "approximate"),
    [
        ("The unit has 40 marine commandos on the island.", 40, "marine commandos", False),
        ("The navy sent four patrol boats.", 4, "patrol boats", False),
        ("More than 1,200 families were evacuated.", 1200, "families", True),
        ("Some 350 police officers were deployed.", 350, "police officers", True),
        ("About 2,500 troops remain in the region.", 2500, "troops", True),
        ("Hundreds of residents fled.", 100, "residents", True),
    ],
)
def test_counts(nlp, text, value, counts, approximate):
    found = extract_numbers(nlp(text))
    assert [(n.value, n.counts, n.approximate) for n in found] == [(value, counts, approximate)]


def test_offsets_cover_the_number_and_the_counted_phrase(nlp):
    text = "Rebels seized nine trucks near the river."
    [n] = extract_numbers(nlp(text))
    assert text[n.start : n.end] == n.text == "nine trucks"


def test_dates_times_money_percent_ages_are_skipped(nlp):
    doc = nlp(
        "On June 5, 2021 at 3 p.m. a 34-year-old woman paid $1,500 and lost 20 percent "
        "of her savings in 2019."
    )
    assert extract_numbers(doc) == []


def test_number_words_and_vague_table():
    assert number_value("forty-two") == 42
    assert number_value("3,000") == 3000
    assert number_value("two hundred") == 200
    assert number_value("a dozen") == 12
    assert number_value("banana") is None
    assert VAGUE_COUNTS["dozens"] == 12 and VAGUE_COUNTS["hundreds"] == 100


def test_seed_counts(nlp, shared_dir):
    from wirecheck.analyze.nlp import mask
    from wirecheck.ingest import read_paths

    found = {}
    for article in read_paths([shared_dir / "seeds"]):
        for n in extract_numbers(nlp(mask(article.text, article.boilerplate))):
            found.setdefault(n.counts, n)
    assert found["special forces members"].value == 69
    assert found["fighter jets"].value == 6
    assert found["soldiers"].value == 3000
    assert found["air crew"].value == 600 and found["air crew"].approximate
