"""Reconciliation: statuses by independent source, disputes, rounding, spelling, order."""

from __future__ import annotations

import datetime as dt
import random

from wirecheck.analyze.places import Gazetteer
from wirecheck.models import (
    Analysis,
    Article,
    Casualty,
    DateMention,
    NumberMention,
    Person,
    Place,
    PlaceMention,
    Quote,
)
from wirecheck.reconcile import Member, reconcile
from wirecheck.reconcile.normalize import american, normalise_text, similar_text

DAY = dt.date(2025, 3, 10)


def member(
    aid, group, *, quotes=(), numbers=(), killed=None, day=DAY, city="Gao", people=(), outlet=None
):
    article = Article(
        text="x" * 500,
        origin=aid,
        id=aid,
        content_hash=aid,
        outlet=outlet or f"{aid}.test",
        published=DAY + dt.timedelta(days=1),
        title=f"Headline {aid}",
    )
    analysis = Analysis(
        article_id=aid,
        quotes=[Quote(10, 10 + len(q), q, speaker) for q, speaker in quotes],
        numbers=[
            NumberMention(50, 60, text, value, counts, approx)
            for text, value, counts, approx in numbers
        ],
        killed=Casualty(70, 80, f"{killed} killed", "killed", killed, killed, killed)
        if killed is not None
        else None,
        event_date=DateMention(90, 96, "Monday", day, day, "day", day),
        event_place=PlaceMention(
            100, 103, city, Place(city, city=city, country="ML", precision="city")
        ),
        people=list(people),
    )
    return Member(article, analysis, group)


def facts(record, kind):
    return [f for f in record.facts if f.kind == kind]


def test_spelling_variants_of_a_quote_corroborate():
    record = reconcile(
        "ev",
        [
            member(
                "a",
                "a",
                quotes=[
                    ("Our units neutralised the attackers in the defence zone", "Amira Haddad")
                ],
            ),
            member(
                "b",
                "b",
                quotes=[
                    ("Our units neutralized the attackers in the defense zone", "Amira Haddad")
                ],
            ),
        ],
    )
    [quote] = facts(record, "quote")
    assert quote.status == "corroborated" and quote.support == ["a", "b"]
    assert quote.speaker == "Amira Haddad" and set(quote.spans) == {"a", "b"}


def test_copies_of_one_story_are_one_source():
    shared = [("The situation is under control", "Amira Haddad")]
    record = reconcile("ev", [member("w1", "w1", quotes=shared), member("w2", "w1", quotes=shared)])
    [quote] = facts(record, "quote")
    assert quote.status == "single_source" and quote.support == ["w1", "w2"]


def test_conflicting_death_tolls_are_disputed_and_best_is_conservative():
    record = reconcile(
        "ev", [member("a", "a", killed=3), member("b", "b", killed=5), member("c", "c", killed=3)]
    )
    [toll] = facts(record, "casualty")
    assert toll.status == "disputed" and toll.value == "killed: 3"
    assert toll.support == ["a", "c"]
    assert [(alt.value, alt.support) for alt in toll.alternatives] == [("killed: 5", ["b"])]
    assert (record.killed.low, record.killed.best, record.killed.high) == (3, 3, 5)


def test_rounding_is_not_a_dispute():
    record = reconcile(
        "ev",
        [
            member("a", "a", numbers=[("some 600 personnel", 600, "personnel", True)]),
            member("b", "b", numbers=[("600 personnel", 600, "personnel", False)]),
            member("c", "c", numbers=[("about 590 personnel", 590, "personnel", True)]),
        ],
    )
    [number] = facts(record, "number")
    assert number.status == "corroborated" and number.support == ["a", "b", "c"]


def test_different_counts_of_different_things_are_not_disputes():
    record = reconcile(
        "ev",
        [
            member("a", "a", numbers=[("3 vehicles", 3, "vehicles", False)]),
            member("b", "b", numbers=[("40 soldiers", 40, "soldiers", False)]),
        ],
    )
    assert {f.status for f in facts(record, "number")} == {"single_source"}


def test_different_days_and_places_are_disputed():
    record = reconcile(
        "ev", [member("a", "a"), member("b", "b", day=DAY + dt.timedelta(days=1), city="Timbuktu")]
    )
    assert facts(record, "date")[0].status == "disputed"
    assert facts(record, "place")[0].status == "disputed"


