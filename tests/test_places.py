"""Gazetteer look-ups, place extraction and the event-place picker."""

from __future__ import annotations

import time

import pytest

from wirecheck.analyze.analyzer import Analyzer
from wirecheck.analyze.places import (
    Gazetteer,
    OutletHomes,
    SettledPlace,
    extract_places,
    headline_body,
    headline_span,
    pick_event_place,
    settled_place,
    site_state,
)
from wirecheck.models import Article, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def pick(nlp, gaz, text, outlet=None, homes=None, headline=None):
    """The place the picker gives the text and headline (read as the analyzer reads it)."""
    doc = nlp(text)
    title = Article(text=text, origin="test", title=headline, outlet=outlet)
    title_places = Analyzer(nlp, gaz).read_headline(title).places
    return pick_event_place(extract_places(doc, gaz), doc, outlet, homes, headline, title_places)


def event_city(nlp, gaz, text, outlet=None, homes=None, headline=None):
    """(city, state) of the place the picker gives the text, or None."""
    picked = pick(nlp, gaz, text, outlet, homes, headline)
    return (picked.place.city, picked.place.admin1) if picked else None


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
    assert event_city(
        nlp,
        gaz,
        "Two people were shot Saturday in Bokoshe, police said. "
        "Oklahoma investigators are handling the case.",
    ) == ("Bokoshe", "Oklahoma")


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
        ("CEDARVILLE, Spruce Fork County — A boy was shot at a farm.", "CEDARVILLE"),
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
    assert datelines(nlp("Meanwhile, Pine Ridge County — officials met Tuesday."), gaz) == []


def test_dateline_town_with_its_county_beats_the_county(nlp, gaz):
    # "TOWN, X County —": the county places the town, it is not where the story happened.
    text = (
        "HONEYVILLE, Box Elder County — A man was shot in the leg Saturday while target "
        "shooting with friends, sheriff's deputies said. He was flown to a hospital in Ogden."
    )
    assert event_city(nlp, gaz, text) == ("Honeyville", "Utah")


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
    assert event_city(
        nlp,
        gaz,
        "A teenager was shot Friday in Laurel, and Mississippi Highway Patrol troopers "
        "closed the road.",
    ) == ("Laurel", "Mississippi")


def test_big_city_keeps_its_state_when_another_is_named(nlp, gaz):
    doc = nlp("The Ohio man was flown to a hospital in Chicago after the crash.")
    chicago = next(m.place for m in extract_places(doc, gaz) if m.text == "Chicago")
    assert chicago.admin1 == "Illinois"


