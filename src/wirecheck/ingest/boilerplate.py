"""Boilerplate inside article text: recorded as ``[start, end)`` line ranges, never deleted.

Extractors such as trafilatura remove page chrome from HTML, but text that arrives as plain
text or JSON still carries promos, share buttons, captions, credit lines and related-content
blocks. No maintained library classifies lines of already-extracted text, so these are
line rules written for English news pages in general.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Boilerplate", "find_boilerplate", "lines_with_offsets"]

_I = re.IGNORECASE
# A whole line that is page furniture.
FURNITURE = [
    re.compile(p, _I)
    for p in (
        r"^this (story|article) is (over|more than) \w+ (years?|months?) old\.?$",
        r"^.{0,200}\bread more( here)?[.!:]?$",
        r"^(read more|click here)\b.{0,150}$",
        r"^(related|recommended|more from|most read|also read|see also|watch|interactive|"
        r"listen|related coverage|related stories|trending)\s*:.{0,150}$",
        r"^((share( this)?|tweet|print|e-?mail|facebook|twitter|pinterest|google\+?|linkedin|"
        r"reddit|whatsapp|more|advertisement|comments?|copy link|save)[\s:|,·•]*)+$",
        r"^\d+ (pending )?comments?$",
        r"^please enable javascript.{0,80}$",
        r"^like this:.{0,40}$",
        r"^(sign up|subscribe)\b.{0,160}(newsletter|updates|alerts|free)\b.{0,80}$",
        r"^.{0,120}\ball rights reserved\.?.{0,40}$",
        r"^\(?(©|\(c\)|copyright)\s.{0,160}$",
        r"^(photo|image|video|credit|caption)s?( credit)?:.{0,200}$",
        r"^.{0,300}\((\w+ )?photos?( by)?[:/ ].{0,80}\)$",
        r"^\(?(reporting|writing|editing|additional reporting) by .{0,200}$",
        r"^(your notification has been saved|there was a problem saving your notification)\.?$",
        r"^fictional sample article\b.*$",
        r"^[-_=*~]{3,}$",
    )
]
# A caption line ending with an agency or photographer credit: "... [Reuters]".
CAPTION_CREDIT = re.compile(r"^.{10,300}\[[A-Z][\w.&'/ -]{1,60}\]$")
# "SOURCE: Agencies", "Source: Reuters" — a credit line; what it names is the attribution.
SOURCE_CREDIT = re.compile(r"^sources?\s*:\s*(?P<who>[\w.&' ,/-]{2,60})$", _I)
# "BAGHDAD (Reuters) -", "HOUSTON, Jan. 5 (AP) —": a wire dateline at the start of a line.
DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:,\s*[\w. ]{3,20})?\s*\((?P<who>Reuters|AP|AFP|UPI|"
    r"Associated Press|Agence France-Presse|Xinhua|dpa|[A-Z]{2,5})\)\s*[-—–]"
)
MIN_REPEAT_LEN = 20


@dataclass
class Boilerplate:
    """Boilerplate ranges of a text and the wire/agency credit found in it."""

    ranges: list[tuple[int, int]] = field(default_factory=list)
    attribution: str | None = None


def lines_with_offsets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped line) for each non-empty line; start/end exclude the indent."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            out.append((start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def _is_furniture(line: str) -> bool:
    return bool(CAPTION_CREDIT.match(line)) or any(p.match(line) for p in FURNITURE)


def find_boilerplate(text: str) -> Boilerplate:
    """Find boilerplate lines and the wire credit in ``text``."""
    lines = lines_with_offsets(text)
    marked = [_is_furniture(line) for _, _, line in lines]
    attribution = None
    seen: set[str] = set()
    for i, (_, _, line) in enumerate(lines):
        key = line.casefold()
        repeated_next = i + 1 < len(lines) and lines[i + 1][2].casefold() == key
        if len(line) >= MIN_REPEAT_LEN and (key in seen or repeated_next):
            # A later copy of a line, or a line printed twice in a row (teaser markup).
            marked[i] = True
        seen.add(key)
        credit = SOURCE_CREDIT.match(line)
        if credit:
            marked[i] = True
            attribution = attribution or credit.group("who").strip()
            # What follows a closing credit line is related content, not the article.
            if i >= len(lines) * 0.5:
                marked[i + 1 :] = [True] * (len(lines) - i - 1)
                break
        dateline = DATELINE.match(line)
        if dateline and attribution is None:
            attribution = dateline.group("who")
    ranges = [(s, e) for (s, e, _), m in zip(lines, marked, strict=True) if m]
    return Boilerplate(ranges=ranges, attribution=attribution)
