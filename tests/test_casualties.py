"""Casualty statements and the article-level killed / injured figures."""

from __future__ import annotations

import pytest

from wirecheck.analyze.casualties import extract_casualties, summarize_casualties


def figures(nlp, text, year=None):
    found = extract_casualties(nlp(text), year)
    killed = summarize_casualties(found, "killed")
    injured = summarize_casualties(found, "injured")
    return (killed.best if killed else None), (injured.best if injured else None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Three students were shot outside the school on Monday.", None, 3),
        ("Five people were shot, one fatally, at a party.", 1, 4),
        ("A 9-year-old and two others were wounded in the attack.", None, 3),
        ("One woman died and another was wounded.", 1, 1),
        ("Militants opened fire, killing four villagers.", 4, None),
        ("The blast left six people dead.", 6, None),
        ("A man was fatally shot outside a store.", 1, None),
        ("The woman was pronounced dead at the scene.", 1, None),
        ("The boy died at the hospital.", 1, None),
        ("The victim is in critical condition.", None, 1),
        ("The shooting sent three people to the hospital.", None, 3),
        ("Nobody was hurt in the crash.", None, 0),
        ("No deaths or injuries were reported.", 0, 0),
        ("Scores of windows were shot out.", None, None),
        ("He was shot about 10 times.", None, 1),
        ("Police did not say whether anyone was injured.", None, None),
    ],
)
def test_statements(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_unknown_plural_counts_two_and_keeps_who(nlp):
    [c] = extract_casualties(nlp("Airstrikes hit the camp, killing the insurgents."))
    assert (c.kind, c.low, c.best, c.high) == ("killed", 2, 2, 2)
    assert "insurgents" in c.who


def test_vague_counts_follow_acled(nlp):
    assert figures(nlp, "Dozens of people were injured in the stampede.") == (None, 12)


def test_suicide_is_counted_with_who(nlp):
    found = extract_casualties(nlp("The gunman killed himself after the standoff."))
    assert [(c.kind, c.best, c.who) for c in found] == [("killed", 1, "himself")]


def test_same_victim_described_twice_counts_once(nlp):
    text = (
        "A 25-year-old man was shot on Elm Street late Friday. "
        "The man was shot in the leg and taken to a hospital. "
        "Police identified him as Carl Dean. Dean was shot once, police said."
    )
    assert figures(nlp, text) == (None, 1)


def test_victim_shot_then_died_is_killed_not_injured(nlp):
    text = "A 19-year-old woman was shot in the chest on Sunday. She died at the hospital."
    assert figures(nlp, text) == (1, None)


def test_two_named_victims_are_two(nlp):
    text = (
        "Robert Lane, 41, was shot in the arm. Separately, Dwayne Miles, 19, was wounded in "
        "the leg. Both were treated at a hospital."
    )
    assert figures(nlp, text)[1] == 2


def test_shot_count_excludes_the_dead(nlp):
    text = "Four people were shot on Saturday night. One man died at the scene."
    assert figures(nlp, text) == (1, 3)


def test_statement_offsets(nlp):
    text = "Officials said two soldiers were killed."
    [c] = extract_casualties(nlp(text))
    assert text[c.start : c.end] == c.text and "two soldiers" in c.text


def test_seed_reports(nlp, shared_dir):
    from wirecheck.analyze.nlp import mask
    from wirecheck.ingest import read_paths

    figures_by_file = {}
    for article in read_paths([shared_dir / "seeds"]):
        found = extract_casualties(nlp(mask(article.text, article.boilerplate)))
        figures_by_file[article.origin.rsplit("/", 1)[-1][:3]] = found
    zero = figures_by_file["000"]
    assert summarize_casualties(zero, "killed").best == 0
    assert summarize_casualties(zero, "injured").best == 0
    fighters = [c for c in figures_by_file["001"] if c.kind == "killed" and "fighters" in c.who]
    assert fighters and fighters[0].best == 2  # count unknown: the plural's least reading


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A dateline parsed as a second subject: the people are the subject that counts.
        (
            "SPRINGVILLE, Ore. — Four men were hospitalized with gunshot wounds, police said.",
            None,
            4,
        ),
        # "found X dead": the person found is the one dead, not the finders.
        ("Officers said they found Dana Whitlock dead in the kitchen.", 1, None),
        # Conjoined verbs with their own objects count separately.
        ("The gunman killed one and injured three others.", 1, 3),
        ("Two people were killed and five others injured on Friday.", 2, 5),
        ("The driver later succumbed to his injuries.", 1, None),
        ("The woman passed away on Sunday morning.", 1, None),
        ("The 2-year-old who was shot inside the apartment has died.", 1, None),
        ("Nine motorcycle gang members were killed in the brawl.", 9, None),
        # A surname with a plural-looking ending is one person.
        ("Jenkins was taken to the hospital and was later pronounced dead.", 1, None),
    ],
)
def test_statement_shapes(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_victim_described_then_named_counts_once(nlp):
    text = (
        "A 7-year-old boy was shot on Friday night. Police identified him as Caleb Ortiz. "
        "Caleb died at the hospital on Sunday. The boy's family asked for privacy."
    )
    assert figures(nlp, text) == (1, None)


def test_distinct_victims_by_life_stage_and_also(nlp):
    text = "A 30-year-old woman was killed on Elm Street. Her 8-year-old son was wounded."
    assert figures(nlp, text) == (1, 1)
    text = "A man was killed in the parking lot. A 25-year-old woman was also shot."
    assert figures(nlp, text) == (1, 1)


def test_pronoun_goes_to_the_victim_of_its_gender(nlp):
    text = (
        "A 40-year-old man was shot in the chest. A woman was wounded in the arm. "
        "He died at the hospital."
    )
    assert figures(nlp, text) == (1, 1)


def test_suicide_of_the_attacker_adds_to_the_victims(nlp):
    assert figures(nlp, "The man killed his wife and then killed himself.")[0] == 2


def test_plural_without_a_number_after_hospital_transport_is_not_a_count(nlp):
    text = "A man was shot in the arm. He and his brother were taken to a hospital."
    assert figures(nlp, text) == (None, 1)


# Eight sentences of story with no casualty in them: pushes what follows past the opening.
LONG_FILLER = (
    "Officers searched the block for shell casings and spoke with neighbours who heard "
    "the shots. Detectives asked anyone with video from the area to call the tip line. "
) * 8


def test_a_larger_later_figure_is_background(nlp):
    text = (
        "Three people were shot outside a bar early Sunday. "
        + LONG_FILLER
        + "Across the city, 40 people were wounded over the holiday weekend."
    )
    assert figures(nlp, text) == (None, 3)
    # A later figure no larger than the opening one still counts.
    text = "Three people were shot outside a bar early Sunday. " + LONG_FILLER + "Two were shot."
    assert figures(nlp, text) == (None, 3)


def test_hypothetical_and_first_person_are_not_casualties(nlp):
    assert figures(nlp, 'A witness said: "He could have been killed."') == (None, None)
    assert figures(nlp, '"They shot me in the leg," the clerk told reporters.') == (None, None)
    # A past-future death is still a death.
    assert figures(nlp, "The teen was shot on Friday and would later die.") == (1, None)


def test_others_are_besides_the_victims_already_told_of(nlp):
    text = "Maria Lopez, 19, was shot in the leg on Saturday. Four other people were wounded."
    assert figures(nlp, text) == (None, 5)
    assert figures(nlp, "A man was killed and two others were shot.") == (1, 2)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "A man was shot on Main Street on Saturday. At least 20 people were wounded in "
            "shootings across the city since Friday.",
            None,
            1,
        ),
        (
            "Two men were shot in the leg in a parking lot. Police said six people were "
            "killed in four separate shootings this weekend.",
            None,
            2,
        ),
        (
            "A teenager was wounded on Tuesday. Nine children have been killed so far this "
            "year in the city.",
            None,
            1,
        ),
        (
            "Three people were wounded in a string of shootings over the weekend. A woman was "
            "shot in the arm on Oak Street.",
            None,
            1,
        ),
    ],
)
def test_tallies_of_a_period_or_several_incidents_are_background(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_one_victim_in_a_tally_sentence_still_counts(nlp):
    text = "A 30-year-old man was killed in one of several shootings across the city overnight."
    assert figures(nlp, text) == (1, None)


def test_number_of_shots_is_not_a_number_of_victims(nlp):
    text = "Police said the suspect shot about 10 times at the car, killing a woman."
    assert figures(nlp, text) == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "A woman was shot and killed outside a bar on Friday night. Her brother was killed "
        "in the same neighborhood in 2009.",
        "A woman was fatally shot on Elm Street on Sunday. Two years ago, a man was killed "
        "a block away.",
    ],
)
def test_a_later_sentence_about_past_years_is_background(nlp, text):
    assert figures(nlp, text) == (1, None)


