"""Gazetteer look-ups, place extraction and the event-place picker."""

from __future__ import annotations

import time

import pytest

from wirecheck.analyze.places import Gazetteer, extract_places, pick_event_place
from wirecheck.models import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def test_second_gazetteer_is_cheap(gaz):
    start = time.perf_counter()
    Gazetteer()
    assert time.perf_counter() - start < 0.05


def test_lookup_countries_states_and_context(gaz):
    assert gaz.lookup("France")[0].country == "FR"
    assert gaz.lookup("France")[0].precision == "country"
    assert gaz.lookup("Iraqi") == []  # a demonym is not a place
    texas = gaz.lookup("Texas")[0]
    assert (texas.precision, texas.admin1, texas.country) == ("admin1", "Texas", "US")
    assert gaz.lookup("Paris")[0].country == "FR"
    assert gaz.lookup("Paris", Place("Texas", admin1="Texas", country="US"))[0].admin1 == "Texas"
    assert gaz.lookup("Huntsville", admin1="Texas")[0].admin1 == "Texas"


@pytest.mark.parametrize("abbr", ["Ala.", "Calif.", "N.Y.", "TX", "Texas"])
def test_state_abbreviations(gaz, abbr):
    assert gaz.state(abbr) in {"Alabama", "California", "New York", "Texas"}


def test_city_state_pairs(nlp, gaz):
    doc = nlp("A man was shot in Huntsville, Ala., on Monday. Another died in Houston, Texas.")
    places = {m.place.city: m.place for m in extract_places(doc, gaz) if m.place.city}
    assert places["Huntsville"].admin1 == "Alabama"
    assert places["Huntsville"].lat is not None
    assert places["Houston"].admin1 == "Texas"


def test_small_town_takes_state_from_article(nlp, gaz):
    doc = nlp(
        "Two people were shot Saturday in Bokoshe, police said. "
        "Oklahoma investigators are handling the case."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None
    assert (picked.place.city, picked.place.admin1) == ("Bokoshe", "Oklahoma")


def test_county_precision(nlp, gaz):
    doc = nlp("Deputies said the shooting happened in rural Greene County, North Carolina.")
    places = [m.place for m in extract_places(doc, gaz)]
    county = next(p for p in places if p.precision == "county")
    assert (county.county, county.admin1) == ("Greene County", "North Carolina")


def test_dateline_beats_hospital_and_background(nlp, gaz):
    doc = nlp(
        "MEMPHIS, Tenn. (AP) — Three people were shot Sunday outside a nightclub. "
        "The victims were taken to a hospital in Nashville. The gunman was from Chicago."
    )
    places = extract_places(doc, gaz)
    picked = pick_event_place(places, doc, "apnews.com")
    assert picked is not None and picked.place.city == "Memphis"
    assert picked.place.admin1 == "Tennessee"
    assert picked.role == "event"
    assert all(m.role == "background" for m in places if m.place.city in ("Nashville", "Chicago"))


def test_country_scene_with_background_cities(nlp, gaz):
    doc = nlp(
        "Soldiers exchanged fire with militants in Ruritania's neighbour Chad on Monday. "
        "The militants came from neighbouring Libya. "
        "The group swept through the city of Benghazi last August."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None
    assert (picked.place.country, picked.place.precision) == ("TD", "country")


def test_seed_report_scene_is_country(nlp, gaz, shared_dir):
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        doc = nlp(path.read_text())
        picked = pick_event_place(extract_places(doc, gaz), doc, None)
        assert picked is not None, path.name
        assert (picked.place.country, picked.place.precision) == ("IQ", "country"), path.name


def test_countries_and_states_get_a_representative_point():
    from wirecheck.analyze.places import Gazetteer

    iraq = Gazetteer().lookup("Iraq")[0]
    assert iraq.precision == "country" and 29 < iraq.lat < 38 and 38 < iraq.lon < 49
    ohio = Gazetteer().lookup("Ohio")[0]
    assert ohio.precision == "admin1" and 38 < ohio.lat < 42 and -85 < ohio.lon < -80


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("   SPRINGDALE -- A woman was shot on Main Street late Friday.", "SPRINGDALE"),
        ("OAKWOOD (WXYZ 7) - Two men were wounded at a gas station.", "OAKWOOD"),
        ("PINE BLUFF, Ark._A teenager was shot Tuesday.", "PINE BLUFF"),
        ("Detroit — A man was shot outside a bar early Sunday.", "Detroit"),
    ],
)
def test_dateline_forms(nlp, gaz, text, name):
    from wirecheck.analyze.places import datelines

    doc = nlp(text)
    assert [doc.text[s:e] for s, e in datelines(doc, gaz)] == [name]