def test_neighbourhood_gives_way_to_known_city(nlp, gaz):
    assert event_city(
        nlp,
        gaz,
        "Three men were shot Sunday night in Maplecrest Heights, a neighborhood on the "
        "city's west side. Denver police have made no arrests.",
    ) == (
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
    assert event_city(
        nlp,
        gaz,
        "A man was shot in Erie on Monday. Erie County deputies and Summit police responded.",
    ) == (
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


def test_city_sections_name_their_city(gaz):
    rogers_park = gaz.lookup("Rogers Park", admin1="Illinois")[0]
    assert (rogers_park.name, rogers_park.city) == ("Rogers Park", "Chicago")
    assert gaz.lookup("Evanston", admin1="Illinois")[0].city == "Evanston"  # its own town


def test_story_without_places_takes_the_outlets_home(nlp, gaz):
    doc = nlp("Police said the Wednesday afternoon shooting appears to be an accident.")
    picked = pick_event_place(extract_places(doc, gaz), doc, "kansascity.com")
    assert picked is not None and (picked.start, picked.end) == (0, 0)
    assert (picked.place.city, picked.place.admin1) == ("Kansas City", "Missouri")
    assert pick_event_place(extract_places(doc, gaz), doc, "wxyz.com") is None


@pytest.mark.parametrize(
    ("host", "state"),
    [
        ("delawareonline.com", "Delaware"),  # the state, not Delaware, Ohio
        ("beaumontenterprise.com", "Texas"),  # Beaumont's paper, not Enterprise, Nev.
        ("sentinelandenterprise.com", None),
        ("nbcwashington.com", "District of Columbia"),  # a big city keeps its name
    ],
)
def test_outlet_host_prefers_state_over_small_namesake_and_skips_mastheads(gaz, host, state):
    assert gaz.outlet_state(host) == state


def test_metro_is_no_place(nlp, gaz):
    doc = nlp("Metro police said a man was shot near a bus stop on Friday.")
    assert [m.text for m in extract_places(doc, gaz)] == []


def test_local_force_after_from_is_no_origin(nlp, gaz):
    doc = nlp(
        "A man was shot Saturday, according to a release from the Selma Police Department. "
        "The victim was taken to a hospital in Montgomery."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.city == "Selma"


def test_county_shared_by_states_is_the_most_populous(gaz):
    assert gaz.lookup("Shelby County")[0].admin1 == "Tennessee"
    assert gaz.lookup("Clark County")[0].admin1 == "Nevada"


def test_county_gives_way_to_its_town_named_once(nlp, gaz):
    doc = nlp(
        "Five people were shot in Gaston County on Saturday night, North Carolina "
        "authorities said. Gaston County deputies and the Gaston County sheriff are "
        "investigating. The Gaston County coroner identified the dead. Gaston County "
        "schools were closed. Neighbors said Gastonia police were called there before."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.city == "Gastonia"


def test_town_named_as_one_is_a_place(nlp, gaz):
    doc = nlp(
        "The Department of Natural Resources responded to the call at about 7:40 a.m. "
        "along Ridge Road, west of the town of Traer."
    )
    assert "Traer" in [m.place.city for m in extract_places(doc, gaz)]


def test_lede_town_beats_the_dateline(nlp, gaz):
    doc = nlp(
        "INDIANAPOLIS, Ind. (June 15, 2014) — Police officers in Kokomo are investigating a "
        "shooting at a bar that sent 4 people to the hospital on Sunday."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.city == "Kokomo"
    doc = nlp(
        "CHICAGO (AP) — Three men were hurt in a drive-by shooting in the Washington Park "
        "neighborhood late Friday."
    )
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.city == "Chicago"


def test_county_of_one_state_settles_the_state(nlp, gaz):
    doc = nlp("Deputies said a man was shot Friday at a home near Zorbington in Okaloosa County.")
    town = next(m.place for m in extract_places(doc, gaz) if m.text == "Zorbington")
    assert town.admin1 == "Florida"


@pytest.mark.parametrize(
    ("text", "city", "state"),
    [
        ("A man was shot in South Philadelphia on Monday.", "Philadelphia", "Pennsylvania"),
        ("A man was shot in Northwest D.C. on Monday.", "Washington", "District of Columbia"),
        ("A man was shot in Metro Nashville on Monday.", "Nashville", "Tennessee"),
    ],
)
def test_quarter_named_by_direction_is_its_city(nlp, gaz, text, city, state):
    assert event_city(nlp, gaz, text) == (city, state)


def test_named_neighbourhood_is_no_namesake_town(nlp, gaz):
    assert event_city(
        nlp,
        gaz,
        "Three men were shot in the Highland Park neighborhood on Friday, and Milwaukee "
        "police are looking for the gunman.",
    ) == (
        "Milwaukee",
        "Wisconsin",
    )


def test_untagged_town_of_a_named_county_is_a_place(nlp, gaz):
    assert event_city(
        nlp, gaz, "Hillsborough County deputies arrested a Riverview man they say shot a woman."
    ) == (
        "Riverview",
        "Florida",
    )


def test_outlet_homes_need_a_clear_majority_of_settled_stories():
    homes = OutletHomes(min_stories=2, min_share=0.6)
    homes.observe("www.wcti12.com", SettledPlace("North Carolina"))
    homes.observe("wcti12.com", None)  # a story whose text settles no state teaches nothing
    assert homes.home_state("wcti12.com") is None  # one story is not enough here
    homes.observe("WCTI12.com", SettledPlace("North Carolina"))
    assert homes.home_state("wcti12.com") == "North Carolina"
    homes.observe("wcti12.com", SettledPlace("Virginia"))
    homes.observe("wcti12.com", SettledPlace("South Carolina"))
    assert homes.home_state("wcti12.com") is None  # 2 of 4: no longer clear
    assert homes.home_state("wral.com") is None and homes.home_state(None) is None


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("JACKSONVILLE, N.C. -- A man was shot early Sunday, police said.", "North Carolina"),
        ("A man was shot in Jacksonville early Sunday, police said.", None),  # a guess
        ("A man was shot in Milwaukee early Sunday, police said.", "Wisconsin"),  # one state
    ],
)
def test_settled_place_is_a_state_the_text_settles(nlp, gaz, text, state):
    doc = nlp(text)
    places = extract_places(doc, gaz)
    settled = settled_place(pick_event_place(places, doc, "wcti12.com"), places, gaz)
    assert (settled.state if settled else None) == state


def test_learnt_outlet_home_places_ambiguous_towns_and_placeless_stories(nlp, gaz):
    homes = OutletHomes()
    homes.observe("wcti12.com", SettledPlace("North Carolina"))
    text = "A man was shot in Jacksonville early Sunday, police said."
    assert event_city(nlp, gaz, text, "wcti12.com") == ("Jacksonville", "Florida")
    assert event_city(nlp, gaz, text, "wcti12.com", homes) == ("Jacksonville", "North Carolina")
    doc = nlp("Police said the Wednesday afternoon shooting appears to be an accident.")
    picked = pick_event_place(extract_places(doc, gaz), doc, "wcti12.com", homes)
    assert picked is not None and not picked.from_text
    assert (picked.place.precision, picked.place.admin1) == ("admin1", "North Carolina")


def test_lede_town_wins_over_the_dateline_city_named_again(nlp, gaz):
    # The dateline stands alone as a scrap; the lede's town keeps the incident even though
    # the filing city comes up twice more.
    text = (
        "SEATTLE, Wash. -\n\nA drive-by shooting that claimed the life of a baby girl in Kent "
        "is being investigated for a possible gang link.\n\nThe Seattle Times reports that "
        "detectives are looking at a killing in a downtown Seattle intersection in March. "
        "Another man was shot in Seattle on March 19."
    )
    assert event_city(nlp, gaz, text) == ("Kent", "Washington")


def test_street_address_town_wins_over_the_dateline(nlp, gaz):
    # The scene's street address, however late, names its town; the dateline and its state
    # are where the story was filed.
    text = (
        "DAYTON, Ohio -- A woman was wounded Friday when a gun went off in her purse. She was "
        "treated and released. Officers were called to a home on Oak Road in Springboro. "
        "Police said no charges are expected."
    )
    assert event_city(nlp, gaz, text) == ("Springboro", "Ohio")


def test_home_of_the_scene_wins_over_the_dateline(nlp, gaz):
    # "shot at her house in Madera" is where it happened, not whose home town it is.
    text = (
        "FRESNO, Calif. -- A 9-year-old boy died over the weekend after his brother shot him "
        "at their aunt's house. The boy was shot at her house in Madera, officers said."
    )
    assert event_city(nlp, gaz, text) == ("Madera", "California")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (  # where the suspect was arrested
            "DAYTON, Ohio -- A man was shot and killed early Saturday outside a bar near "
            "downtown, police said. The victim was 31. Hours later, officers took a suspect "
            "into custody at his home in Xenia without incident.",
            ("Dayton", "Ohio"),
        ),
        (  # where a relative spoke
            "FRESNO, Calif. -- A 19-year-old man was shot and killed Saturday night at a party, "
            "police said. His mother, speaking at her home in Madera on Sunday, said he wanted "
            "to be a nurse.",
            ("Fresno", "California"),
        ),
        (  # where the suspect appeared in court
            "HOUSTON (AP) -- A woman was fatally shot Saturday during a robbery at a gas "
            "station, police said. The suspect appeared Monday before a judge in Fort Bend "
            "County Court in Richmond.",
            ("Houston", "Texas"),
        ),
        (  # the dateline city's police made an arrest: the lede's town stays the scene
            "SEATTLE (AP) -- A drive-by shooting in Kent left a teenager dead early Sunday, "
            "authorities said. The boy was standing outside with friends. Seattle police "
            "later arrested a suspect after a chase.",
            ("Kent", "Washington"),
        ),
    ],
)
def test_an_address_of_someone_else_is_no_scene(nlp, gaz, text, where):
    assert event_city(nlp, gaz, text) == where


def test_no_swap_from_the_dateline_across_a_border(nlp, gaz):
    text = (
        "JERUSALEM (AP) -- A Palestinian stabbed two Israeli police officers near a checkpoint "
        "on Sunday before being shot dead, police said. His family, speaking at their house in "
        "Hebron, said he had no ties to militant groups."
    )
    picked = pick(nlp, gaz, text)
    assert picked.place.name == "Jerusalem"


def test_a_known_neighbourhood_keeps_its_city_when_no_other_place_is_named(nlp, gaz):
    text = "A man was shot and killed Sunday night in the Boyle Heights neighborhood, police said."
    assert event_city(nlp, gaz, text) == ("Los Angeles", "California")


def test_dateline_police_keep_the_scene_in_their_town(nlp, gaz):
    # "Midtown" is also a small town elsewhere in the state, but the dateline town's own
    # police work the case: the address lies in their town.
    text = (
        "JACKSON, Tenn. -- A man was taken to the hospital after an accidental shooting. "
        "Officers said the man was cleaning a rifle. It happened Tuesday night on Elm Street "
        "in Midtown, officers said. Jackson police are investigating."
    )
    assert event_city(nlp, gaz, text) == ("Jackson", "Tennessee")


@pytest.mark.parametrize(
    "text, city",
    [
        (  # an arrest elsewhere
            "TAVARES, Fla. - A woman suspected of shooting a 2-year-old in a drive-by was "
            "arrested Friday night in Pine Hills, police said. Tavares police had searched "
            "for her all day.",
            "Tavares",
        ),
        (  # where the suspect turned himself in
            "SPRINGFIELD, Ill. (AP) — A man is in custody after a fatal shooting in a home.\n\n"
            "Officials say the man turned himself in to Decatur police following the Saturday "
            "night shooting.",
            "Springfield",
        ),
        (  # where the victim was treated
            "HUTCHINSON, Kan. — A teenager was shot in a hunting accident on Saturday.\n\n"
            "Deputies said they talked to the parents of the shooting victim at a Wichita "
            "hospital.",
            "Hutchinson",
        ),
        (  # the lede puts the incident in the dateline's town too
            "MIAMI GARDENS, Fla. - Three teenage boys were shot Friday afternoon in Miami "
            "Gardens, authorities said.\n\nThe shooting was reported shortly before 3 p.m. near "
            "Miami Carol City Senior High School.",
            "Miami Gardens",
        ),
        (  # a part of the city the gazetteer lists as a town
            "CHICAGO — Police charged a boy who killed a 16-year-old in Bridgeport Friday "
            "morning. The teen was in the 3500 block of South Parnell Avenue when he was "
            "shot, a Chicago Police spokeswoman said.",
            "Chicago",
        ),
    ],
)
def test_lede_places_that_are_no_scene_leave_the_dateline(nlp, gaz, text, city):
    assert event_city(nlp, gaz, text)[0] == city


def test_lede_starts_after_a_dateline_standing_alone(nlp, gaz):
    text = (
        "MADISON, Wis. -\n\nThe Grant County Sheriff's Office announced Tuesday that the mother "
        "has died.\n\nShe died of injuries from a shooting in Platteville on Jan. 2, officials "
        "said. Madison doctors had treated her."
    )
    assert event_city(nlp, gaz, text) == ("Platteville", "Wisconsin")


def test_county_keeps_a_town_of_another_county(nlp, gaz):
    text = (
        "WELD COUNTY, Colo. — A man was shot and killed on a farm in Weld County on Sunday, "
        "the Weld County Sheriff's Office said. The suspect was arrested in Aurora."
    )
    doc = nlp(text)
    picked = pick_event_place(extract_places(doc, gaz), doc, None)
    assert picked is not None and picked.place.county == "Weld County"


def test_dateline_with_a_double_hyphen(nlp, gaz):
    text = "CLEVELAND-- Charges were dropped against one of the suspects in the shooting death."
    assert event_city(nlp, gaz, text) == ("Cleveland", "Ohio")


def test_learnt_home_town_places_stories_naming_no_town(nlp, gaz):
    homes = OutletHomes()
    doc = nlp("MEMPHIS, Tenn. -- A man was shot early Sunday, police said.")
    places = extract_places(doc, gaz)
    settled = settled_place(pick_event_place(places, doc, "wreg.com", homes), places, gaz)
    assert settled == SettledPlace("Tennessee", "Memphis")
    homes.observe("wreg.com", settled)
    assert homes.home_city("wreg.com") == ("Tennessee", "Memphis")
    placeless = "Police said the Wednesday afternoon shooting appears to be an accident."
    assert event_city(nlp, gaz, placeless, "wreg.com", homes) == ("Memphis", "Tennessee")
    statewide = "A boy was shot Friday, Tennessee police said."
    assert event_city(nlp, gaz, statewide, "wreg.com", homes) == ("Memphis", "Tennessee")
    # 1 of 2 settled stories: still its home town
    homes.observe("wreg.com", SettledPlace("Mississippi"))
    homes.observe("wreg.com", SettledPlace("Arkansas"))  # 1 of 3: no longer
    assert homes.home_city("wreg.com") is None


def test_neighbourhood_is_no_namesake_town_where_it_recurs(nlp, gaz):
    text = (
        "Man shot to death in Washington Heights\n\nA man was fatally shot in the South Side "
        "Washington Heights neighborhood early Saturday, according to Chicago police and the "
        "Cook County medical examiner's office."
    )
    assert event_city(nlp, gaz, text) == ("Chicago", "Illinois")


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Port St. Lucie", "Port Saint Lucie"),
        ("Mt. Pleasant", "Mount Pleasant"),
        ("DC", "Washington"),
    ],
)
def test_abbreviated_names_find_their_town(gaz, name, city):
    assert gaz.lookup(name)[0].city == city
    assert gaz.outlet_home("stlouis.cbslocal.com").city == "St. Louis"  # hosts abbreviate


