"""Reconcile stage: one sourced record per event from its member articles.

`reconcile` is deterministic: the same members in any order give the same record.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from wirecheck.analyze.dates import EARLY_HOURS, LATE_HOURS
from wirecheck.analyze.event_types import MIN_CONFIDENCE, OTHER, acled_event_type
from wirecheck.analyze.people import PeopleIndex
from wirecheck.analyze.places import Gazetteer, states_named
from wirecheck.cluster.index import MAX_EVENT_DAYS, is_firm_range
from wirecheck.models import (
    Actor,
    Analysis,
    Article,
    DateMention,
    EventDate,
    EventRecord,
    Person,
    Place,
    Range,
    Source,
)
from wirecheck.reconcile.facts import claims_of, reconcile_facts

__all__ = ["Member", "reconcile"]

MAX_TITLE = 140
# A death toll up to this is "a few dead": the report tells of each victim, the wounded
# included. Set below the mass-shooting mark (four or more shot, as GVA counts), not tuned:
# on the GVA event replay (BENCHMARKS.md) caps of 1 to 4 and no cap all give injured 0.819
# to 0.820; the cap is for attacks' death tolls, which that set hardly has.
FEW_DEAD = 3


@dataclass
class Member:
    """An article of an event, its analysis, and the independent source it belongs to."""

    article: Article
    analysis: Analysis
    source_group: str


def _order(member: Member) -> tuple:
    return (member.article.published or dt.date.max, member.article.id)


def _title(members: list[Member]) -> str:
    for member in members:
        if member.article.title:
            return member.article.title[:MAX_TITLE]
    text = members[0].article.text.strip().split("\n", 1)[0]
    return text[:MAX_TITLE] or members[0].article.id


def _date(members: list[Member]) -> EventDate:
    """Intersection of the members' event date ranges when they overlap, else their union;
    best = the day backed by most independent sources. Dates inferred from publication count
    only when no member's text dates the event."""
    mentions = [(m.source_group, m.analysis.event_date) for m in members if m.analysis.event_date]
    if mentions and not any(d.from_text for _, d in mentions):
        # Only publication dates: the event came within the week before the first report.
        first = min(d.best or d.range_end for _, d in mentions)
        start = min(d.range_start for _, d in mentions)
        return EventDate(start=start, end=first, best=first, precision="week")
    mentions = [(g, d) for g, d in mentions if d.from_text]
    if not mentions:
        published = sorted(m.article.published for m in members if m.article.published)
        if not published:
            return EventDate()
        # Nothing in the text dates the event: it happened by the first report.
        return EventDate(start=None, end=published[0], best=None, precision="unknown")
    days = Counter(day for _, day in {(g, d.best) for g, d in mentions if d.best})
    best = _best_day(days, [d for _, d in mentions])
    start = max(d.range_start for _, d in mentions)
    end = min(d.range_end for _, d in mentions)
    if start > end:
        # No day fits every member: the record spans their ranges, but not those vaguer
        # than the clustering's window (a month or year named alone) nor those farther from
        # the best day than an event's reports spread (a report recalling an older event):
        # on a long stream they stretched records over decades.
        near = [
            d
            for _, d in mentions
            if is_firm_range((d.range_start, d.range_end))
            and (best is None or _days_from(best, d) <= MAX_EVENT_DAYS)
        ] or [d for _, d in mentions]
        start = min(d.range_start for d in near)
        end = max(d.range_end for d in near)
    if best is None and start == end:
        best = start
    agreed = best is not None and all(d.best in (None, best) for _, d in mentions)
    precision = "day" if agreed else ("week" if (end - start).days <= 7 else "range")
    return EventDate(start=start, end=end, best=best, precision=precision)


def _best_day(days: Counter, mentions: list[DateMention]) -> dt.date | None:
    """The day most independent sources back; of two or more, the earliest, but for a night
    and the early hours after it: when one source says "late Tuesday night" and another
    "early Wednesday morning", the second has said which side of midnight it was."""
    if not days:
        return None
    top = max(days.values())
    tied = sorted(day for day, n in days.items() if n == top)
    if len(tied) == 2 and (tied[1] - tied[0]).days == 1:
        said = {day: [m.text for m in mentions if m.best == day] for day in tied}
        early = any(EARLY_HOURS.search(t) and not LATE_HOURS.search(t) for t in said[tied[1]])
        late = any(LATE_HOURS.search(t) and not EARLY_HOURS.search(t) for t in said[tied[0]])
        if early and late:
            return tied[1]
    return tied[0]


def _days_from(day: dt.date, mention: DateMention) -> int:
    """Days from ``day`` to a date mention's range (0 inside it)."""
    return max((mention.range_start - day).days, (day - mention.range_end).days, 0)