def test_conflicting_titles_are_disputed_and_name_variants_merge():
    record = reconcile(
        "ev",
        [
            member("a", "a", people=[Person("Jon Vance", 0, 9, title="union leader")]),
            member("b", "b", people=[Person("Jonathan Vance", 0, 14, title="party secretary")]),
        ],
    )
    [title] = facts(record, "title")
    assert title.status == "disputed" and title.speaker == "Jonathan Vance"
    assert [a.name for a in record.actors] == ["Jonathan Vance"]
    [actor] = facts(record, "actor")
    assert actor.status == "corroborated"


def test_reconcile_is_order_independent():
    members = [
        member("a", "a", killed=3, quotes=[("We hold the road", "Amira Haddad")]),
        member("b", "b", killed=5, numbers=[("40 soldiers", 40, "soldiers", False)]),
        member("c", "a", killed=3, quotes=[("We hold the road", "Amira Haddad")]),
    ]
    first = reconcile("ev", members)
    for seed in range(5):
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        assert reconcile("ev", shuffled) == first


def test_event_fields():
    record = reconcile("ev", [member("a", "a", killed=3), member("b", "b", killed=3)])
    assert record.date.best == DAY and record.date.precision == "day"
    assert record.location.city == "Gao" and record.title == "Headline a"
    assert [s.id for s in record.articles] == ["a", "b"]


def test_american_spelling_rules():
    assert american("Neutralised the centre, kilometres, colour, travelled") == (
        "neutralized the center, kilometers, color, traveled"
    )
    assert american("four hours, surprise, killed") == "four hours, surprise, killed"
    assert similar_text(
        '"We are prepared to extend [the mission] if told to"',
        "We are prepared to extend if told to",
    )


def casualty_member(aid, group, low, best, high, text):
    m = member(aid, group)
    m.analysis.killed = Casualty(70, 70 + len(text), text, "killed", low, best, high)
    return m


def test_no_casualties_against_two_killed_is_disputed_with_alternatives():
    record = reconcile(
        "ev",
        [
            casualty_member("a", "a", 0, 0, 0, "no casualties"),
            casualty_member("b", "b", 2, 2, 2, "killing the two fighters"),
        ],
    )
    [toll] = facts(record, "casualty")
    assert toll.status == "disputed"
    values = {toll.value: toll.support, **{a.value: a.support for a in toll.alternatives}}
    assert values == {"killed: 0": ["a"], "killed: 2": ["b"]}
    # The denial stays in the range; the best figure is the lowest reported toll.
    assert (record.killed.low, record.killed.best, record.killed.high) == (0, 2, 2)


def test_best_toll_is_the_figure_most_sources_report_lowest_on_an_even_split():
    # One source's early or misread figure does not outweigh two that agree.
    record = reconcile(
        "ev",
        [
            casualty_member("a", "a", 2, 2, 2, "two killed"),
            casualty_member("b", "b", 5, 5, 5, "five killed"),
            casualty_member("c", "c", 5, 5, 5, "5 dead"),
        ],
    )
    assert (record.killed.low, record.killed.best, record.killed.high) == (2, 5, 5)
    # Copies of one story are one source: an even split keeps the conservative figure.
    record = reconcile(
        "ev",
        [
            casualty_member("a", "a", 2, 2, 2, "two killed"),
            casualty_member("b", "b", 5, 5, 5, "five killed"),
            casualty_member("b2", "b", 5, 5, 5, "five killed"),
        ],
    )
    assert record.killed.best == 2


def wounded(m, n, text):
    m.analysis.injured = Casualty(85, 85 + len(text), text, "injured", n, n, n)
    return m


def test_a_source_that_counts_the_dead_and_no_wounded_reports_none_wounded():
    dead = casualty_member("a", "a", 1, 1, 1, "a man was killed")
    hurt = wounded(member("b", "b"), 1, "one person was wounded")
    record = reconcile("ev", [dead, hurt])
    # Even split between none and one wounded: the conservative figure.
    assert (record.injured.low, record.injured.best, record.injured.high) == (0, 0, 1)
    also = wounded(member("c", "c"), 1, "another was hurt")
    assert reconcile("ev", [dead, hurt, also]).injured.best == 1
    # A source that names only the wounded says nothing of deaths: it may predate one.
    assert reconcile("ev", [dead, hurt]).killed.best == 1
    # A source that names no casualties at all does not vote.
    assert reconcile("ev", [member("d", "d"), hurt]).injured.best == 1
    # Where no source names wounded, their number is unknown, not none.
    assert reconcile("ev", [dead]).injured.best is None
    # An attack's death toll alone leaves the wounded to others, and "no one was killed"
    # counts no dead.
    tolls = [casualty_member(a, a, 12, 12, 12, "12 killed") for a in "xy"]
    hurt40 = wounded(member("z", "z"), 40, "40 were wounded")
    assert reconcile("ev", [*tolls, hurt40]).injured.best == 40
    none_dead = casualty_member("n", "n", 0, 0, 0, "no one was killed")
    assert reconcile("ev", [none_dead, hurt]).injured.best == 1