def test_town_where_people_live_is_a_place_when_mistagged(nlp, gaz):
    text = (
        "Police are looking for a suspect in the shooting of a 7-year-old boy who was struck "
        "by a stray bullet in his Paterson home Monday."
    )
    assert event_city(nlp, gaz, text) == ("Paterson", "New Jersey")


def test_county_story_names_its_town_even_in_passing(nlp, gaz):
    text = (
        "A teenager was shot Saturday night, the York County Sheriff's Office said. The boy, "
        "who lives in Rock Hill, was taken to a hospital."
    )
    assert event_city(nlp, gaz, text) == ("Rock Hill", "South Carolina")


def test_town_in_a_county_that_tells_its_state_settles_it(nlp, gaz):
    doc = nlp("A man was shot in Saginaw on Sunday, Saginaw County deputies said.")
    places = extract_places(doc, gaz)
    assert settled_place(pick_event_place(places, doc, None), places, gaz).state == "Michigan"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "A 2-year-old boy shot himself Monday at a home along Doswell Town Road in Meherrin, "
            "Virginia. He was flown to VCU Medical Center in Richmond in critical condition.",
            "Meherrin",
        ),
        (
            "Deputies said a boy was shot Saturday in a hunting accident near Snowville, Utah. "
            "The toddler was taken to Bear River Valley Hospital in Tremonton with a gunshot "
            "wound.",
            "Snowville",
        ),
    ],
)
def test_town_of_the_hospital_is_no_scene(nlp, gaz, text, city):
    assert event_city(nlp, gaz, text)[0] == city


def test_people_mistagged_as_places_are_no_places(nlp, gaz):
    doc = nlp(
        "Des Moines police said Brandon Smith, 27, was shot outside a nightclub in Des Moines. "
        "Friends of Smith gathered near Smith on Sunday."
    )
    assert [m.text for m in extract_places(doc, gaz)] == ["Des Moines", "Des Moines"]


def test_the_suburb_not_the_city_it_is_a_suburb_of(nlp, gaz):
    text = (
        "Authorities say four people were shot during a party at a hotel in the Denver suburb "
        "of Wheat Ridge."
    )
    assert event_city(nlp, gaz, text) == ("Wheat Ridge", "Colorado")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Perris Police are seeking information regarding a drive-by shooting Sunday "
            "morning in which a suspect vehicle was recovered in Menifee.",
            "Perris",
        ),
        (
            "Little Rock police were called to a home Wednesday after a boy was shot. The "
            "shooting came a day after a toddler died after being shot in Benton.",
            "Little Rock",
        ),
        (  # a force whose name is no town the gazetteer knows gets no credit
            "A 21-year-old man accidentally shot a 9-year-old girl in the chest with a BB gun, "
            "police said.\n\nThe child was struck along Bellevue Avenue near Neshaminy Street "
            "in Hulmeville, Bucks County around 3:30 p.m., according to Pennsylvania State "
            "Police.",
            "Hulmeville",
        ),
    ],
)
def test_town_whose_police_handle_the_case_is_the_scene(nlp, gaz, text, city):
    assert event_city(nlp, gaz, text)[0] == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (  # "Stone Mountain" tagged an organisation, "Ringgold" left untagged
            "Georgia police said a 9-month-old was killed during a robbery. Stuffed animals "
            "have been left outside the Stone Mountain home where the baby died.",
            "Stone Mountain",
        ),
        (
            "A man was shot Friday night at 385 Edgemond Circle in Ringgold, the Catoosa "
            "County Sheriff's Office said.",
            "Ringgold",
        ),
    ],
)
def test_town_framed_as_one_is_a_place_however_tagged(nlp, gaz, text, city):
    assert event_city(nlp, gaz, text)[0] == city


def test_framed_common_word_is_no_town_without_its_state(nlp, gaz):
    # Hope, Ark. is a small town, but nothing here puts the story in Arkansas
    doc = nlp("Police said the family lost all hope on Friday. They live in Hope now.")
    assert all(m.place.city != "Hope" for m in extract_places(doc, gaz))


def test_big_city_keeps_its_state_over_a_small_namesake_of_the_outlet(nlp, gaz):
    text = "Five people were shot at a home in Newark on Monday night, police said."
    # Newark, N.Y. is a village of 9,000; Newark, N.J. a city of 280,000
    assert event_city(nlp, gaz, text, outlet="nbcnewyork.com") == ("Newark", "New Jersey")


def test_town_of_a_named_county_keeps_its_state_over_the_outlet(nlp, gaz):
    text = (
        "Police were called to a home in Highland Heights on Tuesday after a 2-year-old was "
        "shot, Campbell County police said."
    )
    assert event_city(nlp, gaz, text, outlet="cincinnati.com") == (
        "Highland Heights",
        "Kentucky",
    )


def test_american_police_story_places_names_in_the_us(nlp, gaz):
    text = (
        "Birmingham police are investigating after a juvenile was shot in the 1500 block of "
        "Avenue F on Thursday."
    )
    assert event_city(nlp, gaz, text) == ("Birmingham", "Alabama")
    assert event_city(nlp, gaz, "Fighting broke out in Birmingham on Thursday.")[1] is None


