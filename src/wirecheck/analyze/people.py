"""People named in an article: fullest name, title and affiliation, age, role and status."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.lexicon import FEMALE_WORDS, MALE_WORDS, is_person_noun
from wirecheck.analyze.nlp import doc_text, entities, sentence_of, span_text
from wirecheck.analyze.numbers import number_value
from wirecheck.analyze.places import Gazetteer
from wirecheck.models import Casualty, Person

__all__ = [
    "TITLE_WORDS",
    "PeopleIndex",
    "extract_people",
    "resolve_name",
    "settle_victims",
    "strip_title",
]

# Honorifics, ranks and offices that precede a name in news copy.
TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "rev",
    "fr",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "lt",
    "lt.-gen",
    "lt.-col",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "cpl",
    "corporal",
    "brig",
    "brigadier",
    "admiral",
    "adm",
    "commander",
    "cmdr",
    "lieutenant",
    "officer",
    "detective",
    "det",
    "chief",
    "sheriff",
    "deputy",
    "trooper",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "councilman",
    "councilwoman",
    "councilmember",
    "alderman",
    "judge",
    "justice",
    "attorney",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ayatollah",
    "sheikh",
    "mp",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "fire",
    "marshal",
    "inspector",
    "superintendent",
    "constable",
    "pc",
    "ambassador",
    "chancellor",
    "premier",
    "speaker",
    "coach",
    "pastor",
}
ROLE_NOUNS = re.compile(
    r"\b(commander|spokes(man|woman|person)|chief|minister|director|president|officer|"
    r"leader|secretary|member|head|lieutenant|sergeant|captain|sheriff|mayor|governor|"
    r"official|general|colonel|analyst|professor|lawyer|attorney|prosecutor|judge|"
    r"ambassador|chairman|chairwoman|chair|founder|executive|manager|MP|senator|"
    r"representative|inspector|superintendent|detective|coordinator|organi[sz]er|adviser|"
    r"advisor|editor|correspondent|witness|resident|neighbo(u)?r|friend|mother|father|"
    r"brother|sister|son|daughter|wife|husband|owner|student|teacher)s?\b",
    re.I,
)
# What a title says when it tells how a person is related to others, not an office: "her
# 5-year-old son", "the father", "Denton's mother", "a Conyers resident", "the son of X".
RELATION = re.compile(
    r"\b((step|grand|great-grand)?(mother|father|son|daughter|parent|child)|wife|husband|"
    r"(half-)?(brother|sister)|uncle|aunt|cousin|nephew|niece|(boy|girl)friend|fianc[eé]e?|"
    r"partner|friend|neighbou?r|roommate|classmate|resident|student|relative)s?$",
    re.I,
)
VICTIM = re.compile(
    r"\b(shot|killed|wounded|injured|died|dead|deceased|victims?|stabbed|hurt|slain|"
    r"bod(y|ies)|gunshot)\b",
    re.I,
)
SUSPECT = re.compile(
    r"\b(suspect(s|ed)?|arrested|charged|charges|accused|gunman|shooter|killer|custody|"
    r"booked|indicted|wanted)\b",
    re.I,
)
HARM_LEMMAS = {"shoot", "kill", "wound", "injure", "murder", "slay", "strike", "hit", "stab"}
HARM_LEMMAS |= {"hurt", "graze"}  # "were more seriously hurt", "a bullet grazed X"
DEATH_LEMMAS = {"die", "succumb"}
HARM_NOUNS = {"death", "killing", "murder", "shooting", "slaying", "homicide", "body", "bodies"}
# A death a possessive names the victim of ("X's death"); not "X's shooting", which may be
# one X did, nor "the city's homicides".
POSSESSED_DEATHS = {"death", "killing", "murder", "slaying"}
# What a victim suffers or sustains ("suffered a gunshot wound", "sustained injuries").
WOUND_NOUNS = {"wound", "wounds", "injury", "injuries"}
SUFFER_LEMMAS = {"suffer", "sustain", "receive"}
# "was pronounced dead", "was found dead": the victim of a death the sentence tells.
DECLARE_LEMMAS = {"pronounce", "declare", "find"}
# "was treated for", "was hospitalized": care only a victim gets; "was taken to a hospital":
# care when the sentence names a hospital.
TREATED_LEMMAS = {"treat", "hospitalize", "hospitalise", "airlift"}
CARRIED_LEMMAS = {"take", "transport", "rush", "admit", "fly", "carry"}
HOSPITAL = re.compile(r"\b(hospital|medical center|trauma center|emergency room)\b", re.I)
FIGURES = {"PERCENT", "CARDINAL", "QUANTITY", "MONEY"}  # entity types of a score or an amount
GROUP_DEPS = ("nsubjpass", "dobj", "nsubj")  # a verb's group of people, most telling first
# Who police look for: "detectives are searching for X".
SOUGHT_LEMMAS = {"look", "search", "hunt"}
CUSTODY_LEMMAS = {
    "arrest",
    "charge",
    "book",
    "indict",
    "sentence",
    "convict",
    "apprehend",
    "detain",
    "jail",
    "accuse",
    "seek",
    "want",
    "hold",
    "extradite",
}
ACCUSED_LEMMAS = {"face", "fire", "open"}  # with an object: "faces charges", "opened fire"
OWNED_LEMMAS = {"plead", "confess", "flee", "surrender"}  # a suspect's acts, object or not
VICTIM_NOUNS = {"victim", "victims"}
NAMING_LEMMAS = {"identify", "name"}  # "X was identified as the gunman"
# Who "identify" names when the sentence before tells of them, as its object ("Police
# identified them as") or as the subject of the passive ("He was identified as").
IDENTIFIED_PRONOUNS = {"them", "him", "her", "they", "he", "she"}
HARMED_WORDS = {"dead", "deceased", "injured", "wounded", "killed", "slain", "shot"}
SUSPECT_NOUNS = {"suspect", "suspects", "gunman", "shooter", "defendant", "killer"}
SUSPECT_NOUNS |= {"gunmen", "shooters", "defendants", "killers"}
AGED = re.compile(r"[\w.'’ -]{0,8}?,\s*(\d{1,2}|age \d{1,2})\s*[,;.)]")  # after a name
# What is brought against a suspect: "charges against X", "an arrest warrant for X".
CHARGES = {"charge", "count", "warrant", "indictment"}
# What a court sets for a defendant ("the death penalty for X", "bond for X"), which may also
# be a sports penalty or a bond issue: only in a sentence about a crime.
COURT_TERMS = {"penalty", "bond", "bail"}
# A sentence about violence or a crime: what the rules that read a person's care, condition,
# injury, death or pursuit need, for they also tell of illness, sport and missing people.
VIOLENCE = re.compile(
    r"\b(shot|shoot\w*|gun\w*|stab(bed|bing|s)?|murder\w*|homicide|slain|slaying|assault\w*|"
    r"attack\w*|bullets?|kill\w*|violence|violent|robbery|robbed|fired|firing|wounded|"
    r"bomb\w*|blast|explosion|crime|suspects?|charged|arrested)\b",
    re.I,
)
# How many lines a heading's list may run ("The victims are:" and a line for each).
HEADING_REACH = 12
# What a charge or accusation is of when it makes a suspect: "accused in the killing", not
# "charged with misconduct" nor "charged with investigating the shooting".
CRIME_OF = re.compile(
    r"^(?!\w+\s+(?!shoot|kill|fir|stab|murder|rob|attack)\w+ing\b).*?"
    r"\b(shoot\w*|fir(?:e|ed|ing)|murder\w*|kill\w*|death|slaying|homicide|"
    r"manslaughter|assault\w*|robbery|attack\w*|incident|crime|stabbing|attempted)\b",
    re.I,
)
LOOK_BACK = 6  # sentences back to the one that tells of the people a later one names
LEDE_CHARS = 600  # a story's opening, which says what the story is about
MISSING = re.compile(r"\b(missing|endangered|runaway|lost)\b", re.I)
# Verbs of witnesses and sources: "Dana White, 34, said she saw the man who was shot".
TELLING_LEMMAS = {"say", "tell", "see", "hear", "report", "call", "describe", "recall"}
TELLING_LEMMAS |= {"witness", "add", "explain", "recount", "speak", "write", "post"}
HARMED = re.compile(
    r"\b(shot|killed|wounded|injured|injuries|died|dead|deceased|victims?|gunshot|hospital|"
    r"hospitali[sz]ed|survivors?)\b",
    re.I,
)
ARRESTED = re.compile(r"\b(arrested|custody|booked|jailed)\b", re.I)
# A death told of the person in their own clause ("was fatally shot", "shot to death", "the
# murder of X"), and, read over the whole sentence for want of that, the plain words of one.
KILLED = re.compile(
    r"\b(killed|died|dead|deceased|slain|fatal|fatally|murdered|to death|shooting death|bod(y|ies)|"
    r"(death|murder|killing|slaying|homicide)s? of)\b",
    re.I,
)
DEATH_IN_SENTENCE = re.compile(r"\b(killed|died|dead|deceased|slain|fatally|murdered)\b", re.I)
# Entity labels the small English model gives to people's names it does not know; a name
# tagged GPE only when the gazetteer knows no place of that name ("Saudi Arabia was hit").
MISTAGGED_NAMES = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "GPE"}
# Words that make a capitalised phrase an organisation's or a place's name, not a person's.
NOT_A_NAME = re.compile(
    r"\b(inc|llc|corp|company|department|police|sheriff|county|street|avenue|road|drive|"
    r"school|academy|hospital|church|center|centre|university|college|club|bar|grill|park|"
    r"city|news|press|times|post|tribune|herald|journal|bank|market|store|mall|hotel|motel|"
    r"apartments?|station|office|court|services?|group|association|foundation|boulevard|"
    r"airport|airfield|port|base|bridge|plant|refinery|factory|terminal|stadium|arena|"
    r"mosque|synagogue|embassy|prison|jail|barracks|"
    r"blvd|heights|creek|"
    # a photo credit run into the text: "Jane Roe Image 2", "Metro Video Image"
    r"images?)\b",
    re.I,
)
# The last word of a place's or an organisation's name the small model tags as a person's
# ("Anderson Hospital", "Hagen Drive", "Crime Stoppers"): no one's surname.
NOT_A_PERSON = re.compile(
    r"\b(hospital|school|academy|university|college|street|avenue|road|drive|boulevard|"
    r"highway|center|centre|department|police|stoppers|inc|llc|corp)\.?$",
    re.I,
)
# A capitalised word that can be a name, an apostrophe inside it: "D'Mio", "Ta'Niyah", "O'Neal".
NAME_SPELLING = re.compile(r"[A-Z][A-Za-z]*(?:['’][A-Za-z]+)*")
# An age right before a name: "20-year-old ", "Sixteen-year-old ".
AGE_BEFORE_NAME = re.compile(r"\b(\d{1,2}|[a-z]+(-[a-z]+)?)[- ]years?[- ]old\s+$", re.I)
AGE_AFTER = re.compile(r"^,\s*(?:age\s+)?(\d{1,3})\s*(,|;|\.|\band\b|$)")
AGE_AFTER_CHARS = 12  # room for the longest age after a name: ", age 38 and"
GIVEN_NAMES_MAX = 3  # given names a name may have before the part tagged ("Mary Ann Lee")
QUOTES = {'"', "“", "”", "``", "''"}
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")  # quoted words are not about the person
MALE = re.compile(r"\b(he|him|his|man|boy|mr\.?)\b", re.I)
FEMALE = re.compile(r"\b(she|her|hers|woman|girl|mrs\.?|ms\.?)\b", re.I)
HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}


def _is_title(token_text: str) -> bool:
    return token_text.lower().rstrip(".").replace("-", ".") in _TITLE_KEYS


_TITLE_KEYS = frozenset(t.replace("-", ".") for t in TITLE_WORDS)


# Cached: every mention is stripped again for each person it is matched against.
@functools.lru_cache(maxsize=65536)
def strip_title(name: str) -> str:
    """ "Brigadier General Ann Lowe" → "Ann Lowe"; possessives dropped."""
    name = re.sub(r"[’']s$", "", name.strip())
    words = name.split()
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    return " ".join(words)


def _compatible(short: str, full: str) -> bool:
    """A mention ("Lowe", "Tom Reyes") can refer to a fuller name ("Thomas Reyes")."""
    s, f = short.lower().split(), full.lower().split()
    if not s or not f or s[-1] != f[-1]:
        return False
    if len(s) == 1:
        return True
    return f[0].startswith(s[0].rstrip(".")) or s[0].startswith(f[0].rstrip("."))


def resolve_name(mention: str, people: Iterable[Person]) -> Person | None:
    """The person a name, surname or titled mention refers to, if any: the first with that
    name, else the first whose name the mention can stand for."""
    return PeopleIndex(people).resolve(mention)


class PeopleIndex:
    """People to resolve many mentions against (``resolve_name``), filed by full name and by
    surname: an event's record resolves every name of every article against everyone its
    articles name, which compared with each person in turn grows with the square of a large
    event's size."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self.people: list[Person] = []
        self._by_name: dict[str, Person] = {}
        self._by_surname: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            self.add(person)

    def add(self, person: Person) -> None:
        """File one more person (after those already filed)."""
        self.people.append(person)
        self._by_name.setdefault(person.name.lower(), person)
        words = person.name.lower().split()
        if words:
            self._by_surname[words[-1]].append(person)

    def resolve(self, mention: str) -> Person | None:
        """``resolve_name`` over the people filed, in the order they were filed."""
        name = strip_title(mention)
        exact = self._by_name.get(name.lower())
        if exact is not None:
            return exact
        words = name.lower().split()
        if not words:
            return None
        # A mention can only stand for a name with the same last word (``_compatible``).
        return next(
            (p for p in self._by_surname.get(words[-1], ()) if _compatible(name, p.name)), None
        )


