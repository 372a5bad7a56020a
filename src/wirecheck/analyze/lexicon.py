"""Word lists shared by the people, quotes and casualty extractors (general English news)."""

from __future__ import annotations

__all__ = [
    "FEMALE_WORDS",
    "MALE_WORDS",
    "PERSON_NOUNS",
    "PERSON_PRONOUNS",
    "is_person_noun",
]

# Nouns that name people (singular lemmas), so that "the windows were shot" or "shot about
# 10 times" are not counted as casualties.
PERSON_NOUNS = frozenset(
    """
    person people man men woman women boy girl child kid teen teenager youth juvenile minor
    toddler infant baby newborn adult male female guy gentleman lady resident neighbor
    neighbour victim bystander passerby pedestrian driver passenger rider motorist cyclist
    customer clerk employee worker cashier owner manager guard officer deputy trooper agent
    policeman policewoman cop sergeant detective sheriff constable soldier troop fighter
    militant insurgent rebel gunman gunmen shooter suspect attacker assailant robber burglar
    intruder thief assailant civilian student pupil teacher classmate friend relative family
    member father mother dad mom parent son daughter brother sister sibling husband wife
    spouse boyfriend girlfriend partner fiance fiancee grandmother grandfather grandson
    granddaughter grandparent grandchild uncle aunt nephew niece cousin stepson stepdaughter
    stepfather stepmother roommate acquaintance companion visitor guest patron partygoer
    player athlete coach fan worshipper worshiper pilgrim protester protestor demonstrator
    marcher activist journalist reporter photographer doctor nurse paramedic firefighter
    responder official politician leader commander staff staffer crew inmate prisoner
    detainee hostage occupant tenant homeowner landlord individual citizen farmer villager
    herder miner refugee migrant pilot sailor marine airman ranger security sniper
    dealer rapper singer priest pastor imam bishop monk nun tourist shopper diner
    security_guard youngster adolescent preteen bouncer coworker co-worker attendee reveler
    churchgoer parishioner congregant marshal lieutenant patrolman medic preacher musician
    others other another one anyone someone somebody anybody everyone
    everybody nobody none all both each several few many dozen dozens hundreds
    """.split()
)
PERSON_PRONOUNS = frozenset(
    "he she him her they them himself herself themselves i me we us you who whom".split()
)
MALE_WORDS = frozenset(
    "he him his himself man men boy father son brother husband boyfriend uncle nephew "
    "grandfather grandson stepson stepfather fiance mr mr. male gentleman".split()
)
FEMALE_WORDS = frozenset(
    "she her hers herself woman women girl mother daughter sister wife girlfriend aunt niece "
    "grandmother granddaughter stepdaughter stepmother fiancee mrs mrs. ms ms. miss female "
    "lady".split()
)


def is_person_noun(lemma: str) -> bool:
    """True for a noun lemma that names people ("teen", "officers" → "officer")."""
    word = lemma.lower()
    return word in PERSON_NOUNS or word.rstrip("s") in PERSON_NOUNS
