"""Killed and injured statements, and the article-level figures they add up to.

Counting conventions (ACLED's conservative reading), applied to every statement:

* an explicit number counts itself: "four teens were shot" → 4, "3,000" → 3000;
* a singular victim counts 1 ("a man", "the boy", "he", "Nyreek Horne"), "a couple" 2;
* a plural with no number ("killing the fighters") counts 2, the least a plural can mean,
  unless people set beside it say how many ("the victims, a man and three women" 4) or
  "they" are a group the sentence before counted ("three men were found shot. They died" 3);
* a list counts each name, however the parser hung it ("Jones, 37, Smith, 20, and Lee,
  33" 3; a headline's "2 Girls, 2 Men Shot" 4), and a surname that is a count word ("Few
  was wounded") is one person;
* vague words use :data:`wirecheck.analyze.numbers.VAGUE_COUNTS`: "dozens" 12, "several"
  3 (and "multiple people" as many), "hundreds" 100;
* "no casualties" / "nobody was hurt" is 0 (killed and/or injured as the words say);
* the name of a multiple homicide gives its toll: "a triple homicide" 3 dead, "a double
  murder-suicide" 3 (the attacker too), and in a murder-suicide the attacker who "shot
  himself" is dead.

``low``, ``best`` and ``high`` are equal on a statement (the model needs integers; the
conventions above already give the lowest reading). Being shot without a stated death is
*injured*; "fatally shot", "shot dead", "shot and killed", "pronounced dead", "died",
"passed away", "succumbed", "lost their lives", "shot to death" are *killed*, and so is a
death toll told as it rises at the report's head ("the death toll rose to 31", "raised the
death toll to more than 60"), unless it is a war's, an epidemic's or a period's;
"suffered a gunshot wound" and "found with gunshot wounds" are *injured* unless the wound
is fatal, and so are "three gunshot victims" (the dead among them told apart as for "three
were shot"); a knife wound ("stabbed") is not an injury, as shooting tallies count gunshot
injuries only. Not counted: hypotheticals ("could have been killed", "if he dies", "before
she dies"), attempts, threats and plans ("tried to kill", "threatened to kill them", "the
attempted murder of", "hired a gunman to kill her", "a plot to kill"), a question ("Who is
dead?"), first- and second-person victims in quoted speech ("they shot me"), people in
general ("we have to stop killing kids", a bare plural), unstated counts ("did not say how
many were hurt"), a plural "both were taken to a hospital" without a number (not everyone
taken to hospital was hit), plural figures of a sentence that sums up a period or several
incidents ("22 wounded in shootings across the city since Friday", "nine killed so far this
year", "in four separate shootings", "eight killed in Chicago shootings", "27 wounded over
an eight-hour stretch"), numbers of shots ("shot about 10 times") and of gallery captions
("Image 2 of 8"), unborn children ("five adults and an unborn child were killed" is five,
as victim tallies count them), and, after the first statement, sentences set in an earlier
year ("was killed there in 2009", "two years ago"); in any statement, a death dated years
before the report's year of publication ("when his father died in 1927"), and deaths a war
or an epidemic is the subject of ("a war that killed 100,000 people"), unless on a recent
day ("the war killed two soldiers overnight").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirecheck.analyze.lexicon import FEMALE_WORDS, MALE_WORDS, PERSON_PRONOUNS, is_person_noun
from wirecheck.analyze.nlp import doc_text, sentences, span_text, span_tokens
from wirecheck.analyze.numbers import TENS, UNITS, VAGUE_COUNTS, number_value
from wirecheck.models import Casualty, CasualtyKind

__all__ = ["TALLY_SHARED", "extract_casualties", "split_dead", "summarize_casualties"]

KILL_LEMMAS = {"kill", "murder", "slay", "execute", "behead", "assassinate", "massacre"}
INJURE_LEMMAS = {"injure", "wound", "hurt", "stab", "hospitalize", "hospitalise", "maim"}
SUFFER_LEMMAS = {"suffer", "sustain", "receive"}
HIT_LEMMAS = {"shoot", "graze", "strike", "hit"}  # hit by gunfire: injured unless killed
HARM_LEMMAS = KILL_LEMMAS | INJURE_LEMMAS | HIT_LEMMAS
HURT_LEMMAS = INJURE_LEMMAS | HIT_LEMMAS  # _kind tests every token against these
DEATH_NOUNS = {"death", "killing", "murder", "slaying", "homicide"}
DEAD_WORDS = {"dead", "deceased", "lifeless"}
INJURED_ADJ = {"injured", "wounded", "hurt", "hospitalized", "hospitalised"}
UNHARMED = {"unharmed", "uninjured", "unhurt", "unscathed"}
CARRY_LEMMAS = {"take", "transport", "rush", "send", "airlift", "fly", "carry", "admit"}
HOSPITAL = re.compile(r"\b(hospital|medical center|trauma center|clinic)s?\b", re.I)
# "is listed in critical condition", "were reported in stable condition".
CONDITION_VERBS = {"list", "be", "remain", "stay", "leave", "report", "believe"}
CONDITION = {"critical", "serious", "stable", "fair", "grave", "guarded", "life-threatening"}
UNKNOWN_PLURAL = 2
THEY_REACH = 3  # sentences back a "they" may take its count from
# "multiple people were shot": as many as "several", not the two of a bare plural.
SEVERAL = {**VAGUE_COUNTS, "multiple": VAGUE_COUNTS["several"]}
NEGATED = re.compile(
    r"\b(no|zero)\s+(\w+\s+){0,2}(casualties|deaths|fatalities|injuries|one (was|were)|"
    r"(one|body) (was )?(hurt|injured|killed|wounded|shot))\b|"
    r"\b(nobody|no one) (was|were|got)\b(\s+(seriously|else|also))?"
    r"(\s+(hurt|injured|killed|wounded|shot))?|\bno\s+(other\s+)?(injuries|casualties|deaths)\b|"
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
    "shot": ("injured",),
    "killed": ("killed",),
}
NOT_PEOPLE = {"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "EVENT", "PRODUCT", "MONEY"}
AND_OTHERS = re.compile(
    # The people named before "and" in one noun phrase, not a clause ("a man was killed and").
    r"\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"(?:(?!\b(?:was|were|is|are|has|have|had|been|died|dying|dead|killed|killing|said)\b)"
    r"[^,;.]){0,40}?"
    r"\band\s+$",
    re.I,
)
TOLD_BEFORE_OTHERS = re.compile(r"\band\b.*\bothers?\b", re.I)
FATALLY = re.compile(r"\b(fatally|mortally)\b", re.I)
SOME_FATALLY = re.compile(
    r"\b(one|two|three|four|five|\d+|both|all)(?: of them)?,? (fatally|mortally)\b", re.I
)
PRONOUNCED = re.compile(r"\bpronounced dead\b", re.I)
AGE = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\b|,\s*(\d{1,3})\s*(?:,|$)")
ANAPHORIC_DET = {"the", "this", "that", "these", "those"}
NEW_DET = {"a", "an", "one", "another"}
GENERIC_HEADS = {"one", "person", "victim", "someone", "somebody", "individual", "people"}
REFLEXIVE = {"himself", "herself", "themselves"}
POSSESSIVES = {"his", "her", "their", "its", "my", "our", "your"}
SELF = ("himself", "herself")
WEAPONS = {"gun", "guns", "weapon", "shotgun", "rifle", "pistol", "handgun", "revolver", "firearm"}
HARMED_OTHERS = re.compile(
    r"\b(kill(ed|ing|s)?|shot|shoot(s|ing)?|murder(ed|ing|s)?|wound(ed|ing|s)?|injur(ed|ing|es))\b",
    re.I,
)
ATTEMPTED = re.compile(r"\b(attempt(ed|ing)?|tried|survived)\b", re.I)
THEN = re.compile(r"\b(before|then)\b", re.I)
MURDER_SUICIDE = re.compile(r"\bmurders?[- /]suicides?\b", re.I)
ACCIDENT = re.compile(r"\baccident", re.I)
SUICIDE = re.compile(r"\b(kill(ed|ing|s)?|took|taking) (him|her)self\b", re.I)
ATTACKER = "the attacker"
# Where people were when shot: "shot at a birthday party" (the subject the victim), unlike
# what was fired on, "shot at a convoy", "shot at officers" (the subject the shooter).
VENUES = {"party", "gathering", "vigil", "celebration", "funeral", "wedding", "concert"}
VENUES |= {"festival", "cookout", "club", "nightclub", "bar", "lounge", "restaurant", "home"}
VENUES |= {"house", "apartment", "complex", "residence", "school", "park", "church", "store"}
# Nouns for those who shoot: "gunmen shot at a home" never makes the gunmen victims.
SHOOTERS = {"gunman", "gunmen", "shooter", "attacker", "assailant", "militant", "insurgent"}
SHOOTERS |= {"fighter", "rebel", "suspect", "robber", "police", "troops", "sniper", "gang"}
# A wound's place: "shot himself in the leg" is an injury, not a murder-suicide's end.
BODY_PART = re.compile(
    r"^\W*(in|to) (the|his|her) (\w+ )?(arm|leg|foot|feet|hand|knee|thigh|shoulder|hip|"
    r"ankle|finger|buttocks?|abdomen|stomach|side|back|chest)s?\b",
    re.I,
)
BODY_COUNT_HEADS = {"people", "persons", "individuals", "all", "both", "they", "bodies"}
BODY_COUNT_HEADS |= {"dead", "deceased"}  # "the three dead", "the three deceased"
# "tried to kill", "hoped to kill hundreds" (which the lemmatiser makes "hop").
INTENT_LEMMAS = {"try", "attempt", "threaten", "plan", "want", "vow", "intend", "plot", "seek"}
INTENT_LEMMAS |= {"hope", "hop", "aim", "conspire"}
# "hired a gunman to kill her", "paid to plan his murder": a killing paid for, which these
# words do not say took place ("ordered the killing of 12" may tell one that did).
INTENT_LEMMAS |= {"hire", "pay"}
INTENT_NOUNS = {"plot", "plan", "attempt", "bid", "conspiracy", "threat"}  # "a plot to kill"
INTENT_WORDS = INTENT_NOUNS | INTENT_LEMMAS
# A death foretold, not told: "before she dies", "if he dies", "unless they are killed".
CONDITIONAL_MARKS = {"if", "unless", "lest"}
FUTURE_MARKS = {"before", "until", "till"}  # only with a present tense: "before he dies"
# What kills over a period, not in an event: "a war that killed 100,000 people", "the
# pandemic has killed thousands" (a tally).
PERIOD_KILLERS = {"war", "conflict", "insurgency", "pandemic", "epidemic", "genocide"}
PERIOD_KILLERS |= {"famine", "uprising", "rebellion", "occupation"}
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
FAR_PAST = 2  # years before the report's publication: a death then is background
# A clause dated to the last days: "the war killed two soldiers overnight" is today's event.
RECENT = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
RECENT |= {"today", "yesterday", "tonight", "overnight", "week", "weekend"}
HYPOTHETICAL = {"could", "might", "may", "should", "can", "must", "could've", "might've"}
SPEAKERS = ("i", "me", "we", "us", "you", "myself", "ourselves")
ANOTHER_NEAR = 150  # chars past a report's first death where "another" death is one more
LEAD_CHARS = 1200  # the opening of a report, counted from its first casualty statement
AGE_UNITS = ("year", "month", "week", "day", "yr")
OTHERS = re.compile(r"\bothers?\b", re.I)
ALSO = re.compile(r"\balso\b", re.I)
ALL_STAGES = frozenset({"child", "teen", "adult"})
STAGE_WORDS = {
    **dict.fromkeys(("baby", "infant", "toddler", "newborn"), frozenset({"child"})),
    **dict.fromkeys(("boy", "girl", "kid", "child"), frozenset({"child", "teen"})),
    **dict.fromkeys(("juvenile", "minor"), frozenset({"teen"})),
    **dict.fromkeys(("teen", "teenager", "man", "woman"), frozenset({"teen", "adult"})),
    **dict.fromkeys(
        (
            "adult",
            "father",
            "mother",
            "husband",
            "wife",
            "grandmother",
            "grandfather",
            "mom",
            "dad",
        ),
        frozenset({"adult"}),
    ),
}
SHOT_WORDS = re.compile(  # hit by gunfire, "suffered gunshot wounds": fatally or not
    r"\b((gun)?shot|shoots?|shooting|grazed|struck|strik(es?|ing)|hit(s|ting)?|"
    r"(suffer|sustain)(s|ed|ing)?|receiv(es|ed|ing))\b",
    re.I,
)
DAYS = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|\d{4})"
REPEATS = {"times", "rounds", "shots", "bullets"}
GALLERY_WORDS = {"image", "photo", "picture", "slide"}
COUNT_WORDS = r"(two|three|four|five|six|seven|eight|nine|ten|\d+)"
# A sentence that sums up several incidents or a period, not one report's event, by words a
# headline of one incident does not use either; the headline test (``analyzer.SEVERAL``)
# shares these, so the two cannot drift apart.
TALLY_SHARED = re.compile(
    rf"\bsince (last |early |late )?{DAYS}\b|"
    r"\b(so far|earlier|already) (this (year|month)|in \d{4})\b|"
    rf"\b(separate|unrelated|multiple|several|{COUNT_WORDS}) (\w+ )?(shootings|shooting incidents|"
    r"incidents|homicides)\b|\b(series|string|spate|rash|wave) of (\w+ )?(shootings|violence)\b|"
    # "in Chicago shootings", "in incidents spanning the boroughs", "in Toledo this year",
    # "over an eight-hour stretch", "throughout the day".
    r"\bin (?!the\b)(\w+ )?(shootings|incidents)\b|\bthis (year|month)\b|"
    r"\b\w+[- ]hour (stretch|period|span)\b|\bthroughout the (day|night|weekend)\b",
    re.I,
)
# Marks of a tally only in a sentence: a headline of one incident uses them too ("Gunman
# Kills 2 Around Dallas Mall", "Statewide manhunt after trooper killed", "deadliest shooting
# in the nation's history", "suspect caught in about two hours").
TALLY_SENTENCE = re.compile(
    r"\b(across|around|throughout) (the (city|county|state|country|nation|region)\b|(?-i:[A-Z]))|"
    r"\b(city|state|nation|county)-?wide\b|\bin the (united states|u\.s\.|nation|country)\b|"
    # "in about ten hours".
    r"\bin (about |less than |under )?\w+ hours\b",
    re.I,
)
TALLY = re.compile(f"{TALLY_SHARED.pattern}|{TALLY_SENTENCE.pattern}", re.I)
DEAD_AND_HURT = re.compile(  # "left two dead and four other injured", "3 dead, 1 hurt"
    rf"\b(?:dead|killed),?(?: and)? (?:at least )?({COUNT_WORDS}|one) "
    r"((?:others?|more|people|persons) )?(?:\w+ )?(injured|wounded|hurt|hospitali[sz]ed)\b",
    re.I,
)
# A headline's "5 shot", "Police: 3 shot in Elm Court": the count of people shot, which
# the parser takes for a count of shots ("shot" a noun). Only at a headline's head: a line of
# the text that opens so is most often a caption or a related story's headline.
COUNT_SHOT = re.compile(
    rf"^\s*(?:[^:]{{1,30}}: )?({COUNT_WORDS}) shot\b"
    r"(?!,? (?:and )?killed\b| dead\b| to death\b)",  # "3 shot, killed": all of them died
    re.I,
)
# A headline's split of the people shot: "5 shot, 1 killed", "Police: 4 teens shot, 1
# fatally", "7 Shot, 3 Dead"; the rest are the wounded. It opens the headline, after a
# source's label at most (not "Gun battle, chase, brawl end with 5 shot, 2 dead").
SHOT_AND_DEAD = re.compile(
    rf"^\s*(?:[^:]{{1,30}}: )?(?P<shot>{COUNT_WORDS}|one)(?: [a-z]+)? shot,? (?:and )?"
    rf"(?P<dead>{COUNT_WORDS}|one) (?:killed|dead|fatally)\b",
    re.I,
)
SHOOTING_WORDS = re.compile(
    r"\b(shot|shots|shooting|fired|gunfire|\w*guns?|bullets?|graze\w*|wound\w*)\b", re.I
)
IN_CUSTODY = re.compile(r"\b(jail|custody)\b", re.I)
HURT_OR_MORE = re.compile(
    r"\b(injur\w*|(?<!gunshot )wound\w*|hurt|hospitali[sz]ed|condition|"
    r"also|another|other|second|third)\b",
    re.I,
)
GUNFIRE = re.compile(  # "struck by a bullet", "the gun went off, hitting his brother"
    r"\b(bullets?|pellets?|buckshot|gunfire|rounds?|gunshots?|shots?|fired|firing|went off|"
    r"discharged)\b",
    re.I,
)
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_HOMICIDE = re.compile(
    rf"\b({'|'.join(MULTIPLES)})[- ](homicide|murder|killing|slaying)s?(-suicide)?\b", re.I
)
ORDINAL_VALUES = {
    w: i
    for i, w in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 2
    )
}
ORDINALS = set(ORDINAL_VALUES)
NEXT_VICTIM = re.compile(  # "a fifth was struck", "an 8th teen was injured", "the second victim"
    rf"^(?:an?|the) ({'|'.join(ORDINAL_VALUES)}|\d+(?:st|nd|rd|th))\b", re.I
)
MORE = re.compile(rf"\b({COUNT_WORDS}|one|several) more\b", re.I)  # "two more people died"
CARRIED = re.compile(  # "all three were taken to a hospital": the dead among them
    r"\b(taken|transported|rushed|flown|airlifted|sent|treated|hospitali[sz]ed)\b", re.I
)
SURVIVORS = re.compile(r"\b(surviving|survivors?|remaining)\b", re.I)  # besides the dead
MEMBER = re.compile(r"(one|two|three|four|\d+) of (them|the|those|these)\b", re.I)
FATAL_WOUND = re.compile(r"(?<!non-)(?<!non )\b(fatal|mortal)\b", re.I)
STATED_TWO = re.compile(r"\b(two|2|both|pair|couple|and|others?)\b", re.I)
WOUNDED_OBJECT = re.compile(r"(wound|injur)\w*\s", re.I)  # "wounded a boy": active, its object
# A toll of the dead told as it rises: "the death toll rose to 31", "raised the death toll
# to more than 60", "bringing the death toll in the crash to three". A toll told as it stands
# ("had a death toll of 2,977", "the death toll at the fire was 72") is as often a past
# event's, so it is not read.
TOLL_NUMBER = (
    r"(?:more than |at least |over |nearly |almost |about |around |some |roughly )?"
    rf"(\d[\d,]*|(?:{'|'.join(sorted({**UNITS, **TENS}, key=len, reverse=True))})"
    rf"(?:-(?:{'|'.join(UNITS)}))?)\b(?! of\b)"  # not "the death toll was one of the worst"
)
DEATH_TOLL = re.compile(
    # Not a toll foreseen: "the death toll may be higher, up to 10", "is expected to rise".
    # Not a "casualty toll", which counts the wounded too.
    r"(?<!casualty )\b(?:(?:death|fatality) )?toll\b"
    r"(?:(?!\b(?:may|might|could|would|expected|feared|likely)\b)[^.;:\d—–]){0,50}?"
    rf"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|reached|reaches)(?: to)? {TOLL_NUMBER}|"
    r"\b(?:rais|push|bring|brought|took|tak|lift)\w* the (?:(?:death|fatality) )?toll\b"
    rf"[^.;:\d]{{0,40}}?\bto {TOLL_NUMBER}",
    re.I,
)
# A bare "toll" is a death toll only among words of death ("bodies were found, raising the
# toll to 22"), not "raised the toll to 15 for trucks".
DEATH_WORDS = re.compile(r"\b(dead|died|deaths?|killed|bodies|fatalities)\b", re.I)
TOLL_OF_DEATH = re.compile(r"\b(death|fatality) toll\b", re.I)
# A toll of a period, not of the event: "the death toll in Gaza since the war began", "the
# pandemic's death toll", "the death toll from this season's outbreak", "last month".
PERIOD_TOLL = re.compile(
    r"\b(since|so far|season|outbreak|pandemic|epidemic|war|conflict|insurgency|last "
    r"(week|month|year)|(19|20)\d\d)\b",
    re.I,
)
# Words of gunfire that no other sense shares ("fired", "rounds" and "shots" do: layoffs,
# games): what makes an active "hurt" an injury.
GUN_WENT_OFF = re.compile(r"\b(went off|discharged|gunfire|bullets?|pellets?|buckshot)\b", re.I)
# Runs of capitalised words, accented ones included ("José Ramírez").
NAME_RUN = re.compile(r"\b[^\W\d_a-z][^\W\d_]*(?: [^\W\d_a-z][^\W\d_]*)*")
TOLL_NEAR = 40  # chars either side of a toll where words tell a period's toll
LEAD = 2  # sentences at a report's head, where a rising toll is the event's own
PAST = re.compile(r"\b(years? ago|last year|in (\w+ )?(19|20)\d\d\b(?! block))", re.I)


# --------------------------------------------------------------------------- extraction


def _is_person(token: Token) -> bool:
    """Could this token head a phrase naming people (not windows, cars or "10 times")?"""
    if token.lower_ == "old":  # "the 2-year-old who was shot", "the two year old"
        return any(c.lower_.startswith(AGE_UNITS) for c in token.children)
    if token.ent_type_ in NOT_PEOPLE and token.ent_type_ != "PERSON":
        # "20-year-old Tyrell Hall" (FAC), "Amari was shot and killed" (a lone first name or
        # surname the tagger took for an organisation).
        return token.pos_ == "PROPN" and (_has_age(token) or _lone_org_name(token))
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PERSON_PRONOUNS or token.lower_ in (
            "one",
            "others",
            "another",
            "all",
            "both",
            "none",
            "some",
            "each",
            "anyone",
            "someone",
            "somebody",
            "everyone",
            "several",
        )
    if token.like_num:  # "shot 10 people", not "shot about 10 times"
        doc = token.doc
        after_name = token.i > 1 and doc[token.i - 2].pos_ == "PROPN"
        if token.text.isdigit() and after_name and doc[token.i - 1].text == ",":
            return False  # "Calvin Williams, 24 was shot": an age without its closing comma
        return not any(c.lower_ in REPEATS for c in token.children)
    if token.pos_ == "PROPN":
        return token.is_title and not token.is_upper
    if _couple(token):
        return True
    return is_person_noun(token.lemma_) or is_person_noun(token.lower_) or "-old" in token.lower_


def _couple(token: Token) -> bool:
    """ "a couple were found dead": two people (not "a couple of hours")."""
    return token.lower_ == "couple" and not any(c.lower_ == "of" for c in token.children)


def _lone_org_name(token: Token) -> bool:
    """A one-word capitalised "organisation" ("Amari", "Troyer"): most often a name."""
    doc = token.doc
    alone = token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    return token.ent_type_ == "ORG" and alone and token.is_title


def _argument(word: Token, deps: tuple[str, ...]) -> Token | None:
    """A word's child in one of ``deps``; of several ("LOS ANGELES - Four men were hurt",
    a dateline parsed as a second subject), the one naming people nearest the word."""
    found = [c for c in word.children if c.dep_ in deps]
    if not found:
        # "X and Y were critically injured": the parser may hang the subject on the auxiliary.
        auxes = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
        found = [g for a in auxes for g in a.children if g.dep_ in deps]
    people = [c for c in found if _is_person(c)]
    if len(found) > 1 and people:
        return min(people, key=lambda c: abs(c.i - word.i))
    return found[0] if found else None


def _has_age(token: Token) -> bool:
    """ "20-year-old Tyrell Hall", "13 year old X", "Hall, 20,": a person's age is given."""
    return any(
        c.lower_ == "old" or c.lower_.endswith("-old") or (c.dep_ == "appos" and c.like_num)
        for c in token.children
    )