def _title_tokens_before(span: Span) -> Span | None:
    """Capitalised title words right before the name: "Brigadier General", "Lt.-Gen."."""
    doc = span.doc
    i = span.start
    while (
        i > 0
        and (_is_title(doc[i - 1].text) or doc[i - 1].text in ("-",))
        and (doc[i - 1].is_title or doc[i - 1].is_upper or "." in doc[i - 1].text)
    ):
        i -= 1
    return doc[i : span.start] if i < span.start else None


def _descriptor(span: Span) -> Span | None:
    """An appositive role description: "X, commander of Y," or "Y commander X"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and ROLE_NOUNS.search(child.text):
            clause = {
                t.i
                for c in child.children
                if c.dep_ in ("relcl", "acl", "advcl")
                for t in c.subtree
            }
            sub = [t for t in child.subtree if t.i not in clause]
            end = next((t.i for t in sub if t.i > child.i and t.text == ","), sub[-1].i + 1)
            if len(sub) <= 14:
                return span.doc[sub[0].i : end]
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and ROLE_NOUNS.search(head.text):
        left = min(t.i for t in head.subtree)
        desc = span.doc[left : head.i + 1]
        if len(desc) <= 10:
            return desc
    # "Canadian special forces commander Brigadier General X": compound pre-modifiers.
    return None


def _governors(name_root: Token) -> tuple[Token, list[Token]]:
    """The name's own noun and the words governing it, nearest first: "the victim, John
    Smith, died" gives ("victim", ["died"]); "John Smith, who was shot, ..." gives ("Smith",
    ["shot", ...]): a relative clause, then the noun's head."""
    noun = name_root
    for _ in range(12):  # lists: "identified as A, 25; B, 20; and C, 19"
        listed = noun.dep_ in ("appos", "conj") and noun.head.pos_ in ("PROPN", "NOUN", "PRON")
        # "a man named X was wounded": the man's place in the sentence is X's
        named = noun.dep_ == "oprd" and noun.head.lemma_ == "name" and noun.head.dep_ == "acl"
        if named:
            noun = noun.head.head
            break
        if not (listed or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN")):
            break
        noun = noun.head
    clauses = [child for child in noun.children if child.dep_ == "relcl"]
    return noun, [*clauses, noun.head]


def _group_role(noun: Token) -> str | None:
    """Victim or suspect, from a noun that names a group of people: "the victim", "the
    suspects", "the three injured men", "one of the four people killed"."""
    if noun.lower_ == "one":  # "one of the victims"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), noun) if of else noun
    if noun.lower_ in VICTIM_NOUNS:
        return "victim"
    if noun.lower_ in SUSPECT_NOUNS or _of_interest(noun):
        return "suspect"
    if noun.pos_ == "NOUN" and any(
        c.dep_ == "acl"
        and c.lemma_.lower() in CUSTODY_LEMMAS
        and (
            c.lemma_.lower() in ("arrest", "book", "detain", "jail")
            or CRIME_OF.search(" ".join(t.text for t in c.subtree if t.i > c.i))
        )
        for c in noun.children
    ):
        return "suspect"  # "the four men arrested", "the teen charged in the shooting"
    harmed = any(
        c.dep_ in ("amod", "acl", "relcl")
        and (c.lemma_.lower() in HARM_LEMMAS or c.lower_ in HARMED_WORDS)
        # "the officers who shot the suspect" did the harm; "people who were shot" took it
        and (c.dep_ != "relcl" or any(a.dep_ == "auxpass" for a in c.children))
        for c in noun.children
    )
    return "victim" if harmed and noun.pos_ == "NOUN" else None


def _of_interest(noun: Token) -> bool:
    """ "a person of interest", "persons of interest": whom police name short of a suspect."""
    return noun.lemma_.lower() in ("person", "people") and any(
        c.lower_ == "of" and any(o.lower_ == "interest" for o in c.children) for c in noun.children
    )


def _label_before(name_root: Token) -> str | None:
    """Victim or suspect, from a label the name carries: "victim Tavaris Rhodes", "suspect
    John Doe", "the gunman, Omar Reyes"."""
    for child in name_root.lefts:
        if child.lower_ in VICTIM_NOUNS:
            return "victim"
        if child.lower_ in SUSPECT_NOUNS:
            return "suspect"
    return None


def _status_role(sent: Span, name: Span) -> tuple[str | None, str | None, bool]:
    """Victim or suspect, from the name's place in its sentence, with killed / injured /
    arrested when the sentence says so; (None, None) when it does not tell. The flag says
    the status was told of the person's own clause, not read off the sentence ("Hill, shot
    in the attack that killed Cole": Cole's death is not Hill's)."""
    text = span_text(sent)
    name_root = name.root
    noun, heads = _governors(name_root)
    label = noun.lower_ if noun is not name_root else ""
    role = _label_before(name_root) or (
        "victim" if label in VICTIM_NOUNS else "suspect" if label in SUSPECT_NOUNS else None
    )
    verbs = [heads[0]]
    for head in heads if role is None else []:
        verbs = [head, *(c for c in head.conjuncts if c.i > head.i)]
        role = _role_under(noun, head, verbs)
        if role is not None:
            break
    identified = noun.dep_ == "pobj" and noun.head.lower_ == "as"
    if role is None and noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among"):
        # "Two people were critically wounded, including X": the role of the people it is among
        group: Token | None = noun.head.head
        if group.pos_ in ("VERB", "AUX"):  # "including" hung on the verb: its subject or object
            group = next((c for dep in GROUP_DEPS for c in group.children if c.dep_ == dep), None)
        if group is not None and group.pos_ in ("NOUN", "PRON"):
            role = _role_under(group, group.head, [group.head, *group.head.conjuncts])
    identify = _verb_above(noun.head) if identified else None
    # "identified the student who died as X", "identified the men arrested as X": "as" hung
    # on the clause that tells of the noun, which the sentence before then does not
    clause = identify is not None and identify.dep_ in ("relcl", "acl")
    clause = clause and identify.lemma_ != "identify"
    if clause:
        told_of = identify
        identify = _verb_above(identify.head)
        if role is None and identify is not None and identify.lemma_ == "identify":
            role = _clause_role(told_of)
            if role is not None:
                said_role, status = _identified_role(text)
                return role, status if said_role == role else None, False
    if role is None and identify is not None and identify.lemma_ == "identify":
        # "identified the victim as X": the sentence names the role, the outcome may be later.
        told = _identified_role(text)
        if told[0] is None and not clause and _anaphoric(identify):
            # "Police identified them as X and Y", "The boy was identified as X": the
            # sentence before says who "them" or "the boy" are, when it tells of one side
            # only: "Two men were found dead", not "Two officers arrested the suspect ...
            # the clerk was shot".
            before = _previous_sentence(sent)
            if bool(SUSPECT.search(before)) != bool(VICTIM.search(before)):
                told = _identified_role(before)
            else:
                told = _noun_told_before(identify, sent)
        return *told, False
    if (
        role is None
        and all(t.is_punct or t.is_space for t in sent.doc[sent.start : name.start])
        and not any(t.pos_ in ("VERB", "AUX") for t in sent)
    ):
        # "The victims were identified as:" and a name at the head of each line after
        # ("Ann Bell, 57, the gunman's aunt."): the heading tells the role when it tells of
        # one side only.
        heading = _list_heading(sent)
        if bool(SUSPECT.search(heading)) != bool(VICTIM.search(heading)):
            return *_identified_role(heading), False
    telling = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in TELLING_LEMMAS
    if (
        role is None
        and not telling
        and (
            AGED.match(text, name.end_char - sent.start_char)
            or AGE_BEFORE_NAME.search(text[: name.start_char - sent.start_char])
        )
    ):
        # A named person with an age in a sentence about the shooting is one of its people.
        role = "suspect" if SUSPECT.search(text) else "victim" if HARMED.search(text) else None
    if role is None:
        listed = _listed_after(sent, name)
        # "identified as Ann Bell, 54; Roy Tate, 26; ...": the parser often hangs the later
        # items of a list split by semicolons elsewhere; they share the first's role
        return (*_status_role(sent, listed)[:2], False) if listed else (None, None, False)
    if KILLED.search(_clause_text(noun, verbs)):
        return role, "killed", True  # of a suspect too: "the suspect, X, was shot and killed"
    if role == "victim" and noun.dep_ == "poss" and _death_of(noun, noun.head):
        return role, "killed", True  # "X's death"
    if (
        role == "victim"
        and not DEATH_IN_SENTENCE.search(text)
        and any(v.lemma_ == "find" for v in verbs)
        and _wounded(verbs)
    ):
        return role, None, False  # "found X with a gunshot wound": the outcome told later
    if role == "victim":
        return role, "killed" if DEATH_IN_SENTENCE.search(text) else "injured", False
    return role, "arrested" if ARRESTED.search(text) else None, False


def _listed_after(sent: Span, name: Span) -> Span | None:
    """The name before ``name`` in a list split by semicolons ("A, 54; B, 45; and C, 19"),
    if ``name`` is an item of it: it follows a semicolon, bears no title and has no verb of
    its own up to the next semicolon or the sentence end ("A was charged; B, his attorney,
    declined to comment" lists nothing)."""
    doc = sent.doc
    i = name.start - 1
    while i > sent.start and doc[i].lower_ in ("and", "the"):
        i -= 1
    if i <= sent.start or doc[i].text != ";":
        return None
    end = next((t.i for t in doc[name.end : sent.end] if t.text == ";"), sent.end)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[name.end : end]):
        return None
    before = [
        e
        for e in entities(doc)
        if sent.start <= e.start and e.end <= i and e.label_ in MISTAGGED_NAMES | {"PERSON"}
    ]
    return before[-1] if before else None