def test_a_past_year_in_the_first_statement_is_the_event(nlp):
    text = "A man pleaded guilty to killing three people at a store in 2019."
    assert figures(nlp, text) == (3, None)


def test_one_of_the_wounded_has_died(nlp):
    text = "One of four men wounded in a shooting on Saturday has died."
    assert figures(nlp, text) == (1, 3)


def test_gallery_caption_numbers_are_not_counts(nlp):
    text = "Photo 3 of 5 A man was shot in the leg on Main Street."
    assert figures(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The attacker's suicide counts among the dead, his victims' count does not take it in.
        ("He shot his wife and then turned the gun on himself.", 1, 1),
        ("The gunman killed two people before shooting himself.", 3, None),
        # "found dead" counts every body, the attacker's too: no extra death for the suicide.
        ("Police said the man killed himself. All three people were found dead.", 3, None),
    ],
)
def test_attacker_suicide(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_negation_does_not_reach_a_conjoined_clause(nlp):
    text = "The victim did not make it and was pronounced dead at the hospital."
    assert figures(nlp, text) == (1, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A gun in the sentence makes "striking" / "hitting" a hit by gunfire.
        ("The gun went off, striking his 4-year-old brother in the head.", None, 1),
        # A gunshot wound suffered is an injury; a fatal one a death.
        ("The woman suffered a gunshot wound to the leg.", None, 1),
        ("He suffered a fatal gunshot wound.", 1, None),
        ("Four people suffered non-fatal gunshot wounds.", None, 4),
        ("The other four suffered minor injuries in the crash.", None, None),
        # Those hit, like those shot, include the dead.
        (
            "Two men died at the scene. A gunman fired bullets into the bar, striking four men.",
            2,
            2,
        ),
        ("Two men died at the scene. In all, four people suffered gunshot wounds.", 2, 2),
        # "a second man" is one more victim, not the one already told of.
        ("A man was shot and killed on Friday. A second man was wounded.", 1, 1),
        # "one of the five … has died": the five injured included the dead.
        (
            "Five people were injured in a drive-by shooting on Sunday. "
            "One of the five people has died, police said.",
            1,
            4,
        ),
    ],
)
def test_wounds_and_further_victims(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_subject_hung_on_auxiliary_is_found(nlp):
    text = (
        "His brother, 8-year-old Joseph, and his mother, Morgan, 27, were both injured "
        "and taken to a hospital."
    )
    found = extract_casualties(nlp(text))
    assert [c.kind for c in found] == ["injured"]
    assert found[0].who.startswith("His brother")


def test_his_daughter_is_the_girl_already_told_of(nlp):
    # "his" is the father's gender, not the victim's.
    text = (
        "A 3-year-old girl was wounded on Saturday. "
        "Police said her father shot his 3-year-old daughter by accident."
    )
    assert figures(nlp, text) == (None, 1)


def test_victims_only_said_shot_can_be_among_the_dead(nlp):
    text = (
        "Three children and two adults were found dead on Sunday. "
        "Police say Clarence Washington shot his wife, and then shot their three daughters."
    )
    assert figures(nlp, text) == (5, None)
    # A further victim stays injured.
    assert figures(nlp, "Two people were killed on Sunday. Another man was shot in the leg.") == (
        2,
        1,
    )


def test_attacker_who_shot_himself_and_died_is_not_injured(nlp):
    text = "Four people were killed in the home. The gunman shot himself and killed himself."
    assert figures(nlp, text) == (4, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Investigators found four people suffering from gunshot wounds on the sidewalk.", None, 4),
        ("Deputies found 24 year-old Zachary Cotton with a gunshot wound to the head.", None, 1),
        # Found with gunshot wounds, then dead: killed, not injured as well.
        (
            "Officers found a man and a woman with gunshot wounds. "
            "Both were pronounced dead at the scene.",
            2,
            None,
        ),
        ("Syed died from a self-inflicted gunshot wound.", 1, None),
    ],
)
def test_people_with_gunshot_wounds(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_age_without_hyphens_is_not_a_count(nlp):
    assert figures(nlp, "Police said 24 year-old Zachary Cotton was killed.") == (1, None)


def test_shot_to_death_is_killed(nlp):
    assert figures(nlp, "Izaak Bridges and Tanishia Graham were shot to death.") == (2, None)
    assert figures(nlp, "A 13-year-old boy shot his 6-year-old brother to death.") == (1, None)


@pytest.mark.parametrize(
    "text",
    [
        "She pointed her gun at officers and threatened to kill them.",
        "He tried to kill his wife.",
        "He was convicted in the attempted murder of one victim.",
    ],
)
def test_attempts_and_threats_are_not_deaths(nlp, text):
    assert figures(nlp, text) == (None, None)


def test_left_injured_parsed_as_adverbial_clause(nlp):
    assert figures(nlp, "The shooting left four people injured.") == (None, 4)


def test_hit_after_a_sentence_about_gunfire(nlp):
    text = "Shots rang out near the park just after midnight. Seven people were hit."
    assert figures(nlp, text) == (None, 7)
    assert figures(nlp, "The car skidded on ice. Two pedestrians were hit.") == (None, None)


def test_unborn_child_is_not_counted(nlp):
    text = "Five adults and an unborn child were killed in the backyard ambush."
    assert figures(nlp, text)[0] == 5


def test_person_before_shot_and_killed_when_the_parse_breaks(nlp):
    text = (
        "The sheriff's office is charging the father of a one year old girl shot and "
        "killed in what they say was an accident."
    )
    assert figures(nlp, text)[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Three other shooting victims are reported in stable condition.",
        "Three people were treated at a hospital and released.",
    ],
)
def test_reported_in_condition_and_treated_are_injuries(nlp, text):
    assert figures(nlp, text) == (None, 3)


