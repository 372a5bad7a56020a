"""Killed and injured statements, and the article-level figures they add up to.

Counting conventions (ACLED's conservative reading): a plural with no number ("killing the
fighters") is 2, the least it can mean; "dozens" is 12, "several" 3. Shot without a death is
injured. "No casualties" is 0 killed and 0 injured.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.nlp import doc_text, sentences
from wirecheck.analyze.numbers import VAGUE_COUNTS, number_value
from wirecheck.models import Casualty, CasualtyKind

__all__ = ["extract_casualties", "summarize_casualties"]

KILL_LEMMAS = {"kill", "die", "murder", "slay", "execute", "behead", "assassinate"}
INJURE_LEMMAS = {
    "injure",
    "wound",
    "hurt",
    "shoot",
    "stab",
    "hospitalize",
    "hospitalise",
    "maim",
    "graze",
}
DEAD_WORDS = {"dead", "killed", "deceased"}
UNKNOWN_PLURAL = 2
NEGATED = re.compile(
    r"\b(no|zero)\s+(\w+\s+){0,2}(casualties|deaths|fatalities|injuries|one (was|were)|"
    r"(one|body) (was )?(hurt|injured|killed|wounded))\b|\bnobody\b|\bno one\b|"
    r"\bwere not (hurt|injured|killed|wounded)\b|\bwithout (casualties|injur)",
    re.I,
)
NEG_KIND = {
    "casualties": ("killed", "injured"),
    "deaths": ("killed",),
    "fatalities": ("killed",),
    "injuries": ("injured",),
    "hurt": ("injured",),
    "injured": ("injured",),
    "wounded": ("injured",),
    "killed": ("killed",),
}
NOT_PEOPLE = {"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "EVENT", "PRODUCT"}
AND_OTHERS = re.compile(
    # The people named before "and" in one noun phrase, not a clause ("a man was killed and").
    r"\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"(?:(?!\b(?:was|were|is|are|has|have|had|been|died|killed|said)\b)[^,;.]){0,40}?"
    r"\band\s+$",
    re.I,
)
CRITICAL = re.compile(r"\b(in|listed in) (critical|serious|stable|fair) condition\b", re.I)
FATALLY = re.compile(r"\b(fatally|mortally)\b", re.I)
PRONOUNCED = re.compile(r"\bpronounced dead\b|\bdied (at|in|from|of|later)\b", re.I)


def _phrase_count(token: Token) -> tuple[int, str] | None:
    """How many people a noun phrase names: "four teens" 4, "a man" 1, "the fighters" 2,
    "a 12-year-old and three others" 4."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    total = 0
    members = [token] + [c for c in token.conjuncts if c.i > token.i]
    words = []
    for member in members:
        subtree = list(member.subtree)
        words.append(member.doc[subtree[0].i : subtree[-1].i + 1].text)
        count = None
        for child in member.children:
            if child.dep_ == "nummod" or (child.like_num and child.i < member.i):
                value = number_value(child.text)
                if value is not None:
                    count = int(value)
        if member.like_num:
            count = int(number_value(member.text) or 1)
        if count is None and member.lower_ in VAGUE_COUNTS:
            count = VAGUE_COUNTS[member.lower_]
        if count is None:
            plural = member.tag_ in ("NNS", "NNPS") or member.lower_ in ("they", "them", "people")
            count = UNKNOWN_PLURAL if plural else 1
        total += count
    who = words[0] if len(members) == 1 else " and ".join(words)
    return total, who