def _clause_text(noun: Token, verbs: list[Token]) -> str:
    """The words that tell what happened to the name's own noun: its governing verbs with
    their modifiers and objects ("was fatally shot", "was shot to death", "died", "the
    murder of X"), not the rest of the sentence ("Hill, who was shot in the attack that
    killed Ann Cole" is not killed)."""
    words = [noun.head] if noun.dep_ == "pobj" else []  # "of" in "the death of X"
    words += [noun.head.head] if noun.dep_ == "pobj" else []
    for verb in verbs:
        words.append(verb)
        for child in verb.children:
            if child.dep_ in ("advmod", "acomp", "oprd", "dobj", "prep", "npadvmod", "conj"):
                words.append(child)
                words += [g for g in child.children if g.dep_ == "pobj"]
    return " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))


def _role_under(noun: Token, head: Token, verbs: list[Token]) -> str | None:
    """Victim or suspect, from the verb or noun that governs the name's noun."""
    lemmas = {v.lemma_.lower() for v in verbs}
    dep = "nsubjpass" if noun.lower_ in ("who", "that") else noun.dep_
    if head.dep_ == "relcl" and head is not noun.head:
        dep = next((c.dep_ for c in head.children if c.lower_ in ("who", "whom")), dep)
    objects = {c.lower_ for v in verbs for c in v.children if c.dep_ in ("dobj", "oprd", "acomp")}
    if (
        (dep == "nsubjpass" and lemmas & HARM_LEMMAS)
        or (dep == "nsubj" and lemmas & DEATH_LEMMAS)
        or (dep == "dobj" and lemmas & HARM_LEMMAS)
        or (dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in HARM_NOUNS)
        or (dep == "poss" and _death_of(noun, head))  # "charged in X's death"
    ):
        return "victim"
    sentence = head.sent.text
    violent = _violent(sentence, head.doc)
    if violent and (
        # What a victim goes through, which illness, sport or a visit tell of too.
        (dep == "nsubj" and lemmas & SUFFER_LEMMAS and objects & WOUND_NOUNS)
        or (dep == "nsubjpass" and lemmas & DECLARE_LEMMAS and "dead" in objects)
        # "officers found X with gunshot wounds", "X was found suffering from a wound"
        or (dep in ("dobj", "nsubjpass") and "find" in lemmas and _wounded(verbs))
        or (dep == "nsubj" and lemmas & SUFFER_LEMMAS and _wounded(verbs))
        # "deputies found X dead": X the subject of "dead", which hangs on "found"
        or (dep == "nsubj" and head.lower_ == "dead" and head.head.lemma_ in DECLARE_LEMMAS)
        or (dep in ("nsubj", "nsubjpass") and _in_condition(verbs))
        or (dep == "nsubjpass" and lemmas & TREATED_LEMMAS)
        or (dep == "nsubjpass" and lemmas & CARRIED_LEMMAS and HOSPITAL.search(sentence))
    ):
        return "victim"
    if (
        (dep in ("nsubjpass", "dobj") and lemmas & CUSTODY_LEMMAS)
        or (dep == "nsubj" and _turned_in(verbs))
        or (dep == "nsubj" and lemmas & OWNED_LEMMAS and (violent or _pleads_guilty(verbs)))
        or (dep == "nsubj" and lemmas & (ACCUSED_LEMMAS | HARM_LEMMAS) and _active(verbs))
    ):
        return "suspect"
    warrant = head.head
    on_warrant = dep == "pobj" and head.lower_ == "on" and warrant.lemma_.lower() == "warrant"
    if on_warrant and any(c.lower_ == "arrest" for c in warrant.children):
        return "suspect"  # "served an arrest warrant on X" (not a search warrant)
    if dep == "pobj" and head.lower_ in ("against", "for"):
        # "charges against X", "a warrant for X", "filed four counts of murder against X",
        # "the death penalty for X"
        verb = head.head
        brought = [verb]  # "a warrant for X"; what a verb brought "against" X as well
        if head.lower_ == "against":
            brought += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        terms = {t.lemma_.lower() for t in brought}
        if terms & CHARGES or (violent and terms & COURT_TERMS):
            return "suspect"
        sought = head.lower_ == "for" and verb.lemma_.lower() in SOUGHT_LEMMAS
        if sought and SUSPECT.search(sentence) and not MISSING.search(sentence):
            return "suspect"  # "police are looking for the suspect, X"
    # "Glenda Harper, one of the four people killed", "the victim is X", "the three injured
    # men are X, Y and Z", "X was one of the victims"
    described = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
    if dep in ("nsubjpass", "dobj") and lemmas & NAMING_LEMMAS:
        # "X was identified as the gunman", "police named X as a person of interest"
        described += [
            o
            for v in verbs
            for p in v.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    if head.lemma_ == "be" and dep == "nsubj" and violent:
        # "X was among the four people killed", "X was among the victims"
        described += [
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "among"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    if head.lemma_ == "be" and dep in ("attr", "nsubj"):
        if any(c.dep_ in ("attr", "acomp") and c.lower_ in HARMED_WORDS for c in head.children):
            return "victim"  # "Injured were A, B and C", "X was dead"
        other = "nsubj" if dep == "attr" else "attr"
        described += [c for c in head.children if c.dep_ == other]
    return next((role for c in described if (role := _group_role(c)) is not None), None)


def _verb_above(token: Token) -> Token | None:
    """The verb ``token`` hangs on, through the nouns between: the parser often hangs "as"
    on the noun before it ("identified the suspect in Sunday's shooting as X")."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _identified_role(text: str) -> tuple[str | None, str | None]:
    """The role and status a text gives the people it identifies by name."""
    if SUSPECT.search(text):
        return "suspect", "arrested" if ARRESTED.search(text) else None
    if VICTIM.search(text):
        return "victim", "killed" if DEATH_IN_SENTENCE.search(text) else None
    return None, None


def _identified(identify: Token) -> list[Token]:
    """Whom "identify" names: its object, its passive subject or the noun it modifies."""
    if identify.dep_ == "acl":
        return [identify.head]
    return [c for c in identify.children if c.dep_ in ("dobj", "nsubjpass")]


def _anaphoric(identify: Token) -> bool:
    """Whether who "identify" names is told of before, by a pronoun or a bare noun for
    people: "identified them as", "The boy was identified as", "The man, identified as"."""
    return any(
        t.lower_ in IDENTIFIED_PRONOUNS or (t.pos_ == "NOUN" and is_person_noun(t.lemma_))
        for t in _identified(identify)
    )


def _noun_told_before(identify: Token, sent: Span) -> tuple[str | None, str | None]:
    """The role and status an earlier sentence gives the noun "identify" names ("A girl
    was shot on Friday. ... The girl was identified as X"): the nearest mention of the same
    noun for people, a few sentences back, that its place makes a victim or a suspect."""
    lemmas = {
        t.lemma_.lower()
        for t in _identified(identify)
        if t.pos_ == "NOUN" and is_person_noun(t.lemma_)
    }
    tags = {t.tag_ for t in _identified(identify)}
    doc = sent.doc
    for _ in range(LOOK_BACK):
        if not lemmas or sent.start == 0:
            break
        sent = sentence_of(doc, sent.start - 1)
        for token in reversed(sent):
            if token.pos_ != "NOUN" or token.lemma_.lower() not in lemmas or token.tag_ not in tags:
                continue
            noun, heads = _governors(token)
            role = _group_role(noun) or next(
                (r for h in heads if (r := _role_under(noun, h, [h, *h.conjuncts])) is not None),
                None,
            )
            if role == "victim":
                return role, "killed" if DEATH_IN_SENTENCE.search(sent.text) else None
            if role == "suspect":
                return role, "arrested" if ARRESTED.search(sent.text) else None
    return None, None


def _list_heading(sent: Span) -> str:
    """The heading a line without a verb is listed under: the nearest sentence before that
    ends with a colon, over other lines without a verb ("Other shooting victims include:"),
    with the sentence before it only when the heading tells of none but by a pronoun ("They
    are:", "They were identified as:"); "" when there is none."""
    doc = sent.doc
    for _ in range(HEADING_REACH):
        if sent.start == 0:
            return ""
        sent = sentence_of(doc, sent.start - 1)
        if sent.text.rstrip().endswith(":"):
            # a clause ("They are:"), not a label ("Photo:")
            if not any(t.pos_ in ("VERB", "AUX") for t in sent):
                return ""
            bare = any(t.pos_ == "PRON" for t in sent) and not any(
                t.pos_ in ("NOUN", "PROPN") for t in sent
            )
            return _previous_sentence(sent) + " " + sent.text if bare else sent.text
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            return ""
    return ""


def _previous_sentence(sent: Span) -> str:
    """The text of the sentence before ``sent`` ("" for the first)."""
    if sent.start == 0:
        return ""
    return sentence_of(sent.doc, sent.start - 1).text


def _violent(sentence: str, doc: Doc) -> bool:
    """Whether the sentence, or the story's opening, tells of violence or a crime: "X
    remained in critical condition" in a shooting report, not in one on the Pope's health."""
    return bool(VIOLENCE.search(sentence)) or _violent_story(doc)


# Asked for each mention of a document in turn: the opening is searched once.
@functools.lru_cache(maxsize=4)
def _violent_story(doc: Doc) -> bool:
    return VIOLENCE.search(doc_text(doc)[:LEDE_CHARS]) is not None


def _list_has_role(token: Token) -> bool:
    """Whether the list ``token`` is in makes its people victims or suspects."""
    noun, heads = _governors(token)
    return any(_role_under(noun, h, [h, *h.conjuncts]) is not None for h in heads)


def _turned_in(verbs: list[Token]) -> bool:
    """ "X turned himself in (to police)": a suspect's surrender; "in" may be parsed as a
    preposition ("turned himself in Sunday morning"), or be spelt "into" ("turned himself
    into police")."""
    return any(
        v.lemma_ == "turn"
        and any(c.lower_ in ("himself", "herself", "themselves") for c in v.children)
        and any(c.dep_ in ("prt", "prep") and c.lower_ in ("in", "into") for c in v.children)
        for v in verbs
    )


def _pleads_guilty(verbs: list[Token]) -> bool:
    """ "X pleaded guilty / not guilty / no contest" (not "X pleaded with lawmakers")."""
    return any(c.lower_ in ("guilty", "contest") for v in verbs for c in v.subtree)


def _wounded(verbs: list[Token]) -> bool:
    """A wound the verbs tell their person has: "found X with gunshot wounds", "suffering
    from a gunshot wound", "was found suffering from injuries"."""
    told = [*verbs, *(c for v in verbs for c in v.children if c.dep_ == "xcomp")]
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("with", "from")
        and any(o.lower_ in WOUND_NOUNS for o in p.children)
        for v in told
        for p in v.children
    )


# Words over a death that did not happen or is not told as fact: "plotted X's murder",
# "rumors of X's death".
PLOT_LEMMAS = set(
    "plot plan attempt order hire try conspire solicit foil rumor rumour report fake stage".split()
)


def _clause_role(verb: Token) -> str | None:
    """The role the clause on an identified noun gives it: "the student who died" or "the
    men arrested" by the noun's group, "the man who shot the clerk" or "the teen who opened
    fire" (an active clause of harm) a suspect."""
    role = _group_role(verb.head)
    if role is not None:
        return role
    active = not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    harm = verb.lemma_.lower() in HARM_LEMMAS or verb.lemma_.lower() in ("fire", "open")
    return "suspect" if active and verb.dep_ == "relcl" and harm else None


def _death_of(noun: Token, head: Token) -> bool:
    """X's death/killing/murder with X its victim: not "X's killing of Y" (X the killer),
    nor a headline's "Teen's death"."""
    return (
        head.lemma_.lower() in POSSESSED_DEATHS
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        and not is_person_noun(noun.lemma_.lower())
        and not any(
            a.lemma_.lower() in PLOT_LEMMAS or a.lower_ in ("attempted", "alleged")
            for a in [*head.ancestors, *head.children]
        )
    )


def _in_condition(verbs: list[Token]) -> bool:
    """ "X is in critical condition", "X was airlifted to a hospital in stable condition": a
    victim's state."""
    return any(
        any(
            p.dep_ == "prep"
            and p.lower_ == "in"
            and any(o.lower_ == "condition" for o in p.children)
            for p in v.children
        )
        for v in verbs
    )


def _active(verbs: list[Token]) -> bool:
    """An active verb with an object: "Smith shot the boy", "Jones faces charges"; not a
    figure ("Durant shot 52 percent from the field") nor a refusal ("shot down rumors")."""
    objects = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "prep")]
    return (
        bool(objects)
        and not any(c.ent_type_ in FIGURES for c in objects)
        and not any(c.dep_ == "auxpass" for v in verbs for c in v.children)
        and not any(
            v.lemma_ == "shoot" and c.dep_ == "prt" and c.lower_ == "down"
            for v in verbs
            for c in v.children
        )
    )


def _age_of(text: str, ent: Span) -> int | None:
    """The age given with a name: "Kim Johnson, 21," or "21-year-old Kim Johnson"."""
    after = AGE_AFTER.match(text[ent.end_char : ent.end_char + AGE_AFTER_CHARS])
    before = AGE_BEFORE_NAME.search(text[max(0, ent.start_char - 25) : ent.start_char])
    value = int(after.group(1)) if after else number_value(before.group(1)) if before else None
    return int(value) if value is not None and 0 < value < 120 else None


def _mistagged_name(doc: Doc, ent: Span, gazetteer: Gazetteer) -> bool:
    """An entity the tagger took for an organisation, a place or a building, or a run of
    proper nouns it tagged as nothing (``_untagged_names``), that reads as a person's name:
    given with an age ("20-year-old Dashwan Smith", "Elliseo Cantu, 16,"), listed with
    people ("shooting Misty Nunley, Julie Jackson and Kayetie Melchor") or made a victim or
    a suspect by its sentence ("Tia Carr was shot"). The small English model often
    tags uncommon given names so. Only in a crime story, where such lists, ages and roles
    are of people ("Goldman Sachs, 25, ranked first" is none). A name the ``gazetteer``
    knows as a place is none ("El Paso was struck by a storm that killed 3")."""
    tagged = ent.label_ in MISTAGGED_NAMES or (ent.label_ == "PERSON" and not ent[0].ent_type_)
    if not tagged or not 2 <= len(ent) <= 4 or ent[0].lower_ == "the":
        return False
    if ent.root.dep_ == "compound":
        return False  # "a 17-year-old New Orleans man": the place of a person
    words = [t for t in ent if not (t.is_punct and t.text in "-'’.")]
    if not all(NAME_SPELLING.fullmatch(t.text) for t in words) or NOT_A_NAME.search(ent.text):
        return False
    if any(t.is_upper and len(t) > 1 for t in words) or _is_title(words[-1].text):
        return False  # a dateline ("LOS ANGELES —"), an acronym, a rank ("IMPD Detective")
    if not _violent(sentence_of(doc, ent.start).text, doc):
        return False
    if ent.label_ in ("GPE", "PERSON") and gazetteer.lookup(ent.text):
        return False  # a place tagged as such, or left untagged ("PERSON" runs)
    # Listed with people the list makes victims or suspects ("shot A, B and C"), not any list
    # ("Patrick Mahomes and Kansas State shot down rumors").
    listed = any(t.ent_type_ == "PERSON" for t in ent.root.conjuncts) and _list_has_role(ent.root)
    aged = _age_of(doc_text(doc), ent) is not None
    return listed or aged or _status_role(sentence_of(doc, ent.start), ent)[0] is not None


def _untagged_names(doc: Doc) -> list[Span]:
    """Runs of two to four capitalised proper nouns the tagger gave no entity at all
    ("Kendal Pickering was critically injured"), as candidates for ``_mistagged_name``."""
    runs: list[Span] = []
    start = None
    for token in [*doc, None]:
        inside = (
            token is not None
            and token.pos_ == "PROPN"
            and not token.ent_type_
            and token.text[:1].isupper()
            and not token.is_sent_end
        )
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            end = token.i if token is not None else len(doc)
            if 2 <= end - start <= 4 and all(_name_word(t) for t in doc[start:end]):
                runs.append(Span(doc, start, end, label="PERSON"))
            start = None
    return runs


def _whole_name(ent: Span) -> Span:
    """A person's name with the given names the tagger left out before it, and the
    nickname it left out inside it: the small model often starts a name it does not know
    at its last known word ("Montrel Quinn Pate, 22," tagged "Pate"), mostly
    at the start of a paragraph, and stops a name at quotes ("Jamal "Moo Moo" Hamilton"
    tagged "Hamilton", "Robert James "Milhouse" Thomas" tagged "Robert James")."""
    ent = _trimmed(ent)
    doc = ent.doc
    if _is_title(ent[0].text):
        return ent  # "State Trooper Robert Mihalik": the words before a title are no name
    start = ent.start
    while start > 0 and ent.start - start < GIVEN_NAMES_MAX and _given_name(doc[start - 1]):
        start -= 1
    if start > 0 and doc[start - 1].is_alpha and doc[start - 1].is_title:
        start = ent.start  # "Republican Whip Steve Scalise": a capitalised run goes on before it
    end = ent.end
    given = _quoted_word(doc, start - 1, -1)
    if given is not None and _name_token(doc[given]):
        start = given  # a given name, the nickname, then the surname tagged
    surname = _quoted_word(doc, end, 1)
    if surname is not None and _name_token(doc[surname]):
        end = surname + 1  # the given names tagged, the nickname, then the surname
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _trimmed(ent: Span) -> Span:
    """An entity without the label the tagger took in at its start ("Victim Ann Bell") or
    the "of" it ran on to at its end ("Ann Bell of Dover")."""
    start, end = ent.start, ent.end
    if end - start > 2 and ent[0].lower_ in VICTIM_NOUNS | SUSPECT_NOUNS:
        start += 1
    if end - start > 1 and ent.doc[end - 1].lower_ == "of":
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, ent.label_)