def _location(members: list[Member]) -> Place | None:
    """The place most independent sources give, as specific as they allow: the country, then
    the state, then the city or county backed by the most source groups (each group's first
    event place). Places inferred from an outlet's home count only when no member's text
    places the event.

    A city against a county of the same state, equally backed, gives the city (the county is
    mostly the sheriff's or the county's agency; the town says where), unless the gazetteer
    puts the city in another county. Another tie goes to the place more groups name anywhere
    in their text: one outlet places the shooting in a suburb and another in the city beside
    it, and both name the city. A state tie goes first to the state more groups write out
    (the state itself, or "Shelby, N.C."): a town name alone is resolved by the gazetteer's
    guess when several states have it. Any other tie keeps the level above, where the record
    does not take sides (the facts show the dispute)."""
    mentions = [(m.source_group, m.analysis.event_place) for m in members if m.analysis.event_place]
    if any(p.from_text for _, p in mentions):
        mentions = [(g, p) for g, p in mentions if p.from_text]
    by_group: dict[str, Place] = {}
    for group, mention in mentions:
        by_group.setdefault(group, mention.place)
    places = list(by_group.values())
    if not places:
        return None
    # Who names what anywhere: read only when a tie needs it (reconcile is on the ingest path).
    named = functools.cache(lambda: _named_places(members))
    countries = Counter(p.country for p in places)
    country = max(countries, key=lambda c: (countries[c], c or ""))
    same = [p for p in places if p.country == country]
    admin1s = Counter(p.admin1 for p in same if p.admin1)
    admin1 = _most_backed(admin1s, lambda state: (named().written[state], named().states[state]))
    if admin1s and admin1 is None:
        return _country_place(same, country)
    inside = [p for p in same if p.admin1 in (admin1, None)]
    spots = Counter(_spot(p) for p in inside if _spot(p))
    # A town and a county: the town's own report names the county too (its sheriff), so
    # who names what anywhere would side with the county; the town says where.
    spot = _city_over_county(spots, inside) or _most_backed(
        spots, lambda s: named().spots[(admin1, s)]
    )
    if spot is not None:
        return next(p for p in inside if _spot(p) == spot)
    if admin1 is not None:
        return next(
            (p for p in inside if p.precision == "admin1"),
            Place(name=admin1, admin1=admin1, country=country, precision="admin1"),
        )
    return _country_place(same, country)


def _spot(place: Place) -> str | None:
    """The city, else the county, of a place: what the record's place is below the state."""
    return place.city or place.county


class _NamedPlaces(NamedTuple):
    """How many source groups name each state, write each state out, and name each (state,
    city or county), anywhere in their text or headline, background mentions included."""

    states: Counter
    written: Counter
    spots: Counter


def _named_places(members: list[Member]) -> _NamedPlaces:
    """Who names which place: see `_NamedPlaces`."""
    states: set[tuple[str, str]] = set()
    written: set[tuple[str, str]] = set()
    spots: set[tuple[str, tuple[str | None, str]]] = set()
    for m in members:
        mentions = m.analysis.places + m.analysis.title_places
        written.update((m.source_group, state) for state in states_named(mentions))
        for mention in mentions:
            place = mention.place
            if place.admin1:
                states.add((m.source_group, place.admin1))
            if spot := _spot(place):
                spots.add((m.source_group, (place.admin1, spot)))
    return _NamedPlaces(*(Counter(v for _, v in pairs) for pairs in (states, written, spots)))


def _city_over_county(spots: Counter, places: list[Place]) -> str | None:
    """Of a city and a county equally backed, the city, unless the gazetteer knows the city
    lies in another county (then the two sources disagree, and the record takes no side)."""
    tied = set(_tied(spots))
    cities = [p for p in places if p.city in tied]
    counties = [p for p in places if not p.city and p.county in tied]
    if len(tied) != 2 or len({p.city for p in cities}) != 1 or len(counties) != 1:
        return None
    city, county = cities[0], counties[0]
    return None if Gazetteer().in_other_county(city, county) else city.city


def _country_place(places: list[Place], country: str | None) -> Place:
    """The country itself as one of ``places`` names it, else a bare country place."""
    return next(
        (p for p in places if p.precision == "country"),
        Place(name=country or "unknown", country=country, precision="country"),
    )


def _tied(counts: Counter) -> list[str]:
    """The values that share the most support (none for no counts)."""
    top = max(counts.values(), default=0)
    return [v for v, n in counts.items() if n == top]


def _most_backed(counts: Counter, tie_break: Callable[[str], Any]) -> str | None:
    """The value with the most support; of values sharing the most, the one ``tie_break``
    scores highest; None when still tied (or none)."""
    tied = _tied(counts)
    if len(tied) > 1:
        most = max(map(tie_break, tied))
        tied = [v for v in tied if tie_break(v) == most]
    return tied[0] if len(tied) == 1 else None