def _subject(verb: Token, deps: tuple[str, ...] = ("nsubjpass", "nsubj")) -> Token | None:
    """The subject of a verb, following conjoined and auxiliary verbs to a shared subject."""
    for _ in range(3):
        subject = _argument(verb, deps)
        if subject is not None:
            return subject
        if _own_subject(verb):
            return None  # the verb has a subject of another kind: do not borrow one
        if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        return None
    return None


def _relative_head(token: Token) -> Token:
    """ "Mills, who was shot": the relative pronoun stands for the noun it modifies."""
    if token.lower_ in ("who", "that", "whom") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _victims(trigger: Token) -> Token | None:
    """The people a casualty word is about."""
    if trigger.pos_ == "NOUN":
        bearer = _wound_bearer(trigger)
        if bearer is not None:
            return bearer
        if _shooting_victims(trigger):
            return trigger  # "two other gunshot victims arrived at the hospital"
    if _suffered_wound(trigger) is not None:  # "Smith suffered a gunshot wound"
        subject = _subject(trigger, ("nsubj",))
        return _relative_head(subject) if subject is not None else None
    if trigger.pos_ in ("VERB", "AUX"):
        passive = _argument(trigger, ("nsubjpass",))
        if passive is not None:
            return _relative_head(passive)
        # "died a short time later": a death takes no object (the parser may give it one).
        obj = None if _dies(trigger) else _argument(trigger, ("dobj",))
        if obj is not None:
            return obj
        if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN", "NUM"):
            # "the man killed in the crash", "three wounded people", and "left three women
            # and one man injured": all of the people listed before the participle.
            after = trigger.doc[trigger.head.i + 1 : trigger.i]
            listed = trigger.i > trigger.head.i and not any(t.is_punct for t in after)
            return _list_start(trigger.head) if listed else trigger.head
        if trigger.dep_ in ("xcomp", "oprd", "ccomp", "advcl") and trigger.head.lemma_ == "leave":
            return next((c for c in trigger.head.children if c.dep_ == "dobj"), None)
        if (
            trigger.dep_ == "conj"
            and trigger.head.pos_ == "VERB"
            and trigger.head.dep_ in ("acl", "amod", "relcl")
            and not _own_subject(trigger)
        ):
            return _victims(trigger.head)  # "a girl shot and killed by police"
        if (
            trigger.dep_ == "pcomp"
            and trigger.head.lower_ in ("after", "since", "upon")
            and any(c.dep_ == "auxpass" for c in trigger.children)
        ):
            # "a boy is in the hospital after being shot": the person the clause is about.
            subject = _subject(trigger.head.head)
            return _relative_head(subject) if subject is not None else None
        dies = _dies(trigger)
        # "was shot and later died": a death borrows the subject of a passive too.
        subject = _subject(trigger, ("nsubj", "nsubjpass") if dies else ("nsubjpass",))
        if subject is not None:
            return _relative_head(subject)  # "was shot and killed": the shared subject
        # "Man shot in Dayton" (a headline's passive without "was"), but not "eight
        # children have killed": a perfect tense is active, its subject the killer.
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children)
        if dies or (trigger.tag_ == "VBN" and not perfect) or _headline(trigger):
            subject = _subject(trigger, ("nsubj",))
            if subject is not None and (dies or not _agent_like(trigger)):
                return _relative_head(subject)
        # "left a boy dead and six other people wounded": a participle the parser read as an
        # active verb; a counted subject with no object was not the one shooting.
        subject = _argument(trigger, ("nsubj",))
        if trigger.tag_ == "VBD" and subject is not None and _counted(subject):
            return None if _agent_like(trigger) else subject
        return None
    # Adjectives: "X is dead", "X was found dead", "left three dead", "X is injured".
    own = _argument(trigger, ("nsubj", "nsubjpass"))
    if own is not None and trigger.pos_ == "ADJ":
        return _relative_head(own)  # "they found Jaylin Miller dead": Miller is "dead"
    head = trigger.head
    if trigger.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj", "ROOT"):
        if head.lemma_ in ("leave", "find") or trigger.dep_ == "oprd":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        subject = _subject(head if trigger.dep_ != "ROOT" else trigger)
        if subject is not None:
            return _relative_head(subject)
    if trigger.dep_ == "amod" and head.pos_ == "NUM" and head.i == trigger.i - 1:
        return head  # a headline's "Two dead in Dayton", "4 wounded": the number is the people
    # "found a 16-year-old girl dead in the basement": the parser may hang the adjective on
    # the noun as a clause of its own.
    if trigger.dep_ in ("amod", "acl") and head.pos_ in ("NOUN", "PROPN"):
        if trigger.lower_ in DEAD_WORDS and not _is_person(head):
            # "a 4-year-old shot dead" with "shot" read as a noun: the person before it.
            # Not "four dead bodies": a number counts the noun itself.
            lefts = [t for t in head.lefts if t.dep_ != "nummod" and _is_person(t)]
            return lefts[-1] if lefts else head
        return head
    if trigger.pos_ == "NOUN":
        of = next((c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return next((c for c in trigger.children if c.dep_ == "poss"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None)
    nums = [t for t in trigger.lefts if t.like_num]
    return nums[-1] if nums else None


def _listed_before(verb: Token, victims: Token) -> list[Token]:
    """People a headline lists before the subject of its verb with a comma and no "and"
    ("2 Girls, 2 Men Shot", "4 Women, Man Shot"), which the parser hangs on the verb."""
    if victims.dep_ not in ("nsubj", "nsubjpass") or victims.head != verb or not _headline(verb):
        return []
    doc = verb.doc
    return [
        c
        for c in verb.children
        if c.dep_ in ("dep", "npadvmod", "nsubj")
        and c.right_edge.i + 2 == victims.left_edge.i
        and doc[c.right_edge.i + 1].text == ","
        and _is_person(c)
        # A bare noun phrase: not "Teen Dead, 6 Injured" nor "3 killed, 9 hurt", each with
        # its own outcome, nor "Teens going to get candy shot, 1 killed".
        and not any(
            t.lower_ in DEAD_WORDS | INJURED_ADJ or t.pos_ in ("VERB", "AUX") for t in c.subtree
        )
    ]


def _possessor_person(token: Token) -> bool:
    """A possessor naming a person: a pronoun, a name or a person noun, not just a
    capitalised word or a time ("this year's homicides")."""
    if token.pos_ == "PROPN":
        return token.ent_type_ == "PERSON"
    return _is_person(token)


def _before_participles(trigger: Token) -> Token | None:
    """ "the father of a one year old girl shot and killed in ...": the person just before
    "shot and killed" (or "shot, killed") when the parser lost the link between them."""
    if trigger.tag_ not in ("VBN", "VBD") or trigger.i < 3:
        return None
    doc = trigger.doc
    i = trigger.i - 1
    if doc[i].lower_ not in ("and", ","):
        return None
    i -= 1
    while i > 0 and doc[i].pos_ == "ADV":
        i -= 1
    if doc[i].lower_ not in ("shot", "wounded", "stabbed"):
        return None
    i -= 1
    while i > 0 and doc[i].pos_ == "ADV":
        i -= 1
    person = doc[i]
    # "Friends of a boy shot and killed Friday held a vigil" (read as "shot" the verb of
    # "friends"); not "a man shot and killed" with the man its subject, the shooter.
    own_subject = trigger.tag_ == "VBD" and person.dep_ == "nsubj"
    if person.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and _is_person(person) and not own_subject:
        return person
    return None


def _counted(token: Token) -> bool:
    """A noun with a count of its own: "six other people", not "17-year-old Dontay Jordan"."""
    doc = token.doc
    return token.pos_ == "NOUN" and any(
        c.dep_ == "nummod"
        and c.i + 1 < len(doc)
        and doc[c.i + 1].text != "-"
        and not doc[c.i + 1].lower_.startswith(AGE_UNITS)
        for c in token.children
    )


def _headline(token: Token) -> bool:
    """A headline or caption line: "Teen shot on Main Street" (no final full stop)."""
    sent = token.sent
    last = sent[-1] if not sent[-1].is_space else sent[-2] if len(sent) > 1 else sent[-1]
    return last.text not in (".", "!", "?", '"', "”") and len(sent) <= 16


def _agent_like(verb: Token) -> bool:
    """An active verb with an object or "at" a target: the subject is the shooter, not the
    victim ("shot at officers", "shot at a car"; not "shot at a birthday party")."""
    return any(
        c.dep_ in ("dobj", "dative") or (c.lower_ == "at" and _shot_at_target(c))
        for c in verb.children
    )


def _headline_passive(verb: Token) -> Token | None:
    """ "Two men shot outside store", "Two People Shot in Riverdale: Police": in a
    headline a participle is a passive without "was" (an active verb would be in the
    present, "Man shoots neighbor"). An object the parser gave it passes only where it is
    its known misreading: the source named after a colon, "self", or a place word read as
    the object ("shot outside store"); not "Two men shot deputy", "Hunter shot deer", "Man
    shot three outside bar", "shot at officers", "shot up a bar", "Teen who shot classmate",
    nor a gunman's shooting."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_ not in HARM_LEMMAS:
        return None
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # "eight children have killed": a perfect tense is active
    subject = _argument(verb, ("nsubj",))
    if subject is None or not _is_person(subject) or subject.lemma_.lower() in SHOOTERS:
        return None
    doc = verb.doc
    if verb.dep_ == "acl" and not any(t.text == ":" for t in doc[verb.head.i : verb.i]):
        return None  # "3 teen girls, 1 man shot": a participle on another noun, not a label
    objects = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative")
        and c.lower_ != "self"
        and not any(t.text == ":" for t in doc[verb.i : c.i])
    ]
    for child in verb.children:
        if child.dep_ == "prt" or (child.lower_ == "at" and _shot_at_target(child)):
            return None
    for obj in objects:
        if obj.like_num or any(c.dep_ == "nummod" for c in obj.children):
            return None
        if not any(c.lower_ in ("outside", "inside", "near", "behind") for c in obj.children):
            return None
    if subject.tag_ in ("WP", "WDT") and not any(c.lower_ == "self" for c in verb.children):
        return None  # "Teen who shot classmate": a relative clause tells of the shooter
    return _relative_head(subject)


def _shot_at_target(at: Token) -> bool:
    """ "at officers", "at a convoy", "at him": what was shot at, unless a place where people
    were ("at a party", "at a home") and the subject is no shooter ("gunmen shot at a home")."""
    if at.head.lemma_ not in ("shoot", "fire"):
        return False  # "three others showed up at a hospital": a place
    target = next((c for c in at.children if c.dep_ == "pobj"), None)
    if target is None or target.lemma_.lower() not in VENUES:
        return True
    subject = _subject(at.head, ("nsubj",))
    return subject is not None and (
        subject.lower_ in SHOOTERS or subject.lemma_.lower() in SHOOTERS
    )


def _unstated(verb: Token, victims: Token) -> bool:
    """ "did not say how many were killed", "whether anyone was hurt", "he could have been
    killed", "they shot me" (a witness quoted): no casualty of the event is stated."""
    if any(t.lower_ in ("how", "whether", "if") for t in victims.subtree):
        return True
    if victims.lower_ in ("anyone", "anybody", "nobody", "none", "noone", *SPEAKERS):
        return True
    if _question(victims):
        return True
    if any(c.lower_ == "no" for c in victims.lefts):
        return True  # "no one else was injured", "no other people were hurt"
    # "could have been killed", and "he should be dead" (the modal on the copula).
    modal_on = [verb, verb.head] if verb.dep_ in ("acomp", "oprd") else [verb]
    if any(c.tag_ == "MD" and c.lower_ in HYPOTHETICAL for w in modal_on for c in w.children):
        return True
    if _intended(verb):
        return True  # "tried to kill a fifth", "threatened to kill them"
    if _foretold(verb):
        return True  # "to see her mother before she dies"
    if any(c.lower_ in ("attempted", "attempt") for c in verb.lefts):
        return True  # "the attempted murder of one victim"
    return any(c.dep_ == "neg" for t in _scope(verb) for c in t.children) or any(
        t.lower_ in ("how", "whether") for t in verb.children
    )


def _question(victims: Token) -> bool:
    """ "Who is dead?": a question opening with "who", not a relative clause on a victim."""
    if victims.lower_ != "who":
        return False
    doc, sent = victims.doc, victims.sent
    before = [t for t in doc[sent.start : victims.i] if not t.is_quote]
    opening = not before or before[-1].text == ":"  # "asked aloud: 'Who is dead?'"
    return opening and any(t.text == "?" for t in doc[victims.i : sent.end])


def _intended(verb: Token) -> bool:
    """ "tried to kill a fifth", "hired a gunman to kill her", "a plot to kill the official",
    "paid to plan his murder": a killing wanted, planned or paid for, not told to have
    happened."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_LEMMAS:
        return True
    if verb.pos_ == "NOUN":  # "to plan his murder", "plotted the killing of"
        return verb.dep_ == "dobj" and verb.head.lemma_ in INTENT_LEMMAS
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or verb.dep_ not in ("xcomp", "acl", "advcl", "ccomp") or to.i == 0:
        return False
    before = verb.doc[to.i - 1]  # "a plot to kill": the parser may hang "kill" elsewhere
    return before.lemma_ in INTENT_WORDS or verb.head.lemma_ in INTENT_NOUNS


def _foretold(verb: Token) -> bool:
    """ "if he dies", "unless they are killed", "before she dies": a clause of a death that
    may come, not one that came ("before he died" did)."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") for c in verb.children if c.dep_ in ("aux", "auxpass")
    )
    return bool(marks & CONDITIONAL_MARKS) or (bool(marks & FUTURE_MARKS) and present)


def _scope(word: Token) -> list[Token]:
    """The word and up to two heads whose negation reaches it. A conjoined verb with its own
    auxiliary is a clause of its own: "did not make it and was pronounced dead" is a death."""
    chain = [word]
    while len(chain) < 3 and chain[-1].head is not chain[-1]:
        last = chain[-1]
        if last.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in last.children):
            break
        chain.append(last.head)
    return chain