def _quoted_word(doc: Doc, i: int, step: int) -> int | None:
    """The index of the word past a nickname in quotes (one to three capitalised words)
    that starts at ``i`` and runs in the direction of ``step``, or None."""
    if not 0 <= i < len(doc) or doc[i].text not in QUOTES:
        return None
    for j in range(i + step, i + 5 * step, step):
        if not 0 <= j < len(doc):
            return None
        if doc[j].text in QUOTES:
            past = j + step
            return past if abs(j - i) > 1 and 0 <= past < len(doc) else None
        if not (doc[j].text[:1].isupper() or doc[j].text == "-"):
            return None
    return None


def _name_token(token: Token) -> bool:
    """A capitalised word next to a nickname that can be a given name or a surname,
    whatever entity the tagger put it in ("Fayzon "Suki" Reboyras": "Fayzon" an ORG)."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.is_title
        and token.ent_type_ not in FIGURES | {"DATE", "TIME"}
        and _name_word(token)
    )


def _given_name(token: Token) -> bool:
    """Whether a capitalised word the tagger left out of a name can be one of its given
    names ("Library Manager", "Agent", "Sheriff's Office" cannot)."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.text[0].isupper()
        and not token.is_upper
        and not token.ent_type_
        and not token.is_stop  # "Though Weiner's office", "Meanwhile Grant's brother"
        and _name_word(token)
    )


