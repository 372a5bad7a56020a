"""People: fullest name, titles and affiliations, age, gender, role and status."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from wirecheck.analyze.analyzer import Analyzer
from wirecheck.analyze.people import PeopleIndex, extract_people, resolve_name, strip_title
from wirecheck.analyze.places import Gazetteer
from wirecheck.models import Article, Person


def test_fullest_name_titles_and_surname_mentions(nlp):
    text = (
        "Major General Tomas Varga, head of the northern command, spoke on Monday. "
        "Varga said the border was calm."
    )
    [person] = extract_people(nlp(text))
    assert person.name == "Tomas Varga"
    assert text[person.start : person.end].endswith("Tomas Varga")
    assert "Major General" in person.title and "head of the northern command" in person.title
    assert text[person.title_span[0] : person.title_span[1]].startswith("Major General")
    assert resolve_name("Varga", [person]) is person
    assert resolve_name("Gen. Tomas Varga", [person]) is person
    assert resolve_name("Kowalski", [person]) is None


def test_people_index_resolves_as_a_scan_of_everyone_would():
    # Exact names first, then the first person (in filing order) a mention can stand for.
    people = [
        Person(name="Tom Reyes", start=0, end=0),
        Person(name="Anna Reyes", start=0, end=0),
        Person(name="Thomas Reyes", start=0, end=0),
        Person(name="Reyes", start=0, end=0),
        Person(name="Jon Vance", start=0, end=0),
    ]
    index = PeopleIndex(people)
    assert index.resolve("Reyes") is people[3]  # the exact name beats earlier surname matches
    assert index.resolve("Gen. Thomas Reyes") is people[2]
    assert index.resolve("T. Reyes") is people[0]
    assert index.resolve("Jonathan Vance") is people[4]
    assert index.resolve("Vance") is people[4]
    assert index.resolve("Peter Hale") is None and index.resolve("") is None
    index.add(Person(name="Peter Hale", start=0, end=0))
    assert index.resolve("Mr. Hale") is index.people[-1]


def test_strip_title_handles_ranks_and_honorifics():
    assert strip_title("Lt.-Gen. Peter Hale") == "Peter Hale"
    assert strip_title("President Ana Silva") == "Ana Silva"
    assert strip_title("Mr. Hale's") == "Hale"
    assert strip_title("Brigadier General Peter Hale") == "Peter Hale"


def test_age_gender_and_victim_status(nlp):
    doc = nlp("James Carter, 17, was shot and killed on Friday night. He was a junior.")
    [person] = extract_people(doc)
    assert (person.age, person.gender, person.role, person.status) == (
        17,
        "male",
        "victim",
        "killed",
    )


def test_died_and_identified_victims(nlp):
    doc = nlp("Police identified the victim as Maria Lopez. Officers said Lopez died at the scene.")
    [person] = extract_people(doc)
    assert person.role == "victim" and person.status == "killed"


def test_suspect_arrested(nlp):
    doc = nlp("The suspect, Kevin Bryce, was arrested Saturday and charged with murder.")
    bryce = resolve_name("Bryce", extract_people(doc))
    assert bryce is not None and bryce.role == "suspect" and bryce.status == "arrested"


def test_distinct_people_with_one_surname_are_kept_apart(nlp):
    doc = nlp("Sarah Cole and her brother Mark Cole were at home when the storm hit.")
    names = {p.name for p in extract_people(doc)}
    assert {"Sarah Cole", "Mark Cole"} <= names


def roles(nlp, text):
    return {p.name: (p.role, p.status) for p in extract_people(nlp(text))}


def test_listed_victims_are_all_victims(nlp):
    found = roles(
        nlp, "Police identified the victims as Maria Ruiz, 31, Tom Hale, 40, and Lee Park, 22."
    )
    assert {name: role for name, (role, _) in found.items()} == {
        "Maria Ruiz": "victim",
        "Tom Hale": "victim",
        "Lee Park": "victim",
    }


def test_suspects_from_custody_and_from_shooting(nlp):
    assert roles(nlp, "Deputies arrested Mark Doyle, 29, on Friday.")["Mark Doyle"] == (
        "suspect",
        "arrested",
    )
    assert roles(nlp, "Investigators say Carl Voss shot the clerk twice.")["Carl Voss"][0] == (
        "suspect"
    )


def test_victim_of_a_death_noun_and_official_kept_apart(nlp):
    found = roles(
        nlp, "Sheriff Dana Cole said detectives are investigating the death of Ray Simms."
    )
    assert found["Ray Simms"][0] == "victim"
    assert found["Dana Cole"][0] == "official"


def test_aged_person_in_a_shooting_sentence_is_a_participant(nlp):
    found = roles(nlp, "Sherri Downs, 48, was taken to a medical center with a gunshot wound.")
    assert found["Sherri Downs"][0] == "victim"


def test_title_parts_join_without_stray_punctuation(nlp):
    text = (
        "Colonel Amira Haddad, spokeswoman for the regional command, said the road was open. "
        "Haddad added that the convoy had reached the base."
    )
    (person,) = [p for p in extract_people(nlp(text)) if p.name == "Amira Haddad"]
    assert person.title is not None
    assert ", ," not in person.title and not person.title.startswith(",")
    assert "Colonel" in person.title and "spokeswoman" in person.title


def test_affiliation_from_title_or_from_the_organisation_a_name_is_given_with(nlp):
    text = (
        "Brigadier General Michael Rouleau, commander of Canada's Special Operations Forces "
        "Command, said the troops fired back. Lt. Maria Collins of the Dayton Police "
        "Department said officers found casings. Paul Duarte of Chicago agreed."
    )
    people = {p.name: p for p in extract_people(nlp(text))}
    rouleau = people["Michael Rouleau"]
    assert rouleau.affiliation == "Canada's Special Operations Forces Command"
    start, end = rouleau.affiliation_span
    assert text[start:end] == rouleau.affiliation
    assert people["Maria Collins"].affiliation == "the Dayton Police Department"
    assert people["Paul Duarte"].affiliation is None  # a place of origin is no affiliation


def test_a_party_marker_after_a_name_gives_the_party(nlp):
    text = (
        "Sen. Chris Coons (D-Del.) said the shutdown hurt millions. Rep. Steve Scalise, "
        "R-La., blamed Democrats. Sen. Bernie Sanders (I) agreed with Coons. "
        "Dana Cole, the mayor, and Mark Price, R, spoke later."
    )
    people = {p.name: p for p in extract_people(nlp(text))}
    coons = people["Chris Coons"]
    assert coons.party == "Democratic Party"
    assert text[slice(*coons.party_span)] == "D"
    assert people["Steve Scalise"].party == "Republican Party"
    assert people["Bernie Sanders"].party == "independent"
    assert people["Mark Price"].party is None  # ", R," is too rarely a party


def test_a_one_word_name_after_the_is_no_person(nlp):
    doc = nlp(
        "Troops clashed with the Islamic State of Iraq and the Levant group near the border, "
        "Brigadier General Anne Roy said."
    )
    names = [p.name for p in extract_people(doc)]
    assert "Levant" not in names and "Anne Roy" in names


def test_a_party_named_in_words_gives_the_party(nlp):
    text = (
        "Fellow Democratic Sen. Chris Coons of Delaware slammed the plan. Republican Whip "
        "Steve Scalise called on Democrats to act. Another leading Dem, Sen. Kristen "
        "Gillibrand of New York, tweeted. Senator Richard Blumenthal, Democrat of Connecticut, "
        "said no. Representative Andy Harris, a conservative Republican who represents "
        "Maryland, agreed. Jane Doe, a former Republican, left. Sen. Chuck Schumer, and "
        "Republican Sen. John Thune spoke."
    )
    people = {p.name: p for p in extract_people(nlp(text))}
    democrats = ("Chris Coons", "Kristen Gillibrand", "Richard Blumenthal")
    assert all(people[name].party == "Democratic Party" for name in democrats)
    assert text[slice(*people["Chris Coons"].party_span)] == "Democratic"
    republicans = ("Steve Scalise", "Andy Harris", "John Thune")
    assert all(people[name].party == "Republican Party" for name in republicans)
    assert people["Jane Doe"].party is None  # a former member
    assert people["Chuck Schumer"].party is None  # the next name's party


def test_another_countrys_democrats_are_not_the_us_party(nlp):
    text = (
        "New Democrat MP Anna Pike said the mission had changed. Social Democrat leader Karl "
        "Brandt disagreed. Democrat Joe Miller, a senator, said little."
    )
    people = {p.name: p for p in extract_people(nlp(text))}
    assert people["Anna Pike"].party is None
    assert people["Karl Brandt"].party is None
    assert people["Joe Miller"].party == "Democratic Party"


def test_a_campaign_or_organisation_before_the_title_is_the_affiliation(nlp):
    text = (
        "The Romney campaign hit Sen. John Kerry on Monday. Obama campaign spokeswoman Lis "
        "Smith described the new ad. Obama's current campaign press secretary, Ben Lane, "
        "said so in an email. St. Louis Tea Party organizer Bill Hennessy wrote on the site."
    )
    people = {p.name: p for p in extract_people(nlp(text))}
    assert people["Lis Smith"].affiliation == "Obama campaign"
    assert text[slice(*people["Lis Smith"].affiliation_span)] == "Obama campaign"
    assert people["Ben Lane"].affiliation == "Obama's current campaign"
    assert people["Bill Hennessy"].affiliation == "St. Louis Tea Party"
    assert people["John Kerry"].affiliation is None  # not his campaign


def test_a_relation_is_no_office_and_a_possessive_no_title(nlp):
    people = {
        p.name: p
        for p in extract_people(
            nlp(
                "Police say the father, Randy Babcock, was cleaning a handgun when it went off. "
                "A bullet grazed Hector Martinez's upper back."
            )
        )
    }
    assert people["Randy Babcock"].title == "the father"
    assert people["Randy Babcock"].role is None
    assert people["Hector Martinez"].title is None
    people = {
        p.name: p
        for p in extract_people(
            nlp(
                "Officers tried to stop Chris Few, father of 6-year-old Jeremy Mardis. Tom Reyes, "
                "president of the Sons of Liberty, spoke on Monday."
            )
        )
    }
    assert people["Chris Few"].role is None
    assert people["Tom Reyes"].role == "official"


def test_roles_from_labels_copulas_and_charges(nlp):
    text = (
        "The mother of 14-year-old victim Tavaris Rhodes spoke in court. "
        "The coroner says the victim is Allen Troyer, of Smicksburg. "
        "The three injured men are Markell Kelly, Dejour Martin and Chris Smith. "
        "Glenda Harper, one of the four people killed in the house, was 41. "
        "Prosecutors filed four counts of murder against Daniel Green. "
        "Officers found 21-year-old Kim Johnson suffering from a gunshot wound."
    )
    found = {name: role for name, (role, _) in roles(nlp, text).items()}
    for name in ("Tavaris Rhodes", "Allen Troyer", "Markell Kelly", "Chris Smith"):
        assert found[name] == "victim", name
    assert found["Glenda Harper"] == "victim"
    assert found["Kim Johnson"] == "victim"
    assert found["Daniel Green"] == "suspect"


def test_a_relative_clause_that_tells_nothing_leaves_the_noun_phrase_to_tell(nlp):
    found = roles(
        nlp,
        "A complaint alleges that Jackson handled a rifle recklessly, resulting in the "
        "shooting death of Kenyon Givens, who also lives on the base.",
    )
    assert found["Kenyon Givens"] == ("victim", "killed")


def test_victims_from_wounds_conditions_deaths_and_bodies(nlp):
    text = (
        "Injured were Taylor Mack and Ron Smith. "
        "Teriah Davis suffered a gunshot wound to the stomach. "
        "Bobby Cullen was pronounced dead at the scene of the shooting. "
        "Jacob Hamm, who was shot in the chest, remained in critical condition on Thursday. "
        "The bodies of Kelly Boren, 32, and Marie King, 55, were found inside the house."
    )
    found = roles(nlp, text)
    for name in ("Taylor Mack", "Ron Smith", "Teriah Davis", "Jacob Hamm"):
        assert found[name][0] == "victim", name
    for name in ("Bobby Cullen", "Kelly Boren", "Marie King"):
        assert found[name] == ("victim", "killed"), name


def test_suspects_who_plead_or_face_a_penalty(nlp):
    text = (
        "Malik Thomas, 21, and Richard White, 19, pleaded guilty to charges of robbery. "
        "Prosecutors are seeking the death penalty for Robert Adams in the shooting."
    )
    found = roles(nlp, text)
    for name in ("Malik Thomas", "Richard White", "Robert Adams"):
        assert found[name][0] == "suspect", name


def test_victims_from_care_and_groups_suspects_sought(nlp):
    text = (
        "After the shooting, Mark Cole, 53, was airlifted to San Antonio in critical condition. "
        "Erica Sims was treated for a gunshot wound and released. "
        "Aubrey Amos was taken to a hospital with a gunshot wound. "
        "Two people were critically wounded, including LaMont Powell. "
        "Detectives are looking for the suspect, 19-year-old Dion Smith."
    )
    found = roles(nlp, text)
    for name in ("Mark Cole", "Erica Sims", "Aubrey Amos", "LaMont Powell"):
        assert found[name][0] == "victim", name
    assert found["Dion Smith"][0] == "suspect"
    # Taken somewhere that is no hospital tells nothing.
    assert roles(nlp, "Jon Reyes was taken to the station for questioning.")["Jon Reyes"][0] is None


def test_an_age_dates_the_name_it_follows_not_the_sentence_subject(nlp):
    found = roles(
        nlp,
        "Ray Harper said he found Tom McNeil, 37, lying between two cars with a gunshot "
        "wound to the head.",
    )
    assert found["Tom McNeil"][0] == "victim"
    assert found["Ray Harper"][0] is None


def test_a_victim_who_dies_later_is_killed(nlp):
    found = roles(
        nlp,
        "Owen Hicks was shot by a friend on Thursday. Owen Hicks died in a hospital on Friday. "
        "Carl Stokes is charged in the murder of Kirsten Willis. "
        "Police said the gunman shot to death his daughter, Neima Wells, 28.",
    )
    assert found["Owen Hicks"] == ("victim", "killed")
    assert found["Kirsten Willis"] == ("victim", "killed")
    assert found["Neima Wells"] == ("victim", "killed")


def test_a_relation_word_gives_gender_over_nearby_pronouns(nlp):
    people = {
        p.name: p
        for p in extract_people(
            nlp(
                "Ana Franco, 26, had registered for classes. She was a passenger in the car driven "
                "by her father, school employee Carlos Franco, when both were shot."
            )
        )
    }
    assert people["Carlos Franco"].gender == "male"


def test_a_name_mistagged_as_an_organisation_is_a_person_when_given_an_age(nlp):
    people = {
        p.name: p
        for p in extract_people(
            nlp(
                "Deputies found 20-year-old Dashwan Reed of Des Moines with a gunshot wound. "
                "Sixteen-year-old Dekota Smythe was at his home when the gun went off."
            )
        )
    }
    assert people["Dashwan Reed"].age == 20 and people["Dashwan Reed"].role == "victim"
    assert people["Dekota Smythe"].age == 16
    # An organisation stays one, age or not.
    names = {p.name for p in extract_people(nlp("The 40-year-old Memorial Hospital closed."))}
    assert "Memorial Hospital" not in names


@pytest.mark.parametrize(
    "text, name",
    [
        ("Senator Mark Hanson was treated to a standing ovation.", "Mark Hanson"),
        ("Pope Francis is in stable condition after surgery.", "Francis"),
        ("Former Mayor Bill Ford was found dead at his home after a long illness.", "Bill Ford"),
        ("LeBron James suffered an ankle injury in the second quarter.", "LeBron James"),
        ("Governor Janet Mills was taken to a hospital to visit her mother.", "Janet Mills"),
        ("Police are looking for Maria Santos, 14, who went missing on Friday.", "Maria Santos"),
        ("The penalty for Harry Kane was saved by the keeper.", "Harry Kane"),
        ("Michael Cohen confessed that he had lied to Congress.", "Michael Cohen"),
        (
            "Officer Ray Tan, one of the officers who shot the suspect, was placed on leave.",
            "Ray Tan",
        ),
        ("Neighbor 34-year-old Dana White said she saw the man who was shot.", "Dana White"),
    ],
)
def test_illness_sport_missing_people_and_witnesses_are_no_participants(nlp, text, name):
    assert roles(nlp, text)[name][0] not in ("victim", "suspect")


def test_status_comes_from_the_persons_own_clause(nlp):
    found = roles(
        nlp,
        "Mark Hill was wounded on Sunday. Mark Hill, who was shot in the same attack that "
        "killed Ann Cole, is expected to survive.",
    )
    assert found["Mark Hill"] == ("victim", "injured")
    assert roles(nlp, "Officers shot and killed the suspect, Ray Cole, 19.")["Ray Cole"] == (
        "suspect",
        "killed",
    )
    names = {p.name for p in extract_people(nlp("Goldman Sachs, 25, ranked first."))}
    assert "Goldman Sachs" not in names


def test_identified_them_takes_the_people_of_the_sentence_before(nlp):
    found = roles(
        nlp,
        "Two men were found dead in a car on Elm Street. Police identified them as "
        "Tom Reyes, 25, and Jon Lake, 30.",
    )
    assert found["Tom Reyes"] == ("victim", "killed")
    assert found["Jon Lake"] == ("victim", "killed")


def test_a_name_mistagged_in_a_list_of_people_is_a_person(nlp):
    text = "Police said the gunman shot Mary Lane, Tom Hill and Keyonte Hale inside the apartment."
    doc = nlp(text)
    assert {e.text: e.label_ for e in doc.ents}["Keyonte Hale"] != "PERSON"  # the model's error
    assert roles(nlp, text)["Keyonte Hale"][0] == "victim"
    # A place named with a person's age stays a place.
    assert roles(nlp, "A 17-year-old New Orleans man was shot on Monday.") == {}


def test_surrender_warrants_among_and_deceased(nlp):
    text = (
        "Jahaun Reed turned himself in to police on Sunday after the shooting. "
        "Deputies served an arrest warrant on Mark Combs. "
        "The coroner said Donna Reeves was among the four people killed. "
        "Jim Casey was deceased when deputies arrived after the shooting."
    )
    found = {name: role for name, (role, _) in roles(nlp, text).items()}
    assert found["Jahaun Reed"] == found["Mark Combs"] == "suspect"
    assert found["Donna Reeves"] == found["Jim Casey"] == "victim"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Two officers arrested the suspect after the clerk was shot. Police identified "
            "them as John Smith and Mary Jones.",
            "Mary Jones",
        ),
        ("Patrick Mahomes and Kansas State shot down rumors on Monday.", "Kansas State"),
        ("Kevin Durant and Phoenix Suns shot 52 percent from the field.", "Phoenix Suns"),
        ("Police served a search warrant on John Smith to obtain his phone records.", "John Smith"),
        ("John Smith was among the three players injured in Sunday's game.", "John Smith"),
    ],
)
def test_pronouns_lists_warrants_and_among_need_a_clear_frame(nlp, text, name):
    assert roles(nlp, text).get(name, (None,))[0] not in ("victim", "suspect")


def test_a_country_or_big_city_tagged_as_a_person_is_none_with_a_gazetteer(nlp):
    text = (
        "GAO, Mali — Five soldiers were killed when gunmen ambushed a convoy north of Gao. "
        "Related: Mali's army takes over bases in the north. Mr. Lincoln said on Monday."
    )
    doc = nlp(text)
    tagged = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Mali" in tagged  # the small model's error this guards against
    names = {p.name for p in extract_people(doc, Gazetteer())}
    assert "Mali" not in names and "Gao" not in names
    assert "Lincoln" in names or "Lincoln" not in tagged  # an honorific keeps a person


def test_a_place_or_organisation_name_is_no_persons():
    words = ["He", "was", "taken", "to", "Anderson", "Hospital", "near", "Hagen", "Drive", "."]
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, 4, 6, label="PERSON"), Span(doc, 7, 9, label="PERSON")]
    assert extract_people(doc) == []


def test_identified_by_a_noun_or_pronoun_takes_the_sentence_before(nlp):
    found = roles(
        nlp,
        "A 3-year-old boy was shot and killed on Friday. The boy has been identified as "
        "Gavin Pitt.",
    )
    assert found["Gavin Pitt"] == ("victim", "killed")
    found = roles(nlp, "The deceased was identified as Ray Joseph, 19.")
    assert found["Ray Joseph"][0] == "victim"


def test_named_as_the_gunman_or_a_person_of_interest_is_a_suspect(nlp):
    text = (
        "Police identified Dravon Duke as a person of interest in the shooting. "
        "Mark Tobin was identified as the gunman. Police sources have identified the "
        "suspect in Sunday's deadly west Houston shooting as Dionisio Garza."
    )
    found = {name: role for name, (role, _) in roles(nlp, text).items()}
    assert found["Dravon Duke"] == found["Mark Tobin"] == found["Dionisio Garza"] == "suspect"


def test_ages_given_as_age_n_or_before_a_semicolon(nlp):
    text = (
        "Two people died at the scene, including Carl Ibarra, age 38. The victims were "
        "identified as Tom Hale, 54; Ana Lowe, 70; and Bo Reed, 33."
    )
    ages = {p.name: p.age for p in extract_people(nlp(text))}
    assert ages == {"Carl Ibarra": 38, "Tom Hale": 54, "Ana Lowe": 70, "Bo Reed": 33}


def test_names_mistagged_as_places_or_cast_by_their_sentence_are_people(nlp):
    text = (
        "Two people died at the scene including Ruben Soto, age 40 and Yelsy Ocampo, age 12. "
        "Taniqua Barksdale was shot several times outside Birchwood Commons."
    )
    doc = nlp(text)
    assert {e.text: e.label_ for e in doc.ents}["Taniqua Barksdale"] == "ORG"  # the model's
    # The model tags some such names as places: one the gazetteer does not know is a name.
    doc.ents = [
        Span(doc, e.start, e.end, "GPE") if e.text == "Yelsy Ocampo" else e for e in doc.ents
    ]
    found = {p.name: (p.role, p.status) for p in extract_people(doc, Gazetteer())}
    assert found["Yelsy Ocampo"] == ("victim", "killed")
    assert found["Taniqua Barksdale"][0] == "victim"


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia was hit by a drone attack on Saturday.",
        "El Paso was struck by a storm that killed 3.",
        "North Korea was accused of firing artillery across the border.",
        "Saudi Arabia struck Houthi targets, killing 20.",
        "San Francisco was charged with negligence in the shooting.",
        "Sanaa International Airport was hit by US strikes that killed six.",
        "Police said San Antonio, 19, was shot.",
    ],
)
def test_places_and_facilities_cast_by_their_sentence_are_no_people(nlp, text):
    assert extract_people(nlp(text), Gazetteer()) == []
    assert extract_people(nlp(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "LOS ANGELES (CNS) - Four men were hospitalized today with gunshot wounds.",
        "SAN LEANDRO -- Four people were shot and hospitalized early Monday morning.",
        "Aurs reportedly shot an IMPD Detective responding to a domestic violence call.",
    ],
)
def test_datelines_ranks_and_vehicles_are_no_mistagged_names(nlp, text):
    assert extract_people(nlp(text)) == []


def test_given_names_the_tagger_left_out_belong_to_the_name(nlp):
    text = (
        "Sherri Downs-Tipton, 48, was taken to Gateway Medical Center with a gunshot wound."
        "\n\nMontrel Quintres Patterson, 22, of Clarksville, was found dead at the scene."
    )
    assert "Patterson" in {e.text for e in nlp(text).ents}  # the model's error
    assert roles(nlp, text)["Montrel Quintres Patterson"] == ("victim", "killed")
    [person] = [
        p
        for p in extract_people(nlp("He is the wife of Councilman Louis Phillip Gouaux."))
        if "Gouaux" in p.name
    ]
    assert (person.name, person.title) == ("Louis Phillip Gouaux", "Councilman")


def test_a_surname_alone_is_its_bearers_and_a_shared_one_nobodys(nlp):
    text = (
        "Javon Pence, 13, of 220 West Elm Avenue, and four other friends were visiting "
        "a teen male who lives at 91 West Maple Avenue.\n\nPence was shot in the abdomen."
    )
    assert {e.text: e.label_ for e in nlp(text).ents}["Pence"] == "ORG"  # the model's error
    assert roles(nlp, text)["Javon Pence"] == ("victim", "injured")
    # A surname two people bear is given to neither, not to the one named last: here the
    # wife, whom it would make the one arrested.
    text = (
        "Brian Hendrickson, 40, called his wife, Tracy Hendrickson, on Sunday morning. "
        "Hendrickson was arrested after the shooting."
    )
    assert roles(nlp, text)["Tracy Hendrickson"] == (None, None)
    found = roles(
        nlp,
        "Brian Hendrickson, 40, shot his wife, Tracy Hendrickson, 38. Hendrickson was "
        "arrested at the scene.",
    )
    assert found["Brian Hendrickson"][0] == "suspect"
    assert found["Tracy Hendrickson"] == ("victim", "injured")


def test_people_named_with_ages_who_remain_hospitalized_are_victims(nlp):
    found = roles(
        nlp, "Karlus Robinson, 37, Latay Darden, 29, and Leon Hamlin, 26, remain hospitalized."
    )
    assert {role for role, _ in found.values()} == {"victim"}


def test_names_listed_under_a_heading_take_its_role(nlp):
    text = (
        "The deputy said Marlow shot and killed his father and uncle.\n\n"
        "The people killed were identified as:\n\nDwight Kessel, 62, Marlow's father\n\n"
        "Roland Kessel, 58, Marlow's uncle."
    )
    found = roles(nlp, text)
    assert found["Dwight Kessel"] == found["Roland Kessel"] == ("victim", "killed")
    # A heading that tells of them by a pronoun only takes the sentence before it.
    text = "Three people were shot and killed Sunday. They were identified as:\n\nTom Baker, 40"
    assert roles(nlp, text)["Tom Baker"] == ("victim", "killed")
    text = "Photo: Cody Duty / Houston Chronicle\n\nEight people were killed in the house."
    assert roles(nlp, text).get("Cody Duty", (None,))[0] is None


def test_a_heading_about_others_takes_no_role_from_the_sentence_before(nlp):
    text = (
        "Three people were shot Sunday. Police thanked the neighbors who helped:\n\n"
        "Tom Baker\n\nLinda Ross"
    )
    assert roles(nlp, text) == {"Tom Baker": (None, None), "Linda Ross": (None, None)}


def test_a_given_name_alone_is_the_one_person_of_that_name(nlp):
    text = (
        "Kayla Walker, 7, lived with her mother on Elm Street. Police said Kayla was shot in "
        "the head on Sunday."
    )
    assert "Kayla" in {e.text for e in nlp(text).ents}
    assert roles(nlp, text) == {"Kayla Walker": ("victim", "injured")}


def test_a_name_the_tagger_left_untagged_is_a_person_when_its_sentence_casts_it(nlp):
    text = (
        "The 2-year-old who was shot inside an apartment in Millbrook has died.\n\n"
        "Kendal Pickering was critically injured in the shooting Tuesday at 410 Oak Vista."
    )
    assert not {"Kendal", "Pickering"} & {t.text for e in nlp(text).ents for t in e}
    assert roles(nlp, text) == {"Kendal Pickering": ("victim", "injured")}

    # A run with a word for people or for a role is no name ("Metro Boy was shot", as the
    # parser may read a web page's labels run into the story).
    def parsed(first, second):
        return Doc(
            nlp.vocab,
            words=[first, second, "was", "shot", "."],
            lemmas=[first, second, "be", "shoot", "."],
            pos=["PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
            heads=[1, 3, 3, 3, 3],
            deps=["compound", "nsubjpass", "auxpass", "ROOT", "punct"],
        )

    assert [p.name for p in extract_people(parsed("Kendal", "Pickering"))] == ["Kendal Pickering"]
    assert extract_people(parsed("Metro", "Boy")) == []
    assert extract_people(parsed("Library", "Manager")) == []


def test_a_nickname_in_quotes_stays_inside_the_name(nlp):
    text = (
        'Jamal "Moo Moo" Hamilton, 24, was charged. Robert James “Milhouse” Thomas, 27, '
        "has been held without bail."
    )
    tagged = {e.text for e in nlp(text).ents if e.label_ == "PERSON"}
    assert "Hamilton" in tagged  # the model's cut
    names = {p.name for p in extract_people(nlp(text))}
    assert names == {'Jamal "Moo Moo" Hamilton', "Robert James “Milhouse” Thomas"}
    # The surname cut off is no city ("Hamilton") when the name is whole.
    doc = nlp('Jamal "Moo Moo" Hamilton, 22, was shot and killed Saturday.')
    found = [(p.name, p.role, p.status) for p in extract_people(doc, Gazetteer())]
    assert found == [('Jamal "Moo Moo" Hamilton', "victim", "killed")]


def test_a_surrender_parsed_with_a_preposition_and_plural_suspect_labels(nlp):
    text = (
        "Erie Police tell Erie News Now Jahaun Jones turned himself in Sunday morning. "
        "A preliminary hearing is scheduled July 7 for the four defendants Martin Melendrez, "
        "23, of Vista."
    )
    found = {name: role for name, (role, _) in roles(nlp, text).items()}
    assert found["Jahaun Jones"] == found["Martin Melendrez"] == "suspect"


def test_names_after_semicolons_share_the_role_of_the_list(nlp):
    text = (
        "Eleven people were shot and killed at the chapel on Sunday. "
        '"The other victims were identified as Lorna Pettiford, 54; Tavion Marsh, 26; '
        'Odessa Quarles, 59; Verna Lyle, 70; and Gideon Pruitt, 49," the coroner said.'
    )
    found = roles(nlp, text)
    names = ("Lorna Pettiford", "Tavion Marsh", "Odessa Quarles", "Verna Lyle", "Gideon Pruitt")
    assert all(found[name][0] == "victim" for name in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jones was charged with murder; Sam Reed, his attorney, declined to comment.", "Sam Reed"),
        (
            "Carlos Diaz, 31, was shot and killed; Angela Ruiz, a neighbor, said she heard "
            "four shots.",
            "Angela Ruiz",
        ),
        (
            "Officers found Tyrone Banks, 30, shot in the chest; Mayor Chokwe Lumumba said the "
            "city grieves.",
            "Chokwe Lumumba",
        ),
    ],
)
def test_a_clause_or_a_titled_name_after_a_semicolon_is_no_list_item(nlp, text, name):
    assert roles(nlp, text)[name][0] not in ("victim", "suspect")


def test_a_person_named_takes_the_place_of_the_noun_named(nlp):
    found = roles(nlp, "A man named John Ellis was also wounded in the shooting.")
    assert found["John Ellis"] == ("victim", "injured")


def test_victims_told_of_only_as_shot_are_dead_when_the_toll_counts_no_wounded(nlp):
    text = (
        "A gunman killed two people at a house party on Saturday night, police said.\n"
        "Officers said Dana Prewitt, 24, and Colin Marsh, 31, were shot in the backyard.\n"
    )
    analysis = Analyzer(nlp).analyze(Article(text=text, origin="t", id="a"))
    assert analysis.killed.best == 2 and analysis.injured is None
    statuses = {p.name: p.status for p in analysis.people if p.role == "victim"}
    assert statuses == {"Dana Prewitt": "killed", "Colin Marsh": "killed"}
    # Where the toll counts wounded, a victim told of as shot may be one of them.
    text = text.replace("killed two people", "killed one man and wounded another")
    analysis = Analyzer(nlp).analyze(Article(text=text, origin="t", id="b"))
    assert analysis.injured.best == 1
    assert {p.status for p in analysis.people if p.role == "victim"} == {"injured"}


def test_a_victim_whose_sentence_tells_it_survived_stays_wounded(nlp):
    text = (
        "One person was killed at a house party in Tacoma on Saturday.\n"
        "Police said Jaylen Moore, 17, was shot in the back and remains hospitalized in "
        "critical condition.\n"
    )
    analysis = Analyzer(nlp).analyze(Article(text=text, origin="t", id="a"))
    assert analysis.killed.best == 1
    [moore] = [p for p in analysis.people if p.name == "Jaylen Moore"]
    assert moore.status == "injured"


def _tagged(nlp, text, spans):
    """``text`` parsed, with the given words tagged as the model sometimes tags them."""
    doc = nlp(text)
    chars = [(text.index(words), text.index(words) + len(words), label) for words, label in spans]
    kept = [
        e for e in doc.ents if not any(s < e.end_char and e.start_char < t for s, t, _ in chars)
    ]
    doc.ents = kept + [doc.char_span(s, t, label=label) for s, t, label in chars]
    return doc


def test_a_surname_tagged_alone_takes_the_given_names_left_untagged(nlp):
    # The model tags the surname as an organisation and the given name as nothing.
    doc = _tagged(
        nlp, "Dorian Vantreese, 31, was shot dead in a home on Saturday.", [("Vantreese", "ORG")]
    )
    found = {p.name: (p.role, p.status) for p in extract_people(doc)}
    assert found == {"Dorian Vantreese": ("victim", "killed")}
    # A surname alone, after a word that is no given name, is still no name.
    text = "Police said Vantreese, 31, was shot dead in a home on Saturday."
    assert extract_people(_tagged(nlp, text, [("Vantreese", "ORG")])) == []


def test_a_mistagged_name_may_have_an_apostrophe(nlp):
    text = "Ja'Quan Reeves, 19, was charged with murder in the shooting."
    found = {
        p.name: p.role for p in extract_people(_tagged(nlp, text, [("Ja'Quan Reeves", "ORG")]))
    }
    assert found == {"Ja'Quan Reeves": "suspect"}
    # Spelt as a name or not, an organisation's name in a story of no crime is none.
    text = "Ja'Quan Reeves, 19, won the spelling contest on Friday."
    assert extract_people(_tagged(nlp, text, [("Ja'Quan Reeves", "ORG")])) == []


def test_a_name_the_tagger_ran_on_into_of_ends_before_it(nlp):
    text = "Officials said 26-year-old Ansel Pruitt of Dover was shot and killed."
    doc = _tagged(nlp, text, [("Ansel Pruitt of", "PERSON")])
    assert [(p.name, p.role) for p in extract_people(doc)] == [("Ansel Pruitt", "victim")]
    # Only a trailing "of" goes: the small words inside a name stay.
    text = "Officials said 26-year-old Maria de la Cruz of Dover was shot and killed."
    doc = _tagged(nlp, text, [("Maria de la Cruz", "PERSON")])
    assert [p.name for p in extract_people(doc)] == ["Maria de la Cruz"]


@pytest.mark.parametrize(
    "text, name, status",
    [
        (
            "Police found Dorna Kessel dead of a gunshot wound in her apartment.",
            "Dorna Kessel",
            "killed",
        ),
        (
            # Found with a wound: the outcome is told later ("He was pronounced dead").
            "Officers found Marcus Tate with multiple gunshot wounds near the park.",
            "Marcus Tate",
            None,
        ),
        (
            "Officers found Anita Boyle suffering from a gunshot wound to the leg.",
            "Anita Boyle",
            "injured",
        ),
        (
            "Calvin Roe was found with a gunshot wound to his chest outside a bar.",
            "Calvin Roe",
            None,
        ),
        (
            "Calvin Roe was found with a gunshot wound and died at the scene.",
            "Calvin Roe",
            "killed",
        ),
    ],
)
def test_people_found_dead_or_with_wounds_are_victims(nlp, text, name, status):
    assert roles(nlp, text)[name] == ("victim", status)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Police found Tom Greer with a handgun in his car after the shooting.", "Tom Greer"),
        ("Police found Ellen Marsh dead at her home after a long illness.", "Ellen Marsh"),
        ("The coach found Ryan Hale suffering from a knee injury after the game.", "Ryan Hale"),
    ],
)
def test_people_found_with_a_gun_or_after_illness_or_sport_are_no_victims(nlp, text, name):
    assert roles(nlp, text)[name][0] is None


def test_an_identified_noun_takes_the_role_an_earlier_sentence_gives_it(nlp):
    text = (
        "A 9-year-old girl was shot in the back on Elm Street on Friday night. "
        "Police did not say who fired. The girl was identified as Maria Gonzalez."
    )
    assert roles(nlp, text)["Maria Gonzalez"][0] == "victim"
    text = (
        "Deputies arrested two men after the shooting. Both were held overnight. "
        "The men were identified as John Miller and David Brown."
    )
    assert roles(nlp, text)["David Brown"] == ("suspect", "arrested")
    # The earlier sentence must make the noun a victim or a suspect.
    text = (
        "A 9-year-old girl found the gun in a closet on Friday. Police did not say who fired. "
        "The girl was identified as Maria Gonzalez."
    )
    assert roles(nlp, text)["Maria Gonzalez"][0] is None
    text = (
        "Deputies thanked two men after the shooting. Both were held overnight. "
        "The men were identified as John Miller and David Brown."
    )
    assert roles(nlp, text)["David Brown"][0] is None


def test_identified_through_a_clause_on_the_noun(nlp):
    text = "Police said the shooting happened at a party. "
    found = roles(nlp, text + "The university identified the student who died as Michael Johnson.")
    assert found["Michael Johnson"] == ("victim", "killed")
    found = roles(
        nlp, "Police identified the two men arrested in the shooting as Jon Miller and Dan Brown."
    )
    assert found["Dan Brown"] == ("suspect", "arrested")
    found = roles(nlp, text + "The university identified the student who spoke as Michael Johnson.")
    assert found["Michael Johnson"][0] is None
    found = roles(
        nlp,
        "Police identified the two men interviewed after the shooting as Jon Miller and Dan Brown.",
    )
    assert found["Dan Brown"][0] is None


def test_one_of_the_people_charged_is_a_suspect(nlp):
    text = "Martin Cole, one of the two men charged in the killing, appeared in court on Monday."
    assert roles(nlp, text)["Martin Cole"][0] == "suspect"
    text = "Martin Cole, one of the two men questioned about the killing, appeared in court."
    assert roles(nlp, text)["Martin Cole"][0] is None


def test_the_owner_of_a_death_is_its_victim(nlp):
    found = roles(nlp, "Two teens face murder charges in Dana Whitcomb's death.")
    assert found["Dana Whitcomb"] == ("victim", "killed")
    # Not the owner of a shooting, which may be the one they did.
    assert roles(nlp, "Ray Tan's shooting of the man was ruled justified.")["Ray Tan"][0] is None


def test_a_label_the_tagger_took_into_a_name_is_no_part_of_it(nlp):
    text = "Victim Lena Hart, 42, was shot twice outside her home."
    doc = _tagged(nlp, text, [("Victim Lena Hart", "PERSON")])
    found = {p.name: (p.role, p.status) for p in extract_people(doc)}
    assert found == {"Lena Hart": ("victim", "injured")}
    # A two-word name that starts with such a word is a name of its own ("Killer Mike").
    doc = _tagged(nlp, "Killer Mike spoke at the rally on Saturday.", [("Killer Mike", "PERSON")])
    assert [p.name for p in extract_people(doc)] == ["Killer Mike"]


@pytest.mark.parametrize(
    "text, name, role_status",
    [
        # An active clause of harm on the identified noun tells of the shooter.
        (
            "Police identified the man who shot the clerk as Nick Ford.",
            "Nick Ford",
            ("suspect", None),
        ),
        # A charge of something else is no part in the shooting.
        (
            "A man was shot Friday. Mark Wells, the lawyer charged with misconduct in an "
            "unrelated case, said he saw nothing.",
            "Mark Wells",
            ("official", None),
        ),
        # X's killing of someone, or a plot to kill X: X is no dead victim.
        ("Ryan Fox's killing of his neighbor shocked the town.", "Ryan Fox", (None, None)),
        ("Two men plotted Sarah Kim's murder, prosecutors said.", "Sarah Kim", (None, None)),
    ],
)
def test_a_clause_or_a_possessive_gives_no_role_it_does_not_tell(nlp, text, name, role_status):
    assert roles(nlp, text).get(name, (None, None)) == role_status


def test_a_stop_word_is_no_given_name_of_a_surname(nlp):
    doc = nlp("Mark Weiner, 40, was shot on Friday. Though Weiner's family asked for privacy.")
    assert "Though Weiner" not in {p.name for p in extract_people(doc)}