def test_part_of_a_city_named_with_its_possessive_is_no_actor(nlp, gaz):
    text = (
        "Four people were shot overnight in Miami's Overtown neighborhood. Hialeah police are "
        "helping."
    )
    assert event_city(nlp, gaz, text) == ("Miami", "Florida")


def test_state_named_in_passing_gives_way_to_names_that_tell_theirs(nlp, gaz):
    # Calumet City lies in Illinois and in Indiana; "Chicago" tells Illinois, twice
    text = (
        "A man was killed and eight others were wounded at a party in Calumet City early "
        "Sunday. Chicago police are assisting, a Chicago police spokesman said. The suspect "
        "was arrested in Indiana."
    )
    assert event_city(nlp, gaz, text) == ("Calumet City", "Illinois")


def test_town_the_headline_names_beats_a_neighbouring_dateline(nlp, gaz):
    text = (
        "STERLING, Ill. -- A jury found a gun owner was not liable for the death of a "
        "teenager. The teen was shot at a home in Rock Falls in 2012."
    )
    assert event_city(nlp, gaz, text) == ("Sterling", "Illinois")
    headline = "Gun owner not liable in Rock Falls teen's death"
    assert event_city(nlp, gaz, text, headline=headline) == ("Rock Falls", "Illinois")


@pytest.mark.parametrize(
    "headline",
    [
        "Man shot at home - WAFF-TV: News, Weather and Sports for Huntsville, AL",
        "Man shot at home - WAFF 48 - Huntsville, AL",
    ],
)
def test_headline_site_name_names_the_outlets_town_not_the_scene(nlp, gaz, headline):
    text = (
        "A man was shot and wounded Sunday night at a home in Madison, police said. He was "
        "taken to a hospital in Huntsville."
    )
    assert event_city(nlp, gaz, text, "waff.com", headline=headline) == ("Madison", "Alabama")


@pytest.mark.parametrize(
    ("text", "headline", "city"),
    [
        (
            "A man was killed and four others were hurt in a shooting at a club in Latta "
            "early Saturday. The club is on a road to Dillon, S.C.",
            "One killed, four injured in Dillon County shooting",  # the county, not its town
            ("Latta", "South Carolina"),
        ),
        (
            "Four people were hurt in a shooting at a hotel in Wheat Ridge on Saturday. One "
            "victim was later moved to a hospital in Denver.",
            "4 injured in suburban Denver hotel shooting",  # a town near the city
            ("Wheat Ridge", "Colorado"),
        ),
        (
            "Four people were hurt in a shooting at a hotel in Wheat Ridge on Saturday. One "
            "victim was later moved to a hospital in Denver.",
            "4 injured in Denver-area hotel shooting",
            ("Wheat Ridge", "Colorado"),
        ),
        (
            "Two people were shot outside a bar in Savannah on Sunday. The suspect had lived "
            "in Aurora.",
            "Aurora man charged in bar shooting",  # a namesake of a state the story lacks
            ("Savannah", "Georgia"),
        ),
    ],
)
def test_headline_names_that_are_no_evidence_for_a_town(nlp, gaz, text, headline, city):
    assert event_city(nlp, gaz, text, headline=headline) == city


def test_headline_township_abbreviation_names_the_township(nlp, gaz):
    text = (
        "Five people were hurt in a shooting at a birthday party in Hamilton Township, New "
        "Jersey, on Saturday. A Trenton man was charged."
    )
    headline = "1 Dead, 4 Injured In Hamilton Twp. Birthday Party Shooting"
    assert event_city(nlp, gaz, text, headline=headline) == ("Hamilton Township", "New Jersey")


def test_headline_town_the_text_never_names_is_the_event_place(nlp, gaz):
    text = (
        "Detroit police said two men were arrested Monday in the shooting death of a man "
        "outside a party store. The victim, 24, died at the scene."
    )
    headline = "Two arrested following deadly Oak Park shooting"
    assert event_city(nlp, gaz, text) == ("Detroit", "Michigan")
    picked = pick(nlp, gaz, text, headline=headline)
    # Placed in the text's state (the largest Oak Park is in Illinois), offsets into the title.
    assert (picked.place.city, picked.place.admin1) == ("Oak Park", "Michigan")
    assert picked.in_title and headline[picked.start : picked.end] == "Oak Park"
    # The headline's own mention says the same as the event place it became.
    title = Article(text=text, origin="test", title=headline)
    title_places = Analyzer(nlp, gaz).read_headline(title).places
    doc = nlp(text)
    pick_event_place(extract_places(doc, gaz), doc, None, None, headline, title_places)
    [mention] = title_places
    assert (mention.role, mention.place.admin1) == ("event", "Michigan")


def test_headline_town_stands_in_for_a_text_without_places(nlp, gaz):
    text = "A man was shot and wounded late Tuesday outside a gas station, police said."
    assert event_city(nlp, gaz, text, headline="Shooting reported in Fort Myers") == (
        "Fort Myers",
        "Florida",
    )


@pytest.mark.parametrize(
    "headline",
    [
        "4 wounded in daylight shooting in Germantown",  # a part of the text's city
        "Winchester, Decherd, Tullahoma, Manchester news",  # the site's list of towns
        "1 Dead, 4 Injured In Taunton Shooting",  # no known town: a word of the headline
    ],
)
def test_headline_places_that_do_not_move_the_event(nlp, gaz, headline):
    text = (
        "PHILADELPHIA -- Four people were wounded in a shooting in Philadelphia early "
        "Saturday, police said."
    )
    picked = pick(nlp, gaz, text, headline=headline)
    assert (picked.place.city, picked.in_title) == ("Philadelphia", False)


def test_headline_is_the_title_without_the_sites_name():
    title = "Man shot at home | WAFF 48 - Huntsville, AL"
    assert headline_body(title, "waff.com") == "Man shot at home"
    assert headline_body("A - B - C", None) == "A - B - C"
    # A lower-case "police report" is the headline's, not a site's name.
    assert headline_body("Shooting in Dayton - 2 dead, police report", None).endswith("report")
    # A site's name first: the headline follows it; the site's town alone is no headline.
    title = "WJTV News Channel 12 - Five Injured in Nightclub Shooting"
    start, end = headline_span(title, "wjtv.com")
    assert title[start:end] == "Five Injured in Nightclub Shooting"
    assert headline_span("WMC Action News 5 - Memphis, Tennessee", "wmcactionnews5.com") == (0, 0)


def test_headline_town_beats_a_text_name_the_gazetteer_lacks(nlp, gaz):
    text = (
        "A 16-year-old girl accidentally shot herself in the hand in Palmetto Shores on "
        "Sunday, Florida deputies said."
    )
    headline = "Sixteen-year-old Bradenton girl accidentally shoots herself in the hand"
    # A name with no coordinates is no known town for the headline's to lie near.
    assert event_city(nlp, gaz, text, headline=headline) == ("Bradenton", "Florida")


def test_foreign_namesake_gives_way_to_a_town_of_the_outlets_state(nlp, gaz):
    text = "A 19-year-old man was killed in a shooting at a party in Chelsea on Sunday."
    assert event_city(nlp, gaz, text, outlet="bostonherald.com") == ("Chelsea", "Massachusetts")
    # Also over a big foreign town: Colchester, England, has 100,000 people.
    text = "A 14-year-old riding an ATV was shot in the foot in Colchester on Wednesday."
    assert event_city(nlp, gaz, text, outlet="nbcconnecticut.com") == (
        "Colchester",
        "Connecticut",
    )