def _name_word(token: Token) -> bool:
    """Whether a capitalised word can be part of a person's name: no title, role, word for
    people or organisation's or caption's word ("Metro Boy", "Metro Video Image")."""
    word = token.text
    return not (
        _is_title(word)
        or is_person_noun(word)
        or is_person_noun(token.lemma_)
        or ROLE_NOUNS.fullmatch(word)
        or NOT_A_NAME.search(word)
    )


def _place_name(ent: Span, surnames: set[str], gazetteer: Gazetteer) -> bool:
    """Whether a one-word PERSON entity is rather a country's or a big city's name: no
    fuller name in the article ends with it and no honorific precedes it ("Mr. Lincoln")."""
    if len(ent) != 1 or ent.text in surnames:
        return False
    if ent.start > 0 and _is_title(ent.doc[ent.start - 1].text):
        return False
    return any(
        p.precision == "country" or gazetteer.is_big_city(p) for p in gazetteer.lookup(ent.text)
    )


def _after_article(ent: Span) -> bool:
    """A one-word "name" after a lower-case "the" ("the Islamic State of Iraq and the Levant",
    "the Hague"): English gives a person's name no article, so the tagger erred."""
    return len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].text == "the"


# Words in a victim's own sentence that tell it survived wounded ("was shot in the leg and
# is in stable condition", "treated for a graze wound").
SURVIVED = re.compile(
    r"\b(injur\w*|wound\w*|hurt|hospitali[sz]ed|condition|surviv\w*|recover\w*|treated|grazed)\b",
    re.I,
)