def _phrase(member: Token) -> str:
    """The noun phrase of a victim without relative clauses: "a 21-year-old man"."""
    skip = {
        t.i
        for c in member.children
        if c.dep_ in ("relcl", "acl", "advcl", "prep", "punct", "cc", "conj") and c.i > member.i
        for t in c.subtree
    }
    toks = [t for t in member.subtree if t.i not in skip]
    ages = [c for c in member.children if c.dep_ == "appos" and c.like_num]
    text = member.doc[toks[0].i : toks[-1].i + 1].text if toks else member.text
    text = text.split(",")[0].strip() if not ages else text
    return text


def _phrase_count(token: Token) -> tuple[int, str] | None:
    """How many people a noun phrase names: "four teens" 4, "a man" 1, "the fighters" 2,
    "a man and a woman" 2."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return None
    total = 0
    members = [token] + [c for c in token.conjuncts if _fellow_victim(token, c)]
    listed = _appositive_list(token)
    if listed is not None:
        return _phrase_count(listed)  # "the victims, a man and three women": four
    members += _listed_beside(token)
    words = []
    for member in members:
        if _unborn(member):
            continue
        words.append(_phrase(member))
        if member is not token and _shares_number(token, member):
            continue  # "five men and women": five in all
        count = None
        # The number may sit on a compound: "nine motorcycle gang members".
        modifiers = [*member.children] + [
            g for c in member.lefts if c.dep_ == "compound" for g in c.children if g.i < c.i
        ]
        for child in modifiers:
            if child.dep_ == "nummod" or (child.like_num and child.i < member.i):
                nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                if nxt is not None and (nxt.text == "-" or nxt.lower_.startswith(AGE_UNITS)):
                    continue  # "21-year-old", "24 year-old Zachary Cotton"
                if _gallery_number(child) or _named_number(child):
                    continue
                value = number_value(child.text)
                if value is not None and count is None:
                    # The first number counts: "two Precinct 5 deputy constables" are two.
                    count = int(value)
        if member.like_num and not _gallery_number(member):
            count = _count_of(member.text)
        # "Few was listed in critical condition": a capitalised word inside a sentence is a
        # surname, not the vague count "few".
        surname = member.tag_ == "NNP" and member.is_title and member.i != member.sent.start
        if count is None and member.lower_ in VAGUE_COUNTS and not surname:
            count = VAGUE_COUNTS[member.lower_]
        vague = [c for c in member.lefts if c.dep_ == "amod" and c.lower_ in SEVERAL]
        if count is None and vague and member.tag_ == "NNS":
            count = SEVERAL[vague[0].lower_]  # "several people", tagged as an adjective
        if count is None:
            plural = (member.tag_ == "NNS" and _plural_noun(member)) or member.lower_ in (
                "they",
                "them",
                "themselves",
                "people",
                "both",
            )
            count = UNKNOWN_PLURAL if plural else 1
            if member.lower_ == "both" or _couple(member):
                count = 2
        total += count
    if not words:
        return None
    who = " and ".join(words)
    return total, who


def _shares_number(first: Token, conjunct: Token) -> bool:
    """A bare plural conjoined to a counted one falls under its number: "five men and
    women" (not "five men and two women", "three men and their sons")."""
    return (
        conjunct.tag_ == "NNS"
        and first.tag_ == "NNS"
        and any(c.dep_ == "nummod" for c in first.children)
        and not any(c.dep_ in ("det", "nummod", "poss", "amod") for c in conjunct.children)
    )