def test_a_range_that_allows_the_other_figure_is_not_a_dispute():
    record = reconcile(
        "ev",
        [
            casualty_member("a", "a", 10, 10, 19, "at least 10 killed"),
            casualty_member("b", "b", 12, 12, 12, "12 killed"),
        ],
    )
    [toll] = facts(record, "casualty")
    assert toll.status == "corroborated" and toll.support == ["a", "b"]


def test_truncated_quote_and_editorial_brackets_corroborate():
    full = "We are prepared to extend the mission if we are asked to, and we will be ready"
    record = reconcile(
        "ev",
        [
            member("a", "a", quotes=[(full, "Jonathan Vance")]),
            member("b", "b", quotes=[("We are prepared to extend [the mission]", "Jon Vance")]),
        ],
    )
    [quote] = facts(record, "quote")
    assert quote.status == "corroborated" and quote.support == ["a", "b"]


def test_different_counts_of_the_same_thing_are_disputed():
    record = reconcile(
        "ev",
        [
            member(
                "a",
                "a",
                numbers=[("69 special forces members", 69, "special forces members", False)],
            ),
            member("b", "b", numbers=[("80 members", 80, "members", False)]),
        ],
    )
    [number] = facts(record, "number")
    assert number.status == "disputed" and len(number.alternatives) == 1


def test_copies_do_not_dispute_each_other_into_corroboration():
    # Two copies of one wire story and one own report: the shared figure has one source
    # group behind it, so it is single-source, and the own report's figure is a rival.
    record = reconcile(
        "ev",
        [
            casualty_member("w1", "w1", 5, 5, 5, "five killed"),
            casualty_member("w2", "w1", 5, 5, 5, "five killed"),
            casualty_member("n1", "n1", 5, 5, 5, "5 dead"),
        ],
    )
    [toll] = facts(record, "casualty")
    assert toll.status == "corroborated" and toll.support == ["n1", "w1", "w2"]
    record = reconcile(
        "ev",
        [
            casualty_member("w1", "w1", 5, 5, 5, "five killed"),
            casualty_member("w2", "w1", 5, 5, 5, "five killed"),
        ],
    )
    assert facts(record, "casualty")[0].status == "single_source"


def test_affiliations_are_facts_disputed_when_they_conflict():
    rouleau = "Michael Rouleau"
    record = reconcile(
        "ev",
        [
            member("a", "a", people=[Person(rouleau, 0, 15, affiliation="Canadian Army")]),
            member("b", "b", people=[Person(rouleau, 0, 15, affiliation="Royal Canadian Navy")]),
            member(
                "c", "c", people=[Person("Ann Lowe", 0, 8, affiliation="Amnesty International")]
            ),
            member(
                "d", "d", people=[Person("Ann Lowe", 0, 8, affiliation="Amnesty International")]
            ),
        ],
    )
    by_speaker = {f.speaker: f for f in facts(record, "affiliation")}
    assert by_speaker[rouleau].status == "disputed"
    assert by_speaker["Ann Lowe"].status == "corroborated"


def test_parties_are_facts_of_their_own_disputed_only_against_another_party():
    coons, cole = "Chris Coons", "Dana Cole"
    record = reconcile(
        "ev",
        [
            member("a", "a", people=[Person(coons, 0, 11, party="Democratic Party")]),
            member("b", "b", people=[Person(coons, 0, 11, affiliation="Senate")]),
            member("c", "c", people=[Person(coons, 0, 11, party="Democratic Party")]),
            member("d", "d", people=[Person(cole, 0, 9, party="Republican Party")]),
            member("e", "e", people=[Person(cole, 0, 9, party="Democratic Party")]),
        ],
    )
    by_speaker = {f.speaker: f for f in facts(record, "party")}
    assert by_speaker[coons].status == "corroborated"  # "Senate" is no party
    assert by_speaker[cole].status == "disputed"


def test_a_place_inferred_from_the_outlet_is_no_claim_and_yields_to_the_text():
    texted, inferred = member("a", "a", city="Gao"), member("b", "b")
    home = Place("Timbuktu", city="Timbuktu", country="ML", precision="city")
    inferred.analysis.event_place = PlaceMention(0, 0, "outlet's home", home, role="event")
    record = reconcile("ev", [texted, inferred])
    assert record.location.city == "Gao"
    assert [f.value for f in facts(record, "place")] == ["Gao, ML"]
    assert reconcile("ev", [inferred]).location.city == "Timbuktu"  # nothing better known