def test_no_one_else_is_not_a_victim(nlp):
    assert figures(nlp, "No one else in the home was injured.") == (None, None)


def test_plural_without_number_yields_to_stated_victims(nlp):
    text = (
        "A man was shot on Main Street on Friday. Neighbors said kids are getting shot around here."
    )
    assert figures(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "A man was shot and killed on Elm Street on Friday. "
            "Last month, a woman was killed a block away.",
            1,
            None,
        ),
        (
            "A man was wounded on Elm Street on Friday. "
            "Last week, a woman was wounded a block away.",
            None,
            1,
        ),
        ("A man was shot and killed on Elm Street. Police said a woman was also killed.", 2, None),
        ("A man was shot and killed on Elm Street. Another man died at a hospital.", 2, None),
    ],
)
def test_later_victims_count_only_when_told_as_further_ones(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_counted_participle_read_as_active_verb(nlp):
    text = (
        "Three men were charged in a shooting in the neighborhood that left a 13-year-old boy "
        "dead and six other people wounded."
    )
    assert figures(nlp, text) == (1, 6)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        (
            "The victims, a 19-year-old male and three 17-year-old females, were taken to the "
            "hospital for treatment of non life-threatening wounds.",
            4,
        ),
        (
            "Ladonna Robinson-Wright, 37, Daquoria Louis Robinson, 20, and Antoine Deion Wright, "
            "33, were shot and were transported to a medical center, police said.",
            3,
        ),
        (
            "Hospital staff said that Ralph Robinson, Shekirrah Thomas, Demereay Doe, and Bryant "
            "Turner all suffered injuries from being shot.",
            4,
        ),
        (
            "Smith’s 14-year-old son, Storm Malone, and a 17-year-old family friend, Dasmine "
            "Mitchell, were shot.",
            2,
        ),
        (
            "Three other victims, Marvin Hart, 30, Herbert Briscoe, 28, and Tristian Mouton, 28, "
            "were transported to a hospital.",
            3,
        ),
    ],
)
def test_people_listed_beside_a_phrase_count(nlp, text, injured):
    assert figures(nlp, text) == (None, injured)


def test_others_also_shot_count_besides_the_dead(nlp):
    text = (
        "A 29-year-old man was shot and killed on Elm Street. Raymone West, Brian Dearmond and "
        "Marquise McPherson were also struck by bullets."
    )
    assert figures(nlp, text) == (1, 3)


def test_a_further_numbered_victim_implies_the_ones_before(nlp):
    text = (
        "Four people were hit by bullets and a fifth was apparently struck by debris from a "
        "bullet ricochet during an early Sunday shooting."
    )
    assert figures(nlp, text) == (None, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating a shooting that left two men dead and four other injured "
        "outside a church.",
        "A house party ended in gunfire overnight, leaving one person dead and at least four "
        "others hurt.",
    ],
)
def test_toll_of_dead_and_wounded_read_from_the_words(nlp, text):
    assert figures(nlp, text)[1] == 4


def test_surname_that_is_a_count_word_is_one_person(nlp):
    found = extract_casualties(nlp("Police said Chris Few was listed in critical condition."))
    assert [(c.kind, c.best) for c in found] == [("injured", 1)]


def test_the_second_victim_is_one_more(nlp):
    text = (
        "A man was shot and killed on Elm Street on Friday. "
        "The second victim was taken to a hospital."
    )
    assert figures(nlp, text) == (1, 1)


def test_other_victims_described_after_the_count_are_besides_the_dead(nlp):
    text = (
        "A woman was shot and killed at the party. Five other people -- men and women -- were shot."
    )
    assert figures(nlp, text) == (1, 5)