def test_headline_town_of_a_story_with_no_place_is_its_likeliest_namesake(nlp, gaz):
    text = "An 8-year-old boy died Saturday after he was accidentally shot at his home."
    headline = "Dalton area boy, 8, dies from accidental gunshot wound"
    assert event_city(nlp, gaz, text, headline=headline) == ("Dalton", "Georgia")
    # The country alone places it no better.
    text = "The two brothers were charged with shooting eight people, the U.S. attorney said."
    headline = "Macon brothers indicted, charged with shooting eight people"
    assert event_city(nlp, gaz, text, headline=headline) == ("Macon", "Georgia")


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("Vigil held for teenager shot and killed - WFSB 3 Connecticut", "Connecticut"),
        ("Two charged in killing - KAIT Jonesboro, AR - Region 8 News", "Arkansas"),
        ("Man shot at home | WAFF 48 - Huntsville, AL", "Alabama"),
        ("Toddler shot in Texas home - KSHB Kansas City", None),  # not the headline's
        (None, None),
    ],
)
def test_site_state_is_the_state_the_sites_name_gives(gaz, title, state):
    assert site_state(title, None, gaz) == state


def test_site_name_in_the_title_places_the_storys_towns(nlp, gaz):
    title = "Laurel 5-year-old allegedly shoots child - WDAM-TV 7-News, Weather, Hattiesburg, MS"
    text = "A 5-year-old shot a 7-year-old child at a home in Laurel on Monday."
    assert event_city(nlp, gaz, text, outlet="wdam.com", headline=title) == (
        "Laurel",
        "Mississippi",
    )
    # A town it has no namesake of stays where it is: a station covers the states around.
    title = "Dad charged after toddler shoots mom - WCAX.COM Local Vermont News"
    text = "Police have charged a Lake Placid man after his son shot his mother at their home."
    assert event_city(nlp, gaz, text, outlet="wcax.com", headline=title) == (
        "Lake Placid",
        "New York",
    )
    # A story with no place of its own: the site's state.
    title = "Toddler accidentally shot by sibling - WDAM-TV 7-News, Weather, Hattiesburg, MS"
    text = "A 13-year-old was accidentally shot by a sibling on Monday."
    picked = pick(nlp, gaz, text, outlet="wdam.com", headline=title)
    assert (picked.place.admin1, picked.from_text) == ("Mississippi", False)


def test_a_title_case_headline_word_is_no_town_for_a_text_without_places(nlp, gaz):
    text = "The House opened its session with the text read aloud, members said on Thursday."
    headline = "Purpose Behind Congressional Reading of Constitution Questioned"
    picked = pick(nlp, gaz, text, headline=headline)
    assert picked is None or not picked.in_title


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a hamlet of no gazetteer table, in a county several states have
        (
            "A man and an infant were found dead inside a home in Lowry City on Thursday, the "
            "St. Clair County Sheriff's Office said. St. Clair County deputies responded.",
            ("Lowry City", "Missouri"),
        ),
        # a hamlet whose namesake elsewhere is a big city
        (
            "A 4-year-old boy died after an accidental shooting in Elgin on Friday, Fayette "
            "County Sheriff Marty Fisher said. The boy's family lives near West Union.",
            ("Elgin", "Iowa"),
        ),
    ],
)
def test_town_named_with_the_county_its_zip_codes_give_is_the_scene(nlp, gaz, text, place):
    assert event_city(nlp, gaz, text) == place


def test_postal_towns_of_a_county(gaz):
    assert gaz.postal_states("Elgin", "Fayette County") == {"Iowa"}
    assert "cub run" in gaz.postal_towns_in("Hart County")
    town = Place("Cub Run", "Cub Run", "Kentucky", precision="city", county="Hart County")
    county = gaz.lookup("Hart County", admin1="Kentucky")[0]
    assert gaz.in_county(town, county)


def test_untagged_hamlet_of_a_named_county_is_a_place_but_not_a_names_tail(nlp, gaz):
    text = (
        "Hart County deputies said a boy was shot Sunday while hunting with his father near "
        "Cub Run. His body was taken to the Hart County Regional Forensic Center."
    )
    assert event_city(nlp, gaz, text) == ("Cub Run", "Kentucky")
    doc = nlp("His body was taken to the Knox County Regional Forensic Center.")
    assert "Center" not in {m.text for m in extract_places(doc, gaz)}


def test_neighbourhood_is_no_namesake_town_of_the_same_state(nlp, gaz):
    text = (
        "Teen charged in fatal Bridgeport shooting\n\nA 17-year-old boy has been charged with "
        "fatally shooting a 16-year-old boy Friday morning in the South Side Bridgeport "
        "neighborhood, according to Chicago police."
    )
    assert event_city(nlp, gaz, text) == ("Chicago", "Illinois")


def test_newspaper_named_by_its_masthead_word_is_no_town(nlp, gaz):
    caption = (
        "Guiseppe Barranco/The Enterprise less Emergency officials respond to a home on "
        "Pipkin Street Tuesday. "
    )
    text = (
        f"Image 1 of 4 {caption}Image 2 of 4 {caption}The child was driven to a hospital with "
        "a gunshot wound. Police in Beaumont said the boy is 3."
    )
    assert event_city(nlp, gaz, text, outlet="beaumontenterprise.com") == ("Beaumont", "Texas")


def test_name_that_tells_its_state_places_a_story_of_unknown_towns(nlp, gaz):
    text = (
        "A 13-year-old boy was shot in the head Friday in Klamath. Deputies said he was flown "
        "to a hospital in Oakland."
    )
    assert event_city(nlp, gaz, text) == ("Klamath", "California")


def test_town_with_an_inner_capital_is_framed_as_one(nlp, gaz):
    text = (
        "The Pike County Sheriff's Department wants to know how a 6-year-old got a gun. "
        "Deputies said the incident happened Sunday at a home on Gradyville Road in McComb.\n\n"
        "Watch the report"
    )
    assert event_city(nlp, gaz, text) == ("McComb", "Mississippi")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Gunmen killed five people in London on Friday, police said. One suspect had once "
            "lived in Houston.",
            "GB",
        ),
        (
            "A man was shot dead in Kingston on Friday, police said. His brother lives in Miami.",
            "JM",
        ),
        (
            "Two people were shot in Birmingham on Saturday, West Midlands Police said. One "
            "victim had recently moved from Denver.",
            "GB",
        ),
    ],
)
def test_american_city_in_the_background_does_not_move_a_foreign_scene(nlp, gaz, text, country):
    picked = pick(nlp, gaz, text)
    assert picked is not None and picked.place.country == country


def test_foreign_city_keeps_its_country_beside_an_american_one(nlp, gaz):
    text = (
        "Canadian special forces exchanged fire with Islamic State fighters in northern Iraq, "
        "Brig.-Gen. Michael Rouleau told reporters in Ottawa. The soldiers had trained at a base "
        "near Atlanta last year."
    )
    ottawa = next(m.place for m in extract_places(nlp(text), gaz) if m.text == "Ottawa")
    assert ottawa.country == "CA"


def test_country_is_no_hamlet_of_a_named_county(nlp, gaz):
    text = (
        "A man was shot Sunday, Madison County deputies said. He had served in Syria with the "
        "Army. Virginia State Police are investigating."
    )
    syria = next(m.place for m in extract_places(nlp(text), gaz) if m.text == "Syria")
    assert syria.precision == "country"
    assert pick(nlp, gaz, text).place.name == "Madison County"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Logan County deputies said a man was shot Sunday. Man dies later at hospital, "
            "officials said.",
            "Man",
        ),
        (
            "A man was shot near Union Station, Greene County deputies said. Union officials "
            "are investigating.",
            "Union",
        ),
        (
            "A man was shot on Black Friday outside a store, Parmer County deputies said. Texas "
            "Rangers are investigating.",
            "Black",
        ),
        (
            "A man was shot in a rental car from Enterprise on Sunday, Volusia County deputies "
            "said. Florida officials are investigating.",
            "Enterprise",
        ),
        (
            "A man was shot during an Independence Day party in Pontiac, Oakland County deputies "
            "said. Michigan State Police are investigating.",
            "Independence",
        ),
    ],
)
def test_word_a_county_has_a_hamlet_of_is_no_town_unframed(nlp, gaz, text, word):
    places = extract_places(nlp(text), gaz)
    assert all(m.place.county is None for m in places if m.text == word)
    assert pick(nlp, gaz, text).place.name != word