def _pairwise_clusters(claims):
    """The former quadratic clustering: each claim joins the first cluster with any
    `similar_text` match."""
    clusters = []
    for claim in claims:
        for cluster in clusters:
            if any(similar_text(claim.value, other.value) for other in cluster):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    return clusters


def _random_quotes(rng, n):
    """Quotes that meet every case of `similar_text`: copies, cuts mid-word, one or two
    words, no words at all, dropped and added words around the threshold, British spelling."""
    vocab = "the a of to said we will army police fire town centre organised minister".split()
    vocab += [f"w{i}" for i in range(12)]
    texts = []
    for _ in range(n):
        roll = rng.random()
        if texts and roll < 0.3:
            base = rng.choice(texts)
            i = rng.randrange(len(base) + 1)
            text = base[i : rng.randrange(i, len(base) + 1)]  # cut anywhere, mid-word too
        elif texts and roll < 0.6:
            words = rng.choice(texts).split()
            for _ in range(rng.randrange(4)):
                if words and rng.random() < 0.5:
                    words.pop(rng.randrange(len(words)))
                else:
                    words.insert(rng.randrange(len(words) + 1), rng.choice(vocab))
            text = " ".join(words)
        elif roll < 0.65:
            text = rng.choice(["", "[...]", "--", "[sic]"])
        else:
            text = " ".join(rng.choice(vocab) for _ in range(rng.choice([1, 2, 3, 5, 8, 13])))
        texts.append(text)
    rng.shuffle(texts)  # a cut or variant comes before its original too
    return texts


def test_quote_clustering_matches_the_pairwise_comparison():
    from wirecheck.reconcile.facts import Claim, _cluster_quotes

    rng = random.Random(4)
    for _ in range(300):
        claims = [
            Claim("quote", "", normalise_text(t), t, f"a{i}", f"g{i}", (0, len(t)))
            for i, t in enumerate(_random_quotes(rng, rng.randrange(1, 40)))
        ]
        expected = [[id(c) for c in cluster] for cluster in _pairwise_clusters(claims)]
        assert [[id(c) for c in cluster] for cluster in _cluster_quotes(claims)] == expected


def test_a_fact_stated_in_a_headline_keeps_its_span_in_the_title():
    a, b = member("a", "a"), member("b", "b")
    b.analysis.event_place = PlaceMention(
        0, 3, "Gao", Place("Gao", city="Gao", country="ML", precision="city"), in_title=True
    )
    b.analysis.killed = Casualty(4, 12, "2 killed", "killed", 2, 2, 2, in_title=True)
    a.analysis.killed = Casualty(70, 84, "two were killed", "killed", 2, 2, 2)
    record = reconcile("ev", [a, b])
    [place] = facts(record, "place")
    [toll] = facts(record, "casualty")
    assert place.status == toll.status == "corroborated"
    assert place.spans == {"a": [100, 103]} and place.title_spans == {"b": [0, 3]}
    assert toll.spans == {"a": [70, 84]} and toll.title_spans == {"b": [4, 12]}


def placed(aid, group, city, admin1="Georgia"):
    m = member(aid, group)
    place = Place(city, city=city, admin1=admin1, country="US", precision="city")
    m.analysis.event_place = PlaceMention(100, 100 + len(city), city, place)
    return m


def test_location_is_the_place_most_independent_sources_give():
    two_to_one = [placed("a", "a", "Macon"), placed("b", "b", "Macon"), placed("c", "c", "Perry")]
    assert reconcile("ev", two_to_one).location.city == "Macon"
    # Copies of one story are one source: they do not outvote another outlet.
    copies = [placed("a", "a", "Perry"), placed("b", "a", "Perry"), placed("c", "c", "Macon")]
    tie = reconcile("ev", copies).location
    assert (tie.precision, tie.admin1, tie.city) == ("admin1", "Georgia", None)
    states = [placed("a", "a", "Macon"), placed("b", "b", "Dayton", "Ohio")]
    assert reconcile("ev", states).location.precision == "country"


def naming(m, *names, admin1="Georgia"):
    """``m`` with text mentions of ``names`` (cities, or counties when ending in "County")."""
    for name in names:
        county = name.endswith(" County")
        place = Place(
            name,
            city=None if county else name,
            county=name if county else None,
            admin1=admin1,
            country="US",
            precision="county" if county else "city",
        )
        m.analysis.places.append(PlaceMention(200, 200 + len(name), name, place))
    return m


