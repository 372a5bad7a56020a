"""Direct and indirect speech: content, cue and speaker spans, speakers resolved to full names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.lexicon import FEMALE_WORDS, MALE_WORDS, is_person_noun
from wirecheck.analyze.nlp import (
    doc_text,
    entities,
    sentence_of,
    sentences,
    span_text,
    span_tokens,
    tokens,
)
from wirecheck.analyze.people import PeopleIndex, resolve_name
from wirecheck.models import Person, Quote, SpeakerKind

__all__ = ["CUE_LEMMAS", "extract_quotes", "speaker_group"]

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
Speaker = tuple[str, SpeakerKind | None]  # a resolved speaker and whether it is a person or group
RECENT_CHARS = 400  # how far back from the latest compatible name a pronoun may look
PRONOUNS = {"he": "male", "she": "female", "i": None}
GROUP_PRONOUNS = {"they", "we"}
CLAUSES = {"relcl", "acl", "advcl", "appos"}  # what a group subject span stops before
GROUP_LOOKBACK = 3  # sentences before "they" searched for the group it names
# Documents that "say" things, each with the nouns that name the same kind of document.
DOCUMENTS = {
    "statement": "statement",
    "letter": "letter",
    "ad": "ad",
    "advertisement": "ad",
    "commercial": "ad",
    "resolution": "resolution",
    "lawsuit": "suit",
    "suit": "suit",
    "complaint": "suit",
    "memo": "memo",
    "petition": "petition",
}
DOCUMENT_LOOKBACK = 10  # sentences before "the letter says" searched for who issued it
# Singular nouns for a body of people: "the campaign said" speaks for a group, not a person.
GROUP_NOUNS = {
    "campaign",
    "group",
    "company",
    "firm",
    "organization",
    "organisation",
    "coalition",
    "committee",
    "caucus",
    "union",
    "agency",
    "department",
    "ministry",
    "administration",
    "government",
    "party",
    "movement",
    "network",
    "council",
    "board",
    "panel",
    "commission",
    "association",
    "alliance",
    "federation",
    "foundation",
    "court",
    "church",
    "service",
    "bureau",
    "hospital",
    "university",
    "institute",
}
# Singular nouns for one speaker that neither the role words nor the person nouns list.
SPEAKER_NOUNS = {
    "aide",
    "lawyer",
    "adviser",
    "advisor",
    "analyst",
    "expert",
    "economist",
    "professor",
    "scholar",
    "historian",
    "strategist",
    "consultant",
    "pollster",
    "critic",
    "host",
    "editor",
    "source",
}
# People who speak for someone else: "a spokesman for X" is X's spokesman, not X.
AGENT_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "aide", "lawyer", "attorney"}
# The group nouns that fit any organisation: "the group" may be "the Tea Party".
ANY_ORGANIZATION = {"group", "organization", "organisation", "company", "firm"}
AUTHOR_PREPS = {"with", "in"}  # "X retorted with an ad", "X said in a statement"
MIN_WORDS_WITHOUT_CUE = 4
# Entity labels that never hold a person's name, whatever a surname match says.
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW"}
# The group a party member speaks for ("Sen. Chris Coons (D-Del.)" → Democrats).
PARTY_GROUPS = {"Democratic Party": "Democrats", "Republican Party": "Republicans"}
# "Google's spokesperson" as ``_agent_of`` writes it, and "spokesman for X" in a title.
AGENT_SPEAKER = re.compile(rf"(?P<owner>.+)['’]s (?:{'|'.join(sorted(AGENT_NOUNS))})")
AGENT_TITLE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aide|lawyer|attorney|press secretary)\s+(?:for|to)\s+"
    r"(?:the\s+)?(?P<owner>[A-Z].*)$"
)


def speaker_group(quote: Quote, people: list[Person]) -> str | None:
    """The group a quote's speaker speaks for, as the text tells it: a group speaker itself
    ("House Democrats", "the Obama campaign" → "Obama campaign"), a person's party ("Sen. Chris
    Coons (D-Del.)" → "Democrats"), the one an agent speaks for ("a spokeswoman for the Obama
    campaign" → "Obama campaign", "a spokesman for Speaker John Boehner (R-Ohio)" →
    "Republicans"), else the person's organisation ("BuzzFeed's editor" → "BuzzFeed")."""
    speaker = quote.speaker
    if not speaker:
        return None
    if quote.speaker_kind == "group":
        if speaker.lower() in GROUP_PRONOUNS:
            return None  # "they" with no group found for it
        return re.sub(r"^(the|The) ", "", speaker)
    agent = AGENT_SPEAKER.fullmatch(speaker)
    if agent is not None:
        return _owner_group(agent.group("owner"), people)
    person = next((p for p in people if p.name == speaker), None)
    if person is None:
        return None
    if person.party in PARTY_GROUPS:
        return PARTY_GROUPS[person.party]
    agent = AGENT_TITLE.search(person.title or "")
    if agent is not None:
        return _owner_group(agent.group("owner"), people)
    return re.sub(r"^(the|The) ", "", person.affiliation) if person.affiliation else None