def test_age_after_a_name_is_not_a_count(nlp):
    text = (
        "Calvin Williams, 24 was shot in the chest, Kalone Mcgee, 26 was shot in the left leg "
        "and Jamie Clayton, 22 was shot in both legs."
    )
    assert {c.best for c in extract_casualties(nlp(text))} == {1}


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "shot" read as a noun: the person before it is the one dead.
        (
            "Deputies are investigating reports of a 4-year-old shot dead in north Harris County.",
            1,
            None,
        ),
        (
            "Kaleb Ahles' grandparents sobbed as detectives investigated the "
            "2-and-a-half-year-old's death.",
            1,
            None,
        ),
        (
            "Family members and friends of a 16-year-old boy shot and killed late Friday night in "
            "Riviera Beach held a vigil Saturday.",
            1,
            None,
        ),
        ("PHOENIX - Police say a second teen has died after a drive-by shooting.", 2, None),
        (
            "A worker shovels snow from the parking lot where four teens, one fatally, were shot.",
            1,
            3,
        ),
        (
            "Since the law passed, eight children have killed with guns left in their homes.",
            None,
            None,
        ),
        ("Amari was shot and killed just before midnight on the Fourth of July.", 1, None),
    ],
)
def test_deaths_the_parser_tangles(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_a_death_takes_no_object(nlp):
    # "died a short time later" with "time" parsed as the object of "died".
    from spacy.tokens import Doc

    words = "The man was taken to a hospital and died a short time later .".split()
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 3, 3, 3, 3, 6, 4, 3, 3, 11, 11, 8, 8, 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "cc", "conj"]
        + ["det", "amod", "dobj", "advmod", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "CCONJ", "VERB"]
        + ["DET", "ADJ", "NOUN", "ADV", "PUNCT"],
        tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "CC", "VBD", "DT", "JJ", "NN", "RB", "."],
        lemmas="the man be take to a hospital and die a short time later .".split(),
    )
    killed = summarize_casualties(extract_casualties(doc), "killed")
    assert killed is not None and killed.best == 1


def test_a_slide_counter_is_not_a_count(nlp):
    text = "Boy playing with a gun kills driver 1 / 6 Back to Gallery"
    assert figures(nlp, text)[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        '"She said that he should be dead," the documents read.',
        "At least 100 children were killed in unintentional shootings in the United States "
        "between December 2012 and December 2013.",
    ],
)
def test_no_death_of_this_event(nlp, text):
    assert figures(nlp, text)[0] is None


def test_the_fourth_victim_dying_is_not_four_dead(nlp):
    text = "Three men were shot on Main Street. The fourth man died at the hospital."
    assert figures(nlp, text)[0] == 1


def test_a_couple_is_two_people(nlp):
    assert figures(nlp, "An elderly couple was found dead in their home on Sunday.") == (2, None)


def test_more_dead_add_to_the_victims_told_of(nlp):
    text = (
        "Police found a woman dead in the kitchen on Monday. Officers later found two more "
        "people dead in the basement."
    )
    assert figures(nlp, text)[0] == 3


def test_knife_wounds_are_not_gunshot_injuries(nlp):
    assert figures(nlp, "A man was stabbed in the arm during the fight.") == (None, None)
    assert figures(nlp, "Two men were stabbed and a woman was shot in the leg.")[1] == 1


def test_a_victim_also_killed_is_one_more(nlp):
    text = "One person is dead after the shooting at the mall. The gunman was also killed."
    assert figures(nlp, text)[0] == 2


def test_an_attackers_suicide_does_not_drop_his_victims(nlp):
    text = "The father killed his sons before turning the gun on himself."
    assert figures(nlp, text)[0] == 3