def settle_victims(
    doc: Doc, people: list[Person], killed: Casualty | None, injured: Casualty | None
) -> None:
    """Make the victims' statuses agree with the article's own toll: when it counts deaths
    and no wounded, a victim told of only as shot ("A, 21, and B, 39, were shot" in a story
    of a fatal shooting) is among the dead. A victim is "injured" by default when its own
    sentence tells no death (``_status_role``); one whose sentence tells it survived
    wounded stays so (the toll may have missed it)."""
    if killed is None or not killed.best or (injured is not None and injured.best):
        return
    for person in people:
        if person.role != "victim" or person.status != "injured":
            continue
        mention = doc.char_span(person.start, person.end, alignment_mode="expand")
        if mention is not None and not SURVIVED.search(span_text(sentence_of(doc, mention.start))):
            person.status = "killed"


def extract_people(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Person]:
    """One Person per distinct individual, under the fullest name the article uses.

    With a ``gazetteer``, a one-word "name" that is a country or a big city and never a
    surname of a fuller name in the article ("GAO, Mali —", tagged as people by the small
    model) is no person. A name tagged as a place is taken for a person's only when the
    gazetteer (the default one, if none is given) knows no place of that name.
    """
    surnames = {e[-1].text for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}
    places = gazetteer or Gazetteer()  # names tagged as places are checked against it
    # A person's name with the given names and nickname the tagger cut off (``_whole_name``).
    # So too a surname alone tagged as something else, its given names as nothing ("Mere
    # Contreras, 31, ..." with "Contreras" an organisation): the whole name may read as one.
    wholes = [
        (e, _whole_name(e) if e.label_ == "PERSON" or len(e) == 1 else _trimmed(e))
        for e in entities(doc)
    ]
    mentions = [
        whole
        for e, whole in wholes
        if (
            e.label_ == "PERSON"
            and not _after_article(e)
            and not NOT_A_PERSON.search(e.text)
            # the whole name: "Hamilton" of 'Jamal "Moo Moo" Hamilton' is no city
            and not (gazetteer and _place_name(whole, surnames, gazetteer))
        )
        or _mistagged_name(doc, whole, places)
        # "Javon Pike, 13, ... Pike was shot": a surname alone, tagged as an organisation
        or (e.label_ in MISTAGGED_NAMES and len(e) == 1 and e.text in surnames)
    ]
    mentions += [run for run in _untagged_names(doc) if _mistagged_name(doc, run, places)]
    # A nickname the tagger made a name of its own is part of the name it was cut from.
    mentions = [
        m
        for m in mentions
        if not any(o.start <= m.start and m.end <= o.end and len(o) > len(m) for o in mentions)
    ]
    people = PeopleIndex()
    bearer: dict[int, str] = {}  # a mention of one word → the full name it stands for
    for ent in sorted(mentions, key=lambda e: -len(strip_title(span_text(e)).split())):
        name = strip_title(span_text(ent))
        if not name or not any(c.isalpha() for c in name):
            continue
        if people.resolve(name) is not None:
            continue
        # "Kayla Walker ... Kayla was shot": a given name alone, of one person only
        named = [p.name for p in people.people if p.name.split()[0] == name != p.name]
        if len(named) == 1:
            bearer[ent.start] = named[0]
            continue
        first = min(
            (e for e in mentions if _compatible(strip_title(span_text(e)), name)),
            key=lambda e: e.start_char,
        )
        people.add(Person(name=name, start=first.start_char, end=first.end_char))
    # A surname alone that several people of the article bear ("Brian and Tracy
    # Hendrickson") counts for none of them: the one last named is often not the one meant.
    borne = Counter(p.name.split()[-1] for p in people.people if len(p.name.split()) > 1)
    shared = {surname for surname, n in borne.items() if n > 1}
    for ent in mentions:
        if strip_title(span_text(ent)) in shared:
            bearer[ent.start] = ""
    for person in people.people:
        _describe(doc, person, mentions, bearer)
    return sorted(people.people, key=lambda p: p.start)