def _owner_group(owner: str, people: list[Person]) -> str | None:
    """The group behind whoever an agent speaks for: a named group ("the Obama campaign"),
    else a person's party ("Speaker John Boehner (R-Ohio)" → Republicans; None for a person
    the text gives no party), else the owner as named ("Google")."""
    owner = re.sub(r"^(the|The) ", "", owner).strip(" ,")
    if not owner:
        return None
    words = re.findall(r"[\w’']+", owner)
    if words and words[-1].lower() in GROUP_NOUNS:
        return owner
    person = next((p for p in people if re.search(rf"\b{re.escape(p.name)}\b", owner)), None)
    if person is not None:
        return PARTY_GROUPS.get(person.party or "")
    return owner


def _speaker_token(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
                return cue.head  # "said Bloomberg, who added that …" → Bloomberg
            return child
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ == "VERB":
        return _speaker_token(cue.head)
    if cue.dep_ == "ROOT":
        # A subject-less main verb: the parser took a long subject with a relative clause
        # for a clause of its own ("the aide, who has … and was a spokeswoman…, wrote").
        for clause in cue.children:
            if clause.dep_ == "ccomp" and clause.i < cue.i:
                return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def _subject_span(token: Token) -> Span:
    """The speaker as written: the name entity if the token is in one, else its noun phrase."""
    doc = token.doc
    for child in token.children:
        # "the aide, Ann Lowe, 31, wrote" → Ann Lowe; also when the tagger took the noun for
        # a name ("Another leading Dem, Sen. Kristen Gillibrand, said" → Kristen Gillibrand).
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _subject_span(child)
    if token.ent_type_ and token.ent_iob_ != "O":
        for ent in entities(doc):
            if ent.start <= token.i < ent.end:
                return ent
    left = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("punct", "relcl")]
    start = min((t.i for t in left), default=token.i)
    return doc[start : token.i + 1]


def _name_spans(doc: Doc) -> list[Span]:
    """Entities of any label and runs of untagged proper nouns: the tagger misses or mislabels
    many names ("Pelosi did not agree", "Fox, however," tagged as an organisation)."""
    spans = list(entities(doc))
    run: list[Token] = []
    for token in [*tokens(doc), None]:
        if token is not None and token.pos_ == "PROPN" and token.ent_iob_ == "O":
            run.append(token)
            continue
        if run:
            spans.append(doc[run[0].i : run[-1].i + 1])
            run = []
    return sorted(spans, key=lambda span: span.start)


def _mentions(doc: Doc, people: list[Person]) -> list[Mention]:
    """(offset, person, is subject) for every name mention outside quotation marks, in text
    order: a name inside someone's quote is not a candidate for a later "he said"."""
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(doc_text(doc))]
    found: list[Mention] = []
    index = PeopleIndex(people)  # filed once for every name of the text
    for span in _name_spans(doc):
        if any(s <= span.start_char < e for s, e in quoted):
            continue
        if span.label_ in NOT_NAMES:
            continue
        person = index.resolve(span_text(span))
        if person is not None:
            head = span.root if span.root.dep_ in ("nsubj", "nsubjpass") else span.root.head
            # A subject of the sentence or of a speech verb, not of a reported clause:
            # in "He said Obama "doesn't have a doctrine"" Obama is no antecedent for "he".
            subject = (
                head.dep_ in ("nsubj", "nsubjpass")
                and (span.root.i == head.i or span.root.dep_ in ("compound", "poss"))
                and (head.head.dep_ == "ROOT" or head.head.lemma_.lower() in CUE_LEMMAS)
            ) or _fragment_topic(span.root)
            found.append((span.start_char, person, subject))
    return found


