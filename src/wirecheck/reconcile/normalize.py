"""Normalising statements so that the same words from two outlets compare equal.

Spelling conventions differ between outlets (British and American), quotes are cut at
different points and carry editorial brackets. No maintained library maps British to
American spelling by rule, so the regular suffix patterns are written here.
"""

from __future__ import annotations

import functools
import re

__all__ = ["SIMILAR", "american", "normalise_text", "similar_text", "tokens"]

OUR_EXCEPTIONS = {
    "four",
    "hour",
    "your",
    "pour",
    "tour",
    "sour",
    "flour",
    "dour",
    "detour",
    "contour",
    "devour",
    "amour",
    "velour",
    "troubadour",
    "paramour",
}
DOUBLED_L = re.compile(
    r"\b(travel|cancel|label|model|fuel|signal|level|total|counsel|channel|marshal|"
    r"tunnel|quarrel|dial|duel|rival|equal|shovel|jewel|marvel|pedal|initial|panel)l(ed|ing|er|ers)\b"
)
SUFFIXES = [
    (re.compile(r"\b([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)\b"), r"\1iz\2"),
    (re.compile(r"\b([a-z]{2,})ys(e|es|ed|ing)\b"), r"\1yz\2"),
    (re.compile(r"\b([a-z]{3,})tre(s?)\b"), r"\1ter\2"),
    (re.compile(r"\b(defen|offen|licen|preten)ce(s?)\b"), r"\1se\2"),
    (re.compile(r"\bprogramme(s?)\b"), r"program\1"),
    (re.compile(r"\bcatalogue(s?)\b"), r"catalog\1"),
]
# -ise words whose American spelling is also -ise.
ISE_KEEP = re.compile(
    r"\b(advertis|advis|apprais|chastis|compris|compromis|despis|devis|"
    r"disguis|enterpris|excis|exercis|franchis|improvis|incis|premis|"
    r"promis|revis|supervis|surmis|surpris|televis|expertis|merchandis|"
    r"otherwis|concis|precis|rais|prais|cruis|bruis|nois|pois|wis|ris|"
    r"clos|los|chos|vis|us|practis|demis|mis|dis)(e|es|ed|ing|er|ers)\b"
)
WORD = re.compile(r"[a-z0-9]+")
SIMILAR = 0.8  # share of the shorter statement's words the longer must hold


def _our(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if word in OUR_EXCEPTIONS else word[:-3] + "or" + word[len(word) :]


def american(text: str) -> str:
    """Lower-case text in American spelling: neutralised → neutralized, kilometres → kilometers."""
    text = text.lower()
    protected = {m.group(0) for m in ISE_KEEP.finditer(text)}
    for pattern, replacement in SUFFIXES:
        text = pattern.sub(
            lambda m, r=replacement: m.group(0) if m.group(0) in protected else m.expand(r), text
        )
    text = re.sub(r"\b[a-z]{2,}our\b", _our, text)
    text = re.sub(
        r"\b([a-z]{2,})our(s|ed|ing|ite|ites|able)\b",
        lambda m: (
            m.group(0) if m.group(1) + "our" in OUR_EXCEPTIONS else m.group(1) + "or" + m.group(2)
        ),
        text,
    )
    return DOUBLED_L.sub(r"\1\2", text)


@functools.lru_cache(maxsize=65536)  # one event's facts are compared pairwise, repeatedly
def normalise_text(text: str) -> str:
    """Compare-ready form: editorial brackets dropped, American spelling, words only."""
    text = re.sub(r"\[[^\]]*\]", " ", text)
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    return WORD.findall(american(text.replace("’", "'")))


def similar_text(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """Same statement: one contains the other, or most words of the shorter are in the longer."""
    na, nb = normalise_text(a), normalise_text(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    ta, tb = set(na.split()), set(nb.split())
    return len(ta & tb) / min(len(ta), len(tb)) >= threshold