def _describe(doc: Doc, person: Person, mentions: list[Span], bearer: dict[int, str]) -> None:
    """Fill title, age, gender, role and status from the person's mentions; a given name
    alone, or a surname that several people bear, counts for its ``bearer`` only."""
    titles: list[tuple[int, int]] = []
    own = [
        ent
        for ent in mentions
        if resolve_name(bearer.get(ent.start, span_text(ent)), [person]) is not None
    ]
    person.gender = person.gender or next(
        (g for g in (_honorific_gender(doc, ent) for ent in own) if g), None
    )
    told = person.gender is not None  # by an honorific: no pronoun or kin word outranks it
    for ent in own:
        before = _title_tokens_before(ent)
        # What precedes the name proper ("Sheriff" in "Sheriff Tom Reyes"): not a possessive's
        # length cut off its front ("Hector Martinez's" is no title "He").
        cut = ent.text.rfind(strip_title(ent.text))
        title_in_ent = ent.text[:cut].strip() if cut > 0 else ""
        parts = []
        if before is not None:
            parts.append((before.start_char, before.end_char))
        elif title_in_ent:
            parts.append((ent.start_char, ent.start_char + len(title_in_ent)))
        desc = _descriptor(ent)
        if desc is not None:
            parts.append((desc.start_char, desc.end_char))
        if parts and not titles:
            titles = parts
        if person.age is None:
            person.age = _age_of(doc_text(doc), ent)
        role, status, of_own_clause = _status_role(sentence_of(doc, ent.start), ent)
        person.role = person.role or role
        if person.status is None or (
            of_own_clause and (person.status, status) == ("injured", "killed")
        ):
            person.status = status  # a victim shot in one sentence may die in a later one
        if person.gender is None:
            end = sentence_of(doc, ent.start).end_char + 120
            later = [e.start_char for e in mentions if e.start_char > ent.end_char]
            if later:
                end = min(end, later[0])  # the next name's pronouns are not this person's
            window = QUOTED.sub(" ", doc_text(doc)[ent.end_char : end])
            male, female = MALE.search(window), FEMALE.search(window)
            if male and (not female or male.start() < female.start()):
                person.gender = "male"
            elif female:
                person.gender = "female"
    if titles:
        person.title = ", ".join(t for t in _title_texts(doc, titles) if t)
        person.title_span = (titles[0][0], titles[-1][1])
        if not all(_relation(t) for t in _title_texts(doc, titles)):
            person.role = person.role or "official"
        kin = next(filter(None, map(_kin_gender, _title_texts(doc, titles))), None)
        if kin and not told:
            person.gender = kin  # "her father, Carlos Franco": whatever pronouns follow
    affiliation = _affiliation(doc, titles) if titles else None
    for ent in own:
        if affiliation is None:
            affiliation = _organisation_after(doc, ent) or _organisation_before(doc, ent)
    if affiliation is None:
        affiliation = _campaign(doc, titles, own)
    if affiliation is not None:
        person.affiliation = affiliation.text
        person.affiliation_span = (affiliation.start_char, affiliation.end_char)
    for ent in own:
        marker = PARTY_AFTER.match(doc_text(doc), ent.end_char)
        if marker:
            letter = "alone" if marker.group("alone") else "party"
            # Spelt out, with the letter as its evidence in the text.
            person.party = PARTIES[marker.group(letter)]
            person.party_span = marker.span(letter)
            break
    for ent in own if person.party is None else []:
        word = _party_word(doc, ent)
        if word is not None:
            person.party = PARTY_WORDS[word.group("word").lower()]
            person.party_span = word.span("word")
            break


