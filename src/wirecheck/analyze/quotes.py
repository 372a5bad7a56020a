"""Direct and indirect speech: content, cue and speaker spans, speakers resolved to full names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.nlp import doc_text, sentence_of, sentences
from wirecheck.analyze.people import resolve_name
from wirecheck.models import Person, Quote

__all__ = ["CUE_LEMMAS", "extract_quotes"]

CUE_LEMMAS = {
    "say",
    "tell",
    "add",
    "warn",
    "note",
    "state",
    "explain",
    "announce",
    "insist",
    "claim",
    "write",
    "ask",
    "reply",
    "respond",
    "argue",
    "declare",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "describe",
    "stress",
    "emphasize",
    "emphasise",
    "report",
    "recall",
    "urge",
    "suggest",
    "continue",
    "conclude",
    "tweet",
    "testify",
    "allege",
    "predict",
    "vow",
    "promise",
    "caution",
    "remark",
    "observe",
    "comment",
    "maintain",
    "contend",
    "assert",
}
QUOTE = re.compile(r"[\"“”]([^\"“”\n]{2,}?)[\"“”]")
OPEN_ONLY = re.compile(r"^\s*[\"“]([^\"“”]{20,})$")  # a quote paragraph continuing below
PRONOUNS = {"he": "male", "she": "female", "they": None, "i": None, "we": None}
MIN_WORDS_WITHOUT_CUE = 4


def _speaker_token(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ == "VERB":
        return _speaker_token(cue.head)
    return None


def _subject_span(token: Token) -> Span:
    """The speaker as written: the name entity if the token is in one, else its noun phrase."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    left = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("punct", "relcl")]
    start = min((t.i for t in left), default=token.i)
    return doc[start : token.i + 1]


def _mentions(doc: Doc, people: list[Person]) -> list[tuple[int, Person]]:
    """(offset, person) for every name mention, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            person = resolve_name(ent.text, people)
            if person is not None:
                found.append((ent.start_char, person))
    return found


def _resolve(span: Span, people: list[Person], mentions: list[tuple[int, Person]]) -> str:
    """Full name for a speaker mention; pronouns and role nouns go to the person mentioned
    most recently before it (of a matching gender or title)."""
    text = span.text
    person = resolve_name(text, people)
    if person is not None:
        return person.name
    word = span.root.lower_
    earlier = [p for offset, p in mentions if offset < span.start_char]
    if word in PRONOUNS:
        gender = PRONOUNS[word]
        fits = [p for p in earlier if gender is None or p.gender in (gender, None)]
        return fits[-1].name if fits else text
    role = [p for p in earlier if p.title and word in p.title.lower()]
    if role:
        return role[-1].name
    return text


def _according_to(sent: Span) -> tuple[Span, Token] | None:
    for token in sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(sent.doc)
            and sent.doc[token.i + 1].lower_ == "to"
        ):
            to = sent.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                # "according to remarks by X": the speaker is the agent of the noun.
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ == "by":
                        agents = [c for c in child.children if c.dep_ == "pobj"]
                        if agents:
                            return _subject_span(agents[0]), token
                return _subject_span(obj), token
    return None


def _cue(sent: Span, outside: tuple[int, int] | None) -> tuple[Token, Token | None] | None:
    """The speech verb of a sentence (outside the quoted text) and its subject."""
    for token in sent:
        if token.lemma_.lower() in CUE_LEMMAS and token.pos_ in ("VERB", "AUX"):
            if outside and outside[0] <= token.idx < outside[1]:
                continue
            return token, _speaker_token(token)
    return None


def _sentence_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sents = [sentence_of(doc, t.i) for t in (span[0], span[-1])]
    return doc[sents[0].start : sents[1].end]


def _attribute(
    people: list[Person],
    mentions: list[tuple[int, Person]],
    start: int,
    end: int,
    context: Span,
) -> tuple[str | None, tuple[int, int] | None, tuple[int, int] | None]:
    """(speaker, speaker_span, cue_span) for text in ``context``, from a cue or 'according to'."""
    acc = _according_to(context)
    if acc is not None:
        who, token = acc
        return (
            _resolve(who, people, mentions),
            (who.start_char, who.end_char),
            (token.idx, token.idx + len("according to")),
        )
    cue = _cue(context, (start, end))
    if cue is None:
        return None, None, None
    verb, subject = cue
    cue_span = (verb.idx, verb.idx + len(verb.text))
    if subject is None:
        return None, None, cue_span
    who = _subject_span(subject)
    return _resolve(who, people, mentions), (who.start_char, who.end_char), cue_span


def extract_quotes(doc: Doc, people: list[Person]) -> list[Quote]:
    """Direct quotes (with their cue or the previous paragraph's speaker) and indirect speech."""
    quotes: list[Quote] = []
    quoted: list[tuple[int, int]] = []
    last_speaker: tuple[str | None, int] = (None, -1)  # speaker, paragraph index
    mentions = _mentions(doc, people)
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))]

    def paragraph(offset: int) -> int:
        return sum(1 for p in paragraph_starts if p <= offset) - 1

    for m in QUOTE.finditer(doc_text(doc)):
        start, end = m.start(1), m.end(1)
        content = m.group(1).strip()
        if not content or not any(c.isalpha() for c in content):
            continue
        context = _sentence_of(doc, m.start(), m.end())
        if context is None:
            continue
        speaker, speaker_span, cue_span = _attribute(people, mentions, m.start(), m.end(), context)
        par = paragraph(start)
        if speaker is None:
            if len(content.split()) < MIN_WORDS_WITHOUT_CUE:
                continue  # a scare quote or a title, not speech
            if last_speaker[0] and par - last_speaker[1] <= 1:
                speaker = last_speaker[0]  # a quote paragraph continuing the previous speaker
            elif cue_span is None:
                continue
        quotes.append(Quote(start, end, doc_text(doc)[start:end], speaker, speaker_span, cue_span))
        quoted.append((m.start(), m.end()))
        last_speaker = (speaker, par)

    for sent in sentences(doc):
        if any(s < sent.end_char and sent.start_char < e for s, e in quoted):
            continue
        quote = _indirect(doc, sent, people, mentions)
        if quote is not None:
            quotes.append(quote)
    return sorted(quotes, key=lambda q: q.start)


def _indirect(
    doc: Doc, sent: Span, people: list[Person], mentions: list[tuple[int, Person]]
) -> Quote | None:
    """ "X said (that) <clause>" and "<clause>, X said" without quotation marks."""
    for token in sent:
        if token.lemma_.lower() not in CUE_LEMMAS or token.pos_ != "VERB":
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp"]
        subject = _speaker_token(token)
        if not clauses or subject is None:
            continue
        clause = list(clauses[0].subtree)
        words = [t for t in clause if t.dep_ != "mark" or t.i != clause[0].i]
        if len(words) < 4:
            continue
        start_tok = words[0]
        end_tok = clause[-1]
        while end_tok.is_punct and end_tok.i > start_tok.i:
            end_tok = doc[end_tok.i - 1]
        who = _subject_span(subject)
        return Quote(
            start_tok.idx,
            end_tok.idx + len(end_tok.text),
            doc_text(doc)[start_tok.idx : end_tok.idx + len(end_tok.text)],
            _resolve(who, people, mentions),
            (who.start_char, who.end_char),
            (token.idx, token.idx + len(token.text)),
            direct=False,
        )
    return None
