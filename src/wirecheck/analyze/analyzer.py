"""The analyzer: one spaCy pass per article, then the mention extractors over that Doc.

The Doc is built from the article text with boilerplate blanked (same length), so every
offset the extractors produce indexes the stored article text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from wirecheck.analyze.casualties import (
    BODY_PART,
    MULTIPLE_HOMICIDE,
    TALLY_SHARED,
    extract_casualties,
    split_dead,
    summarize_casualties,
)
from wirecheck.analyze.dates import extract_dates, pick_event_date, publication_date
from wirecheck.analyze.event_types import LEAD_SENTENCES, classify, lead_text
from wirecheck.analyze.nlp import (
    doc_text,
    entities,
    load_nlp,
    mask,
    sentences,
    span_text,
    tokens,
)
from wirecheck.analyze.numbers import UNITS, extract_numbers
from wirecheck.analyze.people import extract_people, settle_victims
from wirecheck.analyze.places import (
    Gazetteer,
    OutletHomes,
    extract_places,
    headline_span,
    pick_event_place,
    title_cased,
)
from wirecheck.analyze.quotes import extract_quotes
from wirecheck.models import (
    Analysis,
    Article,
    Casualty,
    DateMention,
    Entity,
    PlaceMention,
)

__all__ = [
    "ANALYSIS_VERSION",
    "MAX_ANALYZED_CHARS",
    "Analyzer",
    "Headline",
    "event_date",
    "headline_text",
]

# Bump when extractors change what they produce, so stored analyses can be refreshed.
ANALYSIS_VERSION = 49
# spaCy refuses texts over nlp.max_length (1,000,000); news bodies are far shorter, so only
# the leading part of a pathological text is analysed. Offsets stay valid (it is a prefix).
MAX_ANALYZED_CHARS = 100_000
# Headlines run to about 150 characters; a longer "title" is page furniture or a lede
# pasted in, of which the start is read (a prefix, so offsets hold).
MAX_HEADLINE_CHARS = 300
# Words that report an injury outright, unlike "shot", which a death may have followed.
INJURY_WORD = re.compile(r"\b(injur|wound|hurt|hospitali[sz])", re.I)
# Nouns for a part in the event: a headline's "Suspect dies" is not the text's deputy shot.
ROLES = {"suspect", "gunman", "shooter", "attacker", "robber", "deputy", "officer", "trooper"}
ROLES |= {"policeman", "agent", "guard", "soldier", "sheriff", "detective", "clerk", "driver"}
# A headline that sums up several incidents or a period: what marks such a sentence and a
# headline alike (:data:`~wirecheck.analyze.casualties.TALLY_SHARED`: "five killed in separate
# shootings", "9 killed so far this year"), and, as a headline of ten words tells one story, a
# bare plural or a period ("46 wounded in weekend shootings", "8 killed in weekend gun
# violence", "across Baghdad"), a digest ("City Roundup", "the police blotter") or an earlier
# event ("deaths of 2 kids in 2019 fire", "a year since").
SEVERAL = re.compile(
    rf"{TALLY_SHARED.pattern}|"
    r"\b(shootings|attacks|incidents|weekend|(?<!domestic )violence|across|separate|so far|"
    r"since|anniversary|round-?up|blotter|(19|20)\d\d)\b|(?<!-)\b(years?|months?)\b(?![- ]old)",
    re.I,
)
HEAD_COUNT = rf"(\d+|{'|'.join(w for w, n in UNITS.items() if 1 <= n <= 10)})"
# A headline's own toll of the dead: "4 dead", "Police: five people found dead", "kills 3",
# "gunman leaves 4 dead",
# "the killings of four women", "a double murder-suicide" (not "Two men charged after a girl
# was killed", "1 killed 3 injured" read as "killed 3", "3 wounded, gunman dead"). A count of
# the dead opens the headline, after a source's label at most.
HEAD_TOLL = re.compile(
    rf"^\s*([^:]{{1,30}}: )?{HEAD_COUNT}( [a-z]+){{0,2}} (dead|killed|slain)\b|"
    rf"\b(kills|killing) {HEAD_COUNT}\b|\b(killings|deaths|slayings|murders) of {HEAD_COUNT}\b|"
    rf"\b(leaves|leaving|left) {HEAD_COUNT}( [a-z]+)? dead\b|"
    rf"{MULTIPLE_HOMICIDE.pattern}",
    re.I,
)
KEYWORD_POS = {"NOUN", "PROPN", "VERB"}
MAX_KEYWORDS = 40


class Analyzer:
    """Runs the spaCy pipeline and every extractor; reusable across batches."""

    def __init__(self, nlp: Language | None = None, gazetteer: Gazetteer | None = None):
        self.nlp = nlp or load_nlp()
        self.gazetteer = gazetteer or Gazetteer()

    def analyze(self, article: Article) -> Analysis:
        """Analyze one article."""
        return next(self.analyze_many([article]))

    def analyze_many(
        self, articles: Iterable[Article], batch_size: int = 16, homes: OutletHomes | None = None
    ) -> Iterator[Analysis]:
        """Analyze articles in order, batching the spaCy pass.

        ``homes`` (the outlets' learnt home states) is read as each article is analysed, so
        what the caller learns from one article serves the next.
        """
        for_text, for_title = itertools.tee(articles)
        pairs = ((mask(a.text, a.boilerplate)[:MAX_ANALYZED_CHARS], a) for a in for_text)
        docs = self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
        # Headlines are parsed in batches of their own: one call each would cost more.
        titles = self.nlp.pipe((headline_text(a) for a in for_title), batch_size=batch_size)
        for (doc, article), title_doc in zip(docs, titles, strict=True):
            yield self.analyze_doc(article, doc, homes, title_doc)

    def read_headline(self, article: Article, doc: Doc | None = None) -> Headline:
        """What the article's headline names: places and casualty statements, with offsets
        into its title (``doc``: the headline already parsed)."""
        text = headline_text(article)
        if not text.strip():
            return Headline()
        doc = doc if doc is not None else self.nlp(text)
        # In Title Case ("Four Injured In Miami Gardens Shooting") the tagger reads the words
        # of a count as names: casualties are read from the headline in lower case (of the
        # same length, so offsets hold), places from it as written.
        lowered = text.lower()
        counted = doc
        if title_cased(text) and len(lowered) == len(text):
            counted = self.nlp(lowered)
        casualties = []
        for c in extract_casualties(counted, headline=True):
            start = c.start + len(text[c.start : c.end]) - len(text[c.start : c.end].lstrip())
            casualties.append(replace(c, start=start, text=text[start : c.end], in_title=True))
        return Headline(
            places=[replace(m, in_title=True) for m in extract_places(doc, self.gazetteer)],
            casualties=casualties,
            several=SEVERAL.search(text) is not None,
            toll=HEAD_TOLL.search(text) is not None,
        )

    def analyze_doc(
        self,
        article: Article,
        doc: Doc,
        homes: OutletHomes | None = None,
        title_doc: Doc | None = None,
    ) -> Analysis:
        """Run the extractors over a Doc of the article's masked text, and its headline
        (``title_doc``: parsed from :func:`headline_text`, else parsed here)."""
        people = extract_people(doc, self.gazetteer)
        dates = extract_dates(doc, article.published)
        places = extract_places(doc, self.gazetteer)
        year = article.published.year if article.published else None
        casualties = extract_casualties(doc, year)
        headline = self.read_headline(article, title_doc)
        killed, injured = headline.tolls(casualties, doc_text(doc))
        settle_victims(doc, people, killed, injured)
        sents = [s for s in sentences(doc) if span_text(s).strip()]
        lead = [span_text(s) for s in sents[: LEAD_SENTENCES + 1]]
        kind = classify(lead_text(article.title, lead))
        return Analysis(
            article_id=article.id,
            sentences=[(s.start_char, s.end_char) for s in sents],
            entities=[Entity(e.start_char, e.end_char, e.text, e.label_) for e in entities(doc)],
            dates=dates,
            places=places,
            numbers=extract_numbers(doc),
            quotes=extract_quotes(doc, people),
            casualties=casualties,
            people=people,
            title_places=headline.places,
            title_casualties=headline.casualties,
            event_date=event_date(dates, doc, article.published, article.title),
            event_place=pick_event_place(
                places, doc, article.outlet, homes, article.title, headline.places
            ),
            killed=killed,
            injured=injured,
            type=kind.label,
            type_confidence=kind.confidence,
            event_type=kind.event_type,
            keywords=keywords(doc),
        )


def headline_text(article: Article) -> str:
    """The part of the title that is the headline, with a leading site name blanked (same
    length, so its offsets are the title's); a long title is cut at a space."""
    if not article.title:
        return ""
    start, end = headline_span(article.title, article.outlet)
    if end - start > MAX_HEADLINE_CHARS:
        cut = article.title.rfind(" ", start, start + MAX_HEADLINE_CHARS)
        end = cut if cut > start else start + MAX_HEADLINE_CHARS
    return " " * start + article.title[start:end]


@dataclass
class Headline:
    """The mentions of an article's headline (offsets into its title, ``in_title``)."""

    places: list[PlaceMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    # "46 wounded in weekend shootings": a headline summing up several shootings or a period.
    several: bool = False
    # "4 dead in Oak Park shooting": the headline gives its own toll of the dead.
    toll: bool = False

    def tolls(
        self, text: list[Casualty], body: str = ""
    ) -> tuple[Casualty | None, Casualty | None]:
        """(killed, injured): the text's summaries, else the headline's ("2 dead in Oak Park
        shooting" over a text that gives no count).

        Where the text or headline reports a death, the headline's injured count needs an
        injury word: in "Boy, 7, dies after accidentally shooting himself" the one shot died.
        A headline's toll above the text's counts: a report may tell of fewer victims than
        its headline sums up ("Two dead, six injured" over a text that tells of one death, or
        of one victim wounded; "4 people shot" where no death is told), unless the headline
        sums up several shootings. Where only the headline reports a death, of one victim,
        and the text tells of one victim shot, that is the one who died ("Girl dies after
        being shot" over "the girl was shot"), unless the headline tells of an injury too
        (``body``: the text the statements index). Where a death is reported and the text
        gives no wounded, a headline that splits the people shot gives them ("5 shot, 1
        killed" is 4).
        """
        text_killed = summarize_casualties(text, "killed")
        head_killed = summarize_casualties(self.casualties, "killed")
        injured = summarize_casualties(text, "injured")
        # "Four people shot": where no death is told, the headline's shot are its wounded.
        no_death = text_killed is None and head_killed is None
        head_hurt = summarize_casualties(
            [c for c in self.casualties if no_death or INJURY_WORD.search(c.text)], "injured"
        )
        killed = text_killed if text_killed is not None else _in_title(head_killed)
        if (
            text_killed is not None
            and head_killed is not None
            and head_killed.best > text_killed.best
            and not self.several
            and self.toll
        ):
            killed = _in_title(head_killed)
        if (
            text_killed is None
            and head_killed is not None
            and head_killed.best == 1
            and injured is not None
            and injured.best == 1
            and head_hurt is None
            and _same_victim(head_killed, injured, body)
        ):
            injured = None
        elif (
            injured is not None
            and head_hurt is not None
            and head_hurt.best > injured.best
            and not self.several
        ):
            injured = _in_title(head_hurt)
        if injured is None:
            stated = self.casualties
            if any(k is not None and k.best > 0 for k in (text_killed, head_killed)):
                # "5 shot, 1 killed": the split of the shot gives the wounded, 4.
                stated = [
                    c
                    for c in stated
                    if INJURY_WORD.search(c.text) or self._split_of_shot(c, text_killed)
                ]
            injured = _in_title(summarize_casualties(stated, "injured"))
        return killed, injured

    def _split_of_shot(self, statement: Casualty, text_killed: Casualty | None) -> bool:
        """A headline's split of one shooting's shot ("5 shot, 1 killed") whose dead the text
        does not outnumber (a later toll: the split's wounded are stale)."""
        dead = split_dead(statement.text)
        if dead is None or self.several:
            return False
        return text_killed is None or text_killed.best <= dead


def _same_victim(head: Casualty, text: Casualty, body: str) -> bool:
    """The text's one victim shot is the headline's one dead: the same noun ("Girl dies after
    being shot" over "the girl was shot", not "Suspect dies" over "a deputy was shot"), and
    no wound is told ("a deputy was shot in the arm", "was wounded")."""
    # The last word, past an age: "Girl, 10," and "the 10-year-old girl" are both "girl".
    nouns = [(re.findall(r"[a-z]+", (c.who or "").lower()) or [""])[-1] for c in (head, text)]
    after = body[text.end : text.end + 40] if not text.in_title else ""
    # "Teen dies" over "he was shot" or "the 10-year-old was shot" may be one victim; a
    # role ("suspect", "deputy") names someone else unless the same word is used.
    return (
        (nouns[0] == nouns[1] or not ROLES & set(nouns))
        and not INJURY_WORD.search(text.text)
        and not BODY_PART.search(after)
    )


def _in_title(summary: Casualty | None) -> Casualty | None:
    """A headline's summary, marked as indexing the title."""
    return replace(summary, in_title=True) if summary is not None else None


def event_date(
    dates: list[DateMention], doc: Doc, published: dt.date | None, headline: str | None = None
) -> DateMention | None:
    """The incident date the text gives (a day the headline names counts for its mentions),
    else one inferred from the publication date."""
    picked = pick_event_date(dates, doc, published, headline)
    if picked is None and published is not None:
        return publication_date(doc, published)
    return picked


def keywords(doc: Doc) -> list[str]:
    """The article's most frequent content lemmas (lower-case), for clustering."""
    counts = Counter(
        t.lemma_.lower()
        for t in tokens(doc)
        if t.pos_ in KEYWORD_POS and not t.is_stop and t.is_alpha and len(t) > 2
    )
    return [word for word, _ in counts.most_common(MAX_KEYWORDS)]