def _list_start(person: Token) -> Token:
    """The first of the people a list gives with ``person`` last and no verb between them
    (not "one person killed and several other people injured")."""
    while (
        person.dep_ == "conj"
        and _fellow_victim(person.head, person)
        and not any(t.pos_ in ("VERB", "AUX") for t in person.doc[person.head.i : person.i])
    ):
        person = person.head
    return person


def _fellow_victim(token: Token, conjunct: Token) -> bool:
    """A person conjoined after ``token`` who shares its fate: not "left a man dead and other
    people injured" (another outcome between them) nor "the unharmed child"."""
    if conjunct.i <= token.i or not _is_person(conjunct):
        return False
    between = token.doc[token.i + 1 : conjunct.left_edge.i]
    if any(t.lower_ in DEAD_WORDS | INJURED_ADJ for t in between):
        return False
    if _gerund_clause(conjunct):
        return False  # "killing two of them and leading dozens of officers": another clause
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in conjunct.head.children):
        return False  # "the child or someone else": one of them, not both
    # "two men who were killed and two officers who were hurt": the first people's own
    # clause tells their fate, not the next ones'.
    if any(
        t.dep_ == "relcl" and t.head.i == token.i and (t.lemma_ in HARM_LEMMAS or _dies(t))
        for t in between
    ):
        return False
    return not any(c.lower_ in UNHARMED for c in conjunct.lefts)


def _gerund_clause(conjunct: Token) -> bool:
    """The conjunct is the object of a gerund that opens it, a clause of its own the parser
    took for an adjective: "and leading dozens of officers", "and leaving the two others". A
    gerund that describes the noun comes after any determiner or number, not before them:
    "three soldiers and visiting journalists" are victims."""
    edge = conjunct.left_edge
    if edge.tag_ != "VBG" or edge is conjunct:
        return False
    after = edge.doc[edge.i + 1]
    return after.dep_ in ("det", "nummod") or after.like_num or after.lower_ in VAGUE_COUNTS


def _appositive_list(token: Token) -> Token | None:
    """The first of several people set beside a plural without a number: "the victims, a
    man and three women"."""
    if token.tag_ != "NNS" or any(c.dep_ == "nummod" for c in token.children):
        return None
    appos = next((c for c in token.children if c.dep_ == "appos" and not c.like_num), None)
    if appos is None or not _is_person(appos) or not any(_is_person(c) for c in appos.conjuncts):
        return None
    return appos


def _listed_beside(token: Token) -> list[Token]:
    """People of a list the parser hung on its first member as appositions: "Jones, 37,
    Smith, 20, and Lee, 33" (Smith and Lee), "Robinson, Thomas, Doe and Turner" (Thomas
    and Doe), "her son, Storm Malone, and a family friend" (the friend)."""
    if token.tag_ not in ("NN", "NNP"):
        return []  # "three other victims, A, B and C": the number already counts them
    out = []
    doc = token.doc
    for appos in token.children:
        if appos.dep_ != "appos" or not _is_person(appos):
            continue
        if appos.pos_ != "PROPN":
            # "her son, Storm Malone, and a family friend": a person after "and" is another.
            start = appos.left_edge.i
            if start > 0 and doc[start - 1].lower_ == "and":  # doc[-1] would be the last
                out.append(appos)
            continue
        # "Clark and the driver, Kayla Blakely": a name just after a conjoined noun is that
        # person's, not one more.
        renames = any(
            c.i < appos.i and c.pos_ == "NOUN" and c.right_edge.i + 2 == appos.left_edge.i
            for c in token.conjuncts
        )
        others = [c for c in appos.conjuncts if c.i > appos.i and _is_person(c)]
        if token.pos_ == "PROPN" and (others or token.conjuncts) and not renames:
            out.append(appos)  # another name, not the same person's
        out += others
    return out


def _unborn(member: Token) -> bool:
    """ "her unborn child", "a fetus": victim tallies leave out pregnancies lost."""
    return member.lower_ in ("fetus", "foetus") or any(c.lower_ == "unborn" for c in member.lefts)


def _gallery_number(token: Token) -> bool:
    """ "Image 2 of 8", "Photo 3 of 5": a caption's place in a gallery, not a count."""
    doc = token.doc
    before = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
    after = [t.lower_ for t in doc[token.i + 1 : token.i + 3]]
    first = bool(before) and before[-1] in GALLERY_WORDS and after[:1] == ["of"]
    last = len(before) == 3 and before[0] in GALLERY_WORDS and before[2] == "of"
    # "1 / 6" under a picture: a slide counter.
    slash = (len(before) >= 2 and before[-1] == "/" and doc[token.i - 2].like_num) or (
        len(after) == 2 and after[0] == "/" and doc[token.i + 2].like_num
    )
    return first or last or slash


def _named_number(token: Token) -> bool:
    """A number word inside a name, not a count: "an Eight Trey Crip" (not "Two men" at
    the start of a sentence)."""
    return token.tag_ == "NNP" and token.is_title and token.i != token.sent.start


def _plural_noun(token: Token) -> bool:
    """A plural common noun; capitalised names tagged NNS ("Jenkins was shot") are not."""
    return not token.is_title or is_person_noun(token.lemma_)