def test_dateline_ignores_furniture_and_unknown_title_case(nlp, gaz):
    from wirecheck.analyze.places import datelines

    assert datelines(nlp("UPDATE -- Police arrested a suspect."), gaz) == []
    assert datelines(nlp("Meanwhile — the council met again."), gaz) == []


def test_upper_case_dateline_town_takes_outlet_state(nlp, gaz):
    doc = nlp("GLENBROOKVILLE -- Police say a boy, 6, was shot by accident at home Sunday.")
    picked = pick_event_place(extract_places(doc, gaz), doc, "dallasnews.com")
    assert picked is not None
    assert (picked.place.city, picked.place.admin1) == ("Glenbrookville", "Texas")


@pytest.mark.parametrize(
    ("host", "state"),
    [
        ("kansascity.com", "Missouri"),
        ("www.chicagotribune.com", "Illinois"),
        ("blogs.seattletimes.com", "Washington"),
        ("wxyz.com", None),
        (None, None),
    ],
)
def test_outlet_state_from_host(gaz, host, state):
    assert gaz.outlet_state(host) == state


def test_outlet_state_resolves_ambiguous_city_only_without_named_state(nlp, gaz):
    text = "Two people were shot in Columbia on Saturday night, police said."
    doc = nlp(text)
    picked = pick_event_place(extract_places(doc, gaz), doc, "denverpost.com")
    assert picked is not None and picked.place.admin1 == "South Carolina"  # none in Colorado
    doc = nlp(text)
    picked = pick_event_place(extract_places(doc, gaz), doc, "nashvillepost.com")
    assert picked is not None and picked.place.admin1 == "Tennessee"
    doc = nlp("A man was shot in Richmond on Monday. Kentucky State Police are investigating.")
    picked = pick_event_place(extract_places(doc, gaz), doc, "orlandosentinel.com")
    assert picked is not None and picked.place.admin1 == "Kentucky"


def test_named_state_inside_agency_name_places_small_namesake(nlp, gaz):
    doc = nlp(
        "A teenager was shot Friday in Laurel, and Mississippi Highway Patrol troopers "
        "closed the road."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None
    assert (picked.place.city, picked.place.admin1) == ("Laurel", "Mississippi")


def test_big_city_keeps_its_state_when_another_is_named(nlp, gaz):
    doc = nlp("The Ohio man was flown to a hospital in Chicago after the crash.")
    chicago = next(m.place for m in extract_places(doc, gaz) if m.text == "Chicago")
    assert chicago.admin1 == "Illinois"


def test_neighbourhood_gives_way_to_known_city(nlp, gaz):
    doc = nlp(
        "Three men were shot Sunday night in Maplecrest Heights, a neighborhood on the "
        "city's west side. Denver police have made no arrests."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and (picked.place.city, picked.place.admin1) == (
        "Denver",
        "Colorado",
    )


def test_small_us_town_is_known_with_its_state_and_point(nlp, gaz):
    doc = nlp("Two men were shot Saturday night in Bay Minette, police said.")
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None
    assert (picked.place.city, picked.place.admin1) == ("Bay Minette", "Alabama")
    assert picked.place.lat is not None and 1_000 <= gaz.population(picked.place) < 15_000


def test_small_towns_do_not_count_as_untagged_cities(gaz):
    assert gaz.lookup("Bay Minette") and not gaz.is_us_city("Bay Minette")
    assert gaz.is_us_city("Huntsville")


def test_small_namesake_towns_barely_tie_names_to_their_state(nlp, gaz):
    # Erie and Summit are both small towns in Illinois; Pennsylvania has the city of Erie
    # and Erie County. Two small towns must not outvote them.
    doc = nlp("A man was shot in Erie on Monday. Erie County deputies and Summit police responded.")
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and (picked.place.city, picked.place.admin1) == (
        "Erie",
        "Pennsylvania",
    )


def test_street_named_after_a_city_or_state_is_no_place(nlp, gaz):
    doc = nlp("A man was shot on Chicago Avenue in Evanston, Illinois, on Sunday.")
    assert "Chicago" not in [m.text for m in extract_places(doc, gaz)]
    doc = nlp("A woman was shot in Kansas City on Friday night, police said.")
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.admin1 == "Missouri"


def test_town_named_with_its_county_settles_the_state(gaz):
    lakeland = [p for p in gaz.lookup("Lakeland") if p.admin1 == "Florida"]
    polk = [p for p in gaz.lookup("Polk County") if p.admin1 == "Florida"]
    assert lakeland and polk and gaz.in_county(lakeland[0], polk[0])
    assert not any(
        gaz.in_county(lakeland[0], p) for p in gaz.lookup("Polk County") if p.admin1 != "Florida"
    )
