"""Direct and indirect speech: content, cue and speaker spans, speakers resolved to full names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.lexicon import FEMALE_WORDS, MALE_WORDS, is_person_noun
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
ROLE_WORDS = {
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "president",
    "general",
    "commander",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mayor",
    "sheriff",
    "chief",
    "official",
    "candidate",
    "leader",
    "secretary",
    "director",
    "judge",
    "prosecutor",
    "attorney",
    "representative",
    "ambassador",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "detective",
    "officer",
    "chairman",
    "chairwoman",
    "speaker",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "cleric",
    "activist",
}
ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "det": "detective",
    "adm": "admiral",
    "cmdr": "commander",
    "pres": "president",
    "brig": "brigadier",
    "maj": "major",
    "insp": "inspector",
    "supt": "superintendent",
}
Mention = tuple[int, Person, bool]  # offset, person, named as a grammatical subject
RECENT_CHARS = 400  # how far back from the latest compatible name a pronoun may look
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


def _mentions(doc: Doc, people: list[Person]) -> list[Mention]:
    """(offset, person, is subject) for every name mention outside quotation marks, in text
    order: a name inside someone's quote is not a candidate for a later "he said"."""
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(doc_text(doc))]
    found: list[Mention] = []
    for ent in doc.ents:
        if any(s <= ent.start_char < e for s, e in quoted):
            continue
        if ent.label_ == "PERSON":
            person = resolve_name(ent.text, people)
            if person is not None:
                subject = ent.root.dep_ in ("nsubj", "nsubjpass") or (
                    ent.root.dep_ in ("compound", "poss") and ent.root.head.dep_ == "nsubj"
                )
                found.append((ent.start_char, person, subject))
    return found


def _resolve(span: Span, people: list[Person], mentions: list[Mention]) -> str:
    """Full name for a speaker mention; pronouns and role nouns go to the person mentioned
    most recently before it (of a matching gender or title)."""
    text = span.text
    person = resolve_name(text, people)
    if person is not None:
        return person.name
    word = span.root.lower_
    earlier = [p for offset, p, _ in mentions if offset < span.start_char]
    if word in PRONOUNS:
        gender = PRONOUNS[word]
        fits = [
            m
            for m in mentions
            if m[0] < span.start_char and (gender is None or m[1].gender in (gender, None))
        ]
        if not fits:
            return text
        # Of the people named in the last stretch of text, prefer one named as a subject:
        # "Trump directed Cohen to lie. '…,' he told reporters" → Trump.
        recent = [m for m in fits if m[0] >= fits[-1][0] - RECENT_CHARS]
        subjects = [m for m in recent if m[2]]
        return (subjects or recent)[-1][1].name
    role = [p for p in earlier if p.title and word in _title_words(p.title)]
    if role:
        return role[-1].name
    first = span[0].lower_
    if first in ("the", "this") and (word in ROLE_WORDS or is_person_noun(word)) and earlier:
        # "the governor said", "the four-term congressman said": the latest person named.
        gender = "female" if word in FEMALE_WORDS else "male" if word in MALE_WORDS else None
        fits = [p for p in earlier if gender is None or p.gender in (gender, None)]
        if fits:
            return fits[-1].name
    return text


def _title_words(title: str) -> set[str]:
    """Words of a title with abbreviations spelled out ("Gov." → "governor")."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    return words | {ABBREVIATIONS[w] for w in words if w in ABBREVIATIONS}


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
    cues = [
        t
        for t in sent
        if t.lemma_.lower() in CUE_LEMMAS
        and t.pos_ in ("VERB", "AUX")
        and not (outside and outside[0] <= t.idx < outside[1])
    ]
    if not cues:
        return None
    return cues[0], _speaker_token(cues[0])


def _sentence_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sents = [sentence_of(doc, t.i) for t in (span[0], span[-1])]
    return doc[sents[0].start : sents[1].end]


def _attribute(
    people: list[Person],
    mentions: list[Mention],
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


def _indirect(doc: Doc, sent: Span, people: list[Person], mentions: list[Mention]) -> Quote | None:
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