def _relation(title: str) -> bool:
    """Whether a title tells a relation ("the son of X"), not an office ("President of the
    Sons of Liberty"): its head noun, before any "of", is a relation."""
    return RELATION.search(_title_head(title)) is not None


def _kin_gender(title: str) -> str | None:
    """The gender a relation word gives ("his wife", "the boy's father"), if any."""
    word = re.search(r"([a-z]+)\W*$", _title_head(title).lower())
    if word is None:
        return None
    return "male" if word[1] in MALE_WORDS else "female" if word[1] in FEMALE_WORDS else None


def _title_head(title: str) -> str:
    """A title before any "of": its head noun ends it ("the son" of "the son of X")."""
    return re.split(r"\s+of\s+", title, maxsplit=1)[0]


def _title_texts(doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
    """The text of each character span, trimmed of the punctuation around a title."""
    return [doc_text(doc)[start:end].strip(" ,;:\u2014-") for start, end in spans]


def _honorific_gender(doc: Doc, ent: Span) -> str | None:
    """Gender from "Mr."/"Ms." before a mention, which outranks any pronoun nearby: the text
    after "Ms. Lauten" may well be about "Mr. Fincher"."""
    words = [t for t in (*doc[max(0, ent.start - 1) : ent.start], *ent[:1]) if t.is_title]
    # Capitalised only: "they miss Smith" has no honorific.
    keys = [t.lower_.rstrip(".") for t in words]
    return next((HONORIFICS[k] for k in keys if k in HONORIFICS), None)


def _organisation_after(doc: Doc, ent: Span) -> Span | None:
    """ "Maria Collins of the Dayton Police Department", "Ann Lowe with Amnesty
    International": the organisation a name is given with."""
    i = ent.end
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "with", "from"):
        return None
    starts = {i + 1, i + 2} if doc[i + 1].lower_ == "the" else {i + 1}
    return next((e for e in entities(doc) if e.start in starts and e.label_ == "ORG"), None)


def _organisation_before(doc: Doc, ent: Span) -> Span | None:
    """ "NAACP President Ben Jealous", "St. Louis Tea Party organizer Bill Hennessy": an
    organisation right before the name's title or role noun."""
    before = _title_tokens_before(ent)
    i = before.start if before is not None else ent.start
    roles = 0
    while roles < 2 and i > 0 and doc[i - 1].is_lower and ROLE_NOUNS.fullmatch(doc[i - 1].text):
        i, roles = i - 1, roles + 1
    if before is None and not roles and strip_title(ent.text) == ent.text:
        return None  # a bare name after an organisation ("told CNN Smith") has no title
    return next((e for e in entities(doc) if e.end == i and e.label_ == "ORG"), None)


# A candidate's campaign or a named committee: "the Obama campaign", "Obama's current
# campaign press secretary".
CAMPAIGN = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*(?:\s+[a-z]+)?\s+(?i:campaign|committee|caucus)\b"
)


def _campaign(doc: Doc, titles: list[tuple[int, int]], own: list[Span]) -> Span | None:
    """A campaign or committee named in a person's title ("a spokeswoman for the Obama
    campaign"), or right before a mention with only role nouns between ("Obama campaign
    spokeswoman Lis Smith", not "the Romney campaign hit Sen. Smith")."""
    text = doc_text(doc)
    found = [m for s, e in titles for m in CAMPAIGN.finditer(text, s, e)]
    for ent in own:
        start = max(sentence_of(doc, ent.start).start_char, ent.start_char - 80)
        for m in CAMPAIGN.finditer(text, start, ent.start_char):
            between = text[m.end() : ent.start_char].split()
            if between and all(w.islower() for w in between) and ROLE_NOUNS.fullmatch(between[-1]):
                found.append(m)
    if not found:
        return None
    return doc.char_span(*found[0].span(), alignment_mode="expand")


AFFILIATION_LABELS = ("ORG", "NORP", "GPE")  # in this order of preference
# American news marks a politician's party and state after the name: "Sen. Chris Coons
# (D-Del.)", "Rep. Steve Scalise, R-La., said", "Bernie Sanders (I-Vt.)", or the party alone,
# "(D)". A letter without the state only in brackets: ", R," is too rarely a party.
PARTY_AFTER = re.compile(
    r"\s*(?:\(\s*(?P<alone>[DRI])\s*\)|[(,]\s*(?P<party>[DRI])\s*[-\u2013\u2014]\s*"
    r"[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*[),])"
)
PARTIES = {"D": "Democratic Party", "R": "Republican Party", "I": "independent"}
# Or names it in words: "Democratic Sen. Chris Coons", "Republican Whip Steve Scalise",
# "Another leading Dem, Sen. Kristen Gillibrand", "Richard Blumenthal, Democrat of
# Connecticut", "Raúl Labrador, a Republican of Idaho".
PARTY_WORDS = {
    "democratic": "Democratic Party",
    "democrat": "Democratic Party",
    "dem": "Democratic Party",
    "republican": "Republican Party",
    "gop": "Republican Party",
}
# Not the second word of another country's party: "New Democrat MP" (Canada's NDP), Social,
# Liberal, Christian or Free Democrats (Germany's SPD, CDU and FDP, Britain's Lib Dems).
_PARTY = (
    r"(?<!New )(?<!Social )(?<!Liberal )(?<!Christian )(?<!Free )"
    r"(?P<word>Democratic|Democrat|Dem|Republican|GOP)"
)
# Before the name, with only capitalised titles or office words between ("Republican
# presidential candidate Mitt Romney"); a party noun may stand in apposition ("a Dem, Sen. X").
PARTY_BEFORE = re.compile(
    rf"\b{_PARTY}(?:,\s+|\s+)(?:(?:[A-Z][\w.’'-]*|presidential|candidate|nominee|hopeful|"
    r"leader|whip|senator|congressman|congresswoman|lawmaker|representative|governor)\s+){0,4}$"
)
# After it, as an appositive: "a (conservative) Republican", not "a former Republican", nor a
# compound ("a Republican-led"); or the noun with a state ("Democrat of Connecticut").
PARTY_APPOSITIVE = (
    re.compile(rf",\s+(?:an?|the)\s+(?!former\b)(?:[a-z]+\s+)?{_PARTY}\b(?![-’'])"),
    re.compile(rf",\s+{_PARTY}\s+(?:of|from)\b"),
)


def _party_word(doc: Doc, ent: Span) -> re.Match | None:
    """The party word that names a person's party next to one of their mentions."""
    text = doc_text(doc)
    before = PARTY_BEFORE.search(text, max(0, ent.start_char - 80), ent.start_char)
    if before is not None:
        return before
    return next(filter(None, (p.match(text, ent.end_char) for p in PARTY_APPOSITIVE)), None)


def _affiliation(doc: Doc, titles: list[tuple[int, int]]) -> Span | None:
    """The organisation, group or country a title names: "commander of Kenya's Coast Guard
    Service" → "Kenya's Coast Guard Service", "Kenya's finance minister" → "Kenya". An
    organisation keeps a possessive owner before it."""
    inside = [
        e
        for e in entities(doc)
        if e.label_ in AFFILIATION_LABELS
        and any(s <= e.start_char and e.end_char <= t for s, t in titles)
    ]
    if not inside:
        return None
    best = min(inside, key=lambda e: (AFFILIATION_LABELS.index(e.label_), -len(e), e.start))
    start = best.start
    if best.label_ == "ORG" and start >= 2 and doc[start - 1].tag_ == "POS":
        owner = next((e for e in inside if e.end == start - 1), None)
        if owner is not None:
            start = owner.start
    return doc[start : best.end]