def _fragment_topic(token: Token) -> bool:
    """A name heading a sentence with no subject, which is what the sentence is about: "Ms.
    Lauten, a former aide." or "Enter Ms. Lauten — a former aide …"."""
    doc = token.doc
    if token.dep_ == "ROOT":
        # Described right after ("Ms. Lauten, a former aide"), not a headline ("Smith Resigns").
        return token.i + 1 < len(doc) and doc[token.i + 1].text in (",", "—", "–", "-", "--")
    verb = token.head
    return (
        token.dep_ == "dobj"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


def _resolve(span: Span, people: list[Person], mentions: list[Mention]) -> Speaker:
    """Full name and kind for a speaker mention; "he"/"she" and singular role nouns go to the
    person mentioned most recently before it (of a matching gender or title), "they" and
    plural nouns to a group, never to one person; "the campaign" to its fuller earlier name."""
    text = span.text
    person = resolve_name(text, people)
    if person is not None:
        return person.name, "person"
    word = span.root.lower_
    if word in GROUP_PRONOUNS:
        group = _group_antecedent(span)
        return (group.text if group is not None else text), "group"
    if span.root.tag_ in ("NNS", "NNPS"):
        return text, "group"  # "Republican lawmakers said", "the officials said"
    earlier = [p for offset, p, _ in mentions if offset < span.start_char]
    if word in PRONOUNS:
        gender = PRONOUNS[word]
        fits = [
            m
            for m in mentions
            if m[0] < span.start_char and (gender is None or m[1].gender in (gender, None))
        ]
        if not fits:
            return text, "person"
        # Of the people named in the last stretch of text, prefer one named as a subject:
        # "Trump directed Cohen to lie. '…,' he told reporters" → Trump.
        recent = [m for m in fits if m[0] >= fits[-1][0] - RECENT_CHARS]
        subjects = [m for m in recent if m[2]]
        return (subjects or recent)[-1][1].name, "person"
    if word in AGENT_NOUNS and span.root.tag_ == "NN":
        agent = _agent_of(span.root, people)
        if agent is not None:
            return agent, "person"
    role = [p for p in earlier if p.title and word in _title_words(p.title)]
    if role:
        return role[-1].name, "person"
    first = span[0].lower_
    if first in ("the", "this") and word in ROLE_WORDS and earlier:
        # "the governor said", "the four-term congressman said": the latest person named,
        # unless an unnamed one was brought in since ("a spokesperson for Google said").
        unnamed = _unnamed_since(span, word, mentions)
        if unnamed is not None:
            # "A spokesperson for Grassley said… The spokesperson added" → Grassley's.
            agent = _agent_of(unnamed, people) if word in AGENT_NOUNS else None
            return agent or text, "person"
        gender = "female" if word in FEMALE_WORDS else "male" if word in MALE_WORDS else None
        fits = [p for p in earlier if gender is None or p.gender in (gender, None)]
        if fits:
            return fits[-1].name, "person"
    if first in ("the", "this") and word in DOCUMENTS:
        # "The ad says" speaks for whoever issued the ad ("The Smith campaign hit back
        # with an ad of its own. The ad says: …" → the Smith campaign).
        author = _document_author(span)
        if author is not None:
            return _resolve(author, people, mentions)
    if (
        first in ("the", "this")
        and word in GROUP_NOUNS
        and not any(t.pos_ == "PROPN" for t in span)  # not when named already
    ):
        named = _named_group(span)
        return (named.text if named is not None else text), "group"
    return text, _kind(span)


def _kind(span: Span) -> SpeakerKind | None:
    """Person or group, for a speaker mention that names no one known by name."""
    token = span.root
    if (
        any(span.start <= c.i < span.end for c in token.conjuncts)  # "Pelosi and Schumer"
        or token.ent_type_ in ("ORG", "NORP", "GPE")
        or token.lower_ in GROUP_NOUNS
        or token.lower_ in GROUP_PRONOUNS
        or token.tag_ in ("NNS", "NNPS")
    ):
        return "group"
    if token.ent_type_ == "PERSON" or token.lower_ in PRONOUNS:
        return "person"
    if token.lower_ in ROLE_WORDS or token.lower_ in SPEAKER_NOUNS or is_person_noun(token.lemma_):
        return "person"
    return None


def _named_group(span: Span) -> Span | None:
    """The fuller earlier name behind "the campaign" or "the group": the latest mention
    outside quotation marks of the same noun with a name before it ("the Obama campaign",
    "Romney's campaign"), or, for a word that fits any organisation, the latest
    organisation named as a subject in the last few sentences ("The Tea Party met. The
    group said…"), if ``span`` is just "the group"."""
    doc = span.doc
    word = span.root.lower_
    sent = sentence_of(doc, span.start)
    sents = sentences(doc)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    first = sents[max(0, index - DOCUMENT_LOOKBACK)].start
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(doc_text(doc))]
    near = sents[max(0, index - GROUP_LOOKBACK)].start
    for token in reversed(doc[first : span.start]):
        if any(s <= token.idx < e for s, e in quoted):
            continue
        if token.lower_ == word:
            names = [
                c
                for c in token.children
                if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN"
            ]
            # "the hospital" after "the MedStar Washington Hospital Center": the whole name,
            # also where the tagger split it ("[United States] Fish and [Wildlife Service]").
            ent = [e for e in entities(doc) if e.start <= token.i < e.end and e.label_ == "ORG"]
            if names or ent:
                start = min([c.left_edge.i for c in names] + [e.start for e in ent])
                return doc[start : max([token.i + 1] + [e.end for e in ent])]
        if (
            word in ANY_ORGANIZATION
            and len(span) == 2
            and token.i >= near
            and token.ent_type_ == "ORG"
            and token.dep_ in ("nsubj", "nsubjpass")
        ):
            return _subject_span(token)
    return None