def test_several_tagged_as_an_adjective_is_a_vague_count(nlp):
    assert figures(nlp, "Several people were shot outside the club.") == (None, 3)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The shooting left a man dead and other people injured early Thursday.", 1),
        ("Deputies found the four dead women and the unharmed child inside the home.", 4),
    ],
)
def test_people_of_another_fate_are_not_counted_with_the_dead(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_after_being_shot_is_about_the_clauses_subject(nlp):
    text = "A teenager is recovering after being shot in the leg on Friday."
    assert figures(nlp, text) == (None, 1)


def test_a_dying_victim_before_others_is_not_among_them(nlp):
    text = "The shooting left one boy dying at the scene and three others wounded."
    assert figures(nlp, text)[1] == 3


def test_an_injury_just_after_a_sentence_about_gunfire(nlp):
    text = "The handgun accidentally discharged in the kitchen. Velazquez suffered a minor injury."
    assert figures(nlp, text) == (None, 1)


def test_struck_by_pellets_is_gunfire(nlp):
    text = "A 16-year-old girl was struck by several shotgun pellets while turkey hunting."
    assert figures(nlp, text) == (None, 1)


def test_all_taken_to_a_hospital_include_the_dead(nlp):
    text = "A man was killed in the shooting. All three victims were taken to a hospital."
    assert figures(nlp, text) == (1, 2)


def test_a_victim_first_told_past_the_opening_is_background(nlp):
    text = (
        "Five protesters were shot near the police station late Monday. "
        + LONG_FILLER
        + "The protest began after a 24-year-old man was killed by officers."
    )
    assert figures(nlp, text) == (None, 5)
    # So is a wounded victim when the opening told only of deaths.
    text = "Two men were killed outside a store on Friday. " + LONG_FILLER + "A woman was wounded."
    assert figures(nlp, text) == (2, None)


def test_they_are_the_group_the_sentence_before_counted(nlp):
    text = "Officers found three men with gunshot wounds. They were later pronounced dead."
    assert figures(nlp, text)[0] == 3


@pytest.mark.parametrize(
    "tally",
    [
        "Late Wednesday, at least eight people were killed and 12 wounded in Chicago shootings.",
        "At least 21 people were shot in incidents spanning each of the five boroughs.",
        "There have been 104 people shot in Toledo this year.",
        "He was one of three people killed and 27 wounded over an eight-hour stretch that night.",
        "Twelve people were shot on the South Side in about ten hours.",
    ],
)
def test_tallies_of_several_shootings_are_background(nlp, tally):
    text = f"A 2-year-old boy was shot in the arm at his home on Sunday. {tally}"
    assert figures(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police are investigating a triple homicide at a home in Pelzer.", 3),
        ("Deputies called it a double murder-suicide.", 3),
        ("Deputies called it a double murder-suicide. The father had killed himself.", 3),
    ],
)
def test_the_name_of_a_multiple_homicide_gives_its_toll(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_counted_gunshot_victims_were_shot(nlp):
    text = "Two other gunshot victims arrived at the hospital in private cars."
    assert figures(nlp, text) == (None, 2)


def test_a_total_of_people_sent_to_hospitals(nlp):
    text = "The shooting sent a total of nine people to area hospitals."
    assert figures(nlp, text) == (None, 9)


def test_people_who_went_to_a_hospital(nlp):
    text = "Shots rang out at the party. Five people went to the hospital."
    assert figures(nlp, text) == (None, 5)


def test_a_participle_after_a_list_of_people_is_about_all_of_them(nlp):
    text = "A shooting downtown left three women and one man injured early Monday."
    assert figures(nlp, text) == (None, 4)


def test_a_related_story_headline_is_not_the_report(nlp):
    text = (
        "A man was shot in the leg on Main Street on Friday.\n"
        "Related Story: Police Identify Two Men Killed Near Elm Street Bar\n"
        "The man is expected to recover."
    )
    assert figures(nlp, text) == (None, 1)


@pytest.mark.parametrize(
    "text",
    [
        "A 13-year-old boy shot his 6-year-old brother to death, wounded an older brother "
        "and then killed himself, the sheriff said.",
        "The boy shot his 6-year-old brother to death and wounded his older brother in the leg.",
    ],
)
def test_a_victim_the_attacker_wounded_is_not_one_he_killed(nlp, text):
    assert figures(nlp, text)[1] == 1


def test_a_victim_told_of_who_died_past_the_opening_is_dead(nlp):
    filler = "Neighbors said the street is usually quiet and families walk there at night. " * 16
    text = (
        "Four people were shot on Frederick Douglas Road on Saturday evening. "
        + filler
        + "The man was taken to a hospital, where he was pronounced dead."
    )
    assert figures(nlp, text) == (1, 3)


def test_people_with_their_own_fate_clause_are_not_counted_with_the_next(nlp):
    text = (
        "Five people were shot on Saturday night, including two men who were killed and "
        "two police officers who received non-life-threatening injuries."
    )
    assert figures(nlp, text) == (2, 3)


def test_one_person_or_another_is_not_two(nlp):
    text = (
        "A 7-year-old girl was shot and killed on Friday. Investigators have not determined "
        "if the shooter meant to shoot and kill the child or someone else at the home."
    )
    assert figures(nlp, text)[0] == 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two Precinct 5 deputy constables were also hit by gunfire.", None, 2),
        ("He is charged in the murder of an Eight Trey Crip last year.", 1, None),
    ],
)
def test_a_number_in_a_name_is_not_a_count(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_multiple_people_are_as_many_as_several(nlp):
    assert figures(nlp, "Police say multiple people were shot outside a bar.") == (None, 3)


def test_they_are_the_people_counted_a_few_sentences_before(nlp):
    text = (
        "Police are looking for a shooter who opened fire on four men. "
        "It happened just after 10 p.m. Sunday. "
        "Police said the men range in age from their late teens to early 20s. "
        "They were all shot in the foot and treated at a hospital."
    )
    assert figures(nlp, text) == (None, 4)


def test_a_child_who_accidentally_killed_himself_is_the_victim(nlp):
    text = (
        "A 4-year-old boy accidentally shot and killed himself at his home on Sunday. "
        "The boy died at the hospital, police said."
    )
    assert figures(nlp, text)[0] == 1


def test_people_shot_to_death_are_the_victims_not_the_attacker_too(nlp):
    text = (
        "Four people were shot to death at a home on Friday. "
        "The gunman then killed himself, deputies said."
    )
    assert figures(nlp, text)[0] == 5


def test_another_death_told_well_after_the_first_is_another_case(nlp):
    text = (
        "A 6-year-old boy was shot and killed at his home on Friday. "
        "Neighbors said the family had moved to the street in the spring and that the boy "
        "loved to ride his bike along the sidewalk after school with his cousins. "
        "Another boy died after a similar shooting in the county in March."
    )
    assert figures(nlp, text)[0] == 1


def test_a_hope_to_kill_is_not_a_death(nlp):
    text = "A gunman killed two people on Sunday. Police said he had hoped to kill hundreds."
    assert figures(nlp, text)[0] == 2


def test_a_shooter_who_shot_himself_in_a_murder_suicide_is_dead(nlp):
    text = (
        "Deputies said it was a murder-suicide. Smith killed his wife and their two sons. "
        "He later shot himself in the garage."
    )
    assert figures(nlp, text)[0] == 4


def test_a_bare_plural_speaks_of_people_in_general(nlp):
    text = (
        "Five people were injured in the shooting on Sunday. "
        '"We have to stop killing kids," the pastor said.'
    )
    assert figures(nlp, text) == (None, 5)


def test_shot_at_a_place_is_where_not_whom(nlp):
    # A headline's "found shot to death at": the four are the dead, not the shooters.
    assert figures(nlp, "Four people found shot to death at apartment complex")[0] == 4
    # "shot at officers": the men were the shooters.
    assert figures(nlp, "Two men shot at officers in Dayton") == (None, None)


def test_a_headline_list_without_and_counts_each(nlp):
    assert headline_tolls(nlp, "2 Girls, 2 Men Shot At Birthday Party In Compton", "") == (0, 4)
    # Each with its own outcome: not one list.
    assert headline_tolls(nlp, "Shooting That Left Teen Dead, 6 Injured", "") == (1, 6)


def test_the_three_dead_take_in_the_attacker(nlp):
    text = (
        "The man shot a woman and a child before turning the gun on himself. "
        "Officers found the three dead inside the home."
    )
    assert figures(nlp, text)[0] == 3


def headline_tolls(nlp, title, text):
    from wirecheck.analyze.analyzer import Analyzer
    from wirecheck.models import Article

    headline = Analyzer(nlp).read_headline(Article(text="", origin="t", title=title))
    killed, injured = headline.tolls(extract_casualties(nlp(text)), text)
    return (killed.best if killed else 0), (injured.best if injured else 0)


@pytest.mark.parametrize(
    ("title", "text", "killed", "injured"),
    [
        # The headline's toll above the text's: the report tells of fewer victims.
        ("Two dead, six injured in Houston shooting", "A man was killed in the shooting.", 2, 6),
        ("Man shot his family, killing 3, then killed himself", "He killed his wife.", 4, 0),
        ("1 dead, 3 injured in shooting", "A man was killed and a woman was wounded.", 1, 3),
        # Not a headline summing up several shootings.
        (
            "2 dead, 7 hurt after shootings on east side",
            "A man was killed and two boys were wounded.",
            1,
            2,
        ),
        # "4 people shot" with no death told: the four are the wounded; not where one died.
        ("4 people shot in Montclair", "An 18-year-old girl was shot on Sunday.", 0, 4),
        ("Four people shot in Dayton", "One man died and three others were wounded.", 1, 3),
        # The one victim the text says was shot is the one the headline says died.
        ("10-year-old girl dies after being shot", "The girl was shot on Sunday.", 1, 0),
        ("1 dead, 1 injured in shooting", "The boy was shot on Sunday.", 1, 1),
        # Not another victim than the headline's, nor one the text says was wounded.
        ("Suspect dies after shooting", "A deputy was shot in the arm on Sunday.", 1, 1),
        ("Deputy dies after shooting", "A deputy was shot in the arm on Sunday.", 1, 1),
        # A headline summing up a period, or counting an earlier event, is not the toll.
        ("8 killed in weekend gun violence in Chicago", "A man was killed Saturday.", 1, 0),
        (
            "3 dead, 12 hurt in holiday weekend violence",
            "A man was killed Saturday. Two other men were wounded.",
            1,
            2,
        ),
        ("One year after 9 killed at church, man is shot", "A man was shot and killed.", 1, 0),
        (
            "Man charged in deaths of 2 kids in 2019 fire, fatal shooting",
            "A man was shot and killed Saturday, police said.",
            1,
            0,
        ),
    ],
)
def test_headline_tolls_over_the_text(nlp, title, text, killed, injured):
    assert headline_tolls(nlp, title, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Soldiers were killed when militants attacked the base near Kandahar.", 2, None),
        ("Civilians were killed in the shelling of Donetsk, officials said.", 2, None),
        ("Canadian soldiers were wounded in the clash near Mosul.", None, 2),
    ],
)
def test_a_bare_plural_told_in_the_past_is_victims(nlp, text, killed, injured):
    assert figures(nlp, text) == (killed, injured)


