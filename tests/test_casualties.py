"""Casualty statements and the article-level killed / injured figures."""

from __future__ import annotations

import pytest

from wirecheck.analyze.casualties import extract_casualties, summarize_casualties


def figures(nlp, text):
    found = extract_casualties(nlp(text))
    killed = summarize_casualties(found, "killed")
    injured = summarize_casualties(found, "injured")
    return (killed.best if killed else None), (injured.best if injured else None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Three students were shot outside the school on Monday.", None, 3),
        ("Five people were shot, one fatally, at a party.", 1, 4),
        ("A 9-year-old and two others were wounded in the attack.", None, 3),
        ("One woman died and another was wounded.", 1, 1),
        ("Militants opened fire, killing four villagers.", 4, None),
        ("The blast left six people dead.", 6, None),
        ("A man was fatally shot outside a store.", 1, None),
        ("The woman was pronounced dead at the scene.", 1, None),
        ("The boy died at the hospital.", 1, None),
        ("The victim is in critical condition.", None, 1),
        ("The shooting sent three people to the hospital.", None, 3),
        ("Nobody was hurt in the crash.", None, 0),
        ("No deaths or injuries were reported.", 0, 0),
        ("Scores of windows were shot out.", None, None),
        ("He was shot about 10 times.", None, 1),
        ("Police did not say whether anyone was injured.", None, None),
    ],
)
def test_statements(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_unknown_plural_counts_two_and_keeps_who(nlp):
    [c] = extract_casualties(nlp("Airstrikes hit the camp, killing the insurgents."))
    assert (c.kind, c.low, c.best, c.high) == ("killed", 2, 2, 2)
    assert "insurgents" in c.who


def test_vague_counts_follow_acled(nlp):
    assert figures(nlp, "Dozens of people were injured in the stampede.") == (None, 12)


def test_suicide_is_counted_with_who(nlp):
    found = extract_casualties(nlp("The gunman killed himself after the standoff."))
    assert [(c.kind, c.best, c.who) for c in found] == [("killed", 1, "himself")]


def test_same_victim_described_twice_counts_once(nlp):
    text = (
        "A 25-year-old man was shot on Elm Street late Friday. "
        "The man was shot in the leg and taken to a hospital. "
        "Police identified him as Carl Dean. Dean was shot once, police said."
    )
    assert figures(nlp, text) == (None, 1)


def test_victim_shot_then_died_is_killed_not_injured(nlp):
    text = "A 19-year-old woman was shot in the chest on Sunday. She died at the hospital."
    assert figures(nlp, text) == (1, None)


def test_two_named_victims_are_two(nlp):
    text = (
        "Robert Lane, 41, was shot in the arm. Separately, Dwayne Miles, 19, was wounded in "
        "the leg. Both were treated at a hospital."
    )
    assert figures(nlp, text)[1] == 2


def test_shot_count_excludes_the_dead(nlp):
    text = "Four people were shot on Saturday night. One man died at the scene."
    assert figures(nlp, text) == (1, 3)


def test_statement_offsets(nlp):
    text = "Officials said two soldiers were killed."
    [c] = extract_casualties(nlp(text))
    assert text[c.start : c.end] == c.text and "two soldiers" in c.text


def test_seed_reports(nlp, shared_dir):
    from wirecheck.analyze.nlp import mask
    from wirecheck.ingest import read_paths

    figures_by_file = {}
    for article in read_paths([shared_dir / "seeds"]):
        found = extract_casualties(nlp(mask(article.text, article.boilerplate)))
        figures_by_file[article.origin.rsplit("/", 1)[-1][:3]] = found
    zero = figures_by_file["000"]
    assert summarize_casualties(zero, "killed").best == 0
    assert summarize_casualties(zero, "injured").best == 0
    fighters = [c for c in figures_by_file["001"] if c.kind == "killed" and "fighters" in c.who]
    assert fighters and fighters[0].best == 2  # count unknown: the plural's least reading