def _document_author(span: Span) -> Span | None:
    """Who issued the document ``span`` names, from its latest earlier mention that says so:
    "X released a statement", "X said in a statement", "a suit from X", "brought by X"."""
    doc = span.doc
    kind = DOCUMENTS[span.root.lower_]
    sent = sentence_of(doc, span.start)
    sents = sentences(doc)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    first = sents[max(0, index - DOCUMENT_LOOKBACK)].start
    for noun in reversed(doc[first : span.start]):
        if noun.pos_ == "NOUN" and DOCUMENTS.get(noun.lower_) == kind:
            author = _author_of(noun)
            if author is not None:
                return author
    return None


def _author_of(noun: Token) -> Span | None:
    """The issuer of one document mention, if the sentence names it."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$":
            return _subject_span(child)  # "Smith's statement"
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _issuer_span(objects[0])  # "the lawsuit from Texas and Ohio"
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in AUTHOR_PREPS and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ == "nsubjpass":
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            if objects:
                return _issuer_span(objects[0])  # "the lawsuit was brought by X"
        return None
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # Only a name, a person or a group issues documents: not "the criticism comes in a letter".
    if subject is None or not (
        subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subject.lower_ in PRONOUNS.keys() | GROUP_PRONOUNS
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children)
        or subject.conjuncts
        or subject.lower_ in ROLE_WORDS
        or is_person_noun(subject.lemma_)
    ):
        return None
    return _issuer_span(subject)


def _issuer_span(token: Token) -> Span:
    """An issuer as written: a name, or a phrase with its modifiers and conjuncts
    ("attorneys general in Texas and Ohio", "Smith and Jones")."""
    return _subject_span(token) if token.ent_type_ and not token.conjuncts else _group_span(token)


def _unnamed_since(span: Span, word: str, mentions: list[Mention]) -> Token | None:
    """The latest "a/an WORD" before ``span`` if no name is mentioned between them, but for
    names in its own phrase ("a spokesperson for Grassley")."""
    unnamed = next(
        (
            t
            for t in reversed(span.doc[: span.start])
            if t.lower_ == word and any(c.lower_ in ("a", "an") for c in t.children)
        ),
        None,
    )
    if unnamed is None:
        return None
    own = (unnamed.left_edge.idx, unnamed.right_edge.idx + len(unnamed.right_edge))
    named_since = any(
        unnamed.idx <= offset < span.start_char and not own[0] <= offset < own[1]
        for offset, _, _ in mentions
    )
    return None if named_since else unnamed


def _agent_of(noun: Token, people: list[Person]) -> str | None:
    """ "X's spokesman" for "a spokesman for X", "an X spokesman" or "X's spokesman", with X
    under its full name ("a Ryan spokesman" → "Paul Ryan's spokesman"); None when X is no
    name."""
    doc = noun.doc
    owner = None
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$":
            owner = child
        elif child.dep_ == "prep" and child.lower_ == "for":
            owner = next((c for c in child.children if c.dep_ == "pobj"), owner)
    if owner is not None:
        for named in (c for c in owner.children if c.dep_ == "appos"):
            if named.ent_type_ == "PERSON":
                # "a lawyer for Mr. Grimm, William McGinley," names the lawyer, not Grimm.
                span = _subject_span(named)
                person = resolve_name(span.text, people)
                return person.name if person is not None else span.text
        owner_span = _issuer_span(owner) if owner.conjuncts else _owner_span(owner)
    else:
        names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        if not any(t.pos_ == "PROPN" for c in names for t in c.subtree):
            return None
        owner_span = doc[min(c.left_edge.i for c in names) : max(c.i for c in names) + 1]
    person = resolve_name(owner_span.text, people)
    if person is not None:
        name = person.name
    else:
        named_group = _named_group(owner_span) if owner_span.root.lower_ in GROUP_NOUNS else None
        if named_group is None and owner_span.root.pos_ != "PROPN":
            return None  # "a lawyer for the family" stays as written
        name = (named_group or owner_span).text
    name = re.sub(r"^(the|The) ", "", re.sub(r"[’']s?$", "", name))
    return f"{name}'s {noun.lower_}"


def _owner_span(token: Token) -> Span:
    """An owner as written, without the appositives that ``_subject_span`` follows."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        return next(e for e in entities(doc) if e.start <= token.i < e.end)
    return _group_span(token)