def test_a_headline_bare_plural_is_victims(nlp):
    assert headline_tolls(nlp, "Officers shot during standoff", "The standoff ended.") == (0, 2)


def test_a_murder_suicide_nearby_is_no_death_for_a_wound(nlp):
    wound = "Later, a second man shot himself in the leg while cleaning a rifle."
    text = "Police initially called it a murder-suicide. " + wound
    assert figures(nlp, text)[0] is None
    assert figures(nlp, text) == figures(nlp, wound)
    text = (
        "A boy, 12, shot himself accidentally at home. In an unrelated case last month, a "
        "murder-suicide left two dead."
    )
    assert figures(nlp, text) == (2, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Two gunmen shot at a convoy near Mosul on Tuesday. No one was hurt.",
        "Two gunmen shot at a checkpoint in Kabul on Tuesday. No one was hurt.",
    ],
)
def test_shooters_who_shot_at_a_target_are_no_victims(nlp, text):
    assert figures(nlp, text) == (0, 0)


def test_a_headline_list_without_and_spans_every_member(nlp):
    from wirecheck.analyze.analyzer import Analyzer
    from wirecheck.models import Article

    title = "2 Girls, 2 Men Shot"
    headline = Analyzer(nlp).read_headline(Article(text="", origin="t", title=title))
    [shot] = headline.casualties
    assert (shot.best, shot.text, title[shot.start : shot.end]) == (4, title, title)


@pytest.mark.parametrize(
    "title",
    [
        "Four wounded over eight-hour stretch",  # the sentence tally's words serve too
        "5 killed in separate shootings across the city",
        "46 wounded in weekend shootings",  # a headline's own: a bare plural, a period
        "8 killed in weekend gun violence",
        "Man shot a year after brother was killed",
        "City Roundup: Man shot on Elm Street",  # a digest
    ],
)
def test_a_headline_sums_up_what_a_tally_sentence_does(title):
    from wirecheck.analyze.analyzer import SEVERAL

    assert SEVERAL.search(title)


@pytest.mark.parametrize(
    "title",
    [
        # Marks of a tally only in a sentence: a headline of one incident uses them too.
        "Gunman Kills 2 Around Dallas Mall",
        "Man Shot Around The Corner From His Home",
        "Statewide manhunt underway after trooper killed",
        "Gunman kills 58 in deadliest shooting in the nation's history",
        "Two killed in shooting; suspect caught in about two hours",
    ],
)
def test_a_headline_of_one_incident_sums_up_nothing(title):
    from wirecheck.analyze.analyzer import SEVERAL

    assert not SEVERAL.search(title)


@pytest.mark.parametrize(
    "text",
    [
        # Another person's "shot himself" leaves the second victim's place a death.
        "A gunman shot four people at a party. A second victim died at the hospital, and the "
        "gunman shot himself.",
        "Four people were shot. A second man died Sunday. The shooter shot himself.",
    ],
)
def test_a_second_victim_beside_the_gunmans_suicide_is_a_second_death(nlp, text):
    assert figures(nlp, text) == (2, 2)


def test_found_dead_hung_on_the_noun_is_a_death(nlp):
    text = "Officers found a 16-year-old girl dead in the basement. She had shot herself."
    assert figures(nlp, text) == (1, None)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # The name set beside a conjoined noun is that person's, not one more.
        ("Clark and the driver, Kayla Blakely, received gunshot wounds.", 2),
        # A person after "and", hung on the first as an apposition, is one more.
        ("Her son, Storm Malone, and a family friend were wounded.", 2),
    ],
)
def test_a_name_beside_a_listed_person_is_that_person(nlp, text, injured):
    assert figures(nlp, text) == (None, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # The attacker may be among the dead counted, or killed by police or troops.
        (
            "The attack killed five people, including the gunman. The gunman was killed by police.",
            5,
        ),
        (
            "The blast killed 12 people, among them the bomber. The attacker was killed instantly.",
            12,
        ),
        (
            "Police shot and killed two suspects in the standoff. The suspect who fired first "
            "was killed near the door.",
            2,
        ),
        ("Troops killed 30 militants. One militant was killed as he tried to flee", 30),
    ],
)
def test_an_attacker_killed_beside_a_figure_of_the_dead_is_no_one_more(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "A man shot three deputies, killing two of the deputies and leading dozens of "
            "officers on a long chase.",
            2,
        ),
        # A gerund that describes the people is no clause of its own.
        ("The attack killed three soldiers and visiting journalists.", 5),
        ("The fire killed two residents and visiting relatives.", 4),
    ],
)
def test_people_of_a_second_gerund_clause_are_not_victims(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_of_the_people_shot_one_was_pronounced_dead(nlp):
    text = "Of the six men who were shot, one was pronounced dead at the scene."
    assert figures(nlp, text) == (1, 5)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Five men and women were injured in the shooting.", 5),
        ("Three men and two women were injured in the shooting.", 5),
    ],
)
def test_a_bare_plural_after_a_counted_one_falls_under_its_number(nlp, text, injured):
    assert figures(nlp, text) == (None, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A man and a woman were found dead in the home, as were three children.", 5),
        ("A woman was killed, as was her son.", 2),
        ("A woman was killed, as police said.", 1),
    ],
)
def test_people_of_an_elliptical_as_were_share_the_outcome(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_an_as_clause_with_its_own_predicate_adds_no_one(nlp):
    text = "A girl and her mother were shot as the family were on their way home."
    assert figures(nlp, text) == (None, 2)


def test_a_list_the_parser_split_into_two_subjects_counts_whole(nlp):
    text = "Two children, ages 3 and 5, and their mother have been found dead in the home."
    assert figures(nlp, text)[0] == 3


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # "Others" beside a death count besides the wounded told before too.
        ("A man was shot in the leg. Another man was killed and three others were injured.", 4),
        (
            "A woman was shot in the arm. The gunman then fired into the crowd, killing a man "
            "and wounding four others.",
            5,
        ),
    ],
)
def test_others_beside_a_death_add_the_wounded_told_before(nlp, text, injured):
    assert figures(nlp, text) == (1, injured)