def _victims(verb: Token) -> Token | None:
    """The people a casualty verb is about: passive subject, object, or intransitive subject."""
    for dep in ("nsubjpass", "dobj"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    if verb.lemma_ == "die":
        for child in verb.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _unstated(verb: Token, victims: Token) -> bool:
    """ "did not say how many were killed", "whether anyone was hurt": no count is stated."""
    if any(t.lower_ in ("how", "whether", "if") for t in victims.subtree):
        return True
    chain = [verb, *verb.ancestors][:3]
    return any(c.dep_ == "neg" for t in chain for c in t.children) or any(
        t.lower_ in ("how", "whether") for t in verb.children
    )


def _statement(
    sent: Span, start: int, end: int, kind: CasualtyKind, count: int, who: str | None
) -> Casualty:
    doc = sent.doc
    return Casualty(start, end, doc_text(doc)[start:end], kind, count, count, count, who)


def _negations(sent: Span) -> list[Casualty]:
    out = []
    for m in NEGATED.finditer(sent.text):
        words = m.group(0).lower().split()
        kinds = {k for w in words for k in NEG_KIND.get(w, ())} or {"killed", "injured"}
        if "casualties" in words and ("injuries" in sent.text.lower()):
            kinds = {"killed", "injured"}
        for kind in sorted(kinds):
            start = sent.start_char + m.start()
            out.append(_statement(sent, start, sent.start_char + m.end(), kind, 0, None))  # type: ignore[arg-type]
    return out


def extract_casualties(doc: Doc) -> list[Casualty]:
    """Every killed/injured statement, with its count and whom it counts."""
    found: list[Casualty] = []
    for sent in sentences(doc):
        found += _negations(sent)
        for token in sent:
            lemma = token.lemma_.lower()
            kind: CasualtyKind | None = None
            if lemma in KILL_LEMMAS or (
                lemma in INJURE_LEMMAS
                and FATALLY.search(doc_text(doc)[max(sent.start_char, token.idx - 12) : token.idx])
            ):
                kind = "killed"
            elif lemma in INJURE_LEMMAS and token.pos_ == "VERB":
                kind = "injured"
            elif token.lower_ in DEAD_WORDS and token.pos_ == "ADJ":
                kind = "killed"
            if kind is None:
                continue
            victims = _victims(token) if token.pos_ in ("VERB", "AUX") else None
            if victims is None and token.lower_ == "dead":
                # "left three dead", "three people dead"
                nums = [t for t in token.lefts if t.like_num] or [
                    t for t in sent if t.like_num and t.i < token.i and token.i - t.i <= 3
                ]
                victims = nums[-1] if nums else None
            if victims is None or _unstated(token, victims):
                continue
            if victims.ent_type_ in NOT_PEOPLE:
                continue  # "GAO, Mali — five soldiers were killed": a dateline, not a victim
            if lemma == "hurt" and victims.dep_ != "nsubjpass":
                continue  # "would hurt the poorest families": harm, not injury
            if lemma == "shoot" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "dead":
                kind = "killed"
            if victims.lower_ in ("himself", "herself", "themselves"):
                counted: tuple[int, str] | None = (1, victims.text)
            else:
                counted = _phrase_count(victims)
            if counted is None or any(n.end > token.idx and n.start <= token.idx for n in found):
                continue
            count, who = counted
            if victims.lower_ in ("others", "other"):
                # "a 12-year-old and three others": the people named before "and" count too.
                before = doc_text(doc)[sent.start_char : victims.left_edge.idx]
                lead = AND_OTHERS.search(before)
                if lead:
                    count += int(number_value(lead.group(1)) or 1)
                    who = lead.group(0) + who
            if kind == "injured" and (PRONOUNCED.search(sent.text) and token.lemma_ == "shoot"):
                kind = "killed"
            line_start = doc_text(doc).rfind("\n", 0, token.idx) + 1
            start = max(min(victims.left_edge.idx, token.idx), line_start, sent.start_char)
            end = max(
                token.idx + len(token.text), victims.right_edge.idx + len(victims.right_edge.text)
            )
            found.append(_statement(sent, start, end, kind, count, who))
    return sorted(found, key=lambda c: (c.start, c.kind))


def summarize_casualties(casualties: list[Casualty], kind: CasualtyKind) -> Casualty | None:
    """The article's figure for ``kind``: the largest explicit count it states.

    The same victims are often described more than once ("a man was shot … the man, 25, was
    shot in the leg"), so counts are not added up; a zero ("no injuries") only stands when
    nothing in the article counts someone.
    """
    of_kind = [c for c in casualties if c.kind == kind]
    if not of_kind:
        return None
    best = max(of_kind, key=lambda c: (c.best, -c.start))
    lows = [c.low for c in of_kind if c.best > 0] or [0]
    return Casualty(
        best.start, best.end, best.text, kind, min(lows), best.best, best.high, best.who
    )