def _group_antecedent(pronoun: Span) -> Span | None:
    """What "they" refers to: the latest plural or coordinated subject before it, looking back
    a few sentences ("Democrats criticized the plan. They said…" → Democrats)."""
    doc = pronoun.doc
    sent = sentence_of(doc, pronoun.start)
    sents = sentences(doc)
    index = next(i for i, s in enumerate(sents) if s.start == sent.start)
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(doc_text(doc))]
    for earlier in reversed(sents[max(0, index - GROUP_LOOKBACK) : index + 1]):
        subjects = [
            t
            for t in earlier
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.i < pronoun.start
            and t.tag_ not in ("WP", "WDT", "DT", "PRP")
            and not any(s <= t.idx < e for s, e in quoted)
            and (t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "NORP" or t.conjuncts)
        ]
        if subjects:
            return _group_span(subjects[-1])
    return None


def _group_span(head: Token) -> Span:
    """A group subject with its modifiers and conjuncts, up to the first punctuation or clause
    after the last one: "state lawmakers and Gov. Mike Pence", "Pelosi and Leader Schumer"."""
    doc = head.doc
    last = max([head, *head.conjuncts], key=lambda t: t.i)
    end = last.i + 1
    # A name parsed as an appositive of its title ("Leader Chuck Schumer") is no clause.
    while (
        end <= last.right_edge.i
        and not doc[end].is_punct
        and (doc[end].dep_ not in CLAUSES or doc[end].ent_type_ == "PERSON")
    ):
        end += 1
    start = min(t.i for t in head.subtree if t.i <= head.i and not t.is_punct)
    return doc[start:end]


def _title_words(title: str) -> set[str]:
    """Words of a title with abbreviations spelled out ("Gov." → "governor")."""
    words = set(re.findall(r"[a-z]+", title.lower()))
    return words | {ABBREVIATIONS[w] for w in words if w in ABBREVIATIONS}