def test_a_tie_goes_to_the_place_more_sources_name_anywhere():
    # One outlet places the shooting in a suburb, the other in the city; both name the city.
    suburb = naming(placed("a", "a", "Decatur"), "Decatur", "Atlanta")
    city = naming(placed("b", "b", "Atlanta"), "Atlanta")
    assert reconcile("ev", [suburb, city]).location.city == "Atlanta"
    # A state two sources name beats one only its own source names.
    ohio = naming(placed("c", "c", "Dayton", "Ohio"), "Dayton", "Macon", admin1="Ohio")
    ohio.analysis.places[-1].place.admin1 = "Georgia"
    georgia = naming(placed("d", "d", "Macon"), "Macon")
    assert reconcile("ev", [ohio, georgia]).location.admin1 == "Georgia"


def test_a_state_tie_goes_to_the_state_a_source_writes_out():
    # Two outlets name the same town; the gazetteer's guess put one in another state.
    guessed = placed("a", "a", "Shelby", "South Carolina")
    written = placed("b", "b", "Shelby", "North Carolina")
    written.analysis.event_place.text = "Shelby, N.C."
    for m in guessed, written:  # the event place is one of the text's places
        m.analysis.places.append(m.analysis.event_place)
    assert reconcile("ev", [guessed, written]).location.admin1 == "North Carolina"
    # Neither writes its state out: the record takes no side.
    written.analysis.event_place.text = "Shelby"
    assert reconcile("ev", [guessed, written]).location.precision == "country"


def placed_county(aid, group, county, admin1="Georgia"):
    m = placed(aid, group, county, admin1)
    m.analysis.event_place.place = Place(
        county, county=county, admin1=admin1, country="US", precision="county"
    )
    return m


def test_a_city_and_a_county_equally_backed_give_the_city():
    town = placed("a", "a", "Perry")
    county = placed_county("b", "b", "Houston County")
    assert reconcile("ev", [town, county]).location.city == "Perry"
    # A town the gazetteer puts in another county than the one named: the sources disagree.
    [perry] = [p for p in Gazetteer().lookup("Perry", country="US") if p.admin1 == "Georgia"]
    town.analysis.event_place.place = perry
    county.analysis.event_place.place = Place(
        "Bibb County", county="Bibb County", admin1="Georgia", country="US", precision="county"
    )
    assert reconcile("ev", [town, county]).location.precision == "admin1"
    # Two towns and nothing else to go by: the record keeps to the state.
    other = placed("c", "c", "Warner Robins")
    tie = reconcile("ev", [town, other]).location
    assert (tie.precision, tie.city) == ("admin1", None)


def test_a_town_beats_its_county_even_when_both_reports_name_the_county():
    # The town's report names the county too (its sheriff): the town still says where.
    town = naming(placed("a", "a", "Perry"), "Perry", "Houston County")
    county = placed_county("b", "b", "Houston County")
    naming(county, "Houston County")
    assert reconcile("ev", [town, county]).location.city == "Perry"


def test_a_record_spans_its_members_dates_but_not_vague_or_far_ones():
    # Members' days do not all meet: the record spans them, without a year named alone or
    # a report dated years before (it recalls an older event).
    near = [member(a, a, day=DAY + dt.timedelta(days=n)) for a, n in (("a", 0), ("b", 0), ("c", 2))]
    year = member("d", "d")
    year.analysis.event_date = DateMention(
        90, 94, "1950", dt.date(1950, 1, 1), dt.date(1950, 12, 31), "year"
    )
    old = member("e", "e", day=dt.date(2008, 11, 11))
    date = reconcile("ev", [*near, year, old]).date
    assert (date.start, date.end, date.best) == (DAY, DAY + dt.timedelta(days=2), DAY)
    assert date.precision == "week"


def test_a_night_and_the_early_hours_after_it_tie_towards_the_early_hours():
    def said(aid, text, day):
        m = member(aid, aid, day=day)
        m.analysis.event_date = DateMention(90, 90 + len(text), text, day, day, "day", day)
        return m

    night, morning = DAY, DAY + dt.timedelta(days=1)
    split = [said("a", "late Monday night", night), said("b", "early Tuesday morning", morning)]
    assert reconcile("ev", split).date.best == morning
    # A bare day says nothing of the hour: a tie keeps the earlier day.
    bare = [said("a", "Monday", night), said("b", "early Tuesday", morning)]
    assert reconcile("ev", bare).date.best == night
    evening = [said("a", "Monday evening", night), said("b", "Tuesday afternoon", morning)]
    assert reconcile("ev", evening).date.best == night