def test_a_roundup_headline_is_no_toll_over_the_text(nlp):
    title = "Man Shoots Ex-Wife and Her Brother: City Roundup"
    assert headline_tolls(nlp, title, "A teen was shot in the hip on Monday.") == (0, 1)


def test_the_surviving_victims_leave_out_the_dead(nlp):
    text = (
        "One man was pronounced dead at the scene. The surviving three gunshot victims were "
        "taken to a hospital."
    )
    assert figures(nlp, text) == (1, 3)


def test_an_apposition_at_the_start_looks_before_no_token(nlp):
    from spacy.tokens import Doc

    from wirecheck.analyze.casualties import _listed_beside

    # A parse with the apposition first: the token before it is none, not the last ("and").
    words = ["boy", ",", "victim", "shot", "and"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[2, 2, 3, 3, 3],
        deps=["appos", "punct", "nsubjpass", "ROOT", "cc"],
        pos=["NOUN", "PUNCT", "NOUN", "VERB", "CCONJ"],
        tags=["NN", ",", "NN", "VBN", "CC"],
    )
    assert _listed_beside(doc[2]) == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Rescuers said the death toll from the ferry fire rose to 27 on Sunday.", 27),
        ("Provincial officials raised the death toll to more than 40 after the storm.", 40),
        ("A woman hurt in the crash died, bringing the death toll in the crash to three.", 3),
        ("Rescuers found more bodies and raised the toll to twenty-two.", 22),
        # A war named away from the toll does not make it a war's.
        (
            "The leader of the insurgency on Sunday praised the troop withdrawal from the "
            "country, as officials raised the death toll to more than 60 from the blasts.",
            60,
        ),
        # A toll foreseen is not one told.
        ("The death toll may be higher, up to 15, a local radio station said.", None),
        ("The death toll is expected to rise to 30 as more bodies are found.", None),
    ],
)
def test_a_death_toll_told_as_it_rises_counts(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_a_headline_toll_that_rises_counts(nlp):
    title = "Army says death toll in bus ambush rises to 19"
    assert headline_tolls(nlp, title, "The army spoke to reporters on Friday.") == (19, 0)


def test_people_who_lost_their_lives_are_dead(nlp):
    text = "Officials said 14 people, including six soldiers, lost their lives in the raid."
    assert figures(nlp, text) == (14, None)


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors say the brothers hired a gunman to kill the journalist.",
        "Police said they uncovered a plot to kill the official.",
        "The two men were paid to plan the reporter's murder.",
        "He conspired with two men to kill his neighbor.",
    ],
)
def test_a_killing_wanted_or_paid_for_is_no_death(nlp, text):
    assert figures(nlp, text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "She is flying home to see her father before he dies of cancer.",
        "Police said more charges will be filed if the boy dies of his wound.",
    ],
)
def test_a_death_that_may_come_is_no_death(nlp, text):
    assert figures(nlp, text) == (None, None)


def test_a_death_before_he_died_is_told(nlp):
    assert figures(nlp, "He was shot in the head before he died.")[0] == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A toll of a war, an epidemic or a season does not replace the event's toll.
        (
            "A strike in Rafah killed 7 people on Monday. The death toll in Gaza since the war "
            "began has risen to more than 40,000.",
            7,
        ),
        (
            "A nurse died of COVID-19 on Friday. The pandemic's death toll in the state rose to "
            "1,200.",
            1,
        ),
        ("Two more died of the flu, bringing the death toll from this season's outbreak to 30.", 2),
        # A toll told as it stands is as often a past event's.
        (
            "The 2023 earthquake had a death toll of more than 50,000. On Tuesday an aftershock "
            "injured two people.",
            None,
        ),
        ("The death toll at the Grenfell Tower fire was 72.", None),
        ("Last month a similar attack left a death toll of 60.", None),
        # Past a report's head, a rising toll is no longer read as the event's.
        (
            "A gunman killed 5 people on Monday. Police sealed the mall. Residents prayed. The "
            "death toll rose to 12.",
            5,
        ),
        # A casualty toll counts the wounded; a bare toll needs words of death.
        ("The casualty toll rose to 35, including dead and wounded, officials said.", None),
        ("The county board voted to raise the toll to 15 for trucks.", None),
    ],
)
def test_a_toll_of_a_period_or_of_the_past_is_not_the_events(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


def test_an_ordered_killing_may_have_taken_place(nlp):
    text = "Witnesses said the commander ordered the killing of 12 protesters on Friday."
    assert figures(nlp, text)[0] == 12


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Dated years before the report's year of publication: background, even told first.
        ("When her grandfather died in 1931, the family moved to Ohio.", None),
        ("The award honors reporter Jane Roe, who was killed in Spain in 2015.", None),
        # The old date belongs to another clause or to the subject: the event's toll stands.
        (
            "A gunman who killed five people last week had been treated at a clinic in 2016, "
            "police said on Monday, May 6, 2024.",
            5,
        ),
        ("The driver of a 2012 Honda Civic was killed Sunday in a crash on Route 9.", 1),
        ("A commander who fought in the 2014 war was killed in an airstrike Monday.", 1),
        # Years after publication are no measure of it.
        ("A man was shot and killed on Jan. 3, 2024. The trial is set for 2028.", 1),
    ],
)
def test_a_death_dated_years_before_publication_is_background(nlp, text, killed):
    assert figures(nlp, text, 2024)[0] == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # Without a publication year, the latest year a past event is dated to stands for it.
        (
            "When his father died in 1998, the boy moved to Ohio. He was shot on May 2, 2015, "
            "and is in stable condition.",
            None,
        ),
        # Not a year ahead, nor one in a name.
        ("A man was killed on Jan. 3, 2024. A trial is set for 2028.", 1),
        ("The driver of a 2012 Honda Civic was killed Sunday. Copyright 2026 WXYZ.", 1),
    ],
)
def test_without_a_publication_year_past_events_date_the_report(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


@pytest.mark.parametrize(
    "text",
    [
        "The accord ended a war that lasted four years and killed 80,000 people.",
        "The war, which has killed 400,000 people, is in its fourth year.",
        "Officials said the pandemic has killed thousands of people in the region.",
    ],
)
def test_deaths_of_a_war_are_a_tally_not_a_toll(nlp, text):
    assert figures(nlp, text)[0] is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Five civilians were killed in the war in Sudan on Tuesday when shelling hit a market.",
            5,
        ),
        ("A journalist was killed during the war in Gaza on Monday.", 1),
        ("A soldier from Ohio was killed in the war in Ukraine this week.", 1),
        ("Russia's war has killed two soldiers in the village overnight.", 2),
    ],
)
def test_deaths_in_a_war_on_a_recent_day_are_an_event(nlp, text, killed):
    assert figures(nlp, text)[0] == killed


