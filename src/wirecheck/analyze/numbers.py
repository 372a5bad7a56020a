"""Numbers with what they count: "69 special forces members" → 69, "special forces members"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.nlp import doc_text, entities, tokens
from wirecheck.models import NumberMention

__all__ = ["UNITS", "VAGUE_COUNTS", "extract_numbers", "number_value"]

# Number words, written out: "one" … "nineteen".
UNITS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague quantities as ACLED codes them: "dozens" is 12, "hundreds" 100, "several" and
# "a few" 3 (the lowest reading of the word, in line with ACLED's conservative rule).
VAGUE_COUNTS = {
    "dozens": 12,
    "dozen": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "several": 3,
    "few": 3,
    "scores": 20,
}
APPROXIMATE = {
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "over",
    "more",
    "least",
    "up",
    "estimated",
    "than",
    "close",
}
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}


def number_value(text: str) -> float | None:
    """The value of "3,000", "six", "twenty-one", "1.5 million", "a dozen"; None otherwise."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    total = current = 0.0
    seen = False
    for word in words:
        if word in ("a", "an", "and"):
            if word != "and":
                current = current or 1
            continue
        if re.fullmatch(r"\d+(\.\d+)?", word):
            current += float(word)
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in VAGUE_COUNTS:
            current = (
                (current or 1) * VAGUE_COUNTS[word] if word in ("dozen",) else VAGUE_COUNTS[word]
            )
        else:
            return None
        seen = True
    return total + current if seen else None


def _counted(head: Token) -> Span:
    """The counted noun phrase: the head noun with its compounds and adjectives."""
    doc = head.doc
    left = head.i
    for child in sorted(head.lefts, key=lambda t: -t.i):
        if child.dep_ in ("compound", "amod", "nmod") and child.right_edge.i == left - 1:
            left = child.left_edge.i
    return doc[left : head.i + 1]


def _number_span(token: Token) -> Span:
    """The full number around a token: "3,000", "twenty - one", "1.5 million"."""
    doc = token.doc
    start = end = token.i
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in SCALES):
        start -= 1
    while end + 1 < len(doc) and (doc[end + 1].like_num or doc[end + 1].lower_ in SCALES):
        end += 1
    return doc[start : end + 1]


def extract_numbers(doc: Doc) -> list[NumberMention]:
    """Counts of things; dates, times, money, percentages, ages and ordinals are left out."""
    toks = tokens(doc)
    skip = {i for e in entities(doc) if e.label_ in SKIP_ENTS for i in range(e.start, e.end)}
    mentions: list[NumberMention] = []
    done: set[int] = set()
    for token in toks:
        if token.i in done or token.i in skip:
            continue
        vague = token.lower_ in VAGUE_COUNTS and token.lower_ not in ("few", "dozen")
        if not (token.like_num or vague) or token.is_punct:
            continue
        span = _number_span(token) if token.like_num else doc[token.i : token.i + 1]
        done.update(range(span.start, span.end))
        value = number_value(span.text)
        if value is None:
            continue
        last = span[-1]
        head = last.head if last.dep_ in ("nummod", "quantmod", "compound") else None
        if vague and last.i + 2 < len(doc) and toks[last.i + 1].lower_ == "of":
            head = toks[last.i + 2]
            while head.dep_ in ("compound", "amod") and head.head.i > head.i:
                head = head.head
        if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < last.i:
            continue
        if (
            head.lower_ in ("year", "years", "percent", "%")
            or "-year-old" in doc_text(doc)[span.start_char : head.idx + len(head.text) + 10]
        ):
            continue
        counted = _counted(head)
        before = toks[span.start - 1].lower_ if span.start > 0 else ""
        start = span.start_char
        mentions.append(
            NumberMention(
                start=start,
                end=counted.end_char,
                text=doc_text(doc)[start : counted.end_char],
                value=value,
                counts=counted.text.lower(),
                approximate=vague or before in APPROXIMATE,
            )
        )
    return mentions
