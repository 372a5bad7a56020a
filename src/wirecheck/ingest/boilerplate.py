"""Boilerplate inside article text: recorded as ``[start, end)`` line ranges, never deleted.

Extractors such as trafilatura remove page chrome from HTML, but text that arrives as plain
text or JSON still carries promos, share buttons, captions, credit lines and related-content
blocks. No maintained library classifies the lines of already-extracted text, so these are
line rules written for English news pages in general.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Boilerplate", "Line", "find_boilerplate", "split_lines"]

_I = re.IGNORECASE

# Whole lines that are page furniture, grouped by kind.
PROMO = [
    r".{0,250}\bread more here\s*[.!]?",  # "<teaser headline>. Read more here."
    r".{0,250}[.!?]\s+read more\s*[.!:]?",  # "<teaser headline>. Read more:"
    r"(read more|click here|tap here)\b.{0,160}",
    r"(for more|to (read|see|watch|listen)|click|tap|go|listen|watch|download|read|sign up|see|"
    r"visit|subscribe)\b.{0,100}\bhere\s*[.!:]?",  # "For more news, listen to X Radio here:"
    r"(related|recommended|more from|most read|also read|see also|watch|interactive|listen|"
    r"trending|popular|top|more|latest|related coverage|related content|related stories|"
    r"related articles|more stories|trending stories|top stories|editor'?s picks)\s*:.{0,160}",
    r"(trending|related|popular|top|more|latest) (stories|content|articles|news|videos?|"
    r"headlines|links)\s*:?",
    r"(sign up|subscribe|register)\b.{0,160}\b(newsletters?|updates|alerts|(?<!-)free)\b.{0,80}",
    r"(email|news) newsletters?\b.{0,80}",
    r"(download|get) (our|the) .{0,40}\bapps?\b.{0,60}",
    r"(stay with|stay tuned|check back)\b.{0,120}",
    r"(scroll down for|watch this|watch the) (video|story)\b.{0,40}",
    r"having trouble (viewing|watching|playing) (the|this) video\b.{0,160}",
    r"(report an error|submit a (news )?tip)\b.{0,80}",
    r"this (story|article|post) is (over|more than) \w+ (years?|months?) old\.?",
    r"(follow|join)\b.{0,80}\b(facebook|twitter|instagram|youtube|tiktok)\b.{0,80}",
    r"follow [\w.@ -]{1,40}:.{0,80}",
]
CHROME = [
    # Runs of share/social button labels: "Share this: Facebook", "Twitter | Email".
    r"((share( this( story| article)?)?|tweet|print|e-?mail|facebook|twitter|pinterest|"
    r"google\+?|linkedin|reddit|whatsapp|more|advertisement|comments?|copy link|save|"
    r"photos?|enlarge|video|close|a a)[\s:|,·•]*)+",
    r"\d+ (pending )?comments?",
    r"please enable javascript.{0,80}",
    r"like this:.{0,40}",
    r"(your notification has been saved|there was a problem saving your notification)\.?",
    r"email notifications are only sent\b.{0,120}",
    r"thank you for (registering|subscribing|signing up)\b.{0,60}",
    r"you must enter the characters\b.{0,120}",
    r"[\w.+-]+@[\w-]+\.[\w.]+",  # a lone contact address
    r"[^\s|]*(_\w+\|\S+|\|\w+_)[^\s]*( \S*(_\w+\|\S+|\|\w+_)\S*)*",  # leaked widget markup
]
COPYRIGHT = [
    r".{0,160}\ball rights reserved\b.{0,240}",
    # "© 2016 Cox Media Group.", "Copyright 2016 KING", not "Copyright law says ..."
    r"\(?(©|\(c\)|copyright\s*(©|\(c\))?\s*(\d{4}|by\b|(the )?(associated press|reuters|afp)\b))"
    r".{0,160}",
]
CAPTION = [
    r"(photos?|images?|video|credit|caption|file photo)s?( credits?)?\s*:.{0,250}",
    r".{0,300}\((\w+ )?(photos?|images?)( by)?[:/ ].{0,80}\)\.?",  # "(AP Photo/John Doe)"
    r".{0,300}\((photo )?(source|credit)s?: [^)]{2,80}\)\.?",  # "... (Source: KSLA)"
    r".{0,300}\b(getty images|shutterstock|istock(photo)?)\b\)?\.?",
    r"(image|photo) (via|courtesy( of)?) .{2,80}",
    r".{0,300}[^\s.!?\"”]\s*\[[A-Z][\w&'/ -]{1,60}\]",  # "... extend the mission [Reuters]"
    r".{10,300}[.!?] [A-Z][\w.'-]+( [A-Z][\w.'-]+){1,2} ?/ ?[A-Z][\w.&-]+( [A-Z][\w.&-]+)?",
]
CREDIT = [
    r"\(?(reporting|writing|editing|additional reporting|compiled|written) by .{0,200}",
    r".{0,160}\bcontributed to this (report|story|article)\.?\)?",
    r"[-—–]{1,2}\s?(the )?(associated press|reuters|afp|ap|agence france-presse|"
    r"[\w.' -]{2,40} wire)",
]
FURNITURE = [re.compile(rf"(?:{p})$", _I) for p in PROMO + CHROME + CAPTION]
# Credit and copyright lines: furniture too, and the wire they name is the attribution.
CREDITS = [re.compile(rf"(?:{p})$", _I) for p in COPYRIGHT + CREDIT]

SEPARATOR = re.compile(r"^[-_=*~—–•·]{2,}$")
FURNITURE.append(SEPARATOR)

# "SOURCE: Agencies", "Source: Reuters": a credit line closing a story.
SOURCE_CREDIT = re.compile(r"^sources?\s*:\s*(?P<who>[\w.&' ,/-]{2,60})$", _I)
# "BAGHDAD (Reuters) -", "HOUSTON, Jan. 5 (AP) —": a wire dateline at the start of a line.
DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:,\s*[\w. ]{3,20})?\s*\((?P<who>Reuters|AP|AFP|UPI|"
    r"Associated Press|Agence France-Presse|Xinhua|dpa|[A-Z]{2,5})\)\s*[-—–]"
)
# Wire services and agencies, as the names appear in credits → the attribution reported.
WIRES = {
    "associated press": "AP",
    "ap": "AP",
    "reuters": "Reuters",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "xinhua": "Xinhua",
    "dpa": "dpa",
    "efe": "EFE",
    "press association": "PA",
    "bloomberg": "Bloomberg",
    "agencies": "Agencies",
}
WIRE_NAME = re.compile(r"\b(" + "|".join(sorted(WIRES, key=len, reverse=True)) + r")\b", _I)
# Capitalised wire names only, so "ap" or "afp" inside ordinary words never count.
WIRE_IN_CREDIT = re.compile(r"\b(Associated Press|AP|Reuters|AFP|Agence France-Presse|UPI)\b")

MIN_REPEAT_LEN = 20  # shorter repeated lines ("More", "Print") are left to the rules above
HEADLINE_WORDS = (3, 20)
MAX_HEADLINE_CHARS = 130
MAX_TEASER_CHARS = 300
MIN_BODY_LINES = 3  # article paragraphs needed before a trailing related-content block
# A one-sentence teaser or caption cut off by the page: "A memorial was placed at the..."
TRUNCATED = re.compile(r"^[A-Z](?:[^.!?\"“”]|\.(?! )){20,250}\w(\.\.\.|…)$")
SENTENCE_END = re.compile(r"[.!:;,][\"'”’)\]]*$")  # a headline may end with "?"


@dataclass
class Boilerplate:
    """Boilerplate ranges of a text and the wire/agency credit found in it."""

    ranges: list[tuple[int, int]] = field(default_factory=list)
    attribution: str | None = None


@dataclass(frozen=True)
class Line:
    """A non-empty line: ``[start, end)`` spans its text, without indent or line break."""

    start: int
    end: int
    text: str  # stripped


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of ``text`` with their offsets."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            out.append(Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def _is_furniture(line: str) -> bool:
    return any(p.match(line) for p in FURNITURE) or bool(TRUNCATED.match(line))


def _is_credit(line: str) -> bool:
    return any(p.match(line) for p in CREDITS)


def _wire(name: str) -> str | None:
    return WIRES.get(name.strip().lower().removeprefix("the "))


def _headline_like(line: str) -> bool:
    """A short title-like line: a few words, capitalised, no sentence-final punctuation."""
    words = line.split()
    return (
        HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]
        and len(line) <= MAX_HEADLINE_CHARS
        and not SENTENCE_END.search(line)
        and line.lstrip("'\"‘“")[:1].isupper()
    )


def _trailing_block(lines: list[Line], marked: list[bool], ends: list[bool]) -> int:
    """Index where a related-content block at the end of the text starts (len if none).

    Walking back from the end over marked lines, headline-like lines and teaser sentences
    that follow a headline, the block starts at a line that closes an article (a credit,
    copyright, share or "Related:" line) with at least two headlines after it and an
    article before it. Lists and subheadings inside an article have no such line before
    them, so they are left alone.
    """
    body_before = [0]  # article paragraphs (unmarked sentence lines) before each line
    for line, m in zip(lines, marked, strict=True):
        body_before.append(body_before[-1] + (not m and not _headline_like(line.text)))
    start = len(lines)
    headlines = 0
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].text
        if _headline_like(text):
            headlines += 1
        elif not marked[i] and not (
            i > 0 and len(text) <= MAX_TEASER_CHARS and _headline_like(lines[i - 1].text)
        ):
            break
        if ends[i] and headlines >= 2 and body_before[i] >= MIN_BODY_LINES:
            start = i
    return start


def find_boilerplate(text: str) -> Boilerplate:
    """Find boilerplate lines and the wire credit in ``text``."""
    lines = split_lines(text)
    is_credit = [_is_credit(line.text) for line in lines]
    marked = [c or _is_furniture(line.text) for line, c in zip(lines, is_credit, strict=True)]
    # Lines that can close an article: any furniture but separators and cut-off teasers.
    ends = [
        m and not (SEPARATOR.match(ln.text) or TRUNCATED.match(ln.text))
        for ln, m in zip(lines, marked, strict=True)
    ]
    credits: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line.text.casefold()
        if len(key) >= MIN_REPEAT_LEN and key in seen:
            marked[i] = True  # a later copy of a paragraph
        elif (
            i > 0
            and i + 1 < len(lines)
            and lines[i + 1].text.casefold() == key
            and _headline_like(line.text)
        ):
            marked[i] = True  # a teaser headline printed twice in a row (not the title)
        seen.add(key)
        source = SOURCE_CREDIT.match(line.text)
        dateline = DATELINE.match(line.text)
        if source:
            marked[i] = ends[i] = True
            who = source.group("who").strip()
            wire = WIRE_NAME.search(who)
            if wire or who[:1].isupper():  # "Source: Reuters", "SOURCE: Al Jazeera and agencies"
                credits.append(wire.group(1) if wire else who)
        elif dateline:
            credits.append(dateline.group("who"))
        elif is_credit[i] and (who := WIRE_IN_CREDIT.search(line.text)):
            credits.append(who.group(1))
    block = _trailing_block(lines, marked, ends)
    marked[block:] = [True] * (len(lines) - block)
    ranges = [(line.start, line.end) for line, m in zip(lines, marked, strict=True) if m]
    attribution = next((_wire(c) or c for c in credits), None)
    return Boilerplate(ranges=ranges, attribution=attribution)