@pytest.mark.parametrize(
    "text",
    [
        "Officer Mark Jones, who was killed Friday, was a 12-year veteran of the force.",
        "Hundreds demanded justice for Ahmed Ali, who was killed by police on Monday.",
    ],
)
def test_a_relative_clause_on_a_named_victim_counts(nlp, text):
    assert figures(nlp, text)[0] == 1


def test_a_question_who_is_dead_counts_no_one(nlp):
    text = 'The minister asked: "Who is dead? Where are the examples of killed reporters?"'
    assert figures(nlp, text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The pistol went off, hitting the youngster in the leg.",
        "The rifle discharged, hurting a 12-year-old girl.",
    ],
)
def test_a_gun_that_went_off_hit_its_victim(nlp, text):
    assert figures(nlp, text) == (None, 1)


def test_harm_without_gunfire_is_no_injury(nlp):
    assert figures(nlp, "The new fees would hurt the poorest families.") == (None, None)
    # "fired" and "rounds" have other senses than gunfire.
    text = "The company fired 200 workers last week, hurting dozens of families."
    assert figures(nlp, text)[1] is None


def test_a_named_wounded_victim_who_died_is_not_injured(nlp):
    text = "Ann Cole and Ray Dunn were wounded in the shooting. Dunn later died at a hospital."
    assert figures(nlp, text) == (1, 1)
    # A family named after the one who died is not that person.
    text = (
        "Jose Ramirez, 40, was shot and killed outside his home on Friday. Ramirez's wife and "
        "two daughters were injured."
    )
    assert figures(nlp, text) == (1, 3)


@pytest.mark.parametrize(
    ("title", "injured"),
    [
        # A count the parser reads as a count of shots: "shot" a noun.
        ("Five Shot In Riverdale Early Saturday", 5),
        ("Police: 3 shot in Elm Court", 3),
        # A participle the parser gave an object: a place, or the source after a colon.
        ("Two men shot outside store in Lakewood", 2),
        ("Two people shot in Riverdale: police", 2),
    ],
)
def test_a_headline_participle_is_a_passive(nlp, title, injured):
    assert headline_tolls(nlp, title, "Police are investigating.") == (0, injured)


@pytest.mark.parametrize(
    "title",
    [
        "Two men shot deputy in Millbrook",  # a person shot: the men are the shooters
        "Two men shot at officers in Millbrook",
        "Gunmen shot up a diner in Millbrook",
        "Police fired five shots in Elm Court",
        "Hunter shot deer near Millbrook",  # an object that is no person
        "Man shot three outside bar, police say",
        "Teen who shot classmate sentenced",  # a relative clause tells of the shooter
        "Two shot lead for Millbrook at the Open",  # "shot" a noun's modifier
        "3 shot clock violations doom Millbrook",
    ],
)
def test_a_headline_shooter_is_no_victim(nlp, title):
    assert headline_tolls(nlp, title, "Police are investigating.")[1] <= 1


def test_a_count_shot_in_the_text_is_not_read_as_a_headline(nlp):
    # A caption line in the text may repeat a tally that includes the dead.
    assert figures(nlp, "4 shot after fight at party\nA man was killed.") == (1, None)


@pytest.mark.parametrize(
    ("title", "text", "killed", "injured"),
    [
        # A headline's split of the shot gives the wounded where the text gives none.
        ("5 shot, 1 killed in Elm Court", "Police are investigating.", 1, 4),
        ("Police: 4 teens shot, 1 fatally, in Lakewood", "Police are investigating.", 1, 3),
        # The text's own count of the wounded stands.
        ("5 shot, 1 killed in Elm Court", "A man died and two others were wounded.", 1, 2),
        # All the shot died; a later toll in the text makes the split's wounded stale.
        ("3 shot, killed in Elm Court", "Police are investigating.", 0, 0),
        ("5 shot, 1 killed in Elm Court", "The death toll rose to three on Monday.", 3, 0),
    ],
)
def test_a_headline_split_of_the_shot_gives_the_wounded(nlp, title, text, killed, injured):
    assert headline_tolls(nlp, title, text) == (killed, injured)


def test_a_split_inside_a_headline_is_no_split(nlp):
    # Not the headline's head: the shot and dead may be of several scenes.
    title = "Night of brawls ends with 5 shot, 2 dead"
    assert headline_tolls(nlp, title, "Police are investigating.")[1] != 3


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # An age read as an adjective is the person who bears the wound.
        ("Deputies found a 17-year-old with a gunshot wound in the yard.", 1),
        ("Deputies found a 17-year-old with a stab wound in the yard.", None),
        # Treated and sent home: one of the wounded.
        ("The gun went off in his hand. He was treated and released from the hospital.", 1),
        # Not a plural without a number: perhaps not all of them were hit.
        ("Shots rang out at the party. Both were treated and released.", None),
        # Treated for something else, or released from jail: no wound.
        ("A firefighter was treated and released for smoke inhalation.", None),
        ("Police fired shots during the arrest. He was treated and released from jail.", None),
    ],
)
def test_wounded_told_by_treatment_or_age(nlp, text, injured):
    assert figures(nlp, text)[1] == injured