def _according_to(sent: Span) -> tuple[Span, Token] | None:
    for token in span_tokens(sent):
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
    if outside:
        # Two speech verbs in one sentence: the one next to the quotation is its cue
        # ('"…," he said after Smith told him…'); ties go to a verb with a subject.
        cues.sort(
            key=lambda t: (
                min(abs(t.idx - outside[1]), abs(outside[0] - t.idx - len(t.text))),
                _speaker_token(t) is None,
            )
        )
    cue, subject = cues[0], _speaker_token(cues[0])
    if outside and subject is not None and outside[0] <= subject.idx < outside[1]:
        # A misparse put the subject inside the quotation: take the name or pronoun right
        # next to the verb ("“…, thousands of lawsuits, …,” Bloomberg said").
        doc = sent.doc
        nearby = [doc[i] for i in (cue.i - 1, cue.i + 1) if 0 <= i < len(doc)]
        subject = next(
            (
                t
                for t in nearby
                if not outside[0] <= t.idx < outside[1]
                and (t.ent_type_ == "PERSON" or t.lower_ in PRONOUNS.keys() | GROUP_PRONOUNS)
            ),
            None,
        )
    return cue, subject


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
) -> tuple[Speaker | None, tuple[int, int] | None, tuple[int, int] | None]:
    """(speaker, speaker_span, cue_span) for text in ``context``: the subject of its speech
    verb, else the X of 'according to X' ("…," said Trump, according to TIME → Trump)."""
    cue = _cue(context, (start, end))
    if cue is not None and cue[1] is not None:
        verb, subject = cue
        who = _subject_span(subject)
        cue_span = (verb.idx, verb.idx + len(verb.text))
        return _resolve(who, people, mentions), (who.start_char, who.end_char), cue_span
    acc = _according_to(context)
    if acc is not None:
        who, token = acc
        return (
            _resolve(who, people, mentions),
            (who.start_char, who.end_char),
            (token.idx, token.idx + len("according to")),
        )
    if cue is None:
        return None, None, None
    return None, None, (cue[0].idx, cue[0].idx + len(cue[0].text))


def _acting_subject(sent: Span, start: int, end: int) -> Span | None:
    """The person (name or he/she) or group (an organisation, "Democrats", "the campaign")
    acting in a sentence without a speech verb: the subject of the nearest verb above the
    quotation ("Pelosi balked, and Schumer denounced the offer as "…"" → Schumer; "The Tea
    Party Coalition issued a resolution, accusing the group of "…"" → the coalition), else of
    the sentence ("Ryan hammered Obama for what he called his "utter failure"" → Ryan). Before
    a colon that opens the quote, the subject of the clause ending there, wherever the parser
    hung it: "Lowe was quick to retort: "…"" → Lowe."""
    doc = sent.doc
    quote = doc.char_span(start, end, alignment_mode="expand")
    above = [quote.root, *quote.root.ancestors] if quote is not None else []
    # Not the subject of a reported clause: "Bloomberg charged that Trump had "left…"".
    above = above[max((i for i, t in enumerate(above) if t.dep_ == "ccomp"), default=-1) + 1 :]
    # Nor of a verb inside the quotation: in 'Trump said CNN "doesn't treat me properly"'
    # CNN is what the quote is about.
    subjects = [
        c
        for verb in above
        if verb.pos_ in ("VERB", "AUX") and not start <= verb.idx < end
        for c in verb.children
    ]
    subjects += list(sent.root.children)
    if doc_text(doc)[sent.start_char : start].rstrip().endswith(":"):
        subjects = [t for t in sent if t.idx < start][::-1] + subjects
    for token in subjects:
        if token.dep_ != "nsubj" or start <= token.idx < end:
            continue
        if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she"):
            return _subject_span(token)
        if (
            token.ent_type_ in ("ORG", "NORP")
            or token.tag_ == "NNPS"
            or (token.tag_ == "NNS" and is_person_noun(token.lemma_))
            or (token.lower_ in GROUP_NOUNS and any(c.lower_ == "the" for c in token.children))
        ):
            return _subject_span(token)
    return None