def _dies(token: Token) -> bool:
    """ "died", "passed away", "succumbed to his injuries", "lost their lives"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in ("die", "succumb")
        or (lemma == "pass" and any(c.lower_ == "away" for c in token.children))
        or (
            lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_ == "life" for c in token.children)
        )
    )


def _kind(token: Token, text: str, sent: Span) -> CasualtyKind | None:
    """Whether a token states a death or an injury (None: neither)."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if _dies(token):
        return "killed"
    if lemma in KILL_LEMMAS and token.pos_ in ("VERB", "ADJ"):
        return "killed"
    if lower in DEAD_WORDS and token.pos_ in ("ADJ", "VERB"):
        return "killed"
    if lemma in HURT_LEMMAS and token.pos_ in ("VERB", "ADJ"):
        window = text[max(sent.start_char, token.idx - 14) : token.idx + len(token.text) + 10]
        sent_text = span_text(sent)
        some = SOME_FATALLY.search(sent_text)
        if FATALLY.search(window) and not (some and sent_text[some.end() :].startswith(",")):
            return "killed"  # not "four teens, one fatally, were shot": that one is added
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ == "dead":
            return "killed"  # "shot dead"
        if any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
            for c in token.children
        ):
            return "killed"  # "shot to death", "stabbed to death"
        if any(
            (c.lemma_ in KILL_LEMMAS or _dies(c))
            and not (_own_subject(c) and _own_subject(token))
            and not (_own_object(c) and _own_object(token))
            for c in token.conjuncts
        ):
            return None  # "shot and killed": the death is stated by the conjoined verb
        if lemma in ("strike", "hit") and not GUNFIRE.search(_with_previous(sent)):
            return None
        if lemma == "stab":
            return None  # a knife wound: shooting tallies count gunshot injuries only
        return "injured"
    if token.pos_ == "NOUN" and _wound_bearer(token) is not None:
        return "killed" if FATAL_WOUND.search(_wound_words(token)) else "injured"
    wound = _suffered_wound(token)
    if wound is not None:
        before = doc_text(token.doc)[token.idx : wound.idx]  # "a fatal", not "non-fatal"
        return "killed" if FATAL_WOUND.search(before) else "injured"
    if _shooting_victims(token):
        return "injured"
    if lower in INJURED_ADJ and token.pos_ == "ADJ":
        return "injured"
    if token.pos_ == "NOUN" and _death_noun(token):
        return "killed"
    return None


def _total_of(victims: Token) -> Token:
    """ "a total of nine people": the people, not the word "total"."""
    if victims.lower_ != "total":
        return victims
    of = next((c for c in victims.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return people if people is not None else victims


def _shooting_victims(token: Token) -> bool:
    """ "three gunshot victims", "two other shooting victims": a count of people shot (the
    dead among them are told apart as for "three people were shot")."""
    return (
        token.lemma_ == "victim"
        and token.tag_ == "NNS"
        and any(c.lower_ in ("gunshot", "shooting") for c in token.lefts)
        and any(c.dep_ == "nummod" or c.lower_ in VAGUE_COUNTS for c in token.lefts)
    )


def _suffered_wound(token: Token) -> Token | None:
    """ "suffered a gunshot wound", "sustained injuries": the wound the verb takes."""
    if token.lemma_ not in SUFFER_LEMMAS or token.pos_ != "VERB":
        return None
    # Injuries of any kind count only in or just after a sentence about gunfire ("the gun
    # went off. She suffered a hand injury"; not "minor injuries" in the crash that
    # followed); a wound is one.
    gunfire = GUNFIRE.search(_with_previous(token.sent)) is not None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "dobj" and (c.lemma_ == "wound" or (c.lemma_ == "injury" and gunfire))
        ),
        None,
    )


def _wound_words(wound: Token) -> str:
    """The words of a wound's phrase: "multiple gunshot wounds"."""
    return " ".join(t.lower_ for t in wound.lefts) + " " + wound.lower_


def _wound_bearer(wound: Token) -> Token | None:
    """Who has the gunshot wounds in "four people suffering from gunshot wounds", "victims
    with gunshot wounds", "found Smith with gunshot wounds" (not "died of a gunshot wound")."""
    if wound.lemma_ != "wound" or "gunshot" not in _wound_words(wound):
        return None
    prep = wound.head
    if wound.dep_ != "pobj" or prep.lower_ not in ("with", "from"):
        return None
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN", "PRON") or holder.lower_ == "old":
        # "a 15-year-old with a gunshot wound": the age read as an adjective is the person.
        return holder if _is_person(holder) else None
    if holder.pos_ != "VERB" or _dies(holder) or holder.lemma_ in KILL_LEMMAS:
        return None
    if holder.lemma_ in ("find", "locate", "discover", "leave"):
        return next((c for c in holder.children if c.dep_ == "dobj"), None)
    if holder.dep_ == "acl" and holder.head.pos_ in ("NOUN", "PROPN"):
        return holder.head  # "three victims suffering from gunshot wounds"
    subject = _subject(holder, ("nsubj", "nsubjpass"))
    return _relative_head(subject) if subject is not None else None


def _with_previous(sent: Span) -> str:
    """A sentence with the one before it: "Shots rang out. Seven people were hit." """
    doc = sent.doc
    start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return doc_text(doc)[start : sent.end_char]


def _death_noun(token: Token) -> bool:
    """ "the death of a child", "the fatal shootings of four people", "the killing of X"."""
    lemma = token.lemma_.lower()
    if lemma in DEATH_NOUNS or (
        lemma == "shooting" and any(c.lower_ in ("fatal", "deadly") for c in token.lefts)
    ):
        # "the killing of X", or a possessor: "the 2-year-old's death", "Smith's murder".
        return any(
            (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "poss" and _possessor_person(c))
            for c in token.children
        )
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _own_object(verb: Token) -> bool:
    """ "killed one and injured three others": each verb has its own victims."""
    return any(c.dep_ == "dobj" for c in verb.children)


def _carried(token: Token) -> bool:
    """ "taken to a hospital", "sent 4 people to the hospital", "went to the hospital",
    "in critical condition"."""
    # Victims who get there by themselves: "five people went to the hospital", "two others
    # showed up at a hospital".
    if token.lemma_ in ("go", "arrive", "show") and token.pos_ == "VERB":
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in ("to", "at")
            and any(HOSPITAL.search(t.text) for t in prep.subtree)
            for prep in token.children
        )
    if token.lemma_ in CARRY_LEMMAS and token.pos_ == "VERB":
        return any(
            prep.dep_ in ("prep", "dative")  # "sent nine people to area hospitals"
            and prep.lower_ == "to"
            and any(HOSPITAL.search(t.text) for t in prep.subtree)
            for prep in token.children
        )
    if token.lemma_ == "treat" and token.pos_ == "VERB":
        # "was treated and released": treated at a hospital, then sent home.
        if any(c.lemma_ == "release" for c in token.conjuncts) and _after_gunfire(token):
            return True
        # "were treated at a hospital", "was treated for a gunshot wound".
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in ("at", "in", "for")
            and any(
                HOSPITAL.search(t.text) or t.lemma_ in ("wound", "injury") for t in prep.subtree
            )
            for prep in token.children
        )
    return False


