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