def test_canadian_county_takes_no_us_zip_town(nlp, gaz):
    text = (
        "A man was shot in Lunenburg on Sunday, Lunenburg County RCMP said. Nova Scotia police "
        "are investigating."
    )
    lunenburg = next(m.place for m in extract_places(nlp(text), gaz) if m.text == "Lunenburg")
    assert lunenburg.county is None


def test_possessive_business_name_is_no_framed_town(nlp, gaz):
    text = (
        "A man was shot in McDonald's parking lot on Sunday, Pittsburgh police said. "
        "Pennsylvania State Police are assisting."
    )
    assert "McDonald" not in {m.text for m in extract_places(nlp(text), gaz)}
    assert event_city(nlp, gaz, text) == ("Pittsburgh", "Pennsylvania")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "MANCHESTER, IL -- Police said the April 24 mass shooting in Manchester, Illinois "
            "left five people dead. The last homicide in Scott County was in 1993.",
            ("Manchester", "Illinois"),
        ),
        (
            "Michael Vance wounded two Wellston officers Sunday, Lincoln County emergency "
            "officials said. Oklahoma police captured one suspect following the shooting "
            "outside Wellston.",
            ("Wellston", "Oklahoma"),
        ),
    ],
)
def test_framed_hamlet_of_a_named_county_keeps_it(nlp, gaz, text, place):
    picked = pick(nlp, gaz, text)
    assert (picked.place.city, picked.place.admin1) == place
    assert picked.place.county is not None


def test_hamlet_of_a_namesake_county_in_another_state_is_no_town(nlp, gaz):
    # Leaf lies in Greene County, Mississippi, not in the Missouri county the story means
    text = (
        "A man was shot Sunday near Leaf, Greene County deputies said. Missouri State Police "
        "are investigating."
    )
    assert "Leaf" not in {m.text for m in extract_places(nlp(text), gaz)}


def test_family_name_of_the_storys_people_is_no_town(nlp, gaz):
    text = (
        "Police said Jonathon Walker shot his girlfriend at their home on Saturday. And Walker "
        "did not come back. When officers arrived, Walker was gone."
    )
    assert extract_places(nlp(text), gaz) == []
    # written as a place, the name stays one
    text = "Police said Frank Tyler was shot in Tyler on Friday. Tyler police are investigating."
    assert "Tyler" in [m.text for m in extract_places(nlp(text), gaz)]


def test_family_name_of_the_storys_people_keeps_a_big_city(nlp, gaz):
    text = (
        "Two people were shot at a Houston nightclub early Sunday. One of the victims was "
        "Jordan Houston, 24."
    )
    assert event_city(nlp, gaz, text) == ("Houston", "Texas")


def test_name_written_with_an_age_is_a_persons(nlp, gaz):
    doc = nlp(
        "The body was found in Decatur, Georgia. It turned out to be Alexis Malone, 17, a witness."
    )
    assert "Alexis Malone" not in [m.text for m in extract_places(doc, gaz)]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Most deaths were recorded in Kano, 25, Jigawa, 20, and Bauchi, 15, officials said.",
            "Kano",
            "NG",
        ),
        (
            "The heat wave caused most deaths in Odisha, 45, and Bihar, 38, officials said.",
            "Odisha",
            "IN",
        ),
    ],
)
def test_numbers_of_a_tally_by_place_are_no_ages(nlp, gaz, text, name, country):
    picked = pick(nlp, gaz, text)
    assert picked is not None and (picked.place.name, picked.place.country) == (name, country)


def test_streets_named_together_are_no_places(nlp, gaz):
    doc = nlp("A man was shot near Lynn and Michigan streets in Indianapolis on Thursday.")
    assert [m.text for m in extract_places(doc, gaz)] == ["Indianapolis"]
    doc = nlp("A man was shot near Lynn and Michigan streets on Thursday.")
    assert extract_places(doc, gaz) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Security forces sealed off Baghdad streets after the bombing on Monday.", "Baghdad"),
        ("Heavy rain flooded Houston streets on Monday.", "Houston"),
        ("Thousands of protesters took to Khartoum streets on Friday.", "Khartoum"),
        ("Protesters marched on Paris streets on Saturday.", "Paris"),
    ],
)
def test_streets_of_a_place_keep_the_place(nlp, gaz, text, name):
    assert [m.text for m in extract_places(nlp(text), gaz)] == [name]


def test_county_named_without_county_in_its_states_story(gaz):
    assert gaz.lookup("Lunenburg", admin1="Virginia")[0].county == "Lunenburg County"
    assert gaz.lookup("Lunenburg")[0].admin1 == "Massachusetts"
    assert gaz.lookup("Boyle Co.")[0].county == "Boyle County"


@pytest.mark.parametrize(
    ("text", "story_state", "name", "state"),
    [
        ("A Kentucky man was shot and killed in Ohio.", "Kentucky", "Ohio", "Ohio"),
        ("A Georgia man was killed in Houston on Sunday.", "Georgia", "Houston", "Texas"),
        ("A Wisconsin woman was killed in a crash in Iowa.", "Wisconsin", "Iowa", "Iowa"),
        (
            "Three Texas skiers were killed in an avalanche in Colorado.",
            "Texas",
            "Colorado",
            "Colorado",
        ),
    ],
)
def test_state_or_big_city_is_no_bare_county_of_the_storys_state(
    nlp, gaz, text, story_state, name, state
):
    # not Ohio County, Ky., Houston County, Ga., Iowa County, Wis., Colorado County, Texas
    assert gaz.lookup(name, admin1=story_state)[0].county is None
    picked = pick(nlp, gaz, text)
    assert picked is not None
    assert (picked.place.name, picked.place.county, picked.place.admin1) == (name, None, state)


def test_scene_at_a_home_in_a_town_is_no_origin(nlp, gaz):
    text = (
        "A 2-year-old boy died after he shot himself at a home in Lunenburg, Virginia, on "
        "Monday. He was flown to VCU Medical Center in Richmond in critical condition."
    )
    assert event_city(nlp, gaz, text)[0] is None  # Lunenburg County, not Richmond
    assert pick(nlp, gaz, text).place.county == "Lunenburg County"
    text = (
        "The gunman, who owned a home in Phoenix, opened fire at a mall in Tucson, Arizona, "
        "on Saturday."
    )
    assert event_city(nlp, gaz, text) == ("Tucson", "Arizona")


def test_district_called_city_is_no_small_town_elsewhere(gaz):
    assert gaz.lookup("Harbor City") == []
    assert gaz.lookup("New York City")[0].admin1 == "New York"


def test_state_and_metropolitan_forces_name_no_town(nlp, gaz):
    doc = nlp(
        "Kentucky State Police said a boy was hurt. Officers of the Indianapolis Metropolitan "
        "Police Department also responded."
    )
    names = [m.place.name for m in extract_places(doc, gaz)]
    assert "Kentucky State" not in names and "Indianapolis Metropolitan" not in names
    assert "Indianapolis" in names


def test_unknown_street_and_sentence_stop_make_no_town(nlp, gaz):
    doc = nlp(
        "The shooting occurred in the 4200 block of Cloverfield Trail in Florissant, Missouri."
    )
    assert "Cloverfield Trail" not in [m.place.name for m in extract_places(doc, gaz)]
    doc = nlp(
        "Vermont State Police said a man was shot on Sunday at a campsite in Quarryton. "
        "Police said the father was cleaning the gun."
    )
    assert "Quarryton" in [m.place.name for m in extract_places(doc, gaz)]


def test_county_abbreviation_with_its_state(nlp, gaz):
    doc = nlp("FLOYD CO., Ind. – The sheriff's department responded to a report of a boy shot.")
    assert [(m.place.county, m.place.admin1) for m in extract_places(doc, gaz)] == [
        ("Floyd County", "Indiana")
    ]