def _modifies_noun(token: Token) -> bool:
    """``token`` is a modifier inside the noun phrase after it: "shot" in "Two shot lead" and
    "3 shot clock violations", not in "Four shot outside corner store"."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod")
        and head.i > token.i
        and all(t.dep_ in ("compound", "amod") for t in token.doc[token.i + 1 : head.i])
    )


def _after_gunfire(token: Token) -> bool:
    """The sentence of ``token`` or the one before tells of gunfire, and none of jail: "was
    treated and released" then tells of a wound, not of a dog bite, smoke or a release from
    custody."""
    sent = token.sent
    before = token.doc[sent.start - 1].sent if sent.start > 0 else sent
    return not IN_CUSTODY.search(sent.text) and bool(
        SHOOTING_WORDS.search(token.doc[before.start : sent.end].text)
    )


def _statement(
    doc: Doc, start: int, end: int, kind: CasualtyKind, count: int, who: str | None
) -> Casualty:
    return Casualty(start, end, doc_text(doc)[start:end], kind, count, count, count, who)


def _negations(doc: Doc, sent: Span) -> list[Casualty]:
    out = []
    for m in NEGATED.finditer(span_text(sent)):
        words = m.group(0).lower().split()
        kinds = {k for w in words for k in NEG_KIND.get(w, ())} or {"killed", "injured"}
        if "casualties" in words and ("injuries" in span_text(sent).lower()):
            kinds = {"killed", "injured"}
        start = sent.start_char + m.start()
        for kind in sorted(kinds):
            out.append(_statement(doc, start, sent.start_char + m.end(), kind, 0, None))  # type: ignore[arg-type]
    return out


def extract_casualties(doc: Doc, year: int | None = None, headline: bool = False) -> list[Casualty]:
    """Every killed/injured statement, with its count and whom it counts; ``year``, the
    report's year of publication (else the latest year it dates a past event to), sets
    deaths years before it aside; ``headline``: the doc is a headline, read as headlinese
    ("Five shot in Dayton", "Two men shot outside store" are passives)."""
    text = doc_text(doc)
    found: list[Casualty] = []
    seen: set[tuple[int, str]] = set()  # (victim token, kind) already stated in a sentence
    previous_start = 0
    recent: list[Span] = []  # the last sentences with words, nearest last
    told = 0  # sentences with words so far
    year = year if year is not None else _told_year(doc)
    for sent in sentences(doc):
        sent_text = span_text(sent)
        sent_tokens = span_tokens(sent)
        found += _negations(doc, sent)
        earlier = bool(found)
        # "Officers found Jones and Smith with gunshot wounds. They were pronounced dead.":
        # "they" are the group the sentence before counted.
        group = next((c for c in reversed(found) if c.start >= previous_start and c.best > 1), None)
        previous_start = sent.start_char
        earlier_sents = recent
        if any(t.is_alpha for t in sent_tokens):  # not the blank left where boilerplate was cut
            recent = [*recent[-(THEY_REACH - 1) :], sent]
        for token in sent_tokens:
            kind = _kind(token, text, sent)
            weak = kind is None and (_carried(token) or _condition(token))
            if weak:
                kind = "injured"
            own_gun = _turned_on_self(token) if kind is None else None
            if own_gun is not None:  # "turned the gun on himself": the attacker's suicide
                kind = "injured" if ATTEMPTED.search(sent_text) else "killed"
            if kind is None:
                continue
            if own_gun is not None:
                victims = own_gun
            elif _condition(token):
                victims = _condition_subject(token)
            else:
                passive = _headline_passive(token) if headline else None
                victims = passive or _victims(token) or _before_participles(token)
                victims = _total_of(victims) if victims is not None else None
            if victims is None or _unstated(token, victims) or not _is_person(victims):
                continue
            if _generic_plural(token, victims) or _period_toll(token):
                continue
            attacker = own_gun is not None and kind == "killed"
            # A murder-suicide named in this sentence or before it, not in a later one.
            murder_suicide = MURDER_SUICIDE.search(text, 0, sent.end_char) is not None
            if kind == "injured" and _suicide_after_harming_others(
                token, victims, sent, murder_suicide
            ):
                kind, attacker = "killed", True  # "shot his wife and children, then himself"
            if (victims.i, kind) in seen:
                continue
            if (
                token.lemma_ == "hurt"
                and victims.dep_ != "nsubjpass"
                and token.pos_ == "VERB"
                and not GUN_WENT_OFF.search(sent_text)
            ):
                # "would hurt the poorest families": harm, not injury (unlike "the gun went
                # off, hurting a boy"; "fired 200 workers, hurting dozens of families" is no
                # gunfire).
                continue
            if (
                kind == "injured"
                and PRONOUNCED.search(sent_text)
                and token.lemma_ == "shoot"
                and not _partitive(victims)
            ):
                kind = "killed"
            if kind == "killed" and victims.lower_ in SELF and ACCIDENT.search(sent_text):
                # "a boy accidentally shot and killed himself": the boy, the victim, not an
                # attacker who killed himself besides his victims.
                subject = _subject(token, ("nsubj",))
                victims = _relative_head(subject) if subject is not None else victims
            if victims.lower_ in REFLEXIVE:
                counted: tuple[int, str] | None = (1, victims.text)
            else:
                counted = _phrase_count(victims)
            if counted is None:
                continue
            count, who = counted
            first = victims.left_edge.idx  # where the statement's victims start
            for member in _listed_before(token, victims):
                # "4 Women, Man Shot At Vigil": a headline's list without "and".
                extra = _phrase_count(member)
                if extra is not None:
                    count, who = count + extra[0], f"{extra[1]}, {who}"
                    first = min(first, member.left_edge.idx)
            for member in _split_subjects(victims):
                # "Two children, ages 3 and 5, and their mother were found dead": one list
                # the parser split into two subjects.
                extra = _phrase_count(member)
                if extra is not None:
                    count, who = count + extra[0], f"{extra[1]} and {who}"
                    first = min(first, member.left_edge.idx)
            for member in _as_were(token):
                # "a man was found dead, as were three children": they share the outcome.
                extra = _phrase_count(member)
                if extra is not None:
                    count, who = count + extra[0], f"{who}, {extra[1]}"
            if victims.lower_ == "they" and group is not None and group.start < sent.start_char:
                count, who = group.best, f"they ({group.who})"
            elif victims.lower_ == "they" and group is None:
                # "opened fire on four men. … They were all shot": the people counted before.
                count, who = _counted_people(earlier_sents, found) or (count, who)
            if _background(sent, count, earlier) or _long_ago(token, year):
                continue
            if weak and count > 1 and not _numbered(victims):
                continue  # "both were taken to a hospital": perhaps not all of them were hit
            if victims.lower_ in ("others", "other"):
                # "a 12-year-old and three others": the people named before "and" count too.
                before = text[sent.start_char : victims.left_edge.idx]
                lead = AND_OTHERS.search(before)
                if lead:
                    count += _count_of(lead.group(1))
                    who = lead.group(0) + who
            if attacker:
                who = f"{ATTACKER} ({who})"
            seen.add((victims.i, kind))
            line_start = text.rfind("\n", 0, token.idx) + 1
            start = max(min(first, token.idx), line_start, sent.start_char)
            end = max(token.idx + len(token.text), victims.idx + len(victims.text))
            found.append(_statement(doc, start, end, kind, count, who))
            fatal = SOME_FATALLY.search(sent_text) if kind == "injured" else None
            if fatal:
                # "four teens, one fatally, were shot": the fatal ones are killed.
                n = (
                    count
                    if fatal.group(1).lower() in ("all", "both")
                    else number_value(fatal.group(1))
                )
                n = int(n or 1)
                found.append(_statement(doc, start, end, "killed", n, who))
        found += _dead_and_hurt(doc, sent, found, earlier)
        if headline:
            found += _count_shot(doc, sent, found, earlier)
            found += _shot_and_dead(doc, sent)
        found += _multiple_homicide(doc, sent, earlier)
        if sent_text.strip():
            told += 1
            if told <= LEAD:
                found += _death_toll(doc, sent, earlier)
    found = [c for c in found if not _link_line(text, c.start)]
    return sorted(found, key=lambda c: (c.start, c.kind))


def _counted_people(sents: list[Span], found: list[Casualty]) -> tuple[int, str] | None:
    """The last people the sentences before count with a number ("opened fire on four
    men. … the men … They were all shot"): whom a "they" most often means. Not people
    already said to be killed or hurt: "they" may be some of those ("four women suffering
    from gunshot wounds … they were pronounced dead")."""
    people = [
        t
        for sent in sents
        for t in span_tokens(sent)
        if t.tag_ == "NNS"
        and _counted(t)
        and _is_person(t)
        and not any(c.start <= t.idx < c.end for c in found)
    ]
    return _phrase_count(people[-1]) if people else None


def _link_line(text: str, at: int) -> bool:
    """A line in Title Case past the first, without a full stop: the headline of a related
    story or video ("Related Story: Tulsa Police ID Four Killed In Saturday Shootings"),
    not the report's own words. The first line may be the report's own headline."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    if start == 0 or line.endswith((".", "!", "?", '"', "”")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _dead_and_hurt(doc: Doc, sent: Span, found: list[Casualty], earlier: bool) -> list[Casualty]:
    """ "left two people dead and two others injured", "3 dead, 1 hurt": the wounded of a
    toll whose words the parser often tangles ("others" taken for a subject of "said",
    "other" for a noun), read from the words when no statement covers them."""
    out = []
    for m in DEAD_AND_HURT.finditer(span_text(sent)):
        start, end = sent.start_char + m.start(1), sent.start_char + m.end()
        if any(c.kind == "injured" and c.start < end and start < c.end for c in found):
            continue
        count = _count_of(m.group(1))
        if _background(sent, count, earlier):
            continue
        who = m.group(1) + (" " + m.group(2).strip() if m.group(2) else "")
        out.append(_statement(doc, start, end, "injured", count, who))
    return out


def _count_shot(doc: Doc, sent: Span, found: list[Casualty], earlier: bool) -> list[Casualty]:
    """ "Five shot in Riverdale": a headline that opens with a count of the people shot,
    which the parser reads as a count of shots; none when a statement covers it already."""
    m = COUNT_SHOT.match(span_text(sent))
    if m is None:
        return []
    start, end = sent.start_char + m.start(1), sent.start_char + m.end()
    shot = next((t for t in sent if t.idx >= end - 4 and t.lower_ == "shot"), None)
    if shot is not None and _modifies_noun(shot):
        return []  # "Two shot lead", "3 shot clock violations"
    if any(c.kind == "injured" and c.start < end and start < c.end for c in found):
        return []
    count = _count_of(m.group(1))
    if _background(sent, count, earlier):
        return []
    return [_statement(doc, start, end, "injured", count, m.group(1))]


def _shot_and_dead(doc: Doc, sent: Span) -> list[Casualty]:
    """ "5 shot, 1 killed in Riverdale": a headline's count of the shot, less its dead, is
    the wounded (a statement of its own, which the headline's "5 shot" is not: a death
    may have followed that)."""
    m = SHOT_AND_DEAD.match(span_text(sent))
    if m is None:
        return []
    shot, dead = _count_of(m["shot"]), _count_of(m["dead"])
    if dead >= shot:
        return []
    start, end = sent.start_char + m.start("shot"), sent.start_char + m.end()
    return [_statement(doc, start, end, "injured", shot - dead, m.group(0).strip())]


def split_dead(text: str) -> int | None:
    """The dead of a headline's split of the shot ("5 shot, 1 killed" → 1); None for none."""
    m = SHOT_AND_DEAD.match(text)
    return None if m is None else _count_of(m["dead"])


def _count_of(word: str) -> int:
    """A count word's value ("five", "5"); 1 for "one" or a word it cannot read."""
    return int(number_value(word) or 1)


def _multiple_homicide(doc: Doc, sent: Span, earlier: bool) -> list[Casualty]:
    """ "a triple homicide" 3 dead, "a double murder-suicide" 3 (the attacker too): a name
    for a crime that gives its toll."""
    out = []
    for m in MULTIPLE_HOMICIDE.finditer(span_text(sent)):
        count = MULTIPLES[m.group(1).lower()] + bool(m.group(3))
        if _background(sent, count, earlier):
            continue
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        out.append(_statement(doc, start, end, "killed", count, m.group(0)))
    return out


def _death_toll(doc: Doc, sent: Span, earlier: bool) -> list[Casualty]:
    """ "the death toll rose to 31", "raised the death toll to more than 60": a toll of the
    dead told as it rises (the lowest reading of "more than 60"), in a sentence at the
    report's head; not a toll of a war, an epidemic or a period."""
    text = span_text(sent)
    out = []
    for m in DEATH_TOLL.finditer(text):
        if not (TOLL_OF_DEATH.search(m.group(0)) or DEATH_WORDS.search(text)):
            continue
        # The words about the toll, not the whole sentence: "the insurgency's leader praised
        # the troop exit, as officials raised the death toll to 60" is the blast's toll.
        if PERIOD_TOLL.search(text[max(0, m.start() - TOLL_NEAR) : m.end() + TOLL_NEAR]):
            continue
        number = m.group(1) or m.group(2)
        count = int(number_value(number) or 0)
        if count < 1 or _background(sent, count, earlier):
            continue
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        out.append(_statement(doc, start, end, "killed", count, number))
    return out


def _turned_on_self(token: Token) -> Token | None:
    """ "turned the gun on himself": the reflexive the weapon was turned on, else None."""
    if token.lemma_ != "turn" or not any(
        c.dep_ == "dobj" and c.lower_ in WEAPONS for c in token.children
    ):
        return None
    on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    target = next((c for c in on.children if c.dep_ == "pobj"), None) if on else None
    return target if target is not None and target.lower_ in SELF else None


def _suicide_after_harming_others(
    verb: Token, victims: Token, sent: Span, murder_suicide: bool
) -> bool:
    """ "killed one and injured three before shooting himself": an attacker who shoots
    himself after (before / then) shooting others in the same sentence is counted among
    the dead (a child who "shot himself" with a found gun is not), and so is one who "shot
    himself" in a report that calls the crime a murder-suicide."""
    if verb.lemma_ != "shoot" or victims.lower_ not in SELF or ATTEMPTED.search(span_text(sent)):
        return False
    if murder_suicide:
        # Not "shot himself accidentally" nor "shot himself in the leg" (a wound), nor "a
        # second man shot himself" (someone newly told of): not the murder-suicide's end.
        after = doc_text(verb.doc)[victims.idx + len(victims.text) : sent.end_char]
        subject = _subject(verb, ("nsubj",))
        new = subject is not None and any(c.lower_ in ("a", "an") for c in subject.children)
        return not (ACCIDENT.search(sent.text) or BODY_PART.search(after) or new)
    before = doc_text(verb.doc)[sent.start_char : verb.idx]
    harm = HARMED_OTHERS.search(before)
    return harm is not None and THEN.search(before, harm.end()) is not None


def _generic_plural(verb: Token, victims: Token) -> bool:
    """ "stop killing kids", "people getting shot around here", "kids are killed every day": a
    bare plural, with no article, number, possessor or list, in an infinitive, a gerund or
    the present tense speaks of people in general, not of victims (unlike "soldiers were
    killed" or a headline's "Officers shot during standoff"); before a colon it is a
    headline's source ("Officials: 2-year-old shot")."""
    frame = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    doc = victims.doc
    label = victims.i + 1 < len(doc) and doc[victims.i + 1].text == ":"  # "Officials: boy shot"
    generic = (
        verb.pos_ in ("VERB", "AUX")
        and not _headline(verb)
        and not any(c.lemma_ == "have" for c in frame)  # "have been killed": past events
        and any(t.tag_ in ("VB", "VBG", "VBP", "VBZ") for t in frame)
    )
    # "examples of killed journalists", "the families of injured soldiers": people of a kind.
    kind_of = verb.dep_ == "amod" and victims.dep_ == "pobj" and victims.head.lower_ == "of"
    return (
        (label or generic or kind_of)
        and victims.tag_ == "NNS"
        and _plural_noun(victims)
        and victims.lower_ not in ("others", *SEVERAL)
        and not any(c.dep_ in ("det", "nummod", "poss", "appos", "conj") for c in victims.children)
        # The number may sit on a compound: "nine motorcycle gang members".
        and not any(t.like_num or t.lower_ in SEVERAL for t in victims.subtree if t.i < victims.i)
    )


def _vague_plural(casualty: Casualty) -> bool:
    """ "they were shot", "kids are getting hurt": a plural that states no number (counted
    as two, the least it can mean), not "two men", "both" or "Smith and Jones"."""
    return casualty.best == UNKNOWN_PLURAL and STATED_TWO.search(casualty.who or "") is None


def _body_count(casualty: Casualty) -> bool:
    """ "four people were found dead", "all three were dead", "the three dead", "a double
    murder-suicide": a count of the dead that takes in the attacker too (unlike "he killed
    four people" or "four people were shot to death", which count his victims)."""
    who = casualty.who or ""
    if MULTIPLE_HOMICIDE.fullmatch(who) and who.lower().endswith("suicide"):
        return True  # "a double murder-suicide"
    words = re.findall(r"[\w'-]+", casualty.who or "")
    if not words or not casualty.text.startswith(words[0]):
        return False
    if re.search(r"\bshot\b", casualty.text, re.I):
        return False  # "four people were shot to death": the gunman's victims
    return words[-1].lower() in BODY_COUNT_HEADS or number_value(words[-1]) is not None


def _suicide(casualty: Casualty) -> bool:
    """An attacker's suicide: "killed himself", "turned the gun on himself"."""
    who = casualty.who or ""
    # Not "a boy accidentally shot and killed himself", told of the boy: a victim.
    reflexive = who.lower() in REFLEXIVE
    return (reflexive and SUICIDE.search(casualty.text) is not None) or who.startswith(ATTACKER)


def _background(sent: Span, count: int, earlier: bool) -> bool:
    """A statement about other incidents: a plural figure in a tally sentence ("22 others
    were wounded in shootings across the city since Friday") or, after the article's first
    statement, a sentence set in an earlier year ("her brother was killed there in 2009")."""
    return (count > 1 and TALLY.search(span_text(sent)) is not None) or (
        earlier and PAST.search(span_text(sent)) is not None
    )


def _long_ago(trigger: Token, year: int | None) -> bool:
    """A death or injury dated years before the report's year of publication, even in its
    first statement: "when his father died in 1927", "who was killed in Malta in 2017".
    Only the verb's own date words count, not its subject's ("the driver of a 2012 Honda
    was killed Sunday") nor another clause's ("a gunman who killed five people last week
    was treated there in 2006")."""
    if year is None:
        return False
    clause = trigger.head if trigger.dep_ in ("acomp", "oprd") else trigger
    return any(y <= year - FAR_PAST for y in _years(_date_words(clause)))


def _date_words(verb: Token) -> list[Token]:
    """The words of a verb's own dates: its prepositional phrases and bare noun phrases
    ("on Jan. 3, 2026", "Sunday"), not its subject's or object's words."""
    return [t for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]


def _told_year(doc: Doc) -> int | None:
    """Without a publication year, the latest year a past event of the report is dated to
    ("he was shot on Sept. 2, 2015"): not a year ahead ("the trial is set for 2028", "will
    widen the road by 2028") nor one in a name ("a 2012 Honda", "Copyright 2026")."""
    years = [
        y
        for t in doc
        if t.tag_ == "VBD"
        or (
            t.tag_ == "VBN"
            and not any(
                c.tag_ in ("VBZ", "VBP", "VB", "MD") for c in t.children if c.dep_.startswith("aux")
            )
        )
        for y in _years(_date_words(t))
    ]
    return max(years, default=None)


def _years(tokens: Iterable[Token]) -> list[int]:
    """The years a span names as dates ("in 1995", "the 1992-95 war"), not street numbers
    ("the 1900 block", "1934 Elm Street")."""
    return [int(m.group(0)) for t in tokens if t.ent_type_ == "DATE" and (m := YEAR.match(t.text))]


def _period_toll(verb: Token) -> bool:
    """ "a war that killed 100,000 people", "the pandemic, which has killed thousands": a
    war's or an epidemic's deaths over a period, a tally rather than an event's toll; not
    when the clause names a recent day ("Russia's war killed two soldiers overnight")."""
    subject = _subject(verb, ("nsubj",))
    if subject is None:
        return False
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "the war, which has killed 400,000"
    if subject.lemma_ not in PERIOD_KILLERS:
        return False
    dated = [t for c in verb.children if c.dep_ != "nsubj" for t in c.subtree]
    return not any(t.lower_ in RECENT for t in dated)


def _split_subjects(victims: Token) -> list[Token]:
    """People just before ``victims`` that the parser made a second subject of the same
    verb, joined to them by "and" ("Two children, ages 3 and 5, and their mother were
    found"); not a phrase with a clause of its own."""
    doc = victims.doc
    start = victims.left_edge.i
    if victims.dep_ not in ("nsubj", "nsubjpass") or start < 2 or doc[start - 1].lower_ != "and":
        return []
    return [
        c
        for c in victims.head.children
        if c.dep_ == victims.dep_
        and c.i < victims.i
        and _is_person(c)
        and all(t.is_punct for t in doc[c.right_edge.i + 1 : start - 1])
        and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
    ]


def _as_were(trigger: Token) -> list[Token]:
    """The people of an elliptical "as were three children" hung on the casualty's verb
    ("killed", or "found" of "found dead"); not "as the family were on their way home", a
    clause with a predicate of its own."""
    verb = trigger.head if trigger.dep_ in ("acomp", "oprd") else trigger
    bare = {"mark", "nsubj", "nsubjpass", "punct", "advmod"}
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "advcl"
        and clause.lemma_ == "be"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
        and all(c.dep_ in bare for c in clause.children)
        for subject in clause.children
        if subject.dep_ in ("nsubj", "nsubjpass") and _is_person(subject)
    ]


def _partitive(victims: Token) -> bool:
    """ "Of the six men who were shot, one was pronounced dead": the people some of whom
    the sentence goes on to tell of."""
    return victims.dep_ == "pobj" and victims.head.lower_ == "of"


def _numbered(victims: Token) -> bool:
    """The phrase states how many: "three people", "dozens of residents"."""
    return any(t.like_num or t.lower_ in VAGUE_COUNTS for t in victims.subtree)


def _condition(token: Token) -> bool:
    """ "in critical condition": the head word "condition" with a severity adjective."""
    return (
        token.lower_ == "condition"
        and token.dep_ == "pobj"
        and any(c.lower_ in CONDITION for c in token.children)
    )


def _condition_subject(token: Token) -> Token | None:
    prep = token.head
    verb = prep.head
    if prep.lower_ not in ("in", "at") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_ in CONDITION_VERBS or verb.lemma_ in INJURE_LEMMAS:
        subject = _subject(verb)
        if verb.lemma_ == "leave":
            subject = next((c for c in verb.children if c.dep_ == "dobj"), subject)
        return _relative_head(subject) if subject is not None else None
    return None


# --------------------------------------------------------------------------- article figure


@dataclass
class _Referent:
    head: str
    age: int | None
    name: str | None
    kinds: set[str]
    gender: str | None = None
    stages: frozenset[str] = ALL_STAGES
    first: int = 0  # where the article first states this victim
    further: bool = False  # told as one more victim: "another man", "X also died"
    another: bool = False  # first told as "another man", "a fifth victim"


@dataclass
class _Mention:
    """How a singular victim phrase refers, and what it says about the person."""

    how: str  # "pron" | "def" | "name" | "new" | "another" | "member"
    head: str
    age: int | None
    gender: str | None
    stages: frozenset[str]


def _stages(head: str, age: int | None) -> frozenset[str]:
    """The life stages a phrase allows: "boy" a child or a teen, "23-year-old" an adult."""
    if age is not None:
        if 18 <= age <= 19:
            return frozenset({"teen", "adult"})
        return frozenset({"child" if age < 13 else "teen" if age < 18 else "adult"})
    return STAGE_WORDS.get(head, ALL_STAGES)


def _reference(who: str) -> _Mention:
    """How a singular victim phrase refers ("he", "the man", "John Smith", "a woman")."""
    words = re.findall(r"[\w'’.-]+", who)
    if not words:
        return _Mention("pron", "", None, None, ALL_STAGES)
    first = words[0].lower()
    age_match = AGE.search(who)
    age = int(next(g for g in age_match.groups() if g)) if age_match else None
    lead = re.split(r"\b(?:who|that|which)\b", who.split(",")[0])[0].strip()
    lead_words = re.findall(r"[\w'’-]+", lead)
    head = lead_words[-1].lower() if lead_words else first
    # "his daughter", "Smith's wife": a possessor's words do not give the victim's gender.
    owned = [w for w in lead_words if not w.lower().endswith(("'s", "’s"))]
    lowered = {w.lower() for w in owned if w.lower() not in POSSESSIVES or len(owned) == 1}
    gender = "male" if lowered & MALE_WORDS else "female" if lowered & FEMALE_WORDS else None
    stages = _stages(head, age)
    if (first in PERSON_PRONOUNS and not (first in POSSESSIVES and len(words) > 1)) or (
        first in REFLEXIVE
    ):
        return _Mention("pron", "", None, gender, ALL_STAGES)  # "her", not "her son"
    names = [
        w
        for w in lead_words[1:] + lead_words[:1]
        if w[:1].isupper() and not w.isupper() and w.lower() not in ANAPHORIC_DET | NEW_DET
    ]
    if (
        names
        and lead_words[-1][:1].isupper()
        and not lead.isupper()
        and first not in ANAPHORIC_DET | NEW_DET | POSSESSIVES
        and not lead_words[-1].lower().endswith("old")
    ):
        full = [w.lower() for w in lead_words if w[:1].isupper() and not w.endswith("old")]
        name = " ".join(full).removesuffix("'s").removesuffix("’s")
        return _Mention("name", name, age, gender, stages)
    # "a fifth victim" is one more; "the fourth man" one of a group already counted.
    if first in ("another", "other") or (first in ("a", "an") and lowered & ORDINALS):
        return _Mention("another", head, age, gender, stages)
    if first in ANAPHORIC_DET or first in POSSESSIVES:
        return _Mention("def", head, age, gender, stages)  # "the boy", "his stepson"
    if first == "one" and len(words) > 1 and words[1].lower() == "of":
        return _Mention("member", head, age, gender, stages)
    return _Mention("new", head, age, gender, stages)


def _same_name(a: str, b: str) -> bool:
    """ "jaxon slaight" ~ "slaight" ~ "jaxon slaight"; not "morgan slaight"."""
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        return wa[-1] == wb[-1] or wa[0] == wb[0]  # "Lee" or "Tyshawn" for "Tyshawn Lee"
    return wa[-1] == wb[-1] and wa[0][:1] == wb[0][:1]


def _fits(ref: _Referent, mention: _Mention) -> bool:
    """Nothing known about the two tells them apart: age, life stage and gender agree."""
    return (
        (mention.age is None or ref.age in (None, mention.age))
        and bool(ref.stages & mention.stages)
        and (mention.gender is None or ref.gender in (None, mention.gender))
    )


def _merge(ref: _Referent, mention: _Mention) -> _Referent:
    ref.age = ref.age or mention.age
    ref.gender = ref.gender or mention.gender
    ref.stages = ref.stages & mention.stages or ref.stages
    if mention.how != "name" and ref.head in ("", *GENERIC_HEADS):
        ref.head = mention.head
    return ref


def _resolve(refs: list[_Referent], casualty: Casualty) -> _Referent:
    """The victim a singular statement is about: an earlier one, or a new one.

    Local reports describe one victim many ways ("a 22-year-old man was shot … police
    identified him as John Smith … the victim died … Smith, 22"), so a phrase joins the
    latest earlier victim it fits (same age, life stage and gender; "the X" preferring the
    same head noun; a pronoun the latest of its gender); a new victim needs a second name,
    "another" / "also", or a description that cannot be the same person.
    """
    mention = _reference(casualty.who or "")
    if mention.how == "new" and ALSO.search(casualty.text):
        mention.how = "another"  # "a 25-year-old woman was also shot"
    fitting = [r for r in reversed(refs) if _fits(r, mention)]
    if casualty.kind == "killed" and ALSO.search(casualty.text) and mention.how in ("def", "name"):
        # "the gunman was also killed": not one of the dead already stated ("his brother, who
        # was also shot" is often the wounded victim told again).
        fitting = [r for r in fitting if casualty.kind not in r.kinds]
    if casualty.kind == "injured" and WOUNDED_OBJECT.match(casualty.text) and mention.how != "pron":
        # "shot his brother to death, wounded an older brother": a victim an attacker wounded
        # is not one of those he killed.
        fitting = [r for r in fitting if r.kinds != {"killed"}]
    # Of the fitting victims, those already stated with the same outcome come first.
    fitting.sort(key=lambda r: casualty.kind not in r.kinds)
    if mention.how == "name":
        for ref in reversed(refs):
            if ref.name is not None and _same_name(ref.name, mention.head):
                if len(mention.head) > len(ref.name):
                    ref.name = mention.head
                return _merge(ref, mention)
        unnamed = [r for r in fitting if r.name is None]
        if unnamed:
            unnamed[0].name = mention.head
            return _merge(unnamed[0], mention)
    elif mention.how in ("pron", "member") and refs:
        return _merge(fitting[0] if fitting else refs[-1], mention)
    elif mention.how == "def" and fitting:
        same_head = [r for r in fitting if r.head == mention.head]
        return _merge((same_head or fitting)[0], mention)
    elif mention.how == "new" and fitting:
        return _merge(fitting[0], mention)
    name = mention.head if mention.how == "name" else None
    ref = _Referent(
        "" if name else mention.head,
        mention.age,
        name,
        set(),
        mention.gender,
        mention.stages,
        casualty.start,
        _further(mention, casualty),
        mention.how == "another",
    )
    refs.append(ref)
    return ref


def _further(mention: _Mention, casualty: Casualty) -> bool:
    """A victim told as one more: "X was also killed", or a wounded victim told as
    "another man was wounded" or given by name and age ("Dwayne Miles, 19, was wounded"):
    reports list their wounded one by one, while a death told that way later ("another
    child died", "Jaylin Miller, 15, died") is most often one told of before or one from
    another case ("the second child in the county to die this month")."""
    return (
        (mention.how == "another" and casualty.kind == "injured")
        or ALSO.search(casualty.text) is not None
        or (casualty.kind == "injured" and mention.how == "name" and mention.age is not None)
    )


def _shot_only(statements: list[Casualty]) -> bool:
    """A victim the article only says was shot or found with gunshot wounds: no injury,
    hospital or condition is told, nor that this is a further victim ("another woman was
    shot", "he also had been shot"), nor a shooter's own wound ("shot herself": she may
    have survived)."""
    return all(
        SHOT_WORDS.search(c.text)
        and not HURT_OR_MORE.search(c.text)
        and (c.who or "").lower() not in REFLEXIVE
        for c in statements
    )


def _reflexive(ref: _Referent, singular: list[tuple[Casualty, _Referent]]) -> bool:
    """Every statement about the victim is reflexive: "shot himself"."""
    return all((c.who or "").lower() in REFLEXIVE for c, r in singular if r is ref)


def _lead_bound(plurals: list[Casualty], lead_end: int) -> list[Casualty]:
    """Plural figures, without later ones above every figure of the lead.

    A report gives its toll near the top; a larger number further down is most often
    another incident or a tally ("70 people were wounded over the weekend").
    """
    lead = [c.best for c in plurals if c.start < lead_end]
    return [c for c in plurals if c.start < lead_end or c.best <= max(lead)] if lead else plurals


def _lead_victims(
    victims: list[_Referent], positive: list[Casualty], kind: CasualtyKind, lead_end: int
) -> list[_Referent]:
    """The victims told of one by one, without later ones not told as further victims.

    A report names its dead in its first statement of a death, with the victims it told
    of before ("a man was shot … he died"), and its wounded likewise; a victim told later
    with a description of its own ("Jaylin Miller died", "the teen was wounded") is most
    often the same one again or a victim of another incident, unless it is told as one
    more ("X was also killed", "another man was wounded"; "another man died" only right
    after the first death, as later it is most often another case). A victim first told
    past the report's opening is left out even then, as later plural figures are (see
    :func:`_lead_bound`): "five protesters were shot" and, further down, "the shooting of
    a 24-year-old man" by police that the protest was about. Plural figures are not
    affected.
    """
    victims = [r for r in victims if r.first < lead_end]
    first = min((c.start for c in positive if c.kind == kind), default=None)
    if first is None or not any(r.first <= first for r in victims):
        return victims
    # "A man was killed on Elm Street. Another man died at a hospital": one more death
    # told right after the first is of the same report.
    return [
        r
        for r in victims
        if r.first <= first or r.further or (r.another and r.first - first <= ANOTHER_NEAR)
    ]


def _besides_told(casualty: Casualty) -> bool:
    """ "Four other people were wounded", "two more people died": victims besides those
    already told of (not "a woman and two other men", who count themselves)."""
    told_as_more = OTHERS.search(casualty.text) or MORE.search(casualty.text)
    return told_as_more is not None and not TOLD_BEFORE_OTHERS.search(casualty.who or "")


def _named_in(name: str, text: str) -> bool:
    """Is the person of this name ("morgan slaight") one of those a statement names ("his
    mother, Morgan, 27, and his brother were injured")? A lone name counts only set off by
    a comma, as a person is named: not "Ramirez's wife" nor "the Garcia family"."""
    for m in NAME_RUN.finditer(text):
        run = m.group()
        if (" " in run or text.startswith(",", m.end())) and _same_name(name, run.lower()):
            return True
    return False


def _nth(casualty: Casualty) -> int:
    """The place of a victim told by it ("a fifth was struck", "the second victim"), else 0."""
    nth = NEXT_VICTIM.match(casualty.who or "")
    if nth is None:
        return 0
    word = nth.group(1).lower()
    return ORDINAL_VALUES.get(word) or int(re.sub(r"\D", "", word))


def summarize_casualties(casualties: list[Casualty], kind: CasualtyKind) -> Casualty | None:
    """The article's figure for ``kind``.

    The same victims are often described more than once ("a man was shot … the man, 25,
    was shot in the leg"), so counts are not added up blindly: singular statements are
    resolved to distinct victims (see :func:`_resolve`), plural statements count as stated,
    and the figure is the larger of the two. A victim both shot and killed counts as killed
    only; a plural "N were shot", "all N were taken to a hospital" or "one of the N wounded
    has died" counts its killed members out of the injured, while "N others were wounded"
    adds the wounded already told of, and "two more people dead" the dead; a victim a
    figure of the wounded names and a later statement calls dead ("Smith and Jones were
    wounded … Smith died") is taken out of it. A victim only
    said to be shot may be one of the dead a plural figure counts ("five found dead … he
    shot his wife"), so such victims are not injured while the dead outnumber the named
    ones. An attacker who "killed himself" adds one to the dead (and his
    "shot himself" is not an injury). A later plural figure above every figure of the
    report's opening is taken as background (another incident, a yearly tally), and so
    are singular victims first told after the first statement of their kind unless told
    as further ones (see :func:`_lead_victims`), but a report's first death told past its
    opening counts when it is of a victim told of before ("he was pronounced dead"). A
    plural with no number ("they were shot") only counts when nothing but an attacker's
    suicide states that kind. A victim told by its place ("a fifth was struck", "the second
    victim") means at least that many were hit, and "a second teen has died" that many dead.
    A zero ("no injuries") only stands when nothing in the article counts someone.
    """
    positive = sorted((c for c in casualties if c.best > 0), key=lambda c: c.start)
    # A plural without a number only stands for a kind no other statement counts.
    # An attacker's suicide does not count: "killed his sons before turning the gun on himself".
    told = {c.kind for c in positive if not _vague_plural(c) and not _suicide(c)}
    positive = [c for c in positive if not (_vague_plural(c) and c.kind in told)]
    refs: list[_Referent] = []
    singular: list[tuple[Casualty, _Referent]] = []
    suicides: list[Casualty] = []
    for c in positive:
        if c.best == 1 and c.kind == "killed" and _suicide(c):
            suicides.append(c)  # the attacker, told apart from the victims
        elif c.best == 1:
            ref = _resolve(refs, c)
            ref.kinds.add(c.kind)
            singular.append((c, ref))
    lead_end = positive[0].start + LEAD_CHARS if positive else 0
    killed = [r for r in refs if "killed" in r.kinds]
    killed_refs = _lead_victims(killed, positive, "killed", lead_end)
    deaths = [c for c in positive if c.kind == "killed"]
    if (
        deaths
        and deaths[0].start >= lead_end
        and deaths[0].best == 1
        and _reference(deaths[0].who or "").how in ("pron", "def")
    ):
        # No death in the opening, and the first one told later is of a victim told of
        # before ("four people were shot … the man … he was pronounced dead"): the report's
        # own victim died, not one of another incident.
        killed_refs = [r for c, r in singular if c is deaths[0]]
    plural_killed = _lead_bound(
        [c for c in positive if c.kind == "killed" and c.best > 1], lead_end
    )
    top_plural = max(plural_killed, key=lambda c: c.best, default=None)
    attacker_counted = top_plural is not None and _body_count(top_plural)
    # "a second teen has died": at least that many dead ("the fourth man died" may be the
    # first death among four victims).
    nth_killed = [
        _nth(c) for c, _ in singular if c.kind == "killed" and (c.who or "")[:2].lower() == "a "
    ]
    # "a woman was found dead … two more people dead": more dead besides those told of. Not
    # "killing six others" told of a gunman: others than himself, not than the victims.
    plural_values = [
        c.best
        + (
            sum(r.first < c.start for r in killed_refs)
            if _besides_told(c) and (MORE.search(c.text) or c.text.startswith(c.who or "\0"))
            else 0
        )
        for c in plural_killed
    ]
    killed_total = max([len(killed_refs), *plural_values, *nth_killed]) + (
        bool(suicides) and not attacker_counted
    )
    if kind == "killed":
        total = killed_total
        support = plural_killed + suicides + [c for c, r in singular if c.kind == "killed"]
    else:
        injured = [r for r in refs if r.kinds == {"injured"}]
        injured_refs = _lead_victims(injured, positive, kind, lead_end)
        # "Five people were found dead … he shot his wife": a victim only said to be shot may
        # be one of the dead that a plural figure counts but no singular statement names.
        unnamed_dead = killed_total - len(killed_refs) - bool(suicides)
        shot_only = [r for r in injured_refs if _shot_only([c for c, f in singular if f is r])]
        for r in shot_only[: max(0, unnamed_dead)]:
            injured_refs.remove(r)
        if suicides:
            # "shot himself" beside "killed himself": the attacker's death, told twice.
            injured_refs = [r for r in injured_refs if not _reflexive(r, singular)]
        candidates: list[tuple[int, Casualty]] = []
        plural_injured = [c for c in positive if c.kind == "injured" and c.best > 1]
        for c in _lead_bound(plural_injured, lead_end):
            if OTHERS.search(c.text) and not TOLD_BEFORE_OTHERS.search(c.who or ""):
                # "Four other people were wounded": besides the victims already told of (not
                # "a woman and two other men", who count themselves).
                before = sum(1 for r in injured_refs if r.first < c.start)
                candidates.append((c.best + before, c))
                continue
            # "N were shot", "one of the N wounded has died": the N include the dead.
            # So do "five people were injured … one of them has died" told later.
            # So do "all three were taken to a hospital", where some may have died.
            # "Three others were also shot" counts besides the dead.
            hit_or_carried = CARRIED.search(c.text) or SHOT_WORDS.search(c.text)
            hit_only = (hit_or_carried is not None and not ALSO.search(c.text)) or any(
                k.kind == "killed"
                and (
                    (k.start <= c.start and c.end <= k.end)
                    or (k.start > c.end and MEMBER.match(k.text))
                )
                for k in positive
            )
            if SURVIVORS.search(c.text):
                hit_only = False  # "the surviving three gunshot victims": not the dead
            # "Smith and Jones were wounded … Smith died": the dead named among the wounded.
            named_dead = sum(1 for r in killed if r.name and _named_in(r.name, c.text))
            alive = c.best - killed_total if hit_only else c.best - named_dead
            candidates.append((max(0, alive), c))
        for c, _ in singular:
            if c.kind == "injured" and _nth(c):
                # "Four were hit and a fifth was struck by debris", "the second victim was
                # taken to a hospital": at least that many victims, the dead among them.
                candidates.append((max(0, _nth(c) - killed_total), c))
        best_plural = max(candidates, key=lambda x: x[0], default=(0, None))
        total = max(len(injured_refs), best_plural[0])
        support = (
            [best_plural[1]]
            if best_plural[1] is not None and best_plural[0] >= len(injured_refs)
            else [c for c, r in singular if c.kind == "injured" and r.kinds == {"injured"}]
        )
    support = [c for c in support if c is not None]
    if total > 0 and support:
        top = max(support, key=lambda c: (c.best, -c.start))
        return Casualty(top.start, top.end, top.text, kind, total, total, total, top.who)
    zeros = [c for c in casualties if c.kind == kind and c.best == 0]
    if zeros:
        z = zeros[0]
        return Casualty(z.start, z.end, z.text, kind, 0, 0, 0, None)
    if kind == "injured" and positive:
        # Victims were hit but all of them died: the article states no injured.
        return None
    return None
