"""The benchmark metrics, on clusterings whose scores are known by hand."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from metrics import ari, bcubed, name_key, participant_attributes, prf  # noqa: E402

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}


def test_perfect_clustering():
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert ari(GOLD, GOLD) == 1.0


def test_singletons_and_one_cluster():
    singletons = {k: k for k in GOLD}
    p, r, _ = bcubed(singletons, GOLD)
    assert p == 1.0 and r == pytest.approx((0.5 * 2 + 3 * (1 / 3)) / 5)
    p, r, _ = bcubed(dict.fromkeys(GOLD, 0), GOLD)
    assert r == 1.0 and p == pytest.approx((2 * 0.4 + 3 * 0.6) / 5)
    assert ari(singletons, GOLD) == pytest.approx(0.0)


def test_ari_of_a_known_split():
    # Pairs together in both: (a,b) and (d,e); pred pairs 3 + 1, gold pairs 1 + 3, of 10.
    pred = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    index, sum_pred, sum_gold, total = 1 + 1, 3 + 1, 1 + 3, 10
    expected = sum_pred * sum_gold / total
    want = (index - expected) / ((sum_pred + sum_gold) / 2 - expected)
    assert ari(pred, GOLD) == pytest.approx(want)


def test_prf():
    assert prf(2, 2, 0) == (0.5, 1.0, pytest.approx(2 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_basil_speaker_accuracy_is_split_by_kind_of_gold_label(monkeypatch):
    import harness

    monkeypatch.setattr(harness, "clustering", lambda *args: {})
    text = "Nancy Pelosi spoke. Democrats objected."
    articles = [
        {
            "id": "a",
            "quotes": [
                {"text": "we will win this vote", "speaker": "Nancy Pelosi"},
                {"text": "the bill is a disgrace", "speaker": "Nancy Pelosi"},
                {"text": "no deal without the wall", "speaker": "Steve Scalise"},
            ],
        }
    ]
    gold = {
        "a": {
            "event_id": "e",
            "quotes": [
                {"text": "we will win this vote", "speaker": "Nancy_Pelosi"},
                {"text": "the bill is a disgrace", "speaker": "House_Democrats"},
                {"text": "no deal without the wall", "speaker": "Democratic_lawmakers"},
            ],
        }
    }
    scores = harness.score_basil(articles, [], gold, {"a": text})
    assert scores["speaker_accuracy"] == pytest.approx(1 / 3)
    assert scores["speaker_accuracy_person"] == 1.0
    assert scores["speaker_accuracy_group"] == 0.0
    assert scores["speaker_accuracy_group_aware"] == pytest.approx(1 / 3)  # no groups given
    # The group the text says the speaker speaks for is credited; a wrong group is not.
    articles[0]["quotes"][1]["speaker_group"] = "Democrats"
    articles[0]["quotes"][2]["speaker_group"] = "Republicans"
    scores = harness.score_basil(articles, [], gold, {"a": text})
    assert scores["speaker_accuracy_group_aware"] == pytest.approx(2 / 3)
    assert scores["speaker_accuracy_group_by_group"] == 0.5


def test_group_labels_match_the_group_our_speaker_speaks_for():
    from metrics import group_match

    assert group_match("House_Democrats", "Democrats")
    assert group_match("Democratic_lawmakers", "House Democrats")
    assert group_match("Republican_lawmakers", "GOP")
    assert group_match("Obama_campaign", "the Obama campaign")
    assert not group_match("Republican_lawmakers", "Democrats")
    assert not group_match("Obama_campaign", None)


def test_place_names_are_compared_folded_and_gva_localities_accept_either_name():
    from metrics import place_matches

    assert place_matches("Cartersville (Euharlee)", "Euharlee", None)
    assert place_matches("Cartersville (Euharlee)", "Cartersville", "Bartow County")
    assert place_matches("Polk (county)", "Lakeland", "Polk County")
    assert place_matches("Saint Louis", "St. Louis", None)
    assert place_matches("Bronx", "The Bronx", None)
    assert not place_matches("Dayton", "Toledo", "Lucas County")
    assert not place_matches("", None, None)


def test_a_gold_quote_is_matched_with_our_quote_sharing_most_words():
    import harness

    ours = [
        ({"the", "bill", "is"}, "Ann Lowe"),
        ({"the", "bill", "is", "a", "disgrace"}, "Bo Diaz"),
    ]
    assert harness.matching_quote({"the", "bill", "is", "a", "disgrace"}, ours) == "Bo Diaz"
    assert harness.matching_quote({"we", "will", "win", "this"}, ours) is None


def test_participant_attributes_count_only_where_both_sides_give_a_value():
    gold = [
        {
            "name": "Jordan Darell Baker",
            "type": "Victim",
            "status": "Killed",
            "age": "21",
            "gender": "Male",
        },
        {
            "name": "Ann Lee",
            "type": "Subject-Suspect",
            "status": "Unharmed, Arrested",
            "age": "",
            "gender": "Female",
        },
    ]
    ours = [
        {
            "name": "Jordan Baker Jr.",
            "role": "victim",
            "status": "injured",
            "age": 21,
            "gender": None,
        },
        {"name": "Ann Lee", "role": "suspect", "status": "arrested", "age": 30, "gender": "female"},
        {"name": "Tom Reyes", "role": "victim", "status": "killed", "age": 40, "gender": "male"},
    ]
    assert name_key("Jordan Baker Jr.") == name_key("Jordan Darell Baker") == ("baker", "j")
    counts: Counter[str] = Counter()
    participant_attributes(ours, gold, counts)
    assert (counts["role_right"], counts["role_given"]) == (2, 2)
    assert (counts["age_right"], counts["age_given"]) == (1, 1)
    assert (counts["gender_right"], counts["gender_given"]) == (1, 1)
    assert (counts["status_right"], counts["status_given"]) == (1, 2)


def test_copy_detection_score_leaves_out_pairs_of_one_outlet():
    import harness

    story = "police said two men were shot outside a bar on main street late on friday night"
    other = "a grand jury indicted the driver on tuesday after a long hearing in the county court"
    texts = {"a": story, "b": story, "c": other, "d": story + " more"}
    incident = {"a": "i", "b": "i", "c": "i", "d": "i"}
    events = [
        {
            "id": "e",
            "articles": [
                {"id": "a", "outlet": "x.test", "source_group": "a"},
                {"id": "c", "outlet": "x.test", "source_group": "a"},  # same outlet: left out
                {"id": "b", "outlet": "y.test", "source_group": "a"},  # a copy, found
                {"id": "d", "outlet": None, "source_group": "d"},  # a copy, missed
            ],
        }
    ]
    scores = harness.source_groups_vs_copies(events, incident, texts)
    # Copies: a-b, a-d, b-d; b-c is independent and predicted one source (a false copy).
    assert scores["copy_pairs"] == 3
    assert (scores["source_group_p"], scores["source_group_r"]) == (0.5, pytest.approx(1 / 3))