def test_state_named_in_passing_leaves_places_abroad_abroad(nlp, gaz):
    # A story mostly of places abroad: the US state it names does not make its foreign
    # names (nor a country's) the state's namesake towns ...
    doc = nlp(
        "Pilgrims travelling from Ohio to Rome found the city quiet. Rome's hotels were half "
        "empty, and Italy, Spain and Portugal all reported fewer visitors. A guide in Ohio "
        "said bookings to China had also dropped, as China and Vietnam shut their borders."
    )
    by_text = {m.text: m.place for m in extract_places(doc, gaz)}
    assert (by_text["Rome"].country, by_text["China"].country) == ("IT", "CN")
    # ... but a town named with its state stays there, and a country's name the country.
    doc = nlp("A man was shot in Rome, Ga., on Sunday, and Rome police said he was from Italy.")
    places = {(m.place.name, m.place.admin1 or m.place.country) for m in extract_places(doc, gaz)}
    assert places == {("Rome", "Georgia"), ("Italy", "IT")}
    # With no state in sight, a story that does not read as American keeps its countries.
    doc = nlp("The U.S. envoy met ministers from Italy and China on Friday, U.S. officials said.")
    assert {m.place.country for m in extract_places(doc, gaz)} == {"US", "IT", "CN"}
    # A town of the story's state that bears a country's name stays the town.
    doc = nlp("Tourists from Lebanon were stranded in Nashville, Tennessee officials said.")
    assert ("Lebanon", "Tennessee") in {(m.text, m.place.admin1) for m in extract_places(doc, gaz)}


def test_small_us_namesake_in_a_story_abroad_is_no_us_town(nlp, gaz):
    doc = nlp(
        "Police broke up a cell in the Spanish city of Seville last month, officials in "
        "Morocco and Algeria said."
    )
    assert all(m.place.country != "US" for m in extract_places(doc, gaz))


def test_part_of_a_hyphenated_name_is_no_town_of_its_own(nlp, gaz):
    doc = nlp("Traders staged a sit-in at the Essos-Canton fish market in Yaounde on Monday.")
    assert "Canton" not in [m.place.name for m in extract_places(doc, gaz)]
    # The whole name, if it is a place, is that place.
    doc = nlp("Farmers in Guinea-Bissau harvested their cashews early.")
    assert [m.place.country for m in extract_places(doc, gaz)] == ["GW"]
    # A big city keeps its name in its metropolitan area's.
    doc = nlp("A man was shot on Sunday, Miami-Dade police said.")
    assert "Miami" in [m.place.city for m in extract_places(doc, gaz)]


def test_place_naming_whose_official_is_not_where(nlp, gaz):
    text = (
        "A militant commander was killed in what U.S. and Somali officials called a joint "
        "strike. U.S. Defense Secretary Jane Roe praised the operation. The strike hit a "
        "camp in Somalia's Jubaland region on Thursday."
    )
    assert pick(nlp, gaz, text).place.country == "SO"
    # A town's police, mayor and residents are its own, where local news happens.
    text = (
        "A man was shot on Main Street on Sunday. Dayton police Chief John Doe said the man "
        "died. Dayton Mayor Jane Roe called for calm."
    )
    assert pick(nlp, gaz, text).place.city == "Dayton"


def test_hijacking_is_an_incident(nlp, gaz):
    text = (
        "Officials said 20 passengers lost their lives in the hijacking of a bus in Turkana "
        "on Tuesday. They blamed militants in Somalia for the attack."
    )
    assert pick(nlp, gaz, text).place.country == "KE"


def test_headline_town_beside_a_place_abroad_over_a_vague_text(nlp, gaz):
    text = "Experts in the U.S. said North Korea may test a missile soon."
    picked = pick(nlp, gaz, text, headline="North Korea Could Launch Holiday Missile")
    assert picked.place.city != "Holiday"


def test_washington_alone_is_the_capital(nlp, gaz):
    doc = nlp("The ceasefire would send a signal to Washington, a senator said.")
    assert [(m.place.city, m.place.admin1) for m in extract_places(doc, gaz)] == [
        ("Washington", "District of Columbia")
    ]
    doc = nlp("A man was shot in Spokane on Sunday. Police in Washington state said he died.")
    assert {m.place.admin1 for m in extract_places(doc, gaz)} == {"Washington"}


def test_outlet_placing_its_stories_abroad_has_no_home():
    homes = OutletHomes()
    homes.observe("worldnews.example", SettledPlace("New York", "New York"))
    assert homes.home_state("worldnews.example") == "New York"
    for country in ("SY", "UA", "KE"):
        homes.observe("worldnews.example", SettledPlace(None, country=country))
    assert homes.home_state("worldnews.example") is None
    assert homes.home_city("worldnews.example") is None


def test_settled_place_of_a_story_abroad(nlp, gaz):
    doc = nlp("Gunmen attacked a hotel in Mogadishu on Sunday, killing five people.")
    places = extract_places(doc, gaz)
    settled = settled_place(pick_event_place(places, doc, "worldnews.example"), places, gaz)
    assert settled == SettledPlace(None, country="SO")


def test_small_us_namesake_stays_in_a_story_of_its_state(nlp, gaz):
    # The rule above needs a story abroad that names no state: an Ohio story keeps its town.
    doc = nlp(
        "Two people were killed in a crash in Seville on Sunday, the Ohio State Highway "
        "Patrol said. The driver had just returned from Spain."
    )
    assert ("Seville", "Ohio") in {(m.text, m.place.admin1) for m in extract_places(doc, gaz)}


def test_story_of_a_state_keeps_its_towns_among_places_abroad(nlp, gaz):
    # However many countries of origin a local story lists, its own towns stay home.
    text = (
        "A man was shot and killed at a restaurant in Paris on Saturday, Texas Rangers said. "
        "The owner, who came from Vietnam, said customers from Mexico, Honduras and Guatemala "
        "fled."
    )
    assert event_city(nlp, gaz, text) == ("Paris", "Texas")
    # ... and so does the state that makes it the state's story.
    text = (
        "A Georgia man was killed in Ukraine while fighting with a foreign legion, his family "
        "in Atlanta said. He had served in Iraq and Afghanistan and trained in Poland."
    )
    doc = nlp(text)
    georgia = next(m.place for m in extract_places(doc, gaz) if m.text == "Georgia")
    assert (georgia.country, georgia.admin1) == ("US", "Georgia")
    # A city abroad whose country the story names is that city, though the state has one.
    doc = nlp(
        "We flew to Rome from New York last week. Rome's hotels were half empty, and Italy, "
        "Spain and Portugal all reported fewer visitors."
    )
    assert {m.place.country for m in extract_places(doc, gaz) if m.text == "Rome"} == {"IT"}


def test_places_joined_by_a_hyphen_keep_their_names(nlp, gaz):
    doc = nlp("Soldiers clashed along the Afghanistan-Pakistan border on Sunday, killing four.")
    assert "AF" in {m.place.country for m in extract_places(doc, gaz)}
    text = "A man was shot near the Kansas-Missouri border on State Line Road, police said."
    assert pick(nlp, gaz, text).place.admin1 == "Kansas"
    assert event_city(nlp, gaz, "A man was shot Sunday, police in Champaign-Urbana said.") == (
        "Champaign",
        "Illinois",
    )


def test_local_officials_and_a_lone_country_still_place_the_story(nlp, gaz):
    # A town's or state's officials are local news's: the rule is for nationalities.
    text = "A water main broke early Monday, flooding several streets, Baltimore officials said."
    assert event_city(nlp, gaz, text) == ("Baltimore", "Maryland")
    text = (
        "A school bus crashed on a highway on Friday, killing two students, Texas officials said."
    )
    assert pick(nlp, gaz, text).place.admin1 == "Texas"
    # A country named only as whose president is still the only place the story gives.
    text = (
        "Ukraine President Volodymyr Zelenskyy said a Russian missile strike killed 10 people "
        "in the city on Monday."
    )
    assert pick(nlp, gaz, text).place.country == "UA"


