"""Date extraction and the event-date picker, on hand-written sentences and the seed reports."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wirecheck.analyze import dates as dates_module
from wirecheck.analyze.analyzer import event_date
from wirecheck.analyze.dates import (
    extract_dates,
    normalise,
    pick_event_date,
    publication_date,
    score_mentions,
    stamp_date,
)
from wirecheck.cluster.signature import signature
from wirecheck.models import Analysis, Article, DateMention, from_dict, to_dict
from wirecheck.reconcile import Member, reconcile

PUB = dt.date(2015, 1, 20)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "best"),
    [
        ("Monday", "2015-01-19", "2015-01-19", "day", "2015-01-19"),
        ("Tuesday", "2015-01-20", "2015-01-20", "day", "2015-01-20"),  # same weekday
        ("Monday evening", "2015-01-19", "2015-01-19", "day", "2015-01-19"),
        ("early Sunday", "2015-01-18", "2015-01-18", "day", "2015-01-18"),
        ("last night", "2015-01-19", "2015-01-19", "day", "2015-01-19"),
        ("yesterday", "2015-01-19", "2015-01-19", "day", "2015-01-19"),
        ("tonight", "2015-01-20", "2015-01-20", "day", "2015-01-20"),
        ("this morning", "2015-01-20", "2015-01-20", "day", "2015-01-20"),
        ("Jan. 17", "2015-01-17", "2015-01-17", "day", "2015-01-17"),
        ("Dec. 30", "2014-12-30", "2014-12-30", "day", "2014-12-30"),  # year rolls back
        ("Jan. 25", "2015-01-25", "2015-01-25", "day", "2015-01-25"),  # a day just ahead
        ("January 20, 2014", "2014-01-20", "2014-01-20", "day", "2014-01-20"),
        ("3/14/2013", "2013-03-14", "2013-03-14", "day", "2013-03-14"),
        ("last August", "2014-08-01", "2014-08-31", "month", None),
        ("last year", "2014-01-01", "2014-12-31", "year", None),
        ("2012", "2012-01-01", "2012-12-31", "year", None),
        ("the 1990s", "1990-01-01", "1999-12-31", "range", None),
        ("within the past week", "2015-01-13", "2015-01-20", "week", None),
        ("the last seven days", "2015-01-13", "2015-01-20", "week", None),
        ("in recent days", "2015-01-13", "2015-01-20", "week", None),
    ],
)
def test_normalise(text, start, end, precision, best):
    got = normalise(text, PUB)
    assert got is not None
    assert (got[0].isoformat(), got[1].isoformat(), got[2]) == (start, end, precision)
    assert (got[3].isoformat() if got[3] else None) == best


@pytest.mark.parametrize("text", ["three years", "17-year-old", "24-hour", "30", "11:30 p.m."])
def test_durations_ages_and_bare_numbers_are_not_dates(text):
    assert normalise(text, PUB) is None


def test_relative_needs_publication_date_absolute_does_not():
    assert normalise("Monday", None) is None
    assert normalise("last night", None) is None
    got = normalise("January 20, 2015", None)
    assert got is not None and got[3] == dt.date(2015, 1, 20)


def test_extract_finds_phrases_the_tagger_misses(nlp):
    doc = nlp("Two men were shot last night outside a bar. Police made arrests in recent days.")
    texts = {m.text.lower(): m for m in extract_dates(doc, PUB)}
    assert texts["last night"].best == dt.date(2015, 1, 19)
    assert any("recent days" in t for t in texts)
    for m in texts.values():
        assert doc.text[m.start : m.end] == m.text


def test_event_date_prefers_incident_over_funeral_and_report(nlp):
    doc = nlp(
        "Police said Tuesday that a man was shot and killed early Sunday on Elm Street. "
        "His funeral will be held Friday. A court hearing is set for Feb. 3."
    )
    dates = extract_dates(doc, PUB)
    picked = pick_event_date(dates, doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 18)


def test_event_date_none_without_evidence(nlp):
    doc = nlp("The city council discussed the budget.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None
    doc = nlp("The company was founded in 1946.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None


def test_seed_report_week_range(nlp, shared_dir):
    path = sorted((shared_dir / "seeds").glob("000_*.txt"))[0]
    doc = nlp(path.read_text())
    dates = extract_dates(doc, PUB)
    weeks = [m for m in dates if m.precision == "week"]
    assert weeks and all(m.range_end in (dt.date(2015, 1, 19), PUB) for m in weeks)
    assert any(m.text == "last August" and m.range_start == dt.date(2014, 8, 1) for m in dates)
    picked = pick_event_date(dates, doc, PUB)
    assert picked is not None and picked.range_start <= dt.date(2015, 1, 19) <= picked.range_end


def test_page_stamp_anchors_weekdays_of_a_later_copy(nlp):
    text = (
        "Posted: Thursday, January 8, 2015 9:12 AM EST\n"
        "A woman was shot Wednesday night outside her home, police said."
    )
    later_copy = dt.date(2015, 1, 20)  # archived twelve days later
    assert stamp_date(text, later_copy) == dt.date(2015, 1, 8)
    doc = nlp(text)
    picked = pick_event_date(extract_dates(doc, later_copy), doc, later_copy)
    assert picked is not None and picked.best == dt.date(2015, 1, 7)


def test_old_video_caption_stamp_does_not_date_the_page():
    text = (
        "Four teens were shot in a park. (Published Thursday, Mar 14, 2013)\n\n"
        "Four teenagers were shot at a park Wednesday, police said.\n\n"
        "Two teens were slain in the same park. (Published Wednesday, May 4, 2011)\n"
    )
    # The page's own caption is a day after its date; the other is a related old video's.
    assert stamp_date(text, dt.date(2013, 3, 13)) is None
    assert stamp_date(text, dt.date(2013, 3, 15)) == dt.date(2013, 3, 14)


def test_stamp_after_publication_is_ignored():
    assert stamp_date("Updated: Feb. 2, 2015 10:00 AM\nText.", PUB) is None
    assert stamp_date("No stamp here, just Feb. 2 in a sentence.", PUB) is None


def test_dated_incident_noun_beats_recent_court_day(nlp):
    pub = dt.date(2015, 9, 2)
    doc = nlp(
        "Two men appeared in court Tuesday. They are charged in the May 10 home invasion "
        "in which a baby was killed."
    )
    picked = pick_event_date(extract_dates(doc, pub), doc, pub)
    assert picked is not None and picked.best == dt.date(2015, 5, 10)


@pytest.mark.parametrize(
    "text",
    [
        # not a weekday of the victim's condition
        (
            "A 19-year-old was shot in the leg Saturday night near a park, officers said. "
            "He was listed in stable condition Tuesday at a local hospital."
        ),
        # not the day of the arrest
        (
            "Officers arrested a 30-year-old man Monday. "
            "Investigators said he shot a neighbour on Saturday after an argument."
        ),
        # not the day the victim died
        (
            "A 40-year-old man died Monday at a hospital. He had been shot Saturday night "
            "outside a store on Pine Street."
        ),
    ],
)
def test_days_of_what_followed_are_not_the_incident_day(nlp, text):
    doc = nlp(text)
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)  # the Saturday


def test_undated_story_gets_the_publication_date_marked_as_metadata(nlp):
    doc = nlp("A man was shot outside a bar on Elm Street, police said.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None
    got = event_date(extract_dates(doc, PUB), doc, PUB)
    assert got is not None and not got.from_text
    assert (got.start, got.end, got.text) == (0, 0, "publication date")
    assert (got.range_start, got.range_end, got.precision) == (PUB - dt.timedelta(7), PUB, "week")
    assert got.best == PUB
    assert event_date(extract_dates(doc, None), doc, None) is None  # nothing to infer from


def test_text_date_wins_over_publication_and_stamp_anchors_the_fallback(nlp):
    doc = nlp("A woman was shot early Sunday on Pine Street.")
    got = event_date(extract_dates(doc, PUB), doc, PUB)
    assert got is not None and got.from_text and got.best == dt.date(2015, 1, 18)
    later_copy = dt.date(2015, 1, 20)
    stamped = publication_date(
        nlp("Posted: Thursday, January 8, 2015\nA man was shot."), later_copy
    )
    assert stamped.best == stamped.range_end == dt.date(2015, 1, 8)


def _undated_member(aid, group, published, day=None):
    article = Article(
        text="x" * 200,
        origin=aid,
        id=aid,
        content_hash=aid,
        outlet=f"{aid}.test",
        published=published,
    )
    date = (
        DateMention(5, 11, "Sunday", day, day, "day", day)
        if day
        else DateMention(
            0, 0, "publication date", published - dt.timedelta(7), published, "week", published
        )
    )
    return Member(article, Analysis(article_id=aid, event_date=date), group)


def test_reconcile_uses_publication_dates_only_when_no_text_dates_the_event():
    first, second = dt.date(2015, 1, 20), dt.date(2015, 1, 22)
    record = reconcile("e1", [_undated_member("a", "a", second), _undated_member("b", "b", first)])
    assert (record.date.best, record.date.end, record.date.precision) == (first, first, "week")
    assert record.date.start == first - dt.timedelta(7)
    assert not [f for f in record.facts if f.kind == "date"]  # no source claimed a day
    sunday = dt.date(2015, 1, 18)
    record = reconcile(
        "e2", [_undated_member("a", "a", first), _undated_member("b", "b", first, sunday)]
    )
    assert (record.date.best, record.date.precision) == (sunday, "day")


def test_signature_leaves_a_publication_date_to_published():
    member = _undated_member("a", "a", PUB)
    sig = signature(member.article, member.analysis)
    assert not sig.dated and sig.span == (PUB - dt.timedelta(7), PUB)


def test_clock_time_marks_the_incident_day(nlp):
    doc = nlp(
        "Two suspects in a shooting that left four people wounded were still at large Monday. "
        "Gunfire broke out about 10:45 p.m. Saturday outside a club."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


def test_publication_date_survives_storage_as_metadata():
    member = _undated_member("a", "a", PUB)
    stored = from_dict(Analysis, json.loads(json.dumps(to_dict(member.analysis))))
    assert stored.event_date == member.analysis.event_date and not stored.event_date.from_text


def test_overnight_is_the_publication_day_and_yields_to_a_weekday(nlp):
    doc = nlp("Two men were shot overnight in the city's north end, police said.")
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == PUB
    doc = nlp("Two men were shot overnight Sunday in the city's north end, police said.")
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == PUB - dt.timedelta(days=(PUB.weekday() + 1) % 7)


def test_vague_incident_date_gives_way_to_a_day_inside_it(nlp):
    doc = nlp(
        "A teenager was shot last weekend outside a grocery store. "
        "The shooting happened around 11 p.m. Saturday, police said."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.precision == "day"
    assert picked.best is not None and picked.best.weekday() == 5 and picked.best < PUB


def test_byline_line_of_date_and_time_is_no_incident_date(nlp):
    doc = nlp("Troops exchanged fire with militants\nJanuary 20, 2015, 4:50pm\n\nNo one was hurt.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None


def test_month_day_just_ahead_of_publication_is_upcoming_not_last_year():
    got = normalise("Jan. 3", dt.date(2014, 12, 28))
    assert got is not None and got[3] == dt.date(2015, 1, 3)  # "a hearing on Jan. 3"
    got = normalise("Feb. 28", PUB)
    assert got is not None and got[3] == dt.date(2014, 2, 28)


def test_scheduled_month_day_months_ahead_is_upcoming_not_last_year(nlp):
    pub = dt.date(2025, 3, 9)
    text = (
        "A man was shot on Friday. A curfew stays in place until April 2, and the trial is "
        "set for Monday, May 19. The shop had opened on April 2."
    )
    mentions = sorted(extract_dates(nlp(text), pub), key=lambda m: m.start)
    days = [m.best for m in mentions if m.text.endswith(("April 2", "May 19"))]
    # a deadline and a schedule are this spring's; the bare "opened on April 2" is last year's
    assert days == [dt.date(2025, 4, 2), dt.date(2025, 5, 19), dt.date(2024, 4, 2)]
    doc = nlp(text.rsplit(" The shop", 1)[0])
    picked = pick_event_date(extract_dates(doc, pub), doc, pub)
    assert picked is not None and picked.best == dt.date(2025, 3, 7)


def test_day_part_word_does_not_hide_the_verb_of_a_weekday(nlp):
    # the tagger splits "Monday night" into a date and a time: "released" still governs
    doc = nlp(
        "A boy who was shot at a park was released Monday night from the hospital. "
        "Police said the boy was hurt Saturday."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


@pytest.mark.parametrize(
    "text",
    [
        (
            "Deputies filed charges Monday against a man in a shooting that wounded his "
            "neighbour. The neighbour was hurt Saturday."
        ),
        "Police searched a house Monday where a man was shot. The shooting was reported Saturday.",
    ],
)
def test_filing_charges_is_aftermath_and_a_reported_shooting_is_the_incident(nlp, text):
    doc = nlp(text)
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


def test_old_explicit_date_is_no_background_history(nlp):
    pub = dt.date(2015, 9, 10)
    doc = nlp(
        "Classmates remembered a teen at a school assembly Thursday, months after the "
        "shooting. He was shot and killed on March 1, 2015, while a friend was handling a gun."
    )
    picked = pick_event_date(extract_dates(doc, pub), doc, pub)
    assert picked is not None and picked.best == dt.date(2015, 3, 1)


def test_day_of_a_sentence_or_plea_is_not_the_incident_day(nlp):
    doc = nlp(
        "A teen received three years' probation Tuesday for accidentally shooting and killing "
        "his best friend. His family moved to the city last year. He liked basketball. "
        "He had many friends. He played the drums. He sang in a choir. He loved dogs. "
        "He wanted to be a nurse. The shooting happened on Jan. 2."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 2)


def test_close_call_between_adjacent_days_goes_to_the_earlier(nlp):
    doc = nlp(
        "Five people were shot in what began as a robbery attempt, police said Tuesday "
        "morning. None of the injuries sustained Monday appeared to be life-threatening."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 19)


def test_inline_stamps_of_videos_and_tweets_are_no_candidates(nlp):
    lead = (
        "Police are investigating after a 9-year-old boy found a gun in his parents' home and "
        "shot himself in the hand"
    )
    tail = "A 9-year-old boy was shot by accident at home on Sunday, police said."
    for stamp in (
        ". (Published Tuesday, Jan. 20, 2015) ",
        " — Jane Doe (@JaneDoeTV) January 20, 2015 ",
    ):
        doc = nlp(lead + stamp + tail)
        dates = extract_dates(doc, PUB)
        assert all(m.best != PUB for m, _ in score_mentions(dates, doc, PUB))
        picked = pick_event_date(dates, doc, PUB)
        assert picked is not None and picked.best == dt.date(2015, 1, 18)


def test_byline_with_the_clock_time_inside_the_date_is_no_incident_date(nlp):
    doc = nlp("January 20, 2015 2:44 PM\n\nA man was shot outside a bar, police said.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None


@pytest.mark.parametrize(
    ("text", "pub", "best"),
    [
        ("Thanksgiving Day", "2015-11-28", "2015-11-26"),
        ("the Fourth of July", "2015-07-05", "2015-07-04"),
        ("New Year’s Eve", "2016-01-02", "2015-12-31"),
        ("Labor Day", "2015-09-08", "2015-09-07"),
        ("Christmas Day", "2015-12-20", "2015-12-25"),  # upcoming, not last year's
        ("Easter Sunday", "2015-04-14", "2015-04-05"),  # not the last Sunday
        ("early Easter morning", "2016-03-30", "2016-03-27"),
    ],
)
def test_holidays_name_a_day(text, pub, best):
    got = normalise(text, dt.date.fromisoformat(pub))
    assert got is not None and got[2] == "day" and got[3] == dt.date.fromisoformat(best)


def test_holiday_weekend_is_no_day(nlp):
    assert normalise("Thanksgiving Day weekend", dt.date(2015, 12, 1)) is None
    doc = nlp("A man was shot outside a bar during the Labor Day weekend, police said.")
    assert all(m.precision != "day" for m in extract_dates(doc, dt.date(2015, 9, 10)))


def test_incident_on_a_holiday_is_dated(nlp):
    pub = dt.date(2015, 11, 27)
    doc = nlp("A 13-year-old was shot in Elliston on Thanksgiving. He is in stable condition.")
    picked = pick_event_date(extract_dates(doc, pub), doc, pub)
    assert picked is not None and picked.best == dt.date(2015, 11, 26)


def test_possessive_weekday_of_an_incident_names_it(nlp):
    doc = nlp(
        "Houston police released new details about Sunday's mass shooting during a press "
        "conference Monday."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 18)


@pytest.mark.parametrize(
    ("text", "best"),
    [
        (
            "A teenager was pronounced dead at 5:24 p.m. Monday. Officers were called to a "
            "home Saturday night for a shooting.",
            "2015-01-17",
        ),
        (
            "Three men were named in an indictment unsealed Monday in the shooting of four "
            "people. They are members of a gang. Two live in Chicago. One lives in Gary. "
            "According to the indictment, the men opened fire on a family on Jan. 2.",
            "2015-01-02",
        ),
    ],
)
def test_days_a_death_is_pronounced_or_an_indictment_unsealed_are_aftermath(nlp, text, best):
    doc = nlp(text)
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date.fromisoformat(best)


def test_equal_scores_go_to_a_day_and_then_to_the_earlier_day(nlp, monkeypatch):
    doc = nlp("A man was shot.")
    week = DateMention(0, 9, "last week", dt.date(2015, 1, 5), dt.date(2015, 1, 11), "week")
    sunday, friday = (
        DateMention(10, 16, name, day, day, "day", day)
        for name, day in (("Sunday", dt.date(2015, 1, 18)), ("Friday", dt.date(2015, 1, 16)))
    )
    scores = [(week, 5.0), (sunday, 5.0), (friday, 5.0)]
    monkeypatch.setattr(dates_module, "score_mentions", lambda *_: scores)
    assert pick_event_date([week, sunday, friday], doc, PUB) is friday
    scores[2] = (friday, 4.0)
    assert pick_event_date([week, sunday, friday], doc, PUB) is sunday


@pytest.mark.parametrize("text", ["the previous day", "my last day"])
def test_a_single_previous_day_is_no_recent_period(text):
    assert normalise(text, PUB) is None


def test_the_current_year_alone_dates_nothing(nlp):
    doc = nlp("Police said there has been a spike in homicides this year.")
    assert pick_event_date(extract_dates(doc, PUB), doc, PUB) is None
    doc = nlp("A man was shot on Elm Street in 2014.")
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.precision == "year"


def test_possessive_weekday_through_a_hyphenated_modifier_names_the_incident(nlp):
    doc = nlp(
        "Las Vegas police started a press conference Tuesday on Friday's officer-involved "
        "shooting by apologizing to the bystanders who were hit."
    )
    scores = {m.text: s for m, s in score_mentions(extract_dates(doc, PUB), doc, PUB)}
    assert scores["Friday"] > scores["Tuesday"]  # not a tie that the earlier day wins


def test_dated_incident_in_an_arrest_sentence_is_the_incident_day(nlp):
    doc = nlp(
        "A homeless man was ordered held on $250,000 bond Monday for his part in an exchange "
        "of gunfire in which a girl was shot in the leg. "
        "He appeared in court on charges of aggravated discharge of a firearm in connection "
        "with the Jan. 6 incident on Arago Street."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 6)


def test_bare_weekday_follows_the_day_the_text_names_with_it(nlp):
    pub = dt.date(2016, 6, 1)  # a Wednesday, nine days after the shooting
    doc = nlp(
        "Police say a girl was shot in a drive-by shooting in Shelby Monday night. "
        "Police said it happened around 11 p.m. Monday, May 23 at a home on Toms Street."
    )
    dates = extract_dates(doc, pub)
    assert {m.best for m in dates if m.text.startswith("Monday")} == {dt.date(2016, 5, 23)}
    doc = nlp("A man was shot Monday night. A vigil was held on Tuesday, May 3.")
    assert {m.best for m in extract_dates(doc, pub)} == {dt.date(2016, 5, 30), dt.date(2016, 5, 3)}


def test_bare_weekday_of_the_day_after_publication_is_weak_evidence(nlp):
    # PUB is a Tuesday: "Wednesday" resolves to six days back, but is as often tomorrow.
    doc = nlp(
        "Detectives were at the house on Wednesday after a boy was shot. "
        "Neighbors said they heard shots late Sunday night."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 18)


def test_the_day_the_headline_names_wins_a_close_call(nlp):
    doc = nlp(
        "Police were called to a home on Elm Street at 11:50 p.m. Sunday. "
        "A girl was shot while she slept early Monday, police said."
    )
    dates = extract_dates(doc, PUB)
    assert pick_event_date(dates, doc, PUB).text == "Sunday"
    headline = "Girl shot early Monday while sleeping - KXYZ News"
    assert pick_event_date(dates, doc, PUB, headline).text == "early Monday"
    assert event_date(dates, doc, PUB, headline).text == "early Monday"
    # A calendar date in a headline is the report's, not the incident's.
    assert pick_event_date(dates, doc, PUB, "Patrol Report 01/19/2015").text == "Sunday"


def test_a_victim_fighting_for_his_life_is_a_condition_not_the_incident(nlp):
    doc = nlp(
        "A boy was fighting for his life Monday at a hospital. "
        "Police said the boy was found Saturday at about 5:45 p.m. outside a townhome."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


def test_month_day_without_year_takes_the_year_the_text_gives_it(nlp):
    pub = dt.date(2014, 6, 13)
    doc = nlp(
        "Two teens were shot and killed at a park on Mar. 13. Charges were dismissed on "
        "Thursday. The two were gunned down in the park on March 13, 2013."
    )
    assert {m.best for m in extract_dates(doc, pub) if "13" in m.text} == {dt.date(2013, 3, 13)}
    # A month-day of the last weeks is this year's, whatever happened on it years ago.
    doc = nlp("A man was shot on June 13. He had been convicted on June 13, 2003.")
    days = {m.text: m.best for m in extract_dates(doc, dt.date(2016, 6, 20))}
    assert days["June 13"] == dt.date(2016, 6, 13)


def test_dated_shooting_death_names_the_incident(nlp):
    pub = dt.date(2016, 3, 8)
    doc = nlp(
        "The officer was released from jail on Wednesday. Both officers were indicted in "
        "December in the Nov. 3 shooting death of a 6-year-old boy."
    )
    picked = pick_event_date(extract_dates(doc, pub), doc, pub)
    assert picked is not None and picked.best == dt.date(2015, 11, 3)


def test_headline_day_of_what_followed_gets_no_bonus(nlp):
    doc = nlp(
        "A man was released from jail Monday. He was charged in a shooting at 10 p.m. "
        "Saturday on Elm Street."
    )
    dates = extract_dates(doc, PUB)
    picked = pick_event_date(dates, doc, PUB, "Man released from jail Monday")
    assert picked is not None and picked.best == dt.date(2015, 1, 17)
    # The day of the shooting an arrest is for still counts.
    monday = dt.date(2015, 1, 19)
    assert dates_module._headline_days("Man arrested in Monday shooting", doc, PUB) == {monday}
    assert dates_module._headline_days("Victim dies Monday", doc, PUB) == set()


def test_birth_dates_and_aftermath_before_the_shooting_keep_their_meaning(nlp):
    pub = dt.date(2024, 6, 1)
    doc = nlp("Jon Doe was killed on Mar. 13 outside his home. Doe was born March 13, 1990.")
    assert {m.best for m in extract_dates(doc, pub) if m.text == "Mar. 13"} == {
        dt.date(2024, 3, 13)
    }
    sunday = dt.date(2015, 1, 18)
    assert dates_module._headline_days("Man dies after being shot Sunday", doc, PUB) == {sunday}


def test_weeks_ago_names_a_day_and_yields_to_a_date_inside_it(nlp):
    got = normalise("two weeks ago", PUB)
    assert got is not None and got[2] == "week" and got[3] == dt.date(2015, 1, 6)
    assert (got[0], got[1]) == (dt.date(2015, 1, 3), dt.date(2015, 1, 9))
    doc = nlp("A woman who was shot two weeks ago outside her apartment has died, police said.")
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 6)
    # A day the text names inside the rounded span is the exact one.
    doc = nlp(
        "A woman was shot two weeks ago outside her apartment. Detectives said the shots "
        "were fired on Jan. 7 after an argument."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 7)
    # "More than a week ago" names no day.
    assert normalise("more than a week ago", PUB)[3] is None


def test_a_holiday_weekend_is_no_day(nlp):
    assert normalise("Memorial Day holiday weekend", dt.date(2015, 5, 28)) is None
    doc = nlp("Eleven people were shot over the Fourth of July holiday weekend, police said.")
    assert all(m.precision != "day" for m in extract_dates(doc, dt.date(2015, 7, 8)))


def test_weak_day_inside_a_vague_incident_date_pins_it_down(nlp):
    doc = nlp(
        "Prosecutors say the man shot and killed three people in a farmhouse last month. "
        "He pleaded not guilty in court to charges filed after the Dec. 12 deaths."
    )
    dates = extract_dates(doc, PUB)
    weak = [s for m, s in score_mentions(dates, doc, PUB) if m.best == dt.date(2014, 12, 12)]
    assert weak and max(weak) < dates_module.MIN_EVENT_SCORE
    picked = pick_event_date(dates, doc, PUB)
    assert picked is not None and picked.best == dt.date(2014, 12, 12)
    # A court day or a funeral inside the vague range is what came after: it pins nothing.
    doc = nlp(
        "A man accused of fatally stabbing his neighbor last month was ordered held without "
        "bail.\n\nHe appeared in District Court on Dec. 29 and pleaded not guilty."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best != dt.date(2014, 12, 29)


def test_day_of_a_tribute_is_not_the_incident_day(nlp):
    doc = nlp(
        "Classmates wore camouflage to school Tuesday in his honor after a 14-year-old boy was "
        "shot and killed. Deputies said the boy was hunting with his father Sunday."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 18)


def test_day_in_a_bracketed_link_to_another_story_is_no_candidate(nlp):
    doc = nlp(
        "Two men were wounded outside a bowling alley early Monday, police said.\n\n"
        "[RELATED: Woman shot dead on Route 9 Sunday night]\n\n"
        "Officers found both men in the parking lot."
    )
    dates = extract_dates(doc, PUB)
    assert all(m.best != dt.date(2015, 1, 18) for m, _ in score_mentions(dates, doc, PUB))
    picked = pick_event_date(dates, doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 19)
    # A note on this story in brackets is this story's.
    doc = nlp(
        "A man was found shot in a parked car, police said Monday.\n\n"
        "[UPDATE: Police now say the man was shot late Saturday night.]"
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


def test_a_celebration_held_to_honor_someone_is_no_tribute_after_the_fact(nlp):
    doc = nlp(
        "Gunfire erupted at a backyard party held to honor a graduating senior on Saturday, "
        "leaving two teens wounded.\n\nOn Monday, police said the shots were fired from a "
        "passing car."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 17)


def test_plural_incident_noun_dates_the_incident(nlp):
    doc = nlp(
        "The bodies of two brothers were found in their store on Jan. 11. A man was arrested "
        "Monday in the Jan. 9 murders, police said."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 9)
    # The plural counts like the singular; a plural of people who did it is no incident.
    scores = {}
    for noun in ("murders", "murder", "shooters"):
        doc = nlp(f"A man was arrested Monday, and police named the Jan. 9 {noun}.")
        dates = extract_dates(doc, PUB)
        scores[noun] = max(s for m, s in score_mentions(dates, doc, PUB) if m.text == "Jan. 9")
    assert scores["murders"] == scores["murder"] > scores["shooters"]


def test_since_opening_a_clause_counts_from_the_incident(nlp):
    doc = nlp(
        "Since a toddler was killed by a stray bullet on Jan. 8, detectives have interviewed "
        "dozens of neighbors. They believe it was revenge for a Dec. 28 brawl in which shots "
        "were fired."
    )
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 8)
    # "since" before a date marks a later state ("in a coma since Jan. 8"), and a since-clause
    # of an arrest is still what came after.
    for text in (
        "A clerk was shot and wounded during a robbery on Dec. 28. The suspect has been jailed "
        "since he was arrested on Jan. 8.",
        "A clerk was shot and wounded during a robbery on Dec. 28. His brother has been in a "
        "coma since Jan. 8.",
        "A clerk was shot and wounded during a robbery on Dec. 28. Patrols have been stepped "
        "up since the unrest erupted on Jan. 8.",
    ):
        doc = nlp(text)
        picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
        assert picked is not None and picked.best == dt.date(2014, 12, 28)


def test_days_after_an_incident_count_back_from_the_later_day(nlp):
    doc = nlp("A teenager died Thursday, three days after he was shot outside a corner store.")
    picked = pick_event_date(extract_dates(doc, PUB), doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 12)
    # After something other than the incident, or an inexact count, no day is derived.
    for text in (
        "A man was arrested Monday, two days after police searched his home.",
        "A man was arrested Monday, nearly a week after the shooting.",
        "A man was arrested Monday, less than a week after the shooting.",
        # The clause opens on another event, or the later day is a second incident's.
        "A man was arrested Monday, two days after the funeral of his brother, who was shot.",
        "A man was shot Monday, three days after his brother was killed.",
    ):
        doc = nlp(text)
        assert [m.best for m in extract_dates(doc, PUB)] == [dt.date(2015, 1, 19)]
    assert normalise("less than a week ago", PUB)[3] is None


def test_a_day_set_before_the_incident_is_no_candidate(nlp):
    doc = nlp(
        "A friend last spoke to the victim on Jan. 2, less than two weeks before she and her "
        "son were shot dead in their home. Police said they were killed on Jan. 14."
    )
    dates = extract_dates(doc, PUB)
    assert [m.text for m, _ in score_mentions(dates, doc, PUB)] == ["Jan. 14"]
    picked = pick_event_date(dates, doc, PUB)
    assert picked is not None and picked.best == dt.date(2015, 1, 14)
    # Before something other than the incident, or with no span of days, the day stays.
    for text in (
        "A man was shot on Jan. 2, two days before his trial was due to start.",
        "The suspects stole a car on Jan. 2, before the shooting.",
        # The day of an incident itself, before another.
        "A man was shot on Jan. 2, a day before his brother was killed.",
    ):
        doc = nlp(text)
        assert [m.text for m, _ in score_mentions(extract_dates(doc, PUB), doc, PUB)] == ["Jan. 2"]


def test_a_month_name_as_a_subject_is_a_person(nlp):
    doc = nlp("August and Arie are the only two people who know what happened that night.")
    assert extract_dates(doc, PUB) == []
    # A month with a determiner or a preposition is still a date.
    doc = nlp("The August shooting death of his daughter resulted from reckless conduct.")
    assert [m.text for m in extract_dates(doc, PUB)] == ["August"]
    doc = nlp("In August the victim moved to Dayton.")
    assert [m.text for m in extract_dates(doc, PUB)] == ["August"]
