"""Clustering and source groups on hand-built articles and analyses (no spaCy)."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random

import wirecheck.cluster.index as index_module
from wirecheck.cluster import EventIndex, Signature, signature, source_groups
from wirecheck.cluster.index import (
    NAME_WEIGHT,
    Move,
    Refinement,
    _cosine,
    _cosine_without,
    _Event,
    _norm,
    _Packed,
)
from wirecheck.models import Analysis, Article, DateMention, Entity, Place, PlaceMention

SHOOTING = (
    "Police said a man was shot on {street} on {day} night and taken to hospital. Officers "
    "found shell casings near the corner store and are looking for a dark sedan seen leaving "
    "the block. Neighbours said they heard several shots. Anyone with information is asked "
    "to call the department."
)


def make(
    aid,
    text,
    day,
    city="Dayton",
    admin1="Ohio",
    names=(),
    keywords=(),
    outlet="o.test",
    attribution=None,
):
    published = day + dt.timedelta(days=1)
    article = Article(
        text=text,
        origin=aid,
        id=aid,
        content_hash=aid,
        outlet=outlet,
        published=published,
        attribution=attribution,
    )
    analysis = Analysis(
        article_id=aid,
        entities=[Entity(0, len(n), n, "PERSON") for n in names],
        event_date=DateMention(0, 1, "x", day, day, "day", day),
        event_place=PlaceMention(
            0, 1, city, Place(city, city=city, admin1=admin1, country="US", precision="city")
        ),
        keywords=list(keywords),
    )
    return article, analysis


def assign_all(pairs):
    index, events = EventIndex(), {}
    for article, analysis in pairs:
        sig = signature(article, analysis)
        event_id = index.assign(sig) or f"ev-{article.id}"
        index.add(event_id, sig)
        events[article.id] = event_id
    return events


def test_differently_worded_reports_of_one_event_join():
    day = dt.date(2024, 5, 4)
    a = make(
        "a",
        SHOOTING.format(street="Salem Avenue", day="Saturday"),
        day,
        names=["Marcus Reed", "Maria Collins"],
        keywords=["shoot", "salem", "avenue", "man"],
    )
    b = make(
        "b",
        "Marcus Reed, 34, died after gunfire on Salem Avenue late Saturday, Lt. Maria "
        "Collins said. Two other men were hurt.",
        day,
        names=["Marcus Reed", "Maria Collins"],
        keywords=["salem", "avenue", "gunfire", "die"],
    )
    events = assign_all([a, b])
    assert events["a"] == events["b"]


def test_look_alike_events_a_week_apart_stay_separate():
    first = make(
        "a",
        SHOOTING.format(street="Salem Avenue", day="Saturday"),
        dt.date(2024, 5, 4),
        keywords=["shoot", "man", "police"],
    )
    later = make(
        "b",
        SHOOTING.format(street="Wayne Avenue", day="Monday"),
        dt.date(2024, 5, 13),
        keywords=["shoot", "man", "police"],
    )
    events = assign_all([first, later])
    assert events["a"] != events["b"]


def test_same_day_different_cities_stay_separate():
    day = dt.date(2024, 5, 4)
    a = make(
        "a",
        SHOOTING.format(street="Main Street", day="Saturday"),
        day,
        city="Dayton",
        keywords=["shoot", "man"],
    )
    b = make(
        "b",
        SHOOTING.format(street="Main Street", day="Saturday") + " More details.",
        day,
        city="Toledo",
        keywords=["shoot", "man"],
    )
    # Near-identical wording is still joined (a copy); different wording in another city is not.
    c = make(
        "c",
        "A woman was wounded in a shooting on Oak Street on Saturday, police said.",
        day,
        city="Toledo",
        keywords=["shoot", "woman"],
    )
    events = assign_all([a, c])
    assert events["a"] != events["c"]
    assert assign_all([a, b])["b"] == "ev-a"


def test_signature_round_trips():
    article, analysis = make("a", "Some text here about a fire.", dt.date(2024, 1, 1))
    sig = signature(article, analysis)
    assert Signature.from_dict(sig.to_dict()) == sig
    assert sig.city == "Dayton" and len(sig.minhash) == 64


def test_source_groups_join_copies_and_wire_credits():
    wire = (
        "GAO, Mali (MPA) - Militants ambushed an army convoy north of Gao late on Monday, "
        "killing three soldiers, the army said. The convoy was carrying fuel and supplies "
        "to a base near the town when it was hit by rocket-propelled grenades."
    )
    copy = wire.replace(" The convoy was carrying", " Officials said the convoy was carrying")
    own = (
        "Five soldiers died when gunmen attacked a convoy near Gao, an army spokeswoman "
        "said, adding that a helicopter was searching the area."
    )
    articles = [
        Article(text=wire, origin="1", id="w1", attribution="MPA"),
        Article(text=own, origin="2", id="n1"),
        Article(text=copy, origin="3", id="w2", attribution="MPA"),
    ]
    groups = source_groups(articles)
    assert groups == {"w1": "w1", "n1": "n1", "w2": "w1"}


def test_keywords_come_from_the_text_when_the_analysis_has_none():
    article, analysis = make(
        "a", "Gunmen stormed the market. The gunmen fled; shootings continue.", dt.date(2024, 1, 1)
    )
    sig = signature(article, analysis)
    assert "gunmen" in sig.keywords and "shooting" in sig.keywords and "the" not in sig.keywords


def test_boilerplate_is_not_hashed():
    body = SHOOTING.format(street="Main Street", day="Friday")
    junk = "\nSubscribe now! Sign up for our newsletter and get breaking news alerts daily."
    plain = Article(text=body, origin="1", id="x")
    padded = Article(text=body + junk * 5, origin="2", id="y")
    padded.boilerplate = [(len(body), len(padded.text))]
    analysis = Analysis(article_id="x")
    assert signature(plain, analysis).minhash == signature(padded, analysis).minhash


def test_syndicated_copies_under_other_outlets_are_one_source():
    story = SHOOTING.format(street="Salem Avenue", day="Saturday") + (
        " The victim, 34, was in stable condition on Sunday, a hospital spokeswoman said, and "
        "detectives were reviewing video from a nearby gas station."
    )
    first = Article(text=story, origin="1", id="s1", outlet="a.test", published=dt.date(2024, 5, 5))
    cut = story.rsplit(" The victim", 1)[0]  # a copy cut short, under another outlet
    second = Article(
        text="Dayton (WDTN) — " + cut,
        origin="2",
        id="s2",
        outlet="b.test",
        published=dt.date(2024, 5, 5),
    )
    other = Article(
        text="Marcus Reed, 34, died after gunfire on Salem Avenue late Saturday.",
        origin="3",
        id="s3",
        outlet="c.test",
        published=dt.date(2024, 5, 5),
    )
    # Given in another order, the group is still named after the earliest article.
    earlier = Article(
        text=story, origin="0", id="s0", outlet="d.test", published=dt.date(2024, 5, 4)
    )
    assert source_groups([first, second, other]) == {"s1": "s1", "s2": "s1", "s3": "s3"}
    assert source_groups([second, first, earlier])["s1"] == "s0"


def test_one_outlets_reports_are_one_source():
    first = "Two men were shot outside a bar on Main Street late Friday, police said."
    update = "A second victim of Friday's Main Street shooting has died, the coroner said."
    wire_a = "Militants attacked a convoy near Gao on Monday, the army said. (AP)"
    wire_b = "An army convoy was ambushed north of Gao, officials said. (Reuters)"
    articles = [
        Article(text=first, origin="1", id="a1", outlet="www.Daily.test"),
        Article(text=update, origin="2", id="a2", outlet="daily.test"),
        Article(text=update, origin="3", id="b1", outlet="other.test"),
        Article(text=update.upper(), origin="4", id="n0", outlet=""),  # a copy: joins
        Article(text="Fire crews saved a barn.", origin="4", id="n1"),  # no outlet
        Article(text=wire_a, origin="5", id="g1", outlet="portal.test", attribution="AP"),
        Article(text=wire_b, origin="6", id="g2", outlet="portal.test", attribution="Reuters"),
    ]
    groups = source_groups(articles)
    # A first report and its update from one newsroom are one source, and so is another
    # outlet's copy of the update; an aggregator's stories from two agencies are two.
    assert groups["a1"] == groups["a2"] == groups["b1"] == groups["n0"] == "a1"
    assert groups["n1"] == "n1"
    assert groups["g1"] == "g1" and groups["g2"] == "g2"


def test_a_late_article_that_matches_two_events_merges_them():
    day = dt.date(2024, 5, 4)
    # Two reports with no words or names in common: two events at first.
    first = make("a", "Gunfire on Salem Avenue left Marcus Reed dead.", day, names=["Marcus Reed"])
    second = make("b", "Devon Price was arrested downtown.", day, names=["Devon Price"])
    # A later report names both: they were one incident.
    bridge = make(
        "c",
        "Devon Price was arrested after gunfire on Salem Avenue left Marcus Reed dead.",
        day,
        names=["Marcus Reed", "Devon Price"],
    )
    index = EventIndex(merge_threshold=0.2)
    for article, analysis in (first, second):
        sig = signature(article, analysis)
        assert index.place(sig).event is None
        index.add(f"ev-{article.id}", sig)
    sig = signature(*bridge)
    placement = index.place(sig)
    assert placement.event in {"ev-a", "ev-b"} and len(placement.merge) == 1
    (absorbed,) = placement.merge
    index.merge(placement.event, absorbed)
    index.add(placement.event, sig)
    assert len(index) == 1 and set(index.article_event.values()) == {placement.event}
    # The merged event is found by either article's names afterwards.
    later = make("d", "Marcus Reed's family spoke.", day, names=["Marcus Reed"])
    assert index.candidates(signature(*later)) == {placement.event}


def test_events_far_apart_in_time_are_not_merged():
    first = make("a", "Gunfire on Salem Avenue.", dt.date(2024, 5, 4), names=["Marcus Reed"])
    second = make("b", "Gunfire on Salem Avenue.", dt.date(2024, 6, 20), names=["Devon Price"])
    index = EventIndex(merge_threshold=0.0)
    for article, analysis in (first, second):
        index.add(f"ev-{article.id}", signature(article, analysis))
    bridge = make(
        "c", "Gunfire on Salem Avenue.", dt.date(2024, 5, 4), names=["Marcus Reed", "Devon Price"]
    )
    assert index.place(signature(*bridge)).merge == ()


def test_a_year_named_in_passing_neither_blocks_nor_separates():
    # "in 2019" is background: the report is still found by its names and joins the event.
    day = dt.date(2024, 5, 4)
    names = ["Marcus Reed", "Maria Collins"]
    words = ["salem", "avenue", "gunfire", "shoot"]
    a = make(
        "a",
        SHOOTING.format(street="Salem Avenue", day="Saturday"),
        day,
        names=names,
        keywords=words,
    )
    b = make(
        "b",
        "Marcus Reed, who moved to Dayton in 2019, died in gunfire on Salem Avenue.",
        day,
        names=names,
        keywords=words,
    )
    year = DateMention(0, 1, "2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year", None)
    b[1].event_date = year
    sig = signature(*b)
    assert not sig.dated and sig.day == day + dt.timedelta(days=1)  # publication
    assert assign_all([a, b])["b"] == "ev-a"


def test_keywords_weigh_less_as_their_rank_falls_names_weigh_one():
    article, analysis = make(
        "a", "text", dt.date(2024, 1, 1), names=["Ann Lowe"], keywords=["fire", "crew", "road"]
    )
    weights = signature(article, analysis).terms()
    assert weights["n:ann lowe"] == 1.0
    assert weights["k:fire"] > weights["k:crew"] > weights["k:road"] > 0


def test_states_alone_that_differ_weigh_less_than_cities_in_different_states():
    day = dt.date(2024, 5, 4)
    words = ["senate", "vote", "bill", "budget", "tax", "governor", "veto", "session"]
    a = make(
        "a", "The senate passed the budget bill.", day, city=None, admin1="Ohio", keywords=words[:6]
    )
    b = make(
        "b", "Lawmakers passed the budget bill.", day, city=None, admin1="Iowa", keywords=words[2:]
    )
    index = EventIndex()
    index.add("ev-a", signature(*a))
    states_only = index.score(signature(*b), "ev-a")
    c = make(
        "c",
        "Lawmakers passed the budget bill.",
        day,
        city="Des Moines",
        admin1="Iowa",
        keywords=words[2:],
    )
    assert states_only > index.score(signature(*c), "ev-a") > 0


def test_an_article_that_fits_two_alike_events_merges_them():
    # Reports of one event that arrived as two events (input order): an article fitting both
    # joins them, even with no article-to-event score above the merge threshold.
    day = dt.date(2024, 5, 4)
    words = ["shoot", "salem", "avenue", "casing", "sedan", "corner"]
    a = make("a", "First report of the shooting.", day, names=["Marcus Reed"], keywords=words)
    b = make("b", "Second report of the shooting.", day, names=["Marcus Reed"], keywords=words)
    c = make("c", "Third report.", day, names=["Marcus Reed"], keywords=words[:3])
    index = EventIndex(merge_threshold=1.1)  # article scores never merge on their own
    index.add("ev-a", signature(*a))
    index.add("ev-b", signature(*b))
    placement = index.place(signature(*c))
    assert {placement.event, *placement.merge} == {"ev-a", "ev-b"}


def test_a_lone_report_joins_when_a_later_article_makes_its_event_fit():
    # A report in another suburb fits neither of the next two reports well enough on its own,
    # but fits the event they make together: arrival order must not leave it alone.
    day = dt.date(2024, 5, 4)
    words = ["gunfire", "salem", "avenue", "casing", "porch", "sedan"]
    arrest = ["arrest", "suspect", "charge"]
    a = make("a", "First report.", day, city="Kettering", names=["Marcus Reed"], keywords=words)
    b = make("b", "The arrest.", day, names=["Marcus Reed"], keywords=words[:3] + arrest)
    c = make("c", "A full account.", day, names=["Marcus Reed"], keywords=arrest + words[3:])
    index = EventIndex(threshold=0.72, merge_threshold=1.1)  # b: 0.71, c: 0.67 against a
    for article, analysis in (a, b, c):
        sig = signature(article, analysis)
        placement = index.place(sig)
        event_id = placement.event or f"ev-{article.id}"
        for other in placement.merge:
            index.merge(event_id, other)
        index.add(event_id, sig)
        if article.id == "b":
            assert placement.event is None  # b alone does not fit a
    assert len(index) == 1


def test_events_that_would_span_more_than_the_merge_window_stay_apart():
    # Merging step by step must not chain a story's follow-ups into a months-long "event".
    start, names = dt.date(2024, 5, 1), ["Marcus Reed"]
    index = EventIndex(merge_threshold=0.0)
    for aid, days in (("a", 0), ("b", 40)):
        article = make(
            aid, "Gunfire on Salem Avenue.", start + dt.timedelta(days=days), names=names
        )
        index.add("ev-a", signature(*article))
    index.add(
        "ev-c",
        signature(*make("c", "Gunfire on Salem Ave.", start + dt.timedelta(days=46), names=names)),
    )
    bridge = make("d", "Gunfire on Salem Avenue again.", start + dt.timedelta(days=43), names=names)
    placement = index.place(signature(*bridge))
    assert placement.event in {"ev-a", "ev-c"} and placement.merge == ()


def test_an_event_does_not_grow_past_the_bound_one_report_at_a_time():
    # Follow-ups each a few days after the last must not chain into a months-long "event",
    # neither as they come in nor when ``refine`` places them again.
    start, names, words = dt.date(2024, 5, 1), ["Marcus Reed"], ["salem", "avenue", "gunfire"]
    sigs = {
        f"r{n:02d}": signature(
            *make(
                f"r{n:02d}",
                "Gunfire on Salem Avenue.",
                start + dt.timedelta(days=5 * n),
                names=names,
                keywords=words,
            )
        )
        for n in range(16)
    }
    index = EventIndex()
    for aid, sig in sigs.items():
        index.add(index.assign(sig) or f"ev-{aid}", sig)
    for step in ("placed", "refined"):
        assert len(index.events) > 1, step
        for event in index.events.values():
            assert index_module._extent(event, event) <= index_module.MAX_EVENT_DAYS, step
        index.refine(set(index.events), sigs.__getitem__, _split_id)


def test_a_report_dated_only_by_its_month_can_join_an_event_of_weeks():
    # "in May" does not make the event span May: the report joins an event whose reports
    # run from late May to the end of June.
    names, words = ["Marcus Reed"], ["salem", "avenue", "gunfire"]
    index = EventIndex()
    for aid, day in (("a", dt.date(2024, 5, 20)), ("b", dt.date(2024, 6, 30))):
        report = make(aid, "Gunfire on Salem Avenue.", day, names=names, keywords=words)
        index.add("ev-a", signature(*report))
    vague = make("m", "Gunfire on Salem Avenue.", dt.date(2024, 7, 2), names=names, keywords=words)
    month = DateMention(0, 1, "May", dt.date(2024, 5, 1), dt.date(2024, 5, 31), "month", None)
    vague[1].event_date = month
    sig = signature(*vague)
    assert sig.dated and sig.span == (month.range_start, month.range_end)
    assert index.place(sig).event == "ev-a"


def _index_of(sigs, members):
    """An index holding the given (article, event) memberships, added in that order."""
    index = EventIndex()
    for aid, event_id in members:
        index.add(event_id, sigs[aid])
    return index


def _split_id(article_id):
    return f"ev-split-{article_id}"


def _two_events_and_a_misplaced_report():
    """ev-b holds a report of event A that came before any other report of A."""
    day = dt.date(2024, 5, 4)
    a_words, b_words = ["salem", "avenue", "porch", "casing"], ["warehouse", "fire", "smoke"]
    early = make("p", "Gunfire on Salem Avenue.", day, names=["Marcus Reed"], keywords=a_words)
    b1 = make("b1", "A warehouse fire.", day, names=["Dana Cole"], keywords=b_words)
    b2 = make("b2", "The fire again.", day, names=["Dana Cole"], keywords=b_words)
    a1 = make("a1", "Shots on Salem Avenue.", day, names=["Marcus Reed"], keywords=a_words)
    a2 = make("a2", "Salem Avenue shooting.", day, names=["Marcus Reed"], keywords=a_words[1:])
    sigs = {
        aid: signature(*pair)
        for aid, pair in zip(("p", "b1", "b2", "a1", "a2"), (early, b1, b2, a1, a2), strict=True)
    }
    members = [("b1", "ev-b"), ("b2", "ev-b"), ("p", "ev-b"), ("a1", "ev-a"), ("a2", "ev-a")]
    return _index_of(sigs, members), sigs


def test_refine_moves_an_early_report_to_the_event_it_fits_better():
    index, sigs = _two_events_and_a_misplaced_report()
    moves = index.refine(["ev-b"], sigs.__getitem__, _split_id).moves
    assert moves == [Move("p", "ev-b", "ev-a")]
    assert index.article_event["p"] == "ev-a"
    assert sorted(index.events["ev-b"].articles) == ["b1", "b2"]
    assert not index.refine(["ev-a", "ev-b"], sigs.__getitem__, _split_id)  # settled


def test_refine_parts_an_event_built_of_two_stories():
    sigs = _shooting_and_fire_reports()
    # Named like the other shooting reports: a report sharing no name and no text with an
    # event is never offered it (``candidates``), so it would stand alone.
    s3 = make("s3", "Shots on Salem Avenue.", dt.date(2024, 5, 4), names=["Marcus Reed"])
    sigs["s3"] = signature(*s3)
    index = _one_event(sigs, ("s1", "f1", "s2", "f2", "s3"))
    refinement = index.refine(["ev-x"], sigs.__getitem__, _split_id)
    # The rebuilt event sharing most articles with the old one keeps its id; the other is
    # new, named after its first report, and counts as split off.
    assert refinement == Refinement(
        [Move(a, "ev-x", "ev-split-f1", split=True) for a in ("f1", "f2")]
    )
    assert sorted(index.events["ev-x"].articles) == ["s1", "s2", "s3"]
    assert not index.refine(["ev-x", "ev-split-f1"], sigs.__getitem__, _split_id)  # settled


def test_refine_records_an_event_it_empties_as_merged():
    index, sigs = _two_events_and_a_misplaced_report()
    index.move(sigs["a2"], "ev-c")  # a report of A alone in an event of its own
    refinement = index.refine(["ev-c"], sigs.__getitem__, _split_id)
    assert refinement.merged == [("ev-a", "ev-c")]
    assert {m.article: m.target for m in refinement.moves} == {"a2": "ev-a", "p": "ev-a"}
    assert "ev-c" not in index.events
    assert sorted(index.events["ev-a"].articles) == ["a1", "a2", "p"]


def test_refine_ends_in_the_same_events_whatever_order_the_reports_came_in():
    index, sigs = _two_events_and_a_misplaced_report()
    partitions = set()
    for order in (("p", "b1", "b2", "a1", "a2"), ("a2", "b2", "a1", "p", "b1")):
        index = EventIndex()
        for aid in order:
            placement = index.place(sigs[aid])
            event_id = placement.event or f"ev-{aid}"
            for other in placement.merge:
                index.merge(event_id, other)
            index.add(event_id, sigs[aid])
        index.refine(set(index.events), sigs.__getitem__, _split_id)
        partitions.add(frozenset(frozenset(e.articles) for e in index.events.values()))
    assert partitions == {frozenset({frozenset({"p", "a1", "a2"}), frozenset({"b1", "b2"})})}


def test_re_placing_moves_a_lone_report_to_an_event_it_fits():
    index, sigs = _two_events_and_a_misplaced_report()
    index.move(sigs["a2"], "ev-c")
    # Placed first, a report is alone; by the end of the pass it has an event to join.
    assert index._replace({"ev-c"}, sigs.__getitem__) == [Move("a2", "ev-c", "ev-a")]
    assert "ev-c" not in index.events


def _random_stream(seed, n=60):
    """Look-alike reports: names, words, towns and days drawn from small pools, so events
    overlap, chain and pull articles out of one another."""
    rng = random.Random(seed)
    names = ["Marcus Reed", "Dana Cole", "Ava Hart", "Luis Ortiz", "Kim Park", "Omar Said"]
    words = ["porch", "casing", "sedan", "fire", "smoke", "vigil", "school", "bus", "river"]
    pairs = []
    for i in range(n):
        day = dt.date(2024, 5, 1) + dt.timedelta(days=rng.randrange(12))
        pairs.append(
            make(
                f"r{i:02d}",
                f"Report {i}.",
                day,
                city=rng.choice(["Dayton", "Kettering"]),
                names=rng.sample(names, rng.randint(1, 2)),
                keywords=rng.sample(words, 3),
            )
        )
    return {
        aid: signature(article, analysis)
        for aid, (article, analysis) in zip((a.id for a, _ in pairs), pairs, strict=True)
    }


def test_refine_reports_every_change_it_makes():
    for seed in range(4):
        sigs = _random_stream(seed)
        index, touched = EventIndex(), set()
        fresh = itertools.count()  # new ids are unique, as the pipeline's are
        for n, aid in enumerate(sigs, start=1):
            placement = index.place(sigs[aid])
            event_id = placement.event or f"ev-{aid}"
            for other in placement.merge:
                index.merge(event_id, other)
            index.add(event_id, sigs[aid])
            touched.add(event_id)
            if n % 5:
                continue
            before = dict(index.article_event)
            refinement = index.refine(
                touched, sigs.__getitem__, lambda _, fresh=fresh: f"ev-new-{next(fresh)}"
            )
            touched = set()
            moved = {m.article: (m.source, m.target) for m in refinement.moves}
            changed = {
                a: (old, index.article_event[a])
                for a, old in before.items()
                if index.article_event[a] != old
            }
            assert moved == changed
            gone = set(before.values()) - index.events.keys()
            assert {absorbed for _, absorbed in refinement.merged} == gone
            assert all(kept in index.events for kept, _ in refinement.merged)
            assert not any(e.startswith("\x00") for e in index.events)
            assert all(index.events[e].articles for e in index.events)


def test_refine_reports_the_moves_of_events_outside_the_neighbourhood_it_draws_in():
    """A flood story (ev-t) reaches a fire report inside a shooting event three steps out;
    re-clustering draws in ev-a, just past the neighbourhood, and merges it."""
    day = dt.date(2024, 5, 4)
    shots, fire, flood = (
        ["salem", "avenue", "porch", "casing", "shoot"],
        ["warehouse", "fire", "smoke"],
        ["flood", "river", "levee", "rain"],
    )
    pairs = {
        "a1": make("a1", "Shots on Salem Avenue.", day, names=["Marcus Reed"], keywords=shots),
        "a2": make("a2", "Salem Avenue shooting.", day, names=["Marcus Reed"], keywords=shots),
        "b1": make("b1", "Porch gunfire, police say.", day, names=["Lee Park"], keywords=shots),
        "b2": make("b2", "Gunfire on Salem Avenue.", day, names=["Marcus Reed"], keywords=shots),
        "b3": make(
            "b3", "Casings near a porch.", day, names=["Marcus Reed", "Lee Park"], keywords=shots
        ),
        "f1": make("f1", "A warehouse fire.", day, names=["Dana Cole"], keywords=fire),
        "f2": make("f2", "The fire again.", day, names=["Dana Cole"], keywords=fire),
        "t1": make("t1", "River flood warning.", day, names=["Ann Ash"], keywords=flood),
        "h1": make("h1", "The levee held.", day, names=["Ann Ash", "Bo Birch"], keywords=flood),
        "h2": make(
            "h2",
            "Rain and a fire.",
            day,
            names=["Bo Birch", "Dana Cole"],
            keywords=flood[:2] + fire,
        ),
    }
    sigs = {aid: signature(*pair) for aid, pair in pairs.items()}
    members = [("t1", "ev-t"), ("h1", "ev-h1"), ("h2", "ev-h2"), ("a1", "ev-a"), ("a2", "ev-a")]
    members += [(aid, "ev-b") for aid in ("b1", "b2", "b3", "f1", "f2")]
    index = _index_of(sigs, members)
    before = dict(index.article_event)
    refinement = index.refine(["ev-t"], sigs.__getitem__, _split_id)
    changed = {
        a: (old, index.article_event[a])
        for a, old in before.items()
        if index.article_event[a] != old
    }
    assert {m.article: (m.source, m.target) for m in refinement.moves} == changed
    assert "a1" in changed  # ev-a, outside the neighbourhood, was drawn in
    assert {absorbed for _, absorbed in refinement.merged} == set(
        before.values()
    ) - index.events.keys()


def test_a_move_leaves_the_index_as_if_built_with_the_final_events():
    index, sigs = _two_events_and_a_misplaced_report()
    index.refine(["ev-b"], sigs.__getitem__, _split_id)
    members = [("b1", "ev-b"), ("b2", "ev-b"), ("a1", "ev-a"), ("a2", "ev-a"), ("p", "ev-a")]
    fresh = _index_of(sigs, members)
    assert +index.term_events == +fresh.term_events
    for event_id in ("ev-a", "ev-b"):
        moved, built = index.events[event_id], fresh.events[event_id]
        assert moved.terms.keys() == built.terms.keys()
        assert all(abs(moved.terms[t] - built.terms[t]) < 1e-9 for t in built.terms)
        assert sorted(moved.articles) == sorted(built.articles)
        assert (moved.places, moved.killed, sorted(moved.spans)) == (
            built.places,
            built.killed,
            sorted(built.spans),
        )


def test_cosine_without_an_article_matches_the_rebuilt_rest():
    index, sigs = _two_events_and_a_misplaced_report()
    event, sig = index.events["ev-b"], sigs["p"]
    mine = index._centroid(_Event.of(sig))
    whole = index._centroid(event)
    expected = _cosine(mine, index._centroid(event.without(sig)))
    assert abs(_cosine_without(mine, whole, _norm(whole), 3) - expected) < 1e-9


def _shooting_and_fire_reports():
    """Three reports of a shooting and two of a warehouse fire, the same day and town."""
    day = dt.date(2024, 5, 4)
    shooting, fire = ["salem", "avenue", "porch", "casing"], ["warehouse", "fire", "smoke"]
    pairs = {
        "s1": make("s1", "Gunfire on Salem Avenue.", day, names=["Marcus Reed"], keywords=shooting),
        "s2": make("s2", "Salem Avenue shooting.", day, names=["Marcus Reed"], keywords=shooting),
        "s3": make("s3", "Shots on Salem Avenue.", day, keywords=shooting[:3]),
        "f1": make("f1", "A warehouse fire.", day, names=["Dana Cole"], keywords=fire),
        "f2": make("f2", "The fire again.", day, names=["Dana Cole"], keywords=fire[1:]),
    }
    return {aid: signature(*pair) for aid, pair in pairs.items()}


def _one_event(sigs, order):
    return _index_of(sigs, [(aid, "ev-x") for aid in order])


def test_refine_splits_an_event_holding_two_unlike_groups():
    sigs = _shooting_and_fire_reports()
    index = _one_event(sigs, ("s1", "f1", "s2", "f2", "s3"))
    moves = index._split("ev-x", sigs.__getitem__, _split_id)
    # The smaller group leaves, for an event named after its first report.
    assert moves == [Move(a, "ev-x", "ev-split-f1", split=True) for a in ("f1", "f2")]
    assert sorted(index.events["ev-x"].articles) == ["s1", "s2", "s3"]
    assert index.article_event["f2"] == "ev-split-f1"
    assert not index._split("ev-x", sigs.__getitem__, _split_id)  # settled


def test_which_group_a_split_moves_does_not_depend_on_arrival_order():
    sigs = _shooting_and_fire_reports()
    del sigs["s3"]  # two and two: the group without the smallest article id leaves
    for order in (("s1", "s2", "f1", "f2"), ("f2", "f1", "s2", "s1")):
        index = _one_event(sigs, order)
        moves = index._split("ev-x", sigs.__getitem__, _split_id)
        assert moves == [Move(a, "ev-x", "ev-split-s1", split=True) for a in ("s1", "s2")]


def test_refine_keeps_an_event_whose_reports_are_alike():
    sigs = _shooting_and_fire_reports()
    day, words = dt.date(2024, 5, 4), ["salem", "avenue", "porch"]
    sigs["s4"] = signature(*make("s4", "Salem Avenue gunfire.", day, keywords=words))
    index = _one_event(sigs, ("s1", "s2", "s3", "s4"))
    assert not index._split("ev-x", sigs.__getitem__, _split_id)


def test_an_article_fitting_both_halves_of_a_split_does_not_join_them_again():
    sigs = _shooting_and_fire_reports()
    index = _one_event(sigs, sigs)
    index._split("ev-x", sigs.__getitem__, _split_id)
    both = make(
        "b",
        "Gunfire on Salem Avenue and a warehouse fire.",
        dt.date(2024, 5, 4),
        names=["Marcus Reed", "Dana Cole"],
        keywords=["salem", "avenue", "warehouse", "fire"],
    )
    assert index.place(signature(*both)).merge == ()


def test_refine_splits_off_no_lone_report():
    sigs = _shooting_and_fire_reports()
    # Three shooting reports and one fire report: the fire report is for re-placing alone.
    index = _one_event(sigs, ("s1", "s2", "f1", "s3"))
    assert not index._split("ev-x", sigs.__getitem__, _split_id)
    assert len(index.events["ev-x"].articles) == 4


def test_reports_without_terms_are_not_split_off():
    sigs = _shooting_and_fire_reports()
    day = dt.date(2024, 5, 4)
    sigs |= {aid: signature(*make(aid, "It is.", day)) for aid in ("z1", "z2")}  # no terms
    index = _one_event(sigs, ("s1", "s2", "z1", "z2"))
    assert not index._split("ev-x", sigs.__getitem__, _split_id)


def _fresh_centroid(index, event):
    """An event's centroid computed from the index's counts, with no cache."""
    size = len(event.articles)
    return {
        t: (math.log((len(index.events) + 1) / (index.term_events[t] + 1)) + 1)
        * (NAME_WEIGHT if t.startswith("n:") else 1.0)
        * w
        / size
        for t, w in event.terms.items()
    }


def test_cached_weights_and_centroids_follow_every_change_to_the_index():
    sigs = _shooting_and_fire_reports()
    index = _index_of(sigs, [("s1", "ev-s"), ("f1", "ev-f")])
    changes = [
        lambda: index.add("ev-f", sigs["s2"]),  # new terms for ev-f, as many events
        lambda: index.add("ev-x", sigs["s3"]),  # one event more
        lambda: index.move(sigs["s2"], "ev-s"),
        lambda: index.merge("ev-s", "ev-x"),
        lambda: index.add("ev-f", sigs["f2"]),
    ]
    for change in changes:
        for event in index.events.values():
            index._centroid(event)  # fills the caches
        change()
        for event in index.events.values():
            assert index._centroid(event) == _fresh_centroid(index, event)


def test_an_event_without_an_article_has_the_arrays_built_without_it(monkeypatch):
    monkeypatch.setattr(index_module, "SMALL_PAIRS", 0)  # arrays for events of any size
    sigs = _shooting_and_fire_reports() | {"z": Signature("z")}  # no date, no MinHash
    event = _Event()
    for aid in ("s1", "f1", "z", "s2", "f2"):
        event.absorb(_Event.of(sigs[aid]))
    for aid in ("s1", "z", "s2", "f2"):
        rest = event.without(sigs[aid])
        derived, built = rest.packed(), _Packed.of(rest)
        assert derived.starts.tolist() == built.starts.tolist()
        assert derived.ends.tolist() == built.ends.tolist()
        assert derived.minhashes.keys() == built.minhashes.keys()
        assert all((derived.minhashes[n] == built.minhashes[n]).all() for n in built.minhashes)


def _dated_events():
    """Events of one to six articles, with date ranges up to weeks apart, MinHashes of two
    lengths (some alike, some not) and articles with neither."""
    rng = random.Random(7)
    base = [rng.randrange(1 << 32) for _ in range(64)]
    sigs = []
    for n in range(16):
        start = dt.date(2024, 5, 1) + dt.timedelta(days=4 * n)
        minhash = [v if rng.random() < n / 16 else rng.randrange(1 << 32) for v in base]
        sigs.append(
            Signature(
                f"a{n}",
                date_start=start.isoformat(),
                date_end=(start + dt.timedelta(days=3 * (n % 3))).isoformat(),
                minhash=[] if n in (6, 13) else minhash[: 32 if n % 5 == 4 else 64],
            )
        )
    sigs.append(Signature("z"))  # no date, no MinHash
    groups = [[4], [16], [0, 1], [2, 3, 12], [5, 6, 7, 8], [9, 10, 11, 13, 14, 15]]
    events = []
    for group in groups:
        event = _Event()
        for n in group:
            event.absorb(_Event.of(sigs[n]))
        events.append(event)
    return events


def test_small_events_are_compared_pair_by_pair_as_with_arrays(monkeypatch):
    events = _dated_events()
    measures = {  # gap and extent are for events with dates on both sides
        "gap": lambda a, b: index_module._gap(a, b) if a.spans and b.spans else None,
        "extent": lambda a, b: index_module._extent(a, b) if a.spans and b.spans else None,
        "copy": index_module._copy,
    }
    results = {}
    for small_pairs in (0, 100):  # arrays throughout; pair by pair throughout
        monkeypatch.setattr(index_module, "SMALL_PAIRS", small_pairs)
        results[small_pairs] = [
            (name, measure(a, b))
            for a, b in itertools.product(events, repeat=2)
            for name, measure in measures.items()
        ]
    assert results[0] == results[100]
    values = {name: {value for n, value in results[0] if n == name} for name in measures}
    # Events apart and together, near-copies and unlike texts were compared.
    assert min(values["gap"] - {None}) == 0 < max(values["gap"] - {None}) <= 40
    assert any(0 < copy < 1 for copy in values["copy"]) and 0.0 in values["copy"]