def test_washington_in_a_story_of_another_state_is_no_capital(nlp, gaz):
    doc = nlp(
        "Deputies shot a man in Washington on Sunday after he pointed a gun at them, the "
        "Washington County sheriff said. He was taken to a hospital in Fayetteville, Arkansas."
    )
    assert "District of Columbia" not in {m.place.admin1 for m in extract_places(doc, gaz)}


def test_headline_town_stays_over_a_text_placed_in_the_us(nlp, gaz):
    # The rule above needs a vague text: one placed in a US county keeps the headline town.
    text = (
        "A man was shot and killed Sunday outside his home, Pasco County deputies said. He had "
        "just returned from a trip to Mexico."
    )
    headline = "Man shot in Holiday after trip to Mexico"
    assert event_city(nlp, gaz, text, headline=headline) == ("Holiday", "Florida")


def test_one_of_a_citys_neighbourhoods_is_the_city(nlp, gaz):
    # "a northeast Raleigh neighborhood" is a part of Raleigh, not a neighbourhood named
    # Raleigh: the city stays the known city.
    doc = nlp(
        "Sheriff's deputies searched a northeast Raleigh neighborhood on Wednesday after a "
        "shooting in Wake County."
    )
    raleigh = next(m for m in extract_places(doc, gaz) if m.text == "Raleigh")
    assert raleigh.place.geonameid is not None and raleigh.place.admin1 == "North Carolina"


def test_neighbourhood_with_no_city_named_is_the_outlets_home_city(nlp, gaz):
    # "the Bridgeport neighborhood" is no town of Illinois bearing the name, even placed in
    # the outlet's state: with no city named, the city is the local paper's own.
    text = (
        "A 15-year-old boy was shot in the Bridgeport neighborhood Friday morning, police "
        "said. The Cook County medical examiner's office identified him."
    )
    assert event_city(nlp, gaz, text, outlet="chicagotribune.com") == ("Chicago", "Illinois")


def test_headline_name_the_text_calls_a_neighbourhood_is_no_town(nlp, gaz):
    # The text calls Chatham a neighbourhood of the city whose police it names: the headline
    # does not make it the town of that name in the state.
    text = (
        "A teenager shot himself in the leg during a robbery Sunday morning in the South Side "
        "Chatham neighborhood, according to Chicago police. He was taken to a hospital in "
        "good condition."
    )
    headline = "Teen shoots himself during robbery in Chatham"
    assert event_city(nlp, gaz, text, headline=headline) == ("Chicago", "Illinois")


def test_community_of_names_a_town(nlp, gaz):
    # "the small community of X" frames X as a town, as "the town of X" does, even where
    # the tagger misses it.
    doc = nlp("The tiny community of Shafter mourned a boy who was shot while hunting.")
    towns = [(m.text, m.place.admin1) for m in extract_places(doc, gaz)]
    assert towns == [("Shafter", "California")]


def test_city_tagged_as_a_group_before_a_part_of_it_is_a_place(nlp, gaz):
    # The tagger may read "Saginaw" as a group of people; "Saginaw's southeast side" is a
    # part of the city all the same.
    doc = nlp("It happened Friday night at an apartment complex on Saginaw's southeast side.")
    towns = [(m.text, m.place.admin1) for m in extract_places(doc, gaz)]
    assert towns == [("Saginaw", "Michigan")]


def test_neighbourhood_of_a_city_the_story_never_names_is_the_storys_city(nlp, gaz):
    # The gazetteer's Washington Park is a part of East St. Louis, which this Chicago story
    # never names: the neighbourhood is one of the dateline city's.
    text = (
        "CHICAGO -- Two teenagers were wounded Saturday night by gunfire in the Washington "
        "Park neighborhood, officers said. Detectives are looking for a gray sedan."
    )
    assert event_city(nlp, gaz, text) == ("Chicago", "Illinois")


def test_bare_name_of_named_county_is_no_vote_for_a_namesake_town(nlp, gaz):
    # "in Pasco" beside "the Pasco County Sheriff's Office" is the Florida county, not
    # Pasco, Wash., however often the story repeats it.
    text = (
        "Deputies of the Pasco County Sheriff's Office were called to a shooting in Pasco on "
        "Monday night. The Pasco man who was shot had moved from North Carolina last year. "
        "Pasco detectives said the gun was stolen in Florida. A Pasco deputy arrested a "
        "neighbor."
    )
    assert pick(nlp, gaz, text).place.admin1 == "Florida"
    # With no such county named, the town's name still tells its state.
    text = (
        "A man who moved from Pasco was shot on Monday night, police said. He had grown up in "
        "Pasco and studied in Pasco before he moved to Florida, his family said."
    )
    assert pick(nlp, gaz, text).place.admin1 == "Washington"
    # A city of the named county's own state keeps its vote against a state named in passing.
    text = (
        "A man was shot near Washington Park in Milwaukee on Monday night, the Milwaukee "
        "County Sheriff's Office said. Milwaukee police said the suspect fled to Florida."
    )
    assert pick(nlp, gaz, text).place.admin1 == "Wisconsin"


def test_state_spelt_out_with_its_town_counts_once(nlp, gaz):
    # "Palm Harbor, Florida" names Florida once, not twice: two Georgia cities outweigh it.
    text = (
        "Valdosta police are investigating the death of a teenager who was shot on Saturday. "
        "His uncle, who drove up from Palm Harbor, Florida, said the family wants answers. "
        "Warner Robins police are assisting."
    )
    assert event_city(nlp, gaz, text) == ("Valdosta", "Georgia")
    # Named twice, the state still wins.
    text = (
        "Valdosta police are investigating the death of a teenager who was shot on Saturday. "
        "His uncle, who drove up from Palm Harbor, Florida, said the family wants answers. "
        "Florida officials were told."
    )
    assert pick(nlp, gaz, text).place.admin1 == "Florida"


def test_state_named_county_after_town_is_no_state(nlp, gaz):
    # "Chester, Delaware County" is the town and its county (in Pennsylvania), not Delaware.
    text = "A man was shot and killed Friday night in Chester, Delaware County, police said."
    assert event_city(nlp, gaz, text) == ("Chester", "Pennsylvania")
    text = "A man was shot and killed Friday night in Milford, Delaware, police said."
    assert event_city(nlp, gaz, text) == ("Milford", "Delaware")


def test_township_of_the_storys_state_is_no_namesake_town_elsewhere(nlp, gaz):
    # The gazetteer seldom holds townships: "Ross Township" in a story of Allegheny County
    # is one of Pennsylvania's, not the town of Ross, Ohio.
    text = (
        "A man was shot outside a bar in Ross Township on Friday night, Allegheny County "
        "police said. He was taken to a hospital in McKeesport."
    )
    assert event_city(nlp, gaz, text) == ("Ross Township", "Pennsylvania")
    # With no state in sight, the namesake town stands.
    text = "A man was shot outside a bar in Ross Township on Friday night, police said."
    assert event_city(nlp, gaz, text) == ("Ross", "Ohio")
    # A township of another country the story names stays there.
    text = (
        "Chicago police said a man was shot in Englewood on Friday night. The victim grew up in "
        "Soweto Township in South Africa."
    )
    soweto = next(m for m in extract_places(nlp(text), gaz) if m.text.startswith("Soweto"))
    assert soweto.place.country == "ZA"


def test_state_half_of_a_town_pair_is_no_country(nlp, gaz):
    # "Atlanta, Georgia" in a Texas story is the US state, not the country Georgia.
    text = (
        "A man was shot and killed in Houston on Saturday, Houston police said. The suspect "
        "was arrested in Atlanta, Georgia, on Monday. Texas officials will seek his return."
    )
    georgia = [m for m in extract_places(nlp(text), gaz) if m.text == "Georgia"]
    assert georgia and all(m.place.country == "US" for m in georgia)
