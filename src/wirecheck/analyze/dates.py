"""Time expressions normalised to date ranges against the publication date.

dateparser handles free-form dates but costs milliseconds a call and knows nothing of news
usage ("Monday" in a story means the last Monday, "last night" the night before), so the
common English patterns are parsed here by hand and dateparser is a cached fallback.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from dateutil.easter import easter
from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.nlp import doc_text, sentence_of, sentences
from wirecheck.analyze.numbers import UNITS
from wirecheck.analyze.places import headline_body
from wirecheck.models import DateMention

__all__ = ["extract_dates", "normalise", "pick_event_date", "publication_date"]

D = dt.timedelta
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
NUMBER_WORDS = {word: value for word, value in UNITS.items() if value <= 12}
# How far after publication a month-day without a year may lie (a hearing, a funeral).
AHEAD_WINDOW = dt.timedelta(days=14)
# ... and how far when the words before it look ahead ("until April 2", "set for May 20"):
# a deadline or a schedule, months off, is not a day of last year.
SCHEDULED_AHEAD = dt.timedelta(days=183)
LOOKS_AHEAD = re.compile(
    r"\b(?:until|till|through|by|starting|beginning|effective|expires?|expiring|deadline of"
    r"|(?:scheduled|set|slated|due|planned|expected)\s+(?:for|on|to\s+\w+\s+on)|next)"
    r"\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.I,
)
LOOK_BACK_CHARS = 40
# How far before publication a day named with its weekday ("Monday, May 23") still anchors
# the bare weekday ("Monday night") elsewhere in the text.
ANCHOR_WINDOW = dt.timedelta(days=30)
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

RE_MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
RE_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_RE})\.?(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
RE_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")  # US order: m/d/y
RE_DECADE = re.compile(r"\b((?:1[89]|20)\d0)'?s\b")
RE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
RE_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE})\.?\s+(?P<year>\d{{4}})\b", re.I)
RE_MONTH = re.compile(
    rf"^(?:(?P<rel>last|this|early|late|mid|in)\s*-?\s*)?(?P<month>{MONTH_RE})\b", re.I
)
RE_YEAR = re.compile(r"^(?:in\s+)?(?P<year>(1[89]|20)\d{2})$")
RE_YEAR_IN = re.compile(r"\b(1[89]|20)\d{2}\b")  # a year written anywhere in a mention
# Words before a date that make it a day that recurs every year: a birthday, an anniversary.
RECURRING = re.compile(r"\b(born|birth\w*|anniversary|married|wedding)\b[^.;!?]*$", re.I)
RECURRING_WINDOW = 40
RE_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+|this\s+|this\s+past\s+|past\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")s?\b",
    re.I,
)
RE_AGO = re.compile(
    r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r"|a|an)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
)
RE_RECENT = re.compile(
    r"\b(?:(?:within|in|over|during)\s+)?(?:the\s+)?(?:past|last|previous|recent)\s+"
    r"(?:(?P<n>\d+|"
    + "|".join(NUMBER_WORDS)
    + r"|few|several)\s+)?(?P<unit>day|week|month|year)s?\b",
    re.I,
)
# "Overnight" in a story is the night that just ended: the shooting falls in the early hours
# of the publication day ("five people were shot overnight" in a morning story).
TODAY = re.compile(
    r"\b(today|tonight|overnight|this (morning|afternoon|evening)|earlier today)\b", re.I
)
# Holidays name a day ("shot on Thanksgiving"); a holiday weekend does not.
HOLIDAY = re.compile(
    r"\b(?P<name>new year['’]?s (?:eve|day)|christmas (?:eve|day|night)|thanksgiving(?: day)?|"
    r"halloween|fourth of july|july (?:4th|fourth)|independence day|memorial day|labor day|"
    r"mother['’]?s day|father['’]?s day|easter (?:sunday|morning|evening|night))\b"
    r"(?!(?:['’]?s)?(?:\s+day)?(?:\s+holiday)?\s+weekend)",
    re.I,
)
YESTERDAY = re.compile(r"\b(yesterday|last night)\b", re.I)
HEDGED = re.compile(
    r"\b(more than|less than|over|under|nearly|almost|about|around|roughly|at least|some)\s+$",
    re.I,
)
# Parts of a day that tell which side of midnight a time falls: "late Tuesday night" and
# "early Wednesday morning" may be one moment, dated on either day.
EARLY_HOURS = re.compile(
    r"\b(early|morning|a\.?m\b\.?|overnight|after midnight|pre-?dawn|dawn|wee hours)", re.I
)
LATE_HOURS = re.compile(r"\b(night|late|evening|p\.?m\b\.?|tonight)", re.I)
LAST_UNIT = re.compile(r"\b(last|this|past)\s+(week|month|year|weekend)\b", re.I)
# Phrases spaCy's NER often leaves untagged.
EXTRA = re.compile(
    r"\b(?:within|in|over|during)\s+(?:the\s+)?(?:past|last|previous|recent)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?)\b|\blast night\b|\bovernight\b",
    re.I,
)
INCIDENT = re.compile(
    r"\b(shot|shooting|shootings|killed|kill|killing|died|dead|wounded|injured|attack|attacked|"
    r"clash|clashed|clashes|fire|fired|firefight|gunfire|exploded|explosion|blast|bomb|"
    r"happened|occurred|erupted|struck|hit|stabbed|stabbing|crash|crashed|protest|protested|"
    r"rally|raid|robbery|fighting(?! for \w+ li(?:fe|ves))|battle|ambush|collapsed|flood|flooded|"
    r"began)\b",  # a victim "fighting for his life" is a condition, not the fight
    re.I,
)
NOT_INCIDENT = re.compile(
    r"\b(funeral|vigil|hearing|court|trial|arraign|sentenc|scheduled|will be|memorial|"
    r"since|anniversary|expire|due to end|born|"
    r"in (?:his|her|their) honou?r|"  # tributes: "wore ribbons Tuesday in his honor"
    r"probation|indict|plead|pled|guilty|convict|verdict|jury)\w*",  # later court steps
    re.I,
)
# Sentences about what followed the incident: a victim's condition, the arrest, charges.
AFTERMATH = re.compile(
    r"\b(condition|hospitali[sz]ed|remains|remained|charged|charges|arrested|arrest|booked|"
    r"arraign\w*|indicted|custody|jail|bond|autopsy|identified|released|turned himself|"
    r"turned herself|press conference|update|fighting for \w+ li(?:fe|ves))\b",
    re.I,
)
DURATION = re.compile(
    r"^(?:about |nearly |almost |more than |some |the )?(?:\d+|a|an|"
    + "|".join(NUMBER_WORDS)
    + r"|several|few|many)[- ](?:days?|weeks?|months?|years?|hours?|minutes?|decades?)"
    r"(?:[- ]old|[- ]long)?$|-year-old|\d+s$|-hour",
    re.I,
)
# A line of page furniture with the publication time stamp ("Posted: Friday, Jan. 31, 2014
# 10:21 AM EST"): it dates the article, not the incident.
TIMESTAMP = re.compile(
    r"\b(posted|updated|published|last modified)\b|\b[ECMP][DS]T\b|\bGMT\b", re.I
)
# A stamp inside running text: "(Published Monday, July 7, 2014)" under a video, or the
# date an embedded tweet was sent ("— Jane Doe (@JaneDoe) May 30, 2016").
INLINE_STAMP = re.compile(r"(?:\b(?:published|posted|updated):?(?:\s+on)?|\(@\w+\))\s*$", re.I)
STAMP_WINDOW = 1500
# A bracketed link to another story inside the text ("[OTHER NEWS: ...]", "[RELATED: ...]"),
# up to a mention in it; not notes on this story ("[UPDATE: ...]", "[Correction: ...]").
LINKED_STORY = re.compile(
    r"\[(?:other news|related(?: stories| story| news)?|read more|more|see also|also read)"
    r"\s*:[^\[\]\n]*$",
    re.I,
)
# How far before publication a video caption's "(Published ...)" stamp may date the page:
# an older one belongs to a related video from an earlier story.
CAPTION_WINDOW = dt.timedelta(days=7)
STAMP_PREFIX = re.compile(r"\W{0,2}(?:[A-Z][a-z]+day,?\s*)?")
# "died Thursday, two days after he was shot": a span of days back from a day the sentence
# names to an incident clause after it. Exact counts only: "nearly a week after" names none.
DAYS_AFTER = re.compile(
    r"\b(?P<count>(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r"|a)\s+(?P<unit>day|week)s?\s+after)"
    r"\s+(?P<clause>[^.;!?]{0,80})",
    re.I,
)
# The clause after "after" must open on the incident ("after he was shot", "after the
# shooting"), up to a comma or a relative pronoun: "after the funeral of his brother, who was
# shot" and "after a protest over a police shooting" count from another day.
CLAUSE_CUT = re.compile(r",|\b(?:who|whom|whose|where|which)\b", re.I)
INCIDENT_CLAUSE = re.compile(
    r"(?:(?:being|getting)\s+|(?:[\w'-]+\s+){0,6}?(?:was|were|had been|been|got)\s+(?:\w+ly\s+)?"
    r"|(?:the|a|an|his|her|their|that|this)\s+(?:[\w-]+\s+){0,2}?)(?=" + INCIDENT.pattern + ")",
    re.I,
)
# A day set a span before the incident: "last talked to her on May 25, less than two weeks
# before she was shot", "on Friday, a day before the shooting". Any count will do, exact or
# not: the day is not the incident's. Without a count ("stole a car Friday, before the
# shooting") it may be the same day.
DAYS_BEFORE = re.compile(
    r"\s*,?\s*(?:(?:just|only|less than|more than|about|nearly|almost|some)\s+)*"
    r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r"|a|the|several|a few)\s+(?:days?|weeks?|months?)"
    r"\s+before\s+(?P<clause>[^.;!?]{0,80})",
    re.I,
)
DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    return {"a": 1, "an": 1, "few": 3, "several": 3}.get(word, NUMBER_WORDS.get(word, 1))


def _past_day(
    month: int, day: int, year: int | None, pub: dt.date | None, ahead: dt.timedelta
) -> dt.date | None:
    """A month-day without a year is the latest such day at most ``ahead`` after
    publication: "a hearing on May 20" in a May 12 story is this May's, not last year's."""
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if pub is None:
        return None
    for candidate in (pub.year + 1, pub.year, pub.year - 1):
        try:
            found = dt.date(candidate, month, day)
        except ValueError:
            continue  # February 29 outside a leap year
        if found - pub <= ahead:
            return found
    return None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n=-1 is the last."""
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - D(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + D(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday(name: str, pub: dt.date) -> dt.date | None:
    """The latest occurrence of a US holiday at most ``AHEAD_WINDOW`` after publication."""
    name = re.sub(r"['’]", "", name.lower())
    for year in (pub.year + 1, pub.year, pub.year - 1):
        if name.startswith("new years eve"):
            day = dt.date(year, 12, 31)
        elif name.startswith("new years"):
            day = dt.date(year, 1, 1)
        elif name.startswith("christmas eve"):
            day = dt.date(year, 12, 24)
        elif name.startswith("christmas"):
            day = dt.date(year, 12, 25)
        elif name.startswith("thanksgiving"):
            day = _nth_weekday(year, 11, 3, 4)
        elif name == "halloween":
            day = dt.date(year, 10, 31)
        elif name.startswith("memorial"):
            day = _nth_weekday(year, 5, 0, -1)
        elif name.startswith("labor"):
            day = _nth_weekday(year, 9, 0, 1)
        elif name.startswith("mother"):
            day = _nth_weekday(year, 5, 6, 2)
        elif name.startswith("father"):
            day = _nth_weekday(year, 6, 6, 3)
        elif name.startswith("easter"):
            day = easter(year)
        else:  # the Fourth of July
            day = dt.date(year, 7, 4)
        if day - pub <= AHEAD_WINDOW:
            return day
    return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(day: dt.date | None) -> tuple[dt.date, dt.date, str, dt.date] | None:
    return (day, day, "day", day) if day else None


def normalise(
    text: str, pub: dt.date | None, ahead: dt.timedelta = AHEAD_WINDOW
) -> tuple[dt.date, dt.date, str, dt.date | None] | None:
    """(start, end, precision, best) of a time expression, or None when it is not resolvable.

    Durations ("three years", "24-hour"), ages and bare clock times name no date: None. A
    month-day without a year lies at most ``ahead`` after ``pub`` (see ``_past_day``).
    """
    t = text.strip()
    if m := RE_DECADE.search(t):
        first = int(m[1])
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range", None
    if DURATION.search(t) and not re.search(r"\b(ago|last|past|previous|recent|this)\b", t, re.I):
        return None
    if m := RE_ISO.search(t):
        try:
            return _day(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    if m := RE_NUMERIC.search(t):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        try:
            return _day(dt.date(year, int(m[1]), int(m[2])))
        except ValueError:
            return None
    if m := RE_MONTH_DAY.search(t) or RE_DAY_MONTH.search(t):
        year = int(m["year"]) if m["year"] else None
        return _day(_past_day(MONTHS[m["month"].lower()], int(m["day"]), year, pub, ahead))
    if m := RE_MONTH_YEAR.search(t):
        start, end = _month_range(int(m["year"]), MONTHS[m["month"].lower()])
        return start, end, "month", None
    if m := RE_YEAR.match(t):
        year = int(m["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", None
    if pub is None:
        return None
    if m := HOLIDAY.search(t):
        return _day(_holiday(m["name"], pub))
    if m := RE_WEEKDAY.search(t):  # before "overnight": "overnight Sunday" is Sunday
        back = (pub.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
        if m["last"] and m["last"].strip().lower() == "last" and back == 0:
            back = 7
        return _day(pub - D(days=back))
    if TODAY.search(t):
        return _day(pub)
    if YESTERDAY.search(t):
        return _day(pub - D(days=1))
    if m := RE_AGO.search(t):  # "two weeks ago": about that day, give or take a quarter
        n, unit = _count(m["n"]), m["unit"].lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        day = pub - D(days=days)
        if unit == "day":
            return day, day, "day", day
        # "a week ago" names that day, roughly; "more than a week ago" names none.
        named = unit == "week" and not HEDGED.search(t, 0, m.start())
        return day - D(days=days // 4), day + D(days=days // 4), unit, day if named else None
    if m := LAST_UNIT.search(t):
        rel, unit = m[1].lower(), m[2].lower()
        if unit in ("week", "weekend"):
            if rel == "past":
                return pub - D(days=7), pub, "week", None
            if rel == "this":
                return pub - D(days=pub.weekday()), pub, "week", None
            end = pub - D(days=pub.weekday() + 1)
            return end - D(days=6), end, "week", None
        if unit == "month":
            if rel == "this":
                return *_month_range(pub.year, pub.month), "month", None
            first = pub.replace(day=1) - D(days=1)
            return *_month_range(first.year, first.month), "month", None
        year = pub.year - (rel == "last")
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", None
    if m := RE_RECENT.search(t):
        unit = m["unit"].lower()
        n = _count(m["n"]) if m["n"] else 1
        days = {"day": 1, "week": 7, "month": 31, "year": 365}[unit] * n
        if unit == "day" and not m["n"]:
            if not m.group(0).lower().endswith("days"):
                return None  # "the previous day", "my last day": a day before some other event
            days = 7  # "in recent days"
        precision = "week" if days <= 7 else "range"
        return pub - D(days=days), pub, precision, None
    if m := RE_MONTH.match(t):
        month = MONTHS[m["month"].lower()]
        year = (
            pub.year if month <= pub.month and (m["rel"] or "").lower() != "last" else pub.year - 1
        )
        if (m["rel"] or "").lower() == "last" and month < pub.month:
            year = pub.year
        return *_month_range(year, month), "month", None
    for season, (first, last) in SEASONS.items():
        if re.search(rf"\b(last|this|past)\s+{season}\b", t, re.I):
            year = pub.year if first <= pub.month else pub.year - 1
            return dt.date(year, first, 1), _month_range(year, last)[1], "range", None
    return _dateparser(t, pub)


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date | None) -> tuple[dt.date, dt.date, str, dt.date] | None:
    """Fallback for expressions the fast patterns miss; day precision only when a day is named."""
    if not re.search(rf"\d+\s*/\s*\d+|\b({MONTH_RE})\b", text, re.I):
        return None  # a bare number or clock time names no day
    settings = dict(DATEPARSER_SETTINGS)
    if pub:
        settings["RELATIVE_BASE"] = dt.datetime.combine(pub, dt.time(12))
    import dateparser  # slow to import; only this fallback needs it

    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return _day(parsed.date()) if parsed else None


def _month_as_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare month word is a person's name: the subject of a verb or its conjunct
    ("August and Arie are the only two people who know", "said May"), with no determiner
    (not "the February shooting death ... resulted", which the parser may take for one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ not in MONTHS:
        return False
    token = span[0]
    if token.i > 0 and doc[token.i - 1].pos_ in ("DET", "ADP", "ADJ"):
        return False
    if token.dep_ == "conj":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _mention(doc: Doc, start: int, end: int, pub: dt.date | None) -> DateMention | None:
    whole = doc_text(doc)
    text = whole[start:end]
    if _month_as_name(doc, start, end):
        return None
    before = whole[max(0, start - LOOK_BACK_CHARS) : start]
    resolved = normalise(text, pub, SCHEDULED_AHEAD if LOOKS_AHEAD.search(before) else AHEAD_WINDOW)
    if resolved is None:
        return None
    range_start, range_end, precision, best = resolved
    return DateMention(start, end, text, range_start, range_end, precision, best)  # type: ignore[arg-type]


def stamp_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day a page's own stamp gives near its top: a "Posted: Friday, Jan. 31, 2014"
    line, or a line opening with a full date ("June 24, 2014 at 10:19 PM", "(07/21/15) -").

    Archived copies often carry a later ``published`` date than the story itself; the
    earliest stamped day not after it is when the story was written. A video caption's
    "(Published ...)" stamp counts only within ``CAPTION_WINDOW`` before ``published``.
    """
    found = []
    for line in text[:STAMP_WINDOW].splitlines():
        line = line.strip()
        if len(line) >= 200:
            continue
        stamp = TIMESTAMP.search(line)
        # A video caption's "... (Published Wednesday, May 4, 2011)"
        captioned = stamp is not None and line[stamp.start() - 1 : stamp.start()] == "("
        for pattern in (RE_MONTH_DAY, RE_NUMERIC):
            m = pattern.search(line)
            if not m:
                continue
            opens_line = STAMP_PREFIX.fullmatch(line[: m.start()]) and (
                pattern is RE_NUMERIC or m["year"]
            )
            resolved = normalise(m.group(0), published) if stamp or opens_line else None
            day = resolved[3] if resolved else None
            if day is None or (published is not None and day > published):
                continue
            if captioned and published is not None and published - day > CAPTION_WINDOW:
                continue  # an older caption is a related video's, from an earlier story
            found.append(day)
    return min(found) if found else None


def extract_dates(doc: Doc, published: dt.date | None) -> list[DateMention]:
    """Every resolvable time expression in the Doc, in text order.

    Relative expressions ("Monday", "last night") resolve against the page's own time
    stamp when it has one, else against ``published``. A count of days back to an incident
    ("died Thursday, two days after he was shot") is a mention of the day it gives. A month
    name that is a person's ("August and Arie are the only two who know") is none.
    """
    published = stamp_date(doc_text(doc), published) or published
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += [(m.start(), m.end()) for m in EXTRA.finditer(doc_text(doc))]
    spans += [(m.start(), m.end()) for m in HOLIDAY.finditer(doc_text(doc))]
    mentions, taken = [], []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if any(start < e and s < end for s, e in taken):
            continue
        mention = _mention(doc, start, end, published)
        if mention is not None:
            mentions.append(mention)
            taken.append((start, end))
    mentions = _anchor_weekdays(_inherit_years(mentions, published, doc_text(doc)), published)
    return sorted(mentions + _days_after(mentions, doc), key=lambda m: m.start)


def _days_after(mentions: list[DateMention], doc: Doc) -> list[DateMention]:
    """Incident days counted back from a later day of the same sentence: "died Thursday, two
    days after he was shot" and "arrested Monday, three days after the shots were fired" name
    the shooting's day. The clause after "after" must tell of the incident ("after his
    arrest" dates nothing), and the count must be exact ("nearly a week after" names none)."""
    text = doc_text(doc)
    derived = []
    for m in DAYS_AFTER.finditer(text):
        if not _opens_on_incident(m["clause"]) or HEDGED.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_of(doc, span.start)
        # The nearest day before the count; the tagger may join them ("April 18, two days").
        anchors = [
            a
            for a in mentions
            if a.precision == "day" and a.best and sentence.start_char <= a.start < m.start()
        ]
        if not anchors:
            continue
        anchor = max(anchors, key=lambda a: a.start)
        # The later day is what followed or its telling ("died Thursday", "said Monday"),
        # not a second incident's ("was shot Monday, three days after his brother was killed").
        anchor_span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
        if anchor_span is None or _governor(anchor_span).lemma_.lower() not in (
            AFTERMATH_VERBS | REPORTING
        ):
            continue
        days = _count(m["n"]) * (7 if m["unit"].lower() == "week" else 1)
        day = anchor.best - D(days=days)  # type: ignore[operator]
        start, end = m.span("count")
        derived.append(DateMention(start, end, m["count"], day, day, "day", day))
    return derived


def _inherit_years(
    mentions: list[DateMention], published: dt.date | None, text: str
) -> list[DateMention]:
    """Month-days without a year moved to the year the text gives the same month-day.

    A follow-up story that says "were killed on Mar. 13" and later "on March 13, 2013" means
    one day; alone, "Mar. 13" resolves to the latest March 13 before publication. A
    month-day of the last ``ANCHOR_WINDOW`` keeps its year: "June 13" in a June 20 story is
    this month's, whatever happened on a June 13 years ago. A birth date or an anniversary
    ("was born March 13, 1990") gives no year: its day is the same by definition.
    """
    dated: dict[tuple[int, int], set[dt.date]] = {}
    for m in mentions:
        one_day = len(RE_MONTH_DAY.findall(m.text) + RE_DAY_MONTH.findall(m.text)) == 1
        recurring = RECURRING.search(text, max(0, m.start - RECURRING_WINDOW), m.start)
        if (
            m.best
            and one_day
            and not recurring
            and m.range_start == m.range_end
            and RE_YEAR_IN.search(m.text)
        ):
            dated.setdefault((m.best.month, m.best.day), set()).add(m.best)
    inherited = []
    for m in mentions:
        days = dated.get((m.best.month, m.best.day), set()) if m.best else set()
        yearless = _calendar_day(m.text) and not RE_YEAR_IN.search(m.text)
        recent = bool(published and m.best and published - m.best <= ANCHOR_WINDOW)
        if yearless and not recent and len(days) == 1 and m.best not in days:
            day = min(days)
            m = DateMention(m.start, m.end, m.text, day, day, "day", day)
        inherited.append(m)
    return inherited


def _anchor_weekdays(mentions: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """Bare weekdays moved to the day the text itself names with that weekday.

    A story that says "around 11 p.m. Monday, May 23" and then "shot Monday night" means
    the same Monday, even when it was published more than a week later (a follow-up, or a
    copy crawled late) and "Monday" alone would resolve to the last Monday before then.
    """
    if published is None:
        return mentions
    named: dict[int, set[dt.date]] = {}  # weekday -> days the text names with it
    for m in mentions:
        weekday = RE_WEEKDAY.search(m.text)
        if weekday and m.best and _calendar_day(m.text):
            recent = 0 < (published - m.best).days <= ANCHOR_WINDOW.days
            if recent and WEEKDAYS[weekday["wd"].lower()] == m.best.weekday():
                named.setdefault(m.best.weekday(), set()).add(m.best)
    anchored = []
    for m in mentions:
        weekday = RE_WEEKDAY.search(m.text)
        bare = weekday and not weekday["last"] and not _calendar_day(m.text)
        days = named.get(m.best.weekday(), set()) if bare and m.best else set()
        if len(days) == 1 and min(days) < m.best:  # one such day, and an earlier one
            day = min(days)
            m = DateMention(m.start, m.end, m.text, day, day, "day", day)
        anchored.append(m)
    return anchored


def _calendar_day(text: str) -> bool:
    return bool(RE_MONTH_DAY.search(text) or RE_DAY_MONTH.search(text))


def _sentence(doc: Doc, mention: DateMention) -> Span | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return sentence_of(doc, span.start) if span is not None else None


REPORTING = {
    "say",
    "announce",
    "tell",
    "confirm",
    "release",
    "identify",
    "charge",
    "update",
    "post",
    "acknowledge",
    "admit",
    "state",
    "add",
    "disclose",
    "publish",
    "deny",
    "issue",
}


# Plurals too: "the May 11 murders", "Saturday's killings".
INCIDENT_NOUN = re.compile(
    r"(?:shooting|invasion|homicide|murder|slaying|attack|killing|stabbing|incident|ambush|"
    r"rampage)s?|robbery|robberies|gunfire|crash(?:es)?|massacres?",
    re.I,
)
# A clock time with the day ("about 9 p.m. Saturday", "Saturday at 2:15 a.m."): police
# give the time of the incident, rarely that of later developments.
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}:\d\d\b", re.I)
CLOCK_WINDOW = 25
# Parts of a day the tagger may split from the weekday ("Monday" + "night"): the verb above
# them governs the weekday.
DAY_PARTS = {"morning", "afternoon", "evening", "night", "midnight", "noon", "a.m.", "p.m."}
CLOCK_BONUS = 1.0
# A bare weekday naming the day after publication ("Thursday" in a Wednesday story) resolves
# to six days back, but is as often tomorrow (a hearing, a vigil) or the story's own day
# behind a page date that lags it; news says "last Thursday" for the past one. As the winner
# it was the incident day in 7 of 33 GVA dev articles (chosen on GVA dev articles 0..1499).
WEEK_AGO_PENALTY = 3.0
# Least score a mention needs to date the incident (chosen on GVA dev articles 0..1499).
MIN_EVENT_SCORE = 1.0
# How far below the best mention a mention of the day before may score and still win: of
# two adjacent days the later is mostly the aftermath (a death, an arrest, "police said
# Monday"), so a close call goes to the earlier day (chosen on GVA dev articles 0..1499).
EARLIER_MARGIN = 1.5
# What a day mention gains when the headline names its day ("Man shot Sunday night"): the
# headline states the incident's day, the text may lead with the evening before or the
# morning after (chosen on GVA dev articles 0..1499).
HEADLINE_DATE_BONUS = 2.0
# What happens to people after an incident: the day it names is not the incident's.
AFTERMATH_VERBS = {
    "die",
    "arrest",
    "charge",
    "hospitalize",
    "search",
    "investigate",
    "plead",
    "enter",
    "appear",
    "sentence",
    "book",
    "remain",
    "list",
    "rule",
    "hold",
    "continue",
    "release",
    "file",
    "arraign",
    "indict",
    "testify",
    "schedule",
    "set",
    "return",
    "perform",
    "interview",
    "pronounce",  # "was pronounced dead Wednesday"
    "unseal",  # "an indictment unsealed Tuesday"
}


def _governor(span: Span) -> Token:
    """The word a time expression attaches to, past prepositions and clock or day-part words
    ("shot on Monday", "at 6:45 p.m. Monday", "Monday" + "night")."""
    governor = span.root.head
    for _ in range(3):
        passable = governor.pos_ == "ADP" or governor.ent_type_ == "TIME"
        if not (passable or governor.lower_ in DAY_PARTS) or governor.head is governor:
            break
        governor = governor.head
    return governor


def _names_incident(span: Span) -> bool:
    """Whether a time expression modifies an incident noun: "the May 10 home invasion",
    "Sunday's mass shooting", "Friday's officer-involved shooting" (the possessive may
    attach to a modifier of the noun), "the Nov. 3 shooting death"."""
    dep, head = span.root.dep_, span.root.head
    if dep == "poss":
        # "officer-involved" parses as npadvmod + amod
        for _ in range(3):  # "Friday's" -> "officer" -> "involved" -> "shooting"
            if INCIDENT_NOUN.fullmatch(head.text) or head.dep_ not in (
                "compound",
                "amod",
                "nmod",
                "npadvmod",
            ):
                break
            head = head.head
    elif dep not in ("compound", "nmod", "amod", "npadvmod"):
        return False
    if head.lower_ in ("death", "deaths"):  # "the Nov. 3 shooting death"
        return any(c.dep_ == "compound" and INCIDENT_NOUN.fullmatch(c.text) for c in head.children)
    return bool(INCIDENT_NOUN.fullmatch(head.text))


# Verbs of the incident: a clause "since" opens on one counts from it.
SINCE_INCIDENT = {"shoot", "kill", "stab", "wound", "murder", "slay", "injure", "attack"}


def _since_clause_blanked(sentence: Span) -> str:
    """The sentence's text with "since" blanked where it opens a clause on the incident:
    "Since she was shot on May 3, ..." counts from the incident, while "held since Monday"
    and "patrols increased since the violence erupted May 1" date a later state."""
    return "".join(
        " " * len(t.text) + t.whitespace_
        if t.lower_ == "since" and t.dep_ == "mark" and t.head.lemma_.lower() in SINCE_INCIDENT
        else t.text_with_ws
        for t in sentence
    )


def _rank(pair: tuple[DateMention, float]) -> tuple[float, bool, int]:
    """Sort key of a scored mention: its score, then on a tie one that names a day (a single
    day, or about one: "a week ago") before a vague date, and the earlier day (an incident
    precedes what is reported with it: the arrest, a death, a second shooting)."""
    mention, score = pair
    return score, mention.best is not None, -(mention.best or mention.range_end).toordinal()


def pick_event_date(
    dates: list[DateMention], doc: Doc, published: dt.date | None, headline: str | None = None
) -> DateMention | None:
    """The date of the reported incident, or None when no date has incident evidence.

    The mention with the highest ``score_mentions`` score wins when it reaches
    ``MIN_EVENT_SCORE``. A winner without day precision ("last week", "this past weekend",
    "in July", "two weeks ago") gives way to the best-scoring day mention inside its range
    ("Friday night", "July 25"), even one scoring below ``MIN_EVENT_SCORE`` if nothing sank
    it below 0 (a court day, a funeral): the vague phrase sums up and carries the incident
    evidence, the day pins it down ("last month" and "held since days after the May 11
    murders"). A day winner gives way to the day before when a day mention of it scores
    within ``EARLIER_MARGIN``. Of equal scores the day beats a vague date and the earlier
    day the later one. A winning year that holds the publication day ("this year") dates
    nothing: None. A day the ``headline`` names ("Man shot Sunday night") adds
    ``HEADLINE_DATE_BONUS`` to the text's mentions of that day; the headline gives no
    mention of its own.
    """
    named = _headline_days(headline, doc, published) if headline else set()
    scored = [
        (m, s + (HEADLINE_DATE_BONUS if m.best in named and m.precision == "day" else 0))
        for m, s in score_mentions(dates, doc, published)
    ]
    candidates = [(m, s) for m, s in scored if s >= MIN_EVENT_SCORE]
    if not candidates:
        return None
    best, best_score = max(candidates, key=_rank)
    if best.precision != "day":
        inside = [
            (m, s)
            for m, s in scored
            if m.precision == "day" and s > 0 and best.range_start <= m.best <= best.range_end
        ]
        if inside:
            return max(inside, key=lambda pair: pair[1])[0]
        if (
            best.precision == "year"
            and published
            and best.range_start <= published <= best.range_end
        ):
            return None  # "this year", "in 2015": the current year is background, not a date
        return best
    day_before = [
        (m, s)
        for m, s in candidates
        if m.precision == "day"
        and m.best == best.best - D(days=1)
        and s >= best_score - EARLIER_MARGIN
    ]
    if day_before:
        return max(day_before, key=lambda pair: pair[1])[0]
    return best


# A headline's verb of what followed the incident, with no clause break before the day it
# dates: "Suspect released from jail Wednesday", "Victim dies Sunday".
HEAD_AFTERMATH = re.compile(
    r"\b(arrested|charged|indicted|sentenced|arraigned|pleads?|pleaded|released|jailed|"
    r"booked|dies|died|identified|named|buried|mourned|remembered)\b[^,.;:!?]*$",
    re.I,
)


def _headline_days(headline: str, doc: Doc, published: dt.date | None) -> set[dt.date]:
    """Days the headline names with a weekday or a relative word ("shot Sunday night",
    "killed in overnight shooting"), resolved like the text's own mentions.

    Calendar dates and holidays are left out: a headline's date is mostly the report's
    ("Patrol Report 09/29/2015", "Police blotter, Sept. 29") and a holiday the occasion
    ("open fire on Father's Day block party" the night before), and so is the day of what
    followed ("released from jail Wednesday"). The headline's site-name tail is cut first: it
    may hold "Today".
    """
    body = headline_body(headline, None)
    published = stamp_date(doc_text(doc), published) or published
    days = set()
    for pattern in (RE_WEEKDAY, TODAY, YESTERDAY):
        for m in pattern.finditer(body):
            before, after = body[max(0, m.start() - 40) : m.start()], body[m.end() :]
            aftermath = HEAD_AFTERMATH.search(before)
            # "released from jail Wednesday", not "arrested in Sunday shooting" nor "dies
            # after being shot Sunday"
            if (
                aftermath
                and not INCIDENT_NOUN.match(after.lstrip())
                and not INCIDENT.search(before[aftermath.end(1) :])
            ):
                continue
            resolved = normalise(m.group(0), published)
            if resolved and resolved[3]:
                days.add(resolved[3])
    return days


def _before_incident(mention: DateMention, text: str, sentence: Span) -> bool:
    """Whether the mention is followed by a span of days before the incident: "on May 25,
    less than two weeks before she was shot", "Friday, a day before the shooting". Not a day
    of an incident itself: "was shot Saturday, a day before he was killed"."""
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and (_names_incident(span) or INCIDENT.fullmatch(_governor(span).text)):
        return False
    before = DAYS_BEFORE.match(text, mention.end, sentence.end_char)
    return before is not None and _opens_on_incident(before["clause"])


def _opens_on_incident(clause: str) -> bool:
    """Whether a clause after "after" or "before" opens on the incident ("he was shot", "the
    shooting"), read up to a comma or a relative pronoun (``CLAUSE_CUT``)."""
    return bool(INCIDENT_CLAUSE.match(CLAUSE_CUT.split(clause)[0]))


def score_mentions(
    dates: list[DateMention], doc: Doc, published: dt.date | None
) -> list[tuple[DateMention, float]]:
    """Each candidate mention with its incident score, in text order.

    Incident verbs in its sentence, early position, day precision and a dated incident noun
    ("the May 10 home invasion") count for a mention; hearings, funerals, vigils, reporting
    verbs ("said Monday"), what came after the incident ("died Monday", "in critical
    condition Tuesday", "was arrested Sunday", "pleaded guilty Friday"), tributes ("wore
    ribbons Tuesday in his honor") and vague dates months before publication count against;
    "since" counts against before a date ("held since Monday"), not where it opens a clause
    on the incident ("Since she was shot on May 3, ...").
    Future dates, time stamps (the page's, a video's "Published ...", an embedded tweet's),
    days inside a bracketed link to another story ("[OTHER NEWS: ...]") and days set a span
    before the incident ("on May 25, two weeks before she was shot") are no candidates.
    """
    text_all = doc_text(doc)
    sentence_starts = [s.start_char for s in sentences(doc)]
    support: dict[dt.date, int] = {}
    for mention in dates:
        if mention.best:
            support[mention.best] = support.get(mention.best, 0) + 1
    scored = []
    for mention in dates:
        if published and mention.range_start > published:
            continue  # future: a scheduled hearing or a deadline, not the incident
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_of(doc, span.start)
        text = sentence.text
        line_start = text_all.rfind("\n", 0, mention.start) + 1
        line_end = text_all.find("\n", mention.end)
        line = text_all[line_start : line_end if line_end >= 0 else len(text_all)]
        if TIMESTAMP.search(line[:200]) and len(line) < 200:
            continue  # a "Posted: ..." stamp dates the page, not the incident
        rest = line.replace(mention.text, "", 1)
        if CLOCK_TIME.search(line) and not re.search(r"[a-z]{3}", CLOCK_TIME.sub("", rest), re.I):
            continue  # a line of date and clock time only ("January 20, 2015, 4:50pm"): a byline
        if LINKED_STORY.search(text_all, line_start, mention.start):
            continue  # "[OTHER NEWS: Man shot dead in Portland Saturday]": another story's day
        if INLINE_STAMP.search(text_all, max(0, mention.start - 40), mention.start):
            continue  # "(Published Monday, July 7, 2014)", a tweet's "(@handle) May 30, 2016"
        if _before_incident(mention, text_all, sentence):
            continue  # "on May 25, two weeks before she was shot": not the incident's day
        named_incident = _names_incident(span)
        score = 1.0
        if INCIDENT.search(text):
            score += 2
        stated = _since_clause_blanked(sentence)
        if NOT_INCIDENT.search(stated):
            score -= 2
        # A follow-up story's arrest or charge sentence names the incident's day ("charged in
        # the June 13 incident"): the arrest does not date that day.
        if AFTERMATH.search(text) and not (named_incident and mention.precision == "day"):
            score -= 1  # "in critical condition Tuesday", "was arrested Monday"
        governor = _governor(span)
        if governor.lemma_.lower() in REPORTING:
            score -= 1.5  # "police said Monday", "acknowledged on Monday"
        elif governor.lemma_.lower() in AFTERMATH_VERBS:
            score -= 1.5  # "died Wednesday night", "was arrested Tuesday"
        elif INCIDENT.fullmatch(governor.text):
            score += 1  # "were shot Sunday"
        if named_incident:
            score += 2  # "the May 10 home invasion", "a Dec. 3 shooting", "Sunday's shooting"
        near = text_all[max(0, mention.start - CLOCK_WINDOW) : mention.end + CLOCK_WINDOW]
        if mention.precision == "day" and CLOCK_TIME.search(near):
            score += CLOCK_BONUS  # "around 10:45 p.m. Saturday": the incident's hour
        index = sum(1 for s in sentence_starts if s <= mention.start)
        score += 1.5 if index <= 3 else (0.5 if index <= 8 else 0)
        score += {"day": 1.0, "week": 0.5, "range": 0.25}.get(mention.precision, -0.5)
        if mention.best:
            score += 0.25 * (support[mention.best] - 1)
        if published and mention.best and (published - mention.best).days == 6:
            weekday = RE_WEEKDAY.search(mention.text)
            if weekday and not weekday["last"] and not _calendar_day(mention.text):
                score -= WEEK_AGO_PENALTY  # "Thursday" in a Wednesday story
        # Months before publication a vague date ("in 2009", "last March") is background
        # history; a day that old is spelled out because it is the incident of a follow-up
        # story ("shot four people on May 7, 2015").
        old = published and (published - mention.range_end).days > 60
        if old and not named_incident and mention.precision != "day":
            score -= 1.5
        scored.append((mention, score))
    return scored


PUBLICATION_DATE = "publication date"
# How far before publication an undated story's event may lie (the clustering signature
# assumes the same week).
PUBLICATION_WINDOW = D(days=7)


def publication_date(doc: Doc, published: dt.date) -> DateMention:
    """The event date of a story whose text dates nothing, inferred from publication.

    The range is the week before publication (the page's own stamp when it is earlier) and
    the best day is publication day itself: on the GVA tuning half, undated stories were
    published on the incident day twice as often as the day after. The mention has an empty
    span at offset 0 and the text "publication date", so it never passes for a text span
    (``DateMention.from_text`` is False).
    """
    day = stamp_date(doc_text(doc), published) or published
    return DateMention(0, 0, PUBLICATION_DATE, day - PUBLICATION_WINDOW, day, "week", best=day)
