"""Typed records passed between the stages: ingest → analyze → cluster → reconcile → store.

Every extracted item carries character offsets (``start``, ``end``) into the stored article
text, which is the input text unchanged (stand-off annotation). All records are plain
dataclasses that round-trip through ``to_dict`` / ``from_dict`` as JSON-compatible dicts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

T = TypeVar("T")

DatePrecision = Literal["day", "week", "month", "year", "range", "unknown"]
PlacePrecision = Literal["address", "city", "county", "admin1", "country", "region", "unknown"]
FactKind = Literal[
    "quote",
    "number",
    "casualty",
    "date",
    "place",
    "actor",
    "title",
    "affiliation",
    "party",
    "other",
]
FactStatus = Literal["corroborated", "single_source", "disputed"]
CasualtyKind = Literal["killed", "injured"]
SpeakerKind = Literal["person", "group"]


# --------------------------------------------------------------------------- serialisation


# Values stored as they are: most of what `to_dict` meets (it runs on every analysis stored).
_PLAIN = (str, int, float, type(None))


def to_dict(obj: Any) -> Any:
    """Turn a record (or list/dict of records) into JSON-compatible data."""
    if isinstance(obj, _PLAIN):
        return obj
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    names = _record_fields(type(obj))
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    return obj


@functools.cache
def _record_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass (None for any other type), looked up once per class."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        (inner, *_) = typing.get_args(tp) or (Any,)
        items = [_convert(inner, v) for v in value]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        return dict(value)
    if tp is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A record type's resolved field types (resolving them is slow; records are many)."""
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output (unknown keys ignored)."""
    hints = _hints(cls)
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


# --------------------------------------------------------------------------- ingest


@dataclass
class RawArticle:
    """One article as read from its source, before it is stored.

    ``text`` is kept verbatim; ``boilerplate`` lists ``[start, end)`` ranges of page
    boilerplate inside it (never deleted, never analysed).
    """

    text: str
    origin: str  # where it came from: "path", "path:LINE" for JSONL, "<stdin>", a URL
    external_id: str | None = None  # the id given by the input, kept as the article's id
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    attribution: str | None = None  # wire/agency credit ("Reuters", "Agencies", "AP")
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Skipped:
    """An input that could not become an article, with one clear reason."""

    origin: str
    reason: str


@dataclass
class Article(RawArticle):
    """A stored article: a :class:`RawArticle` with its id and content hash."""

    id: str = ""
    content_hash: str = ""


def outlet_key(outlet: str | None) -> str | None:
    """An outlet as compared with others: case and a leading "www." folded (None: none)."""
    key = outlet.strip().casefold().removeprefix("www.") if outlet else ""
    return key or None


# --------------------------------------------------------------------------- analysis


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, DATE, CARDINAL, ...


@dataclass
class DateMention:
    """A time expression normalised to a date range against the publication date."""

    start: int
    end: int
    text: str
    range_start: dt.date
    range_end: dt.date
    precision: DatePrecision
    best: dt.date | None = None  # most likely single day, when the text allows one

    @property
    def from_text(self) -> bool:
        """False for a date inferred from metadata (the publication date): its span is empty."""
        return self.end > self.start


@dataclass
class Place:
    """A geocoded place (no offsets): what a mention resolves to."""

    name: str
    city: str | None = None
    admin1: str | None = None  # first-level region (US state, province, governorate)
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = "unknown"
    county: str | None = None
    geonameid: int | None = None


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    role: Literal["event", "background", "unknown"] = "unknown"
    in_title: bool = False  # the offsets index the article's title, not its text

    @property
    def from_text(self) -> bool:
        """False for a place inferred from metadata (the outlet's home): its span is empty."""
        return self.end > self.start


@dataclass
class NumberMention:
    """A number with what it counts: "69 special forces members" → 69, "special forces members"."""

    start: int
    end: int
    text: str
    value: float
    counts: str | None = None  # the counted noun phrase, lower-cased head lemma first
    approximate: bool = False  # "some 600", "about 3,000", "dozens"


@dataclass
class Quote:
    """Direct or indirect speech with its content, cue and speaker spans."""

    start: int  # content span
    end: int
    text: str
    speaker: str | None = None  # resolved to the fullest name in the article
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    direct: bool = True
    # "person" (a name, "he", "the senator") or "group" ("House Democrats", "the Obama
    # campaign", "they"); None when the speaker is unknown or cannot be told apart.
    speaker_kind: SpeakerKind | None = None
    # The group the speaker speaks for, as the text tells it: "Democrats" for "Sen. Chris
    # Coons (D-Del.)", "Obama campaign" for its spokeswoman, the group speaker itself.
    speaker_group: str | None = None


@dataclass
class Casualty:
    """A killed or injured statement: "four teens were shot" → injured, 4, who="teens"."""

    start: int
    end: int
    text: str
    kind: CasualtyKind
    low: int
    best: int
    high: int
    who: str | None = None
    in_title: bool = False  # the offsets index the article's title, not its text


@dataclass
class Person:
    """A person named in the article, with title/affiliation and role when stated."""

    name: str
    start: int
    end: int
    title: str | None = None  # "commander of Kenya's Coast Guard Service"
    title_span: tuple[int, int] | None = None
    affiliation: str | None = None  # "Kenya's Coast Guard Service"
    affiliation_span: tuple[int, int] | None = None
    party: str | None = None  # "Democratic Party", spelt out from "Sen. Chris Coons (D-Del.)"
    party_span: tuple[int, int] | None = None  # the party's letter
    role: str | None = None  # victim | suspect | official | other
    age: int | None = None
    gender: str | None = None
    status: str | None = None  # killed | injured | arrested | unharmed


@dataclass
class Analysis:
    """Everything extracted from one article; all offsets index the stored article text,
    except those of the ``title_*`` mentions (``in_title``), which index its title."""

    article_id: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    # What the headline (the title without the site's name) states: evidence for the
    # conclusions below when the text is silent ("Two arrested after Oak Park shooting").
    title_places: list[PlaceMention] = field(default_factory=list)
    title_casualties: list[Casualty] = field(default_factory=list)
    # Article-level conclusions drawn from the mentions above (a headline mention when the
    # text gives none: check ``in_title`` before reading its offsets).
    event_date: DateMention | None = None
    event_place: PlaceMention | None = None
    killed: Casualty | None = None
    injured: Casualty | None = None
    type: str = "OTHER"  # CASE 2021 / ACLED sub-event label; OTHER when not confident
    type_confidence: float = 0.0  # the classifier's probability for its best label
    event_type: str | None = None  # ACLED event type of ``type`` (None for non-ACLED types)
    keywords: list[str] = field(default_factory=list)  # content lemmas for clustering


# --------------------------------------------------------------------------- events


@dataclass
class Range:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass
class EventDate:
    start: dt.date | None = None
    end: dt.date | None = None
    best: dt.date | None = None
    precision: DatePrecision = "unknown"


@dataclass
class Actor:
    name: str
    role: str | None = None


@dataclass
class Source:
    """One member article of an event, with the independent-source group it belongs to."""

    id: str  # the article id (the input id when one was given)
    outlet: str | None
    url: str | None
    published: dt.date | None
    source_group: str  # articles sharing a group are copies of one story


@dataclass
class Alternative:
    value: str
    support: list[str]  # article ids


@dataclass
class Fact:
    kind: FactKind
    text: str  # human-readable statement of the fact
    value: str  # normalised value compared across sources
    status: FactStatus
    support: list[str]  # article ids backing ``value``
    speaker: str | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    spans: dict[str, list[int]] = field(default_factory=dict)  # article id -> [start, end]
    # Where an article states the fact in its title rather than its text: id -> [start, end]
    title_spans: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class EventRecord:
    """The reconciled record of one real-world event (the export contract)."""

    id: str
    title: str
    type: str = "OTHER"  # CASE 2021 / ACLED sub-event label, voted by the members
    date: EventDate = field(default_factory=EventDate)
    location: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    killed: Range = field(default_factory=Range)
    injured: Range = field(default_factory=Range)
    articles: list[Source] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    type_confidence: float = 0.0  # share of the independent sources' confidence behind ``type``
    event_type: str | None = None  # ACLED event type (Battles, Protests, ...) of ``type``