def extract_quotes(doc: Doc, people: list[Person]) -> list[Quote]:
    """Direct quotes (with their cue or the previous paragraph's speaker) and indirect speech."""
    quotes: list[Quote] = []
    quoted: list[tuple[int, int]] = []
    previous: tuple[Quote | None, int] = (None, -1)  # the last direct quote, its paragraph
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
            actor = _acting_subject(sentence_of(doc, context.start), m.start(), m.end())
            if actor is not None:
                speaker = _resolve(actor, people, mentions)
                speaker_span = (actor.start_char, actor.end_char)
            elif previous[0] and previous[0].speaker and par - previous[1] <= 1:
                # The rest of a quote split around its cue ('"Okay," I said. "I was…"') or a
                # quote paragraph continuing it: the same speaker and cue.
                speaker = previous[0].speaker, previous[0].speaker_kind
                speaker_span = previous[0].speaker_span
                cue_span = cue_span or previous[0].cue_span
            elif cue_span is None:
                continue
        name, kind = speaker or (None, None)
        quote = Quote(
            start, end, doc_text(doc)[start:end], name, speaker_span, cue_span, speaker_kind=kind
        )
        quotes.append(quote)
        quoted.append((m.start(), m.end()))
        previous = (quote, par)

    for sent in sentences(doc):
        inside = [(s, e) for s, e in quoted if s < sent.end_char and sent.start_char < e]
        quotes.extend(_indirect(doc, sent, people, mentions, inside))
    for quote in quotes:
        quote.speaker_group = speaker_group(quote, people)
    return sorted(quotes, key=lambda q: q.start)


def _indirect(
    doc: Doc,
    sent: Span,
    people: list[Person],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
) -> list[Quote]:
    """ "X said (that) <clause>" and "<clause>, X said" for every speech verb of the sentence,
    and "<clause>, according to X". A clause that is mostly a direct quote already taken is
    left out; one that goes on past the quote (X said "…" every time…) is kept."""
    found: list[Quote] = []
    for token in span_tokens(sent):
        if (
            token.lemma_.lower() not in CUE_LEMMAS
            or token.pos_ != "VERB"
            or any(s <= token.idx < e for s, e in quoted)
        ):
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp"] or _misattached_clause(token)
        subject = _speaker_token(token)
        if not clauses or subject is None:
            continue
        clause = list(clauses[0].subtree)
        words = [t for t in clause if t.dep_ != "mark" or t.i != clause[0].i]
        unquoted = [
            t for t in words if not t.is_punct and not any(s <= t.idx < e for s, e in quoted)
        ]
        # Past a direct quote, two more words make a clause of its own ("the probe is").
        if len(words) < 4 or len(unquoted) < (2 if quoted else MIN_WORDS_WITHOUT_CUE):
            continue
        who = _subject_span(subject)
        found.append(
            _clause_quote(
                doc,
                words[0],
                clause[-1],
                _resolve(who, people, mentions),
                who,
                token,
                len(token.text),
            )
        )
    if not found and not quoted:
        acc = _according_to(sent)
        if acc is not None:
            who, according = acc
            # The clause is the sentence minus the "according to X" phrase, on its longer side.
            phrase_end = max(t.i for t in doc[according.i + 1].subtree) + 1
            before, after = doc[sent.start : according.i], doc[phrase_end : sent.end]
            side = max((before, after), key=lambda part: sum(not t.is_punct for t in part))
            if sum(not t.is_punct for t in side) >= MIN_WORDS_WITHOUT_CUE:
                first = next(t for t in side if not t.is_punct)
                found.append(
                    _clause_quote(
                        doc,
                        first,
                        side[-1],
                        _resolve(who, people, mentions),
                        who,
                        according,
                        len("according to"),
                    )
                )
    return found


def _misattached_clause(cue: Token) -> list[Token]:
    """A "that" clause the parser hung on a noun after the verb: "said during a news
    conference that he may wait" (a mark "that" starts a reported clause, not a relative one)."""
    return [
        clause
        for prep in cue.children
        if prep.dep_ == "prep"
        for noun in prep.children
        if noun.dep_ == "pobj"
        for clause in noun.children
        if clause.dep_ in ("relcl", "acl")
        and clause.left_edge.lower_ == "that"
        and clause.left_edge.dep_ == "mark"
    ]


def _clause_quote(
    doc: Doc, first: Token, last: Token, speaker: Speaker, who: Span, cue: Token, cue_chars: int
) -> Quote:
    """An indirect quote from ``first`` to ``last`` (trailing punctuation dropped)."""
    while last.is_punct and last.i > first.i:
        last = doc[last.i - 1]
    end = last.idx + len(last.text)
    return Quote(
        first.idx,
        end,
        doc_text(doc)[first.idx : end],
        speaker[0],
        (who.start_char, who.end_char),
        (cue.idx, cue.idx + cue_chars),
        direct=False,
        speaker_kind=speaker[1],
    )