def _range(values: dict[str, tuple[int, int, int]], zero_denies: bool = True) -> Range:
    """low/best/high over independent sources.

    ``low`` is the lowest low and ``high`` the highest high any source gives. ``best`` is
    the figure the most independent sources report: one outlier source (an early count, a
    misread sentence) does not outweigh several that agree. When sources are split evenly,
    ``best`` follows ACLED's conservative rule: the lowest figure among the most backed.
    With ``zero_denies``, a zero ("no casualties") next to sources that report deaths is a
    denial, not a count: it stays in ``low`` (and the casualty fact is disputed), and
    ``best`` is chosen among the sources that report casualties.
    """
    if not values:
        return Range()
    lows, bests, highs = zip(*values.values(), strict=True)
    counted = Counter(b for b in bests if b > 0 or not zero_denies)
    best = min(counted, key=lambda b: (-counted[b], b)) if counted else 0
    return Range(low=min(lows), best=best, high=max(highs))


def _casualties(members: list[Member], kind: str) -> Range:
    """The killed or injured range over the members' independent sources (each source's
    highest figure). Where some source gives a figure of the wounded, one that counts a
    few dead (up to ``FEW_DEAD``) and names no wounded reports none wounded: a report of a
    shooting that killed one or two names the wounded when there are any, while one of an
    attack's death toll leaves them to others. For the wounded a zero is a count like any
    other; a source silent on deaths says nothing of them (it may predate one)."""
    per_group: dict[str, tuple[int, int, int]] = {}
    for m in members:
        c = getattr(m.analysis, kind)
        if c is None:
            continue
        seen = per_group.get(m.source_group)
        if seen is None or c.best > seen[1]:
            per_group[m.source_group] = (c.low, c.best, c.high)
    if kind == "killed" or not per_group:
        return _range(per_group)  # no source names wounded: their number is unknown, not 0
    for m in members:
        if m.analysis.killed is not None and 0 < m.analysis.killed.best <= FEW_DEAD:
            per_group.setdefault(m.source_group, (0, 0, 0))
    return _range(per_group, zero_denies=False)


def _people(members: list[Member]) -> PeopleIndex:
    """Everyone named across the members, merged by name variants (fullest name kept)."""
    merged = PeopleIndex()
    for person in sorted(
        (p for m in members for p in m.analysis.people), key=lambda p: (-len(p.name), p.name)
    ):
        existing = merged.resolve(person.name)
        if existing is None:
            merged.add(Person(**vars(person)))
        else:
            existing.role = existing.role or person.role
            existing.title = existing.title or person.title
            existing.affiliation = existing.affiliation or person.affiliation
            existing.party = existing.party or person.party
    return merged


def _type(members: list[Member]) -> tuple[str, float]:
    """The event's type by a confidence-weighted vote of its independent sources.

    Each source group votes once, with its most confident article; an article typed OTHER
    votes for nothing but still counts. The winner's confidence is its share of the summed
    vote over all groups; below ``MIN_CONFIDENCE`` the event is OTHER.
    """
    best: dict[str, Analysis] = {}
    for m in members:
        seen = best.get(m.source_group)
        if seen is None or m.analysis.type_confidence > seen.type_confidence:
            best[m.source_group] = m.analysis
    votes: Counter[str] = Counter()
    for analysis in best.values():
        if analysis.type != OTHER:
            votes[analysis.type] += analysis.type_confidence
    if not votes:
        return OTHER, 0.0
    label = max(votes, key=lambda t: (votes[t], t))
    confidence = round(votes[label] / len(best), 4)
    return (label, confidence) if confidence >= MIN_CONFIDENCE else (OTHER, confidence)


def reconcile(event_id: str, members: list[Member]) -> EventRecord:
    """The event record: date, place, actors, casualties, sources and facts with statuses."""
    members = sorted(members, key=_order)
    people = _people(members)
    claims = [c for m in members for c in claims_of(m.analysis, m.source_group, people)]
    kind, confidence = _type(members)
    return EventRecord(
        id=event_id,
        title=_title(members),
        type=kind,
        type_confidence=confidence,
        event_type=acled_event_type(kind),
        date=_date(members),
        location=_location(members),
        actors=[Actor(p.name, p.role) for p in sorted(people.people, key=lambda p: p.name)],
        killed=_casualties(members, "killed"),
        injured=_casualties(members, "injured"),
        articles=[
            Source(
                m.article.id, m.article.outlet, m.article.url, m.article.published, m.source_group
            )
            for m in members
        ],
        facts=reconcile_facts(claims),
    )
